import type { IssuedSheets } from '../../../../shared/app/issued-sheets';
import { useLedger } from '../../app/store';

/** The register of issued sheets: the workspace's own service; null until the workspace is open. */
export function useIssuedSheets(): IssuedSheets | null {
  return useLedger((s) => s.workspace?.sheets) ?? null;
}
