import ExcelJS from 'exceljs';
import { XlsxError } from './errors';
import { checkXlsxBytes, DEFAULT_XLSX_LIMITS, type XlsxLimits } from './safety';
import { restoreBuiltinDateFormats } from './builtin-dates';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Cell = ExcelJS.Cell;

export function newWorkbook(): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '无废城市建设台账';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  return wb;
}

/** Checks the bytes (size, zip bomb, that it is a workbook), then parses them. */
export async function readWorkbook(bytes: Uint8Array, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<Workbook> {
  checkXlsxBytes(bytes, limits);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs wants an ArrayBuffer of exactly the file.
    const copy = bytes.slice().buffer;
    await wb.xlsx.load(copy as ArrayBuffer);
  } catch (e) {
    throw new XlsxError('corrupt', `无法读取这个 Excel 文件：${parserProblem(e)}。请在 Excel 或 WPS 中打开后重新保存为 .xlsx 再试。`);
  }
  restoreBuiltinDateFormats(wb, bytes);
  return wb;
}

/** The spreadsheet library's error in a clerk's words (its own messages are for developers: "Bug : uncompressed data size mismatch"). */
export function parserProblem(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/size mismatch|crc32|corrupted zip|end of central directory|invalid (distance|code|block)|unexpected EOF/i.test(m)) return '压缩数据已损坏（解压后的大小或校验码与文件所记不符）';
  if (/entity/i.test(m)) return '文件中的表格内容（XML）含有未定义或不允许的实体引用';
  if (/xml|tag|attribute|sax|unclosed|unexpected close|text data outside/i.test(m)) return '文件中的表格内容（XML）格式错误';
  if (/memory|allocation|Invalid array length|Invalid string length/i.test(m)) return '文件内容过大，无法读取';
  return '文件格式不正确，不是 Excel 或 WPS 正常保存的工作簿';
}

export async function writeWorkbook(wb: Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/**
 * The text a clerk sees in a cell: rich text joined, a formula's last result (never the
 * formula), numbers as written, dates as YYYY-MM-DD. Merged cells give the merge's value.
 * Line breaks are kept; other whitespace at the ends is trimmed.
 */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  return valueText(cell.value).replace(/\r\n?/g, '\n').replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, '').replace(/^\n+|\n+$/g, '');
}

function valueText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      return r === undefined || r === null || typeof r === 'object' ? (r instanceof Date ? r.toISOString().slice(0, 10) : '') : String(r);
    }
    if ('text' in v) return valueText((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return '';
  }
  return '';
}

/**
 * Puts text in a cell as a string cell, never a formula: exceljs writes strings as shared
 * strings, so "=SUM(A1)" or "+86…" stays the text it is. Numbers go in only through setNumber.
 */
export function setText(cell: Cell, text: string | null | undefined): void {
  cell.value = text ?? '';
}

export function setNumber(cell: Cell, value: number | null | undefined): void {
  cell.value = value === null || value === undefined || !Number.isFinite(value) ? '' : value;
}

/** Column letter of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
