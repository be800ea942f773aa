import { z } from 'zod';
import { IsoDateSchema, RecordIdSchema } from './ids';

/** The two kinds of sheet that carry a number and a receipt slip. */
export const NumberedKindSchema = z.enum(['assignment', 'supervision']);
export type NumberedKind = z.infer<typeof NumberedKindSchema>;

/**
 * One numbered sheet as the register keeps it (shared/app/issued-sheets.ts) and as an office's
 * bundle carries it to its other laptops (shared/exchange/register.ts). A record of the domain, so
 * the exchange reads it without the print or app layers above it.
 */

export const ReceiptSchema = z
  .object({
    receivedOn: IsoDateSchema,
    /** 签收人, as written on the slip. */
    signer: z.string().max(40),
    recordedAt: z.string().max(40),
  })
  .strict();
export type Receipt = z.infer<typeof ReceiptSchema>;

/** 本机编号: which laptop of the office issued a number. 1 writes plain numbers, k ≥ 2 numbers "k-n". */
export const DeviceSeriesSchema = z.number({ invalid_type_error: '本机编号应为 1—99 的整数' }).int('本机编号应为 1—99 的整数').min(1, '本机编号应为 1—99 的整数').max(99, '本机编号应为 1—99 的整数');

export const IssuedSheetSchema = z
  .object({
    number: z.string().min(1).max(100),
    kind: NumberedKindSchema,
    year: z.number().int().min(1000).max(9999),
    seq: z.number().int().positive().max(1_000_000),
    /** 本机编号 of the laptop that issued it; absent on sheets issued before laptops had one (= 1). */
    series: DeviceSeriesSchema.optional(),
    departmentId: RecordIdSchema,
    /** The name at the time of issue (a later rename does not change what was sent). */
    departmentName: z.string().min(1).max(200),
    issuedOn: IsoDateSchema,
    /** What the sheet listed, so a re-print lists the same records. */
    taskIds: z.array(RecordIdSchema).max(2000),
    projectIds: z.array(RecordIdSchema).max(2000),
    /** 督办单: the day the department must answer by. */
    answerBy: IsoDateSchema.optional(),
    recordedAt: z.string().max(40),
    receipt: ReceiptSchema.nullable(),
  })
  .strict();
export type IssuedSheet = z.infer<typeof IssuedSheetSchema>;

/** The laptop series a sheet was numbered in (sheets from before 本机编号 existed count as 1). */
export function seriesOf(sheet: Pick<IssuedSheet, 'series'>): number {
  return sheet.series ?? 1;
}
