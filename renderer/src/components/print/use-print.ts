import type { IssuedSheets } from '../../../../shared/app/printing/issued-sheets';
import { useAppState } from '../../app/store';

/** The register of issued sheets: the workspace's own service; null until the workspace is open. */
export function useIssuedSheets(): IssuedSheets | null {
  return useAppState((s) => s.workspace?.sheets) ?? null;
}
