import type ExcelJS from 'exceljs';
import { columnLetter, setText, type Workbook, type Worksheet } from './workbook';

/** One column of an exported table. */
export interface Column {
  header: string;
  /** Width in characters (a CJK character counts about 2). */
  width: number;
  hidden?: boolean;
  /** Centred (numbers, short codes). */
  center?: boolean;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
export const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
export const FONT = '宋体';

export interface SheetSetup {
  title: string;
  /** Under the title: office, date, counts. */
  subtitle: string;
  columns: Column[];
  /** Office name for the printed page header. */
  officeName: string;
  /** Date for the printed page header, e.g. 2025年6月10日. */
  dateText: string;
  landscape: boolean;
}

/** Row number of the header row in every exported table: title, subtitle, header. */
export const HEADER_ROW = 3;

/**
 * A sheet laid out like the plans print their tables: title, a line under it, the header row
 * frozen and repeated on every printed page, A4 (landscape when wide), fitted to the page width,
 * the office and date in the page header and page numbers in the footer.
 */
export function addTableSheet(wb: Workbook, name: string, setup: SheetSetup): Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: setup.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: {
      oddHeader: `&L&9&"${FONT}"${escapeHeader(setup.officeName)}&R&9&"${FONT}"${escapeHeader(setup.dateText)}`,
      oddFooter: `&C&9&"${FONT}"第 &P 页，共 &N 页`,
    },
  });
  setup.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  const visible = setup.columns.filter((c) => !c.hidden).length;
  const last = columnLetter(Math.max(1, visible));
  ws.mergeCells(`A1:${last}1`);
  setText(ws.getCell('A1'), setup.title);
  ws.getCell('A1').font = { name: FONT, size: 16, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 30;
  ws.mergeCells(`A2:${last}2`);
  setText(ws.getCell('A2'), setup.subtitle);
  ws.getCell('A2').font = { name: FONT, size: 10 };
  ws.getCell('A2').alignment = { horizontal: 'right', vertical: 'middle' };
  const header = ws.getRow(HEADER_ROW);
  setup.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    setText(cell, c.header);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
  header.height = 32;
  ws.pageSetup.printArea = `A1:${last}${HEADER_ROW}`;
  return ws;
}

/** `&` starts a code in Excel's page header; a literal one is written twice. */
function escapeHeader(s: string): string {
  return s.replace(/&/g, '&&');
}

/** Styles a data row: borders, wrapped text, top-aligned, centred where the column says. */
export function styleBodyRow(ws: Worksheet, row: number, columns: Column[]): void {
  const r = ws.getRow(row);
  columns.forEach((c, i) => {
    const cell = r.getCell(i + 1);
    cell.font = { name: FONT, size: 10 };
    cell.alignment = { vertical: 'middle', horizontal: c.center ? 'center' : 'left', wrapText: true };
    cell.border = BORDER;
  });
}

/** A section row ("工业固体废物（37项任务）") across the visible columns. */
export function addSectionRow(ws: Worksheet, row: number, text: string, visibleColumns: number): void {
  ws.mergeCells(`A${row}:${columnLetter(visibleColumns)}${row}`);
  const cell = ws.getCell(`A${row}`);
  setText(cell, text);
  cell.font = { name: FONT, size: 11, bold: true };
  cell.alignment = { vertical: 'middle', horizontal: 'left' };
  cell.fill = SECTION_FILL;
  cell.border = BORDER;
  ws.getRow(row).height = 20;
}

/** Sets the print area once the table is complete. */
export function finishSheet(ws: Worksheet, columns: Column[], lastRow: number): void {
  const visible = columns.filter((c) => !c.hidden).length;
  ws.pageSetup.printArea = `A1:${columnLetter(Math.max(1, visible))}${Math.max(lastRow, HEADER_ROW)}`;
}

/** A row height that shows wrapped text fully: lines estimated from the longest cell. */
export function fitRowHeight(ws: Worksheet, row: number, columns: Column[], texts: string[]): void {
  let lines = 1;
  texts.forEach((t, i) => {
    const width = columns[i]?.width ?? 10;
    if (columns[i]?.hidden) return;
    const perLine = Math.max(1, Math.floor(width / 2));
    const n = t.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil([...part].length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  ws.getRow(row).height = Math.min(400, Math.max(18, lines * 13.5 + 4));
}
