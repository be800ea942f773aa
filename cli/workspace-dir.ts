import { randomBytes } from 'node:crypto';
import { FileStorage } from './file-storage';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../shared/app/workspace';
import { workspaceSettings, type WorkspaceSettings } from '../shared/app/settings';
import { MemoryStorage } from '../shared/app/memory-storage';
import type { StoragePort } from '../shared/app/storage';
import { NotFoundError } from './errors';
import type { CliIo } from './io';
import { seededPlan } from '../seeds';
import type { SeedCatalogue } from '../shared/app/setup';

/** The plans zwc ships: the same seeds/ the app embeds. */
export const CLI_SEEDS: SeedCatalogue = { plan: seededPlan };

/**
 * The one place zwc opens a workspace: the storage of a workspace folder, and the services over it
 * with the command's clock (io.now) and a strong random source. Every command goes through here.
 */

/** The storage of the workspace folder DIR. */
async function openStorage(dir: string): Promise<StoragePort> {
  return FileStorage.open(dir);
}

const options = (io: CliIo): WorkspaceOptions => ({ random: (n) => new Uint8Array(randomBytes(n)), now: () => io.now().getTime(), seeds: CLI_SEEDS });

/** Something the storage wants the clerk to know on every command (e.g. near its size limit), or null. */
export function storageNotice(ws: Workspace): string | null {
  return ws.storage instanceof FileStorage ? ws.storage.notice : null;
}

/** The workspace in DIR (created empty when the folder has none yet). */
export async function openWorkspaceDir(dir: string, io: CliIo): Promise<Workspace> {
  const ws = await openWorkspace(await openStorage(dir), options(io));
  const notice = storageNotice(ws);
  if (notice) io.stderr(`${notice}\n`);
  return ws;
}

/** A workspace held in memory for one run (zwc merge). */
export function openMemoryWorkspace(io: CliIo): Promise<Workspace> {
  return openWorkspace(new MemoryStorage(), options(io));
}

export interface Office {
  ws: Workspace;
  settings: WorkspaceSettings;
}

/** The workspace in DIR, which must have been set up for an office. */
export async function openOffice(dir: string, io: CliIo): Promise<Office> {
  const ws = await openWorkspaceDir(dir, io);
  return { ws, settings: await settingsOf(ws, dir) };
}

export async function settingsOf(ws: Workspace, dir: string): Promise<WorkspaceSettings> {
  const s = await workspaceSettings(ws.storage);
  if (!s) throw new NotFoundError(`工作区 ${dir} 尚未设置单位，请先运行 zwc --workspace ${dir} init --office <代码> / run init first`);
  return s;
}
