import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, nodeIo, type CliIo } from '../../cli/zwc';
import { LocalDatabase } from '../../renderer/src/db/schema';
import { openLocalDatabase } from '../../renderer/src/app/local-database';
import { workspaceOver, type Workspace } from '../../shared/app/workspace';
import { CLI_SEEDS } from '../../cli/workspace-dir';
import { closeCliStorage } from '../../cli/storage/open';

/**
 * Shared set-up for tests that drive zwc in-process (with the injected IO: console captured, clock
 * fixed, files real) and for the tests that compare it with the app's workspace over IndexedDB.
 */

export interface ZwcRun {
  code: number;
  out: string;
  err: string;
}

export interface ZwcOptions {
  /** Write stderr into `out` too (tests that read the whole transcript). */
  mergeErr?: boolean;
  /** Change the IO further (a broken clock, a file system that fails). */
  io?: (io: CliIo) => CliIo;
}

/** The IO zwc runs with in a test, and what it printed. */
export function captureIo(now: Date | (() => Date), options: ZwcOptions = {}): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const base: CliIo = {
    ...nodeIo(),
    stdout: (t) => void (out += t),
    stderr: (t) => {
      if (options.mergeErr) out += t;
      else err += t;
    },
    now: typeof now === 'function' ? now : () => now,
  };
  return { io: options.io ? options.io(base) : base, out: () => out, err: () => err };
}

/** A zwc to call as `await zwc('--workspace', dir, 'init', '--office', '150627')`, at the given time. */
export function zwcAt(now: Date | (() => Date), options: ZwcOptions = {}): (...argv: string[]) => Promise<ZwcRun> {
  return async (...argv) => {
    const run = captureIo(now, options);
    const code = await main(argv, run.io);
    return { code, out: run.out(), err: run.err() };
  };
}

/** A temporary folder for each test: `const tmp = tempDirs('zwc-x-')`, then `tmp.dir` in a test. */
export function tempDirs(prefix: string): { readonly dir: string; at(...parts: string[]): string } {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    // The command line keeps a workspace's database open for the process: closed before its folder goes.
    await closeCliStorage();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    at: (...parts) => join(dir, ...parts),
  };
}

let appCount = 0;

/** The app's workspace as the renderer opens it: every core service over Dexie (fake-indexeddb), with the seeds zwc ships. */
export async function appWorkspace(now?: Date): Promise<Workspace> {
  const repo = await openLocalDatabase(new LocalDatabase(`zwc-app-${process.pid}-${++appCount}`));
  return workspaceOver(repo.storage, repo, { seeds: CLI_SEEDS, ...(now ? { now: () => now.getTime() } : {}) });
}

/** A record as both hosts must agree on it: without its stamps and conflict envelope (`_…`, which carry the laptop and the time). */
export function plain<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith('_'))) as Partial<T>;
}

/** Records without their envelopes, in id order. */
export function plainRows<T extends { id: string }>(rows: readonly T[]): Partial<T>[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(plain);
}
