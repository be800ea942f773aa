import { TZDate } from '@date-fns/tz';
import { addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { PeriodSchema, type IsoDate, type Period } from './ids';

/** Every office works on Beijing time, whatever the laptop's clock zone says. */
export const CHINA_TZ = 'Asia/Shanghai';

/** Monthly reports are due by this day of the following month. */
export const REPORT_DUE_DAY = 5;

export function chinaToday(now: Date = new Date()): IsoDate {
  return format(new TZDate(now.getTime(), CHINA_TZ), 'yyyy-MM-dd');
}

export function periodOf(day: IsoDate): Period {
  return day.slice(0, 7);
}

export function shiftPeriod(period: Period, months: number): Period {
  return format(addMonths(parseISO(`${period}-01`), months), 'yyyy-MM');
}

/**
 * The month a clerk is most likely reporting on: until the 5th the month just ended is still
 * being collected, from the 6th on it is the current month.
 */
export function defaultReportingPeriod(now: Date = new Date()): Period {
  const today = chinaToday(now);
  const day = Number(today.slice(8, 10));
  return day <= REPORT_DUE_DAY ? shiftPeriod(periodOf(today), -1) : periodOf(today);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysFromTo(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Months from `from` to `to`, both YYYY-MM. */
export function monthsFromTo(from: Period, to: Period): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

export function formatPeriodZh(period: Period): string {
  return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
}

/** A period read from a file (a bundle's manifest, the import history): in words when it is one, else as written. */
export function formatPeriodTextZh(text: string): string {
  return PeriodSchema.safeParse(text).success ? formatPeriodZh(text) : text;
}

/**
 * A moment (ISO instant, or milliseconds) in Beijing time, in the UI's one style:
 * 2026年11月24日 08:03 (with seconds, 08:03:05, only where they matter). Every page shows
 * dates through this file: formatDateZh (2026年11月24日), formatPeriodZh (2026年11月) and this.
 */
export function formatMomentZh(iso: string | number, withSeconds = false): string {
  const z = new TZDate(typeof iso === 'number' ? iso : new Date(iso).getTime(), CHINA_TZ);
  return `${formatDateZh(format(z, 'yyyy-MM-dd'))} ${format(z, withSeconds ? 'HH:mm:ss' : 'HH:mm')}`;
}

/** The day a period's reports are due, in words: the {@link REPORT_DUE_DAY}th of the next month, e.g. 2025年6月5日 for 2025-05. */
export function reportDueZh(period: Period): string {
  return `${formatPeriodZh(shiftPeriod(period, 1))}${REPORT_DUE_DAY}日`;
}

export function formatDateZh(day: IsoDate): string {
  return `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
