import { desktop } from '../../platform';
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

export { messageOf } from '../../app/error-text';
