import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DeviceIdentity } from '../shared/app/trust/device-identity';
import { exportIdentity, generateIdentity, importIdentity, signBytes, StoredIdentitySchema, type StoredIdentity } from '../shared/exchange/identity';
import { FileStorage } from './file-storage';
import { openCliStorage, takeMigration } from './storage/open';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '../shared/app/workspace';
import { workspaceSettings, type WorkspaceSettings } from '../shared/app/settings';
import { MemoryStorage } from '../shared/app/memory-storage';
import type { StoragePort } from '../shared/app/storage';
import { FileError, InputError, NotFoundError } from './errors';
import { writeOutput, type CliIo } from './io';
import { seededPlan } from '../seeds';
import type { SeedCatalogue } from '../shared/app/setup/setup';

/** The plans zwc ships: the same seeds/ the app embeds. */
export const CLI_SEEDS: SeedCatalogue = { plan: seededPlan };

/**
 * The one place zwc opens a workspace: the storage of a workspace folder, and the services over it
 * with the command's clock (io.now) and a strong random source. Every command goes through here.
 */

/** The storage of the workspace folder DIR: PGlite in DIR/db/, an old DIR/workspace.json migrated once (cli/storage/open.ts). */
async function openStorage(dir: string, io: CliIo): Promise<StoragePort> {
  const storage = await openCliStorage(dir);
  const moved = takeMigration(dir);
  if (moved) io.stderr(`已将旧工作区文件的 ${moved.rows} 行数据迁入数据库 ${join(dir, 'db')}，原文件改名为 ${moved.renamedTo} / workspace.json migrated\n`);
  return storage;
}

const options = (io: CliIo): WorkspaceOptions => ({ random: (n) => new Uint8Array(randomBytes(n)), now: () => io.now().getTime(), seeds: CLI_SEEDS });

/** This laptop's signing key for the workspace in DIR: a key file beside its data, never in backups. */
export const KEY_FILE = 'device-key.json';

/**
 * The workspace's signing key. The app keeps a non-extractable WebCrypto key in IndexedDB (or the
 * desktop vault); a workspace folder cannot hold a key object, so zwc keeps the key as a key file
 * in DIR (made on first use, never overwritten, readable by its owner only) and signs with it.
 */
export async function cliIdentity(dir: string, io: CliIo, deviceId: string): Promise<DeviceIdentity> {
  const path = join(dir, KEY_FILE);
  let stored: StoredIdentity;
  let bytes: Uint8Array | undefined;
  try {
    bytes = await io.readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new FileError(`无法读取本机签名密钥 ${path}：${e instanceof Error ? e.message : String(e)}`);
  }
  if (bytes) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      parsed = undefined;
    }
    const checked = StoredIdentitySchema.safeParse(parsed);
    if (!checked.success) throw new InputError(`本机签名密钥文件已损坏：${path}；请联系技术人员（不要删除，接收方登记的是它的公钥）`);
    stored = checked.data;
  } else {
    stored = await exportIdentity(await generateIdentity(true), deviceId, io.now());
    await writeOutput(io, path, `${JSON.stringify(stored, null, 2)}\n`, true);
  }
  const identity = await importIdentity(stored);
  return { publicKey: stored.publicKey, fingerprint: stored.fingerprint, createdAt: stored.createdAt, signManifest: (manifest) => signBytes(identity, manifest) };
}

/** Something the storage wants the clerk to know on every command (e.g. near its size limit), or null. */
export function storageNotice(ws: Workspace): string | null {
  return ws.storage instanceof FileStorage ? ws.storage.notice : null;
}

/** The workspace in DIR (created empty when the folder has none yet). */
export async function openWorkspaceDir(dir: string, io: CliIo): Promise<Workspace> {
  let deviceId = '';
  const ws = await openWorkspace(await openStorage(dir, io), { ...options(io), identity: () => cliIdentity(dir, io, deviceId) });
  deviceId = ws.deviceId;
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
