import { z } from 'zod';
import { DivisionCodeSchema } from './office';
import { RecordIdSchema, YearSchema } from './ids';
import { DeadlineSchema } from './deadline';
import { WanYuanSchema } from './money';
import { SourceRefSchema, ReviewFlagSchema } from './source';
import { TEXT_LIMITS } from './text-limits';

/** A year, or a month of a year when the document gives one. */
export const YearMonthSchema = z
  .object({ year: YearSchema, month: z.number().int().min(1).max(12).optional() })
  .strict();
export type YearMonth = z.infer<typeof YearMonthSchema>;

/** 建设周期 as written ("2023年3月-2024年12月"), with its ends when they can be read. */
export const ConstructionPeriodSchema = z
  .object({
    text: z.string().min(1),
    start: YearMonthSchema.nullable(),
    end: YearMonthSchema.nullable(),
  })
  .strict();
export type ConstructionPeriod = z.infer<typeof ConstructionPeriodSchema>;

export const ConstructionStatusSchema = z.enum(['not-started', 'under-construction', 'completed', 'in-operation']);
export type ConstructionStatus = z.infer<typeof ConstructionStatusSchema>;
export const CONSTRUCTION_STATUS_LABELS: Record<ConstructionStatus, string> = {
  'not-started': '未开工',
  'under-construction': '在建',
  completed: '完工',
  'in-operation': '投运',
};

export const ProjectSchema = z
  .object({
    id: RecordIdSchema,
    officeCode: DivisionCodeSchema,
    /** Number as printed in the project list. */
    number: z.string().min(1),
    order: z.number().int().nonnegative(),
    /** Group heading in the list, when the document groups projects (呼和浩特市 does by domain). */
    category: z.string().optional(),
    name: z.string().min(1).max(TEXT_LIMITS.title).refine((s) => s.trim() !== '', '不能为空'),
    content: z.string().max(TEXT_LIMITS.long),
    /** 建设单位 (who builds it). */
    constructionUnitIds: z.array(RecordIdSchema),
    /** 责任单位 (who answers for it in the plan). */
    responsibleUnitIds: z.array(RecordIdSchema),
    /** 总投资 / 投资, 万元. Null when the document gives none. */
    plannedInvestment: WanYuanSchema.nullable(),
    /** The investment cell as printed, e.g. "约5000" or "3000（其中中央资金1000）". */
    investmentText: z.string().optional(),
    period: ConstructionPeriodSchema.nullable(),
    deadline: DeadlineSchema.nullable(),
    /** 实施区域. */
    area: z.string().nullable(),
    /** 效益分析. */
    benefit: z.string().nullable(),
    constructionStatus: ConstructionStatusSchema,
    /** First year a completed-investment figure covers; the plan's start by default. */
    startYear: YearSchema.optional(),
    source: SourceRefSchema,
    review: z.array(ReviewFlagSchema).optional(),
    /** The plan period this project belongs to; absent: the office's first plan. */
    planId: z.string().optional(),
  })
  .strict();
export type Project = z.infer<typeof ProjectSchema>;
