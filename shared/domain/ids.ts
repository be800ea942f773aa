import { z } from 'zod';

/** Record ids are opaque strings; seeded ones are deterministic so re-seeding is idempotent. */
export const RecordIdSchema = z.string().min(1).max(200);
export type RecordId = z.infer<typeof RecordIdSchema>;

/** ISO calendar date, YYYY-MM-DD, understood in China Standard Time. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** A reporting month, YYYY-MM. */
export const PeriodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export type Period = z.infer<typeof PeriodSchema>;

export const YearSchema = z.number().int().min(2000).max(2100);
