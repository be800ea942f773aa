/**
 * Date pickers in the UI's one date style (shared/domain/time.ts: 2026年11月24日, 2026年11月).
 * The first format is shown; the others are also understood when a clerk types a date.
 */
export const DAY_PICKER_FORMAT = ['YYYY年M月D日', 'YYYY-M-D', 'YYYY/M/D', 'YYYY.M.D'];
export const MONTH_PICKER_FORMAT = ['YYYY年M月', 'YYYY-M', 'YYYY/M', 'YYYY.M'];
