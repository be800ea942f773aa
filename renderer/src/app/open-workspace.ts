import { workspaceOver, type Workspace } from '../../../shared/app/workspace';
import type { LedgerDb } from '../db/schema';
import { desktop } from '../platform';
import { openLedger } from './ledger';

/** The workspace the UI works on: every core service over this renderer's IndexedDB, signing with the desktop key vault where there is one. */
export async function openRendererWorkspace(db?: LedgerDb): Promise<Workspace> {
  const repo = await openLedger(db);
  return workspaceOver(repo.storage, repo, { vault: desktop.keyVault });
}
