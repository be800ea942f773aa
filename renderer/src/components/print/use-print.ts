import { useMemo } from 'react';
import { IssuedSheets } from '../../../../shared/app/issued-sheets';
import { useLedger } from '../../app/store';

/** The register of issued sheets over this workspace's storage; null until the workspace is open. */
export function useIssuedSheets(): IssuedSheets | null {
  const storage = useLedger((s) => s.workspace?.storage);
  return useMemo(() => (storage ? new IssuedSheets(storage) : null), [storage]);
}
