import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  isSystemFileName,
  matchesFilters,
  MAX_OPEN_FILES,
  MAX_OPEN_TOTAL_BYTES,
  openRefusal,
  type OpenedEntry,
  type OpenFileFilter,
} from '../../shared/platform/desktop-api';
import { FileRefusedError, readRegularFile } from './safe-file';

/** How deep a chosen folder is searched (the folder itself is depth 0), and how many entries are looked at in all. */
const MAX_DEPTH = 2;
const MAX_ENTRIES_SEEN = 5000;

/**
 * The files of a chosen folder and its subfolders (two levels) that match the filters, sorted by
 * path; links are not followed (a link could lead anywhere, or round in a circle). Throws when
 * more than MAX_OPEN_FILES match, before a byte is read.
 */
export async function listFolder(folder: string, filters: readonly OpenFileFilter[]): Promise<string[]> {
  const found: string[] = [];
  let seen = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const e of entries) {
      if (++seen > MAX_ENTRIES_SEEN) throw new FileRefusedError(`文件夹“${basename(folder)}”中的文件太多（超过 ${MAX_ENTRIES_SEEN} 个），请选择只放填报表的文件夹`);
      if (isSystemFileName(e.name)) continue;
      const path = join(dir, e.name);
      if (e.isDirectory() && depth < MAX_DEPTH) await walk(path, depth + 1);
      else if (e.isFile() && matchesFilters(e.name, filters)) {
        found.push(path);
        if (found.length > MAX_OPEN_FILES) throw new FileRefusedError(`文件夹“${basename(folder)}”中的表格文件超过 ${MAX_OPEN_FILES} 个，请分批导入`);
      }
    }
  };
  const info = await lstat(folder);
  if (!info.isDirectory()) throw new FileRefusedError(`“${basename(folder)}”不是文件夹`);
  await walk(folder, 0);
  return found;
}

/**
 * Reads the chosen files one after the other. Each file's size is looked at before it is read:
 * one over `maxFileBytes`, or one that would take the call past MAX_OPEN_TOTAL_BYTES, is refused
 * alone and the others are still read. The read itself is bounded too (readRegularFile).
 */
export async function readFiles(paths: readonly string[], maxFileBytes: number, maxTotalBytes = MAX_OPEN_TOTAL_BYTES): Promise<OpenedEntry[]> {
  if (paths.length > MAX_OPEN_FILES) throw new FileRefusedError(openRefusal.tooMany(paths.length));
  const out: OpenedEntry[] = [];
  let total = 0;
  for (const path of paths) {
    const name = basename(path);
    try {
      const size = (await stat(path)).size;
      if (size > maxFileBytes) {
        out.push({ name, refusal: openRefusal.tooLarge(name, size, maxFileBytes) });
        continue;
      }
      if (total + size > maxTotalBytes) {
        out.push({ name, refusal: openRefusal.overTotal(name) });
        continue;
      }
      const data = await readRegularFile(path, Math.min(maxFileBytes, maxTotalBytes - total), name);
      total += data.byteLength;
      out.push({ name, data });
    } catch (e) {
      const detail = e instanceof FileRefusedError ? e.message : `无法读取“${name}”：${(e as NodeJS.ErrnoException).code ?? String(e)}`;
      out.push({ name, refusal: detail });
    }
  }
  return out;
}
