import { z } from 'zod';
import { DivisionCodeSchema } from './office';
import { IsoDateSchema, PeriodSchema, RecordIdSchema, YearSchema } from './ids';
import { WanYuanSchema } from './money';
import { IndicatorQuantitySchema } from './indicator';
import { TEXT_LIMITS } from './text-limits';

/** What the reporting department says about its work this month (not the derived status). */
export const ReportedStatusSchema = z.enum(['not-started', 'in-progress', 'done', 'stalled']);
export type ReportedStatus = z.infer<typeof ReportedStatusSchema>;
export const REPORTED_STATUS_LABELS: Record<ReportedStatus, string> = {
  'not-started': '未启动',
  'in-progress': '推进中',
  done: '已完成',
  stalled: '受阻',
};

/**
 * One month's report on a task or project. Append-only: a correction is a new entry for the same
 * period, and the latest `reportedAt` wins when reading.
 */
export const ProgressEntrySchema = z
  .object({
    id: RecordIdSchema,
    officeCode: DivisionCodeSchema,
    subjectKind: z.enum(['task', 'project']),
    subjectId: RecordIdSchema,
    period: PeriodSchema,
    percent: z.number().min(0).max(100),
    status: ReportedStatusSchema,
    /** 本月进展 */
    thisMonth: z.string().max(TEXT_LIMITS.long),
    /** 存在问题 */
    problems: z.string().max(TEXT_LIMITS.long),
    /** 下步计划 */
    nextSteps: z.string().max(TEXT_LIMITS.long),
    /** Projects only: investment completed to date, 万元. */
    investmentToDate: WanYuanSchema.optional(),
    /** Projects only: investment completed in the current year, 万元. */
    investmentThisYear: WanYuanSchema.optional(),
    /** Who filled it in (a person, or the department's name in older entries). */
    reportedBy: z.string().max(TEXT_LIMITS.name),
    /**
     * The unit whose report this is (填报单位): a lead unit's report counts for the task, a
     * participating unit's is its own 配合情况 (reporting-rule.ts). Absent: the office recorded it
     * itself (无废办代报), or an older version did.
     */
    departmentId: RecordIdSchema.optional(),
    /**
     * A lead unit says the task is finished (its form's 完成日期 and 完成依据). The task is then
     * 待确认完成 until the office records the completion; a report cannot complete a task itself.
     */
    completionClaim: z.object({ date: IsoDateSchema, evidence: z.string().min(1).max(TEXT_LIMITS.medium) }).strict().optional(),
    /** ISO timestamp. */
    reportedAt: z.string().datetime({ offset: true }),
    deviceId: z.string().min(1),
  })
  .strict();
export type ProgressEntry = z.infer<typeof ProgressEntrySchema>;

/** An indicator's actual value for a year, or for a month when tracked monthly. */
export const IndicatorValueSchema = z
  .object({
    id: RecordIdSchema,
    officeCode: DivisionCodeSchema,
    indicatorId: RecordIdSchema,
    year: YearSchema,
    /** Set for a monthly value; the year's value is then the latest month's. */
    month: z.number().int().min(1).max(12).nullable(),
    value: IndicatorQuantitySchema,
    /** For text targets a person decides; recorded with the value. */
    judgement: z.enum(['met', 'behind']).nullable(),
    note: z.string().max(TEXT_LIMITS.medium),
    enteredBy: z.string().max(TEXT_LIMITS.name),
    enteredAt: z.string().datetime({ offset: true }),
    deviceId: z.string().min(1),
  })
  .strict();
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;
