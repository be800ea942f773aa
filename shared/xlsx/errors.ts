/**
 * Why a workbook was refused, in words a clerk can act on. `code` is for tests and zwc's output;
 * the message names the file's problem (and the sheet, when one is missing).
 */
export type XlsxRefusal =
  | 'not-xlsx'
  | 'old-xls'
  | 'too-large'
  | 'zip-bomb'
  | 'corrupt'
  | 'missing-sheet'
  | 'wrong-form'
  | 'wrong-office'
  | 'wrong-period';

export class XlsxError extends Error {
  constructor(
    readonly code: XlsxRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** One problem found in a sheet, with where it is, for the preview and zwc's report. */
export interface SheetProblem {
  level: 'error' | 'warning';
  sheet: string;
  /** 1-based row as Excel shows it; 0 when the problem is about the whole sheet. */
  row: number;
  /** Column letter(s) and header, e.g. "D 牵头单位"; empty when about the whole row. */
  column: string;
  message: string;
}

/** "工作表「任务清单」第 12 行 D 列（牵头单位）：…" */
export function describeProblem(p: SheetProblem): string {
  const where = [`工作表「${p.sheet}」`, p.row ? `第 ${p.row} 行` : '', p.column ? `${p.column} 列` : ''].filter(Boolean).join(' ');
  return `${where}：${p.message}`;
}
