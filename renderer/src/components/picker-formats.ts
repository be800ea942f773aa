/**
 * Date pickers in the UI's one date style (shared/domain/time.ts: 2026年11月24日, 2026年11月).
 * The first format is shown; the others are also understood when a clerk types a date.
 *
 * antd reads typed text strictly, one format at a time: "YYYY-M-D" reads 2026-11-24 but not
 * 2026-01-05, so each style is listed with and without leading zeros.
 */
const SEPARATORS: [string, string, string][] = [
  ['年', '月', '日'],
  ['-', '-', ''],
  ['/', '/', ''],
  ['.', '.', ''],
];
const MONTHS = ['M', 'MM'];
const DAYS = ['D', 'DD'];

export const DAY_PICKER_FORMAT: string[] = SEPARATORS.flatMap(([y, m, d]) => MONTHS.flatMap((mm) => DAYS.map((dd) => `YYYY${y}${mm}${m}${dd}${d}`)));
export const MONTH_PICKER_FORMAT: string[] = SEPARATORS.flatMap(([y, m]) => MONTHS.map((mm) => `YYYY${y}${mm}${m === '月' ? '月' : ''}`));
