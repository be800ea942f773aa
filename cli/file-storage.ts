import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../shared/app/memory-storage';
import { STORE_NAMES, type StoreName } from '../shared/app/storage';

/** A workspace larger than this is not read (the four real plans together take a few MB). */
export const MAX_WORKSPACE_BYTES = 256 * 1024 * 1024;
const FILE_NAME = 'workspace.json';
const FORMAT = 'zwc-workspace/1';

export class WorkspaceFileError extends Error {}

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
    if (existsSync(path)) store.load(readWorkspace(path));
    return store;
  }

  protected override async committed(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, FILE_NAME);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ format: FORMAT, tables: this.snapshot() }));
    renameSync(temp, path);
  }
}

function readWorkspace(path: string): Partial<Record<StoreName, unknown[]>> {
  const fd = openSync(path, 'r');
  let text: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new WorkspaceFileError(`${path} 不是普通文件`);
    if (stat.size > MAX_WORKSPACE_BYTES) throw new WorkspaceFileError(`工作区文件过大（${stat.size} 字节，上限 ${MAX_WORKSPACE_BYTES}）：${path}`);
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
  return tables as Partial<Record<StoreName, unknown[]>>;
}
