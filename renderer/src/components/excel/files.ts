import { desktop } from '../../platform';
import { isSystemPath, readPickedFiles } from '../../platform/read-files';
import { MAX_OPEN_FILES, matchesFilters, openRefusal, type OpenedEntry, type OpenFileFilter } from '../../../../shared/platform/desktop-api';
import { SPREADSHEET_EXTENSIONS } from '../../../../shared/xlsx/file-kind';
import type { Workbook } from '../../../../shared/xlsx/workbook';
import { loadXlsx } from './xlsx';

/** A copy on its own ArrayBuffer, as the desktop API wants. */
function own(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(data.byteLength));
  out.set(data);
  return out;
}

export const XLSX_FILTERS = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

/** Saves a workbook through the desktop API (a dialog in the app, a download in a browser). */
export async function saveWorkbook(wb: Workbook, suggestedName: string): Promise<string | null> {
  return desktop.saveFile({ suggestedName, data: own(await (await loadXlsx()).writeWorkbook(wb)), filters: XLSX_FILTERS });
}

export async function saveBytes(data: Uint8Array, suggestedName: string, filters = XLSX_FILTERS): Promise<string | null> {
  return desktop.saveFile({ suggestedName, data: own(data), filters });
}

/** Asks for an .xlsx file and parses it after the safety checks; null when the clerk cancelled. */
export async function openWorkbook(): Promise<{ name: string; workbook: Workbook } | null> {
  const file = await desktop.openFile({ filters: XLSX_FILTERS });
  if (!file) return null;
  return { name: file.name, workbook: await (await loadXlsx()).readWorkbook(file.data) };
}

/** Returned forms: .xlsx first, and 所有文件 so a returned .xls/.ods can be chosen and then refused by name. */
export const FORM_FILTERS: OpenFileFilter[] = [
  { name: 'Excel 工作簿', extensions: ['xlsx'] },
  { name: '所有文件', extensions: ['*'] },
];
/** What a folder import reads: everything that looks like a spreadsheet (the others are refused with a reason). */
export const FOLDER_FILTERS: OpenFileFilter[] = [{ name: '表格文件', extensions: [...SPREADSHEET_EXTENSIONS] }];
/** A returned form is well under 1 MB; the workbook check's own limit (shared/xlsx/safety.ts) is 20 MB. */
export const FORM_MAX_BYTES = 20 * 1024 * 1024;

/** Asks for several forms, or a folder of them; null when the clerk cancelled. */
export function openForms(directory: boolean): Promise<OpenedEntry[] | null> {
  return desktop.openFiles({ filters: directory ? FOLDER_FILTERS : FORM_FILTERS, directory, maxFileBytes: FORM_MAX_BYTES });
}

/** How deep a dropped folder is searched, as for a chosen one (electron/lib/open-files.ts). */
const DROP_DEPTH = 2;

function readEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all);
        all.push(...batch);
        if (all.length > 5000) return reject(new Error(`文件夹“${dir.name}”中的文件太多，请选择只放填报表的文件夹`));
        next();
      }, reject);
    next();
  });
}

/**
 * The files of a drop: each dropped file as it is (an .ods gets its refusal), and from each dropped
 * folder the spreadsheet-like files two levels down (no lock or hidden files). The entries must be
 * taken from the event before anything is awaited, so this takes them, not the event.
 */
export async function droppedFiles(entries: readonly (FileSystemEntry | null)[], loose: readonly File[], filters: readonly OpenFileFilter[] = FOLDER_FILTERS): Promise<File[]> {
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry, depth: number, inFolder: boolean): Promise<void> => {
    if (out.length > MAX_OPEN_FILES) throw new Error(openRefusal.tooMany(out.length));
    if (entry.isFile) {
      if (inFolder && (isSystemPath(entry.fullPath.replace(/^\//, '')) || !matchesFilters(entry.name, filters))) return;
      out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    } else if (entry.isDirectory && depth <= DROP_DEPTH && !(inFolder && entry.name.startsWith('.'))) {
      for (const child of await readEntries(entry as FileSystemDirectoryEntry)) await walk(child, depth + 1, true);
    }
  };
  if (entries.length === 0 || entries.every((e) => e === null)) return [...loose];
  for (const e of entries) if (e) await walk(e, 0, false);
  return out;
}

/** Reads dropped files with the same limits as the open dialog. */
export function readDropped(files: readonly File[]): Promise<OpenedEntry[]> {
  return readPickedFiles(files, FORM_MAX_BYTES);
}

export { messageOf } from '../../app/error-text';
