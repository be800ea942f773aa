import { z } from 'zod';
import { IsoDateSchema, YearSchema } from './ids';

/**
 * A plan period: what an office publishes for some years (十四五 2021–2025, then 2026–2030), with
 * its 文号. A plan is in force, revised mid-way (still in force), or closed with its final
 * assessment, after which its records are read-only.
 */
export const PlanStatusSchema = z.enum(['in-force', 'revised', 'closed']);
export type PlanStatus = z.infer<typeof PlanStatusSchema>;
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { 'in-force': '执行中', revised: '已修订，执行中', closed: '已结束' };

export const PlanRevisionSchema = z.object({ on: IsoDateSchema, note: z.string().min(1).max(500) }).strict();

/** The final assessment, kept with the closed plan exactly as it was when the period was closed. */
export const PlanAssessmentSchema = z
  .object({
    closedOn: IsoDateSchema,
    indicators: z.array(
      z
        .object({
          id: z.string(),
          number: z.string(),
          name: z.string(),
          unit: z.string().nullable(),
          finalTarget: z.string(),
          lastValue: z.string().nullable(),
          lastYear: z.number().int().nullable(),
          attainment: z.string(),
          reason: z.string(),
        })
        .strict(),
    ),
    tasks: z.array(z.object({ id: z.string(), number: z.string(), domainLabel: z.string(), title: z.string(), outcome: z.string(), reason: z.string() }).strict()),
    projects: z.array(
      z.object({ id: z.string(), number: z.string(), name: z.string(), planned: z.number().nullable(), completed: z.number().nullable(), percent: z.number().nullable(), status: z.string() }).strict(),
    ),
  })
  .strict();
export type PlanAssessment = z.infer<typeof PlanAssessmentSchema>;

export const PlanPeriodSchema = z
  .object({
    id: z.string().min(1).max(80),
    title: z.string().min(1).max(200),
    documentNumber: z.string().max(100).optional(),
    fromYear: YearSchema,
    toYear: YearSchema,
    status: PlanStatusSchema,
    revisions: z.array(PlanRevisionSchema).optional(),
    /** The plan whose unfinished work this one carried over. */
    carriedFrom: z.string().optional(),
    assessment: PlanAssessmentSchema.optional(),
  })
  .strict()
  .refine((p) => p.fromYear <= p.toYear, { message: '方案起始年份不能晚于结束年份', path: ['toYear'] });
export type PlanPeriod = z.infer<typeof PlanPeriodSchema>;

/** What an office keeps about its plans, on its office record. */
export interface OfficePlans {
  plans?: PlanPeriod[];
  currentPlanId?: string;
}

/** The plan a record belongs to: its own planId, or (records from before plans had ids) the office's first plan. */
export function planIdOf(record: { planId?: string }, office: OfficePlans): string | undefined {
  return record.planId ?? office.plans?.[0]?.id;
}

export function currentPlan(office: OfficePlans): PlanPeriod | undefined {
  return office.plans?.find((p) => p.id === office.currentPlanId) ?? office.plans?.[office.plans.length - 1];
}

export function planById(office: OfficePlans, id: string | undefined): PlanPeriod | undefined {
  return id === undefined ? undefined : office.plans?.find((p) => p.id === id);
}

/** "十四五 2021—2025年" style label. */
export function planLabel(p: Pick<PlanPeriod, 'title' | 'fromYear' | 'toYear'>): string {
  return `${p.title}（${p.fromYear}—${p.toYear}年）`;
}

export function planIdFor(officeCode: string, fromYear: number): string {
  return `${officeCode}-plan-${fromYear}`;
}
