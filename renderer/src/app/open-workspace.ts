import { workspaceOver, type Workspace } from '../../../shared/app/workspace';
import { DB_NAME, type LocalDatabase } from '../db/schema';
import { DexieStorage } from '../db/dexie-storage';
import Dexie from 'dexie';
import { desktop } from '../platform';
import { openLocalDatabase } from './local-database';
import { seededPlan } from '../../../seeds';
import type { SeedCatalogue } from '../../../shared/app/setup/setup';

/** The plans this build ships, for set-up: each file is loaded only when chosen. */
const SEEDS: SeedCatalogue = { plan: seededPlan };

/** The workspace the UI works on: every core service over this renderer's IndexedDB, signing with the desktop key vault where there is one. */
export async function openRendererWorkspace(db?: LocalDatabase): Promise<Workspace> {
  const repo = await openLocalDatabase(db);
  return workspaceOver(repo.storage, repo, { vault: desktop.keyVault, seeds: SEEDS });
}

/** Deletes this machine's workspace (after the clerk made a backup and confirmed). */
export async function eraseLocalWorkspace(ws: Workspace): Promise<void> {
  if (ws.storage instanceof DexieStorage) ws.storage.db.close();
  await Dexie.delete(DB_NAME);
}
