import { closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../shared/app/memory-storage';
import { STORE_NAMES, type StoreName } from '../shared/app/storage';

/** A workspace larger than this is not read (the four real plans together take a few MB). */
export const MAX_WORKSPACE_BYTES = 256 * 1024 * 1024;
const FILE_NAME = 'workspace.json';
const FORMAT = 'zwc-workspace/1';

/** From this share of the limit on, every command says the workspace is nearly full. */
export const NEAR_LIMIT_SHARE = 0.8;

export class WorkspaceFileError extends Error {}

function megabytes(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

/** What a clerk is told when the workspace file is near its limit (null when it is not). */
export function nearLimitNotice(bytes: number, limit: number = MAX_WORKSPACE_BYTES): string | null {
  if (bytes < limit * NEAR_LIMIT_SHARE) return null;
  return (
    `注意：工作区文件已有 ${megabytes(bytes)}，接近 ${megabytes(limit)} 的上限；到达上限后将不能再导入或修改。` +
    '请先用 zwc --workspace DIR backup 备份，再核查是否有单位报送了异常庞大的文件 / the workspace is near its size limit'
  );
}

/**
 * The command line's storage: one JSON file in the workspace folder, read once and rewritten as a
 * whole after every transaction (written to a temporary file, then renamed over the old one), so
 * a crash or a failed transaction never leaves half a change on disk.
 */
export class FileStorage extends MemoryStorage {
  private constructor(private readonly dir: string) {
    super();
  }

  static open(dir: string): FileStorage {
    const store = new FileStorage(dir);
    const path = join(dir, FILE_NAME);
    if (existsSync(path)) {
      const { tables, bytes } = readWorkspace(path);
      store.load(tables);
      store.bytes = bytes;
    }
    return store;
  }

  /** Every row of every store, as read (the PGlite store migrates a workspace from it). */
  rows(): Record<StoreName, unknown[]> {
    return this.snapshot() as Record<StoreName, unknown[]>;
  }

  /** Size of the workspace file as last read or written, bytes. */
  bytes = 0;
  /** The limit this storage writes and reads under (tests lower it). */
  limit = MAX_WORKSPACE_BYTES;

  /** Set when the file is near its limit: commands print it. */
  get notice(): string | null {
    return nearLimitNotice(this.bytes, this.limit);
  }

  /**
   * Never writes what it could not read back: a transaction that would grow the file past the
   * limit fails (and MemoryStorage rolls it back), so the workspace stays openable.
   */
  protected override async committed(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, FILE_NAME);
    let text: string;
    try {
      text = JSON.stringify({ format: FORMAT, tables: this.snapshot() });
    } catch {
      // V8 cannot build a string this long: far past the limit anyway.
      throw new WorkspaceFileError(tooLargeToSave(this.limit + 1, this.limit));
    }
    const data = Buffer.from(text, 'utf8');
    if (data.length > this.limit) throw new WorkspaceFileError(tooLargeToSave(data.length, this.limit));
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, path);
    this.bytes = data.length;
  }
}

function tooLargeToSave(bytes: number, limit: number): string {
  return `此次更改未保存：工作区文件将达到 ${megabytes(bytes)}，超过 ${megabytes(limit)} 的上限，保存后将无法再打开。工作区保持更改前的样子 / not saved: the workspace would exceed its size limit`;
}

// O_NONBLOCK: a FIFO swapped in after the check is never waited on (absent on Windows).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function readWorkspace(path: string): { tables: Partial<Record<StoreName, unknown[]>>; bytes: number } {
  // Type and size before opening: a FIFO or a device named workspace.json is never opened.
  const before = statSync(path);
  if (!before.isFile()) throw new WorkspaceFileError(`${path} 不是普通文件`);
  if (before.size > MAX_WORKSPACE_BYTES) throw new WorkspaceFileError(`工作区文件过大（${megabytes(before.size)}，上限 ${megabytes(MAX_WORKSPACE_BYTES)}）：${path}`);
  const fd = openSync(path, OPEN_FLAGS);
  let text: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.ino !== before.ino) throw new WorkspaceFileError(`${path} 不是普通文件，或在打开时被替换`);
    if (stat.size > MAX_WORKSPACE_BYTES) throw new WorkspaceFileError(`工作区文件过大（${megabytes(stat.size)}，上限 ${megabytes(MAX_WORKSPACE_BYTES)}）：${path}`);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    text = buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new WorkspaceFileError(`工作区文件已损坏（不是有效的 JSON）：${path}`);
  }
  const file = parsed as { format?: unknown; tables?: unknown };
  if (file?.format !== FORMAT || typeof file.tables !== 'object' || file.tables === null) throw new WorkspaceFileError(`不是本程序的工作区文件：${path}`);
  const tables = file.tables as Record<string, unknown>;
  for (const name of STORE_NAMES) if (tables[name] !== undefined && !Array.isArray(tables[name])) throw new WorkspaceFileError(`工作区文件中 ${name} 不是列表：${path}`);
  return { tables: tables as Partial<Record<StoreName, unknown[]>>, bytes: Buffer.byteLength(text, 'utf8') };
}
