import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { FileStorage, WorkspaceFileError } from '../file-storage';
import type { StoreName } from '../../shared/app/storage';
import { copyTables, giveImportRowsTheirOffice, PgliteStorage } from './pglite-storage';

/**
 * The command line's workspace storage: PGlite in DIR/db/ (cli/storage/pglite-storage.ts). A
 * workspace still kept in the old single file, DIR/workspace.json, is copied into it once, in one
 * transaction, and the file renamed to workspace.json.migrated.
 */

export const DB_FOLDER = 'db';
const JSON_FILE = 'workspace.json';
const MIGRATED_SUFFIX = '.migrated';
/** Open databases kept per process; opening another beyond this closes the one used longest ago. */
const KEEP_OPEN = 4;

interface Opened {
  storage: Promise<PgliteStorage>;
  db?: PGlite;
}
const open = new Map<string, Opened>();

/** What the migration did, for the command to tell the clerk (null when nothing was migrated). */
export interface Migration {
  rows: number;
  renamedTo: string;
}
const migrations = new Map<string, Migration>();
/** The migration done when DIR was opened, once (the command tells the clerk, then it is forgotten). */
export function takeMigration(dir: string): Migration | null {
  const done = migrations.get(resolve(dir)) ?? null;
  migrations.delete(resolve(dir));
  return done;
}

/** Opens (or returns the already open) storage of the workspace folder DIR. */
export function openCliStorage(dir: string): Promise<PgliteStorage> {
  const key = resolve(dir);
  const hit = open.get(key);
  // A workspace.json put in the folder since it was opened is looked at as on a first open.
  if (hit && existsSync(join(key, JSON_FILE))) {
    open.delete(key);
    return hit.storage
      .then(() => hit.db?.close())
      .catch(() => undefined)
      .then(() => openCliStorage(dir));
  }
  if (hit) {
    open.delete(key);
    open.set(key, hit); // most recently used last
    return hit.storage;
  }
  const entry: Opened = { storage: Promise.resolve(undefined as unknown as PgliteStorage) };
  entry.storage = openFresh(key, entry);
  open.set(key, entry);
  entry.storage.catch(() => open.delete(key));
  while (open.size > KEEP_OPEN) {
    const [oldest, old] = open.entries().next().value as [string, Opened];
    open.delete(oldest);
    void old.storage.then(() => old.db?.close()).catch(() => undefined);
  }
  return entry.storage;
}

/** Closes the storage of DIR (or every open one): the data stays on disk. */
export async function closeCliStorage(dir?: string): Promise<void> {
  const keys = dir === undefined ? [...open.keys()] : [resolve(dir)];
  for (const key of keys) {
    const entry = open.get(key);
    open.delete(key);
    if (!entry) continue;
    try {
      await entry.storage;
    } catch {
      continue;
    }
    if (entry.db && !entry.db.closed) await entry.db.close();
  }
}

let exitHook = false;
function closeOnExit(): void {
  if (exitHook) return;
  exitHook = true;
  // Postgres is shut down cleanly when the command is done (it would recover without, but slower).
  process.once('beforeExit', () => void closeCliStorage());
}

async function openFresh(dir: string, entry: Opened): Promise<PgliteStorage> {
  // The old file is read (and checked) first: a damaged one is named before anything is created.
  const jsonPath = join(dir, JSON_FILE);
  const legacy = existsSync(jsonPath) ? readLegacy(dir) : null;
  const dataDir = join(dir, DB_FOLDER);
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  let db: PGlite;
  try {
    mkdirSync(dir, { recursive: true });
    db = fresh ? await createFromTemplate(dataDir) : await PGlite.create(dataDir);
  } catch (e) {
    throw new WorkspaceFileError(`无法打开工作区数据库 ${dataDir}：${e instanceof Error ? e.message : String(e)}`);
  }
  entry.db = db;
  closeOnExit();
  const storage = new PgliteStorage(db);
  try {
    await storage.init();
    if (legacy) migrations.set(dir, await migrate(storage, dir, legacy));
  } catch (e) {
    await db.close();
    throw e;
  }
  return storage;
}

async function migrate(storage: PgliteStorage, dir: string, legacy: Legacy): Promise<Migration> {
  const jsonPath = join(dir, JSON_FILE);
  if ((await storage.meta('migratedFrom')) !== legacy.digest) {
    const counts = await storage.counts();
    if (Object.values(counts).some((n) => n > 0)) {
      throw new WorkspaceFileError(
        `工作区 ${dir} 中既有数据库（${DB_FOLDER}/），又有未迁移的旧工作区文件 ${JSON_FILE}；为免覆盖，请将 ${JSON_FILE} 移出该文件夹后再运行 / both a database and an unmigrated workspace.json`,
      );
    }
    await copyTables(storage.db, legacy.tables, { migratedFrom: legacy.digest, migratedAt: new Date().toISOString() });
    await giveImportRowsTheirOffice(storage.db);
  }
  // Renamed only once the rows are committed; a crash in between is finished on the next open (same digest).
  const renamedTo = `${jsonPath}${MIGRATED_SUFFIX}`;
  renameSync(jsonPath, renamedTo);
  return { rows: Object.values(legacy.tables).reduce((n, rows) => n + rows.length, 0), renamedTo };
}

interface Legacy {
  tables: Record<StoreName, unknown[]>;
  digest: string;
}

function readLegacy(dir: string): Legacy {
  const file = FileStorage.open(dir); // checks type, size and format, with its own messages
  const digest = createHash('sha256').update(readFileSync(join(dir, JSON_FILE), 'utf8')).digest('hex');
  return { tables: file.rows(), digest };
}

/**
 * A new database starts as a copy of an empty one made once per machine (initdb takes seconds; a
 * copy milliseconds). The template is keyed by the PGlite version and made under a temporary name,
 * then renamed, so two processes never see half of one.
 */
async function createFromTemplate(dataDir: string): Promise<PGlite> {
  const template = join(tmpdir(), `zwc-pglite-template-${PGLITE_VERSION}`);
  if (existsSync(dataDir) && readdirSync(dataDir).length) return PGlite.create(dataDir); // something there: PGlite judges it
  try {
    await copyTemplate(template, dataDir);
    return await PGlite.create(dataDir);
  } catch {
    // A template from another PGlite, or damaged: a database of its own instead.
    rmSync(template, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    return PGlite.create(dataDir);
  }
}

async function copyTemplate(template: string, dataDir: string): Promise<void> {
  if (!existsSync(join(template, 'PG_VERSION'))) {
    const making = `${template}.${process.pid}.${Date.now()}`;
    const db = await PGlite.create(making);
    await new PgliteStorage(db).init();
    await db.close();
    try {
      renameSync(making, template);
    } catch {
      rmSync(making, { recursive: true, force: true }); // another process made it first
    }
  }
  cpSync(template, dataDir, { recursive: true });
}

/** Names the template; a template a PGlite of another version cannot open is made again. */
const PGLITE_VERSION = '0.5-2';
