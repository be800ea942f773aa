import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/**
 * Reading and writing the files a clerk picks in a dialog. Only regular files: a FIFO would block
 * the main process forever, /dev/zero or /dev/urandom would fill its memory, a directory or a
 * socket is never what was meant. The checks are made before the file is opened (so a device is
 * never opened) and again on the open descriptor (so a file swapped in between is caught too).
 */
export class FileRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileRefusedError';
  }
}

// O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOCTTY: a terminal never becomes ours.
// Neither exists on Windows, where neither applies.
const NONBLOCK = (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const READ_CHUNK = 1024 * 1024;

function kindOf(info: Stats): string {
  if (info.isDirectory()) return '文件夹';
  if (info.isFIFO()) return '管道（FIFO）';
  if (info.isCharacterDevice() || info.isBlockDevice()) return '设备文件';
  if (info.isSocket()) return '套接字';
  if (info.isSymbolicLink()) return '符号链接';
  return '特殊文件';
}

function refuseUnlessRegular(info: Stats, name: string): void {
  if (!info.isFile()) throw new FileRefusedError(`“${name}”是${kindOf(info)}，不是普通文件，无法使用`);
}

function megabytes(bytes: number): string {
  return bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / 1048576) * 10) / 10} MB`;
}

/**
 * The whole content of a regular file of at most `limit` bytes. Reads through the descriptor at
 * most limit + 1 bytes, whatever the file's stated size, so a file that grows while it is read,
 * or lies about its size, still cannot take more memory than the limit.
 */
export async function readRegularFile(path: string, limit: number, name: string = path): Promise<Uint8Array> {
  let before: Stats;
  try {
    before = await stat(path);
  } catch (e) {
    throw new FileRefusedError(`无法读取“${name}”：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  refuseUnlessRegular(before, name);
  if (before.size > limit) throw new FileRefusedError(`“${name}”过大（${megabytes(before.size)}），上限 ${megabytes(limit)}`);
  const handle = await open(path, constants.O_RDONLY | NONBLOCK);
  try {
    const info = await handle.stat();
    refuseUnlessRegular(info, name);
    if (info.dev !== before.dev || info.ino !== before.ino) throw new FileRefusedError(`“${name}”在打开时被替换，请重新选择`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK, limit + 1));
    while (total <= limit) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, limit + 1 - total), null);
      if (bytesRead === 0) break;
      chunks.push(new Uint8Array(buffer.subarray(0, bytesRead)));
      total += bytesRead;
    }
    if (total > limit) throw new FileRefusedError(`“${name}”过大（超过 ${megabytes(limit)}），无法打开`);
    const out = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  } finally {
    await handle.close();
  }
}

/**
 * Writes `data` to `path`, creating it or replacing a regular file; refuses to write into a FIFO,
 * a device or a directory (the dialog lets a clerk pick /dev/… or a named pipe as well).
 */
export async function writeRegularFile(path: string, data: Uint8Array, name: string = path): Promise<void> {
  try {
    refuseUnlessRegular(await stat(path), name);
  } catch (e) {
    if (e instanceof FileRefusedError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new FileRefusedError(`无法写入“${name}”：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let handle;
  try {
    handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | NONBLOCK, 0o644);
  } catch (e) {
    throw new FileRefusedError(`无法写入“${name}”：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    refuseUnlessRegular(await handle.stat(), name);
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}
