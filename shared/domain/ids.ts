import { z } from 'zod';

/** Record ids are opaque strings; seeded ones are deterministic so re-seeding is idempotent. */
export const RecordIdSchema = z.string().min(1).max(200);
export type RecordId = z.infer<typeof RecordIdSchema>;

/** True when an ISO day exists on the calendar (no 2026-02-30). */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** ISO calendar date, YYYY-MM-DD, understood in China Standard Time; the day must exist. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期应写成 年-月-日，如 2025-12-31')
  .refine(isRealDate, (s) => ({ message: `${s} 这一天不存在` }));
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** A reporting month, YYYY-MM. */
export const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export type Period = z.infer<typeof PeriodSchema>;

export const YearSchema = z.number().int().min(2000).max(2100);
