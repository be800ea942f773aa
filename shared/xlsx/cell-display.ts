/**
 * A cell as a person reads it on screen: a date as its format shows it (2025/12/31, 2025年12月31日),
 * a percentage as 95%, a number with the decimals its format shows (6.00). Dates saved with a bare
 * built-in id are given their format by builtin-dates.ts when the workbook is read.
 */
import { cellText, type Cell } from './workbook';

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/** Full-width letters, digits and punctuation (９７，０００．５) as their half-width forms. */
export function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date as its format shows it in zh-CN Excel/WPS; formats without a year still give the year. */
export function formatDate(d: Date, fmt: string | undefined): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const code = (fmt ?? '').replace(/\[[^\]]*\]/g, '').replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const hasDay = /d/i.test(code);
  if (/[年月日]/.test(code) || /mmm/i.test(code)) return hasDay ? `${y}年${m}月${day}日` : `${y}年${m}月`;
  if (/yyyy[-]m{1,2}[-]d{1,2}/i.test(code)) return `${y}-${pad2(m)}-${pad2(day)}`;
  if (/yyyy\.m{1,2}\.d{1,2}/i.test(code)) return `${y}.${/mm\./i.test(code) ? pad2(m) : m}.${/\.dd/i.test(code) ? pad2(day) : day}`;
  if (!hasDay && /y/i.test(code)) return `${y}年${m}月`;
  // yyyy/m/d, the locale short date (id 14 "mm-dd-yy", 30 "m-d-yy") and anything else with a day.
  return `${y}/${m}/${day}`;
}

function decimalsOf(fmt: string): number {
  const first = fmt.split(';')[0].replace(/"[^"]*"/g, '');
  const m = /\.([0#]+)/.exec(first);
  return m ? m[1].length : 0;
}

/** The cell's text as shown on screen (see the file comment); everything else as cellText gives it. */
export function displayText(cell: Cell | undefined): string {
  if (!cell) return '';
  const master = cell.isMerged ? cell.master : cell;
  const raw = master.value;
  const value = raw && typeof raw === 'object' && !(raw instanceof Date) && 'result' in raw ? (raw as { result?: unknown }).result : raw;
  const fmt = typeof master.numFmt === 'string' ? master.numFmt : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDate(value, fmt);
  if (typeof value === 'number' && Number.isFinite(value) && fmt && fmt !== 'General' && fmt !== '@') {
    const plain = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
    const n = decimalsOf(fmt);
    if (/%/.test(plain)) return `${Number((value * 100).toFixed(n)).toFixed(n)}%`;
    if (/[0#]/.test(plain) && !/[ymdhs]/i.test(plain)) return value.toFixed(n);
  }
  return cellText(cell);
}
