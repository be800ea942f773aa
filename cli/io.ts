import { constants, type Stats } from 'node:fs';
import { mkdir, open, stat, writeFile } from 'node:fs/promises';
import { DEFAULT_LIMITS } from '../shared/exchange/limits';
import { FileError } from './errors';

/**
 * Everything zwc does to the world outside its workspace storage: the console, the files it reads
 * and writes, the clock. Tests pass their own (console captured, clock fixed); no command writes
 * a file or reads the time any other way.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A regular file of at most `maxBytes` (MAX_INPUT_BYTES unless given). */
  readFile(path: string, maxBytes?: number): Promise<Uint8Array>;
  /** `exclusive`: fail rather than overwrite (key files, backups). */
  writeFile(path: string, data: Uint8Array | string, exclusive?: boolean): Promise<void>;
  /** Makes a folder (and its parents) if it is not there. */
  makeDir(path: string): Promise<void>;
  now(): Date;
}

/** No input file is read past this unless the command says otherwise: a bundle is at most DEFAULT_LIMITS.maxBundleBytes, other inputs far less. */
export const MAX_INPUT_BYTES = Math.max(64 * 1024 * 1024, DEFAULT_LIMITS.maxBundleBytes);

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile: (p, maxBytes) => readBounded(p, maxBytes ?? MAX_INPUT_BYTES),
    writeFile: (p, d, exclusive) => writeFile(p, d, exclusive ? { flag: 'wx', mode: 0o600 } : {}),
    makeDir: async (p) => {
      await mkdir(p, { recursive: true });
    },
    now: () => new Date(),
  };
}

// O_NONBLOCK: opening a FIFO swapped in after the check must not wait for a writer (absent on Windows).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function kindOf(info: Stats): string {
  if (info.isDirectory()) return '文件夹 / a directory';
  if (info.isFIFO()) return '管道（FIFO） / a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return '设备文件 / a device';
  if (info.isSocket()) return '套接字 / a socket';
  return '特殊文件 / a special file';
}

/**
 * Reads a regular file of at most `limit` bytes. Its type and size are checked before it is opened
 * (a FIFO or a device is never opened, so never waited on), and again on the open descriptor (a
 * file swapped in between is caught), as the desktop shell does (electron/lib/safe-file.ts).
 */
export async function readBounded(path: string, limit: number): Promise<Uint8Array> {
  const before = await stat(path);
  if (!before.isFile()) throw new Error(`是${kindOf(before)}，不是普通文件 / not a regular file`);
  const tooLarge = () => new Error(`文件超过 ${Math.round(limit / 1024 / 1024)} MB / larger than ${Math.round(limit / 1024 / 1024)} MB`);
  if (before.size > limit) throw tooLarge();
  const handle = await open(path, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`是${kindOf(info)}，不是普通文件 / not a regular file`);
    if (info.dev !== before.dev || info.ino !== before.ino) throw new Error('文件在打开时被替换 / the file was replaced while being opened');
    if (info.size > limit) throw tooLarge();
    const out = new Uint8Array(info.size);
    let offset = 0;
    while (offset < out.length) {
      const { bytesRead } = await handle.read(out, offset, out.length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === out.length ? out : out.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Reads an input file through the IO; a failure is a FileError naming the file. */
export async function readInput(io: CliIo, path: string, maxBytes?: number): Promise<Uint8Array> {
  try {
    return await io.readFile(path, maxBytes);
  } catch (e) {
    throw new FileError(`无法读取文件 ${path}（cannot read ${path}: ${reason(e)}）`);
  }
}

/** Writes an output file through the IO; a failure is a FileError naming the file. */
export async function writeOutput(io: CliIo, path: string, data: Uint8Array | string, exclusive = false): Promise<void> {
  try {
    await io.writeFile(path, data, exclusive);
  } catch (e) {
    throw new FileError(`无法写入文件 ${path}（cannot write ${path}: ${reason(e)}）`);
  }
}

/** Makes an output folder through the IO. */
export async function makeOutputDir(io: CliIo, path: string): Promise<void> {
  try {
    await io.makeDir(path);
  } catch (e) {
    throw new FileError(`无法建立文件夹 ${path}（cannot create ${path}: ${reason(e)}）`);
  }
}
