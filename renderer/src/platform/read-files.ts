import { isSystemFileName, MAX_OPEN_FILES, MAX_OPEN_TOTAL_BYTES, openRefusal, type OpenedEntry } from '../../../shared/platform/desktop-api';

/** Office lock files, hidden files and folders anywhere in the path are never read from a folder. */
export function isSystemPath(path: string): boolean {
  return path.split('/').some((part) => isSystemFileName(part));
}

/**
 * Reads files the way the desktop shell does (electron/lib/open-files.ts): at most MAX_OPEN_FILES,
 * each one's size looked at before its bytes are read (File.size, then arrayBuffer()), a file over
 * the limit or past the total refused alone, by name.
 */
export async function readPickedFiles(files: readonly File[], maxFileBytes: number, maxTotalBytes = MAX_OPEN_TOTAL_BYTES): Promise<OpenedEntry[]> {
  if (files.length > MAX_OPEN_FILES) throw new Error(openRefusal.tooMany(files.length));
  const out: OpenedEntry[] = [];
  let total = 0;
  for (const file of files) {
    const name = file.name;
    if (file.size > maxFileBytes) {
      out.push({ name, refusal: openRefusal.tooLarge(name, file.size, maxFileBytes) });
      continue;
    }
    if (total + file.size > maxTotalBytes) {
      out.push({ name, refusal: openRefusal.overTotal(name) });
      continue;
    }
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      total += data.byteLength;
      out.push({ name, data });
    } catch {
      out.push({ name, refusal: `无法读取「${name}」：文件可能已被移动、删除或正被其他程序占用。` });
    }
  }
  return out;
}
