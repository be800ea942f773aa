import { z } from 'zod';
import { DivisionCodeSchema } from './office';
import { IsoDateSchema, PeriodSchema, RecordIdSchema, type IsoDate } from './ids';
import { daysFromTo } from './time';
import { TEXT_LIMITS } from './text-limits';

/**
 * 问题清单 and 销号管理: a problem (问题) raised in a monthly report's 存在问题 is followed until it
 * is closed (销号) with evidence. The rules (due dates per kind, status on a day) are in RULES.md,
 * section "Problems: due dates and 销号"; every function here is pure, of the record and a day.
 */

/** 一般 / 复杂 / 特殊: the clerk decides; the kind sets the due date (problemDueFor). */
export const ProblemKindSchema = z.enum(['general', 'complex', 'special']);
export type ProblemKind = z.infer<typeof ProblemKindSchema>;
export const PROBLEM_KIND_LABELS: Record<ProblemKind, string> = {
  general: '一般',
  complex: '复杂',
  special: '特殊',
};
/** Months from raising to due, per kind; 特殊 has none (一企一策: the clerk sets the day). */
export const PROBLEM_DUE_MONTHS: Record<ProblemKind, number | null> = { general: 1, complex: 3, special: null };

/** Derived, never stored: 待处理 open, 处理中 in progress, 已销号 closed, 已逾期 overdue. */
export const ProblemStatusSchema = z.enum(['open', 'in-progress', 'closed', 'overdue']);
export type ProblemStatus = z.infer<typeof ProblemStatusSchema>;
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  open: '待处理',
  'in-progress': '处理中',
  closed: '已销号',
  overdue: '已逾期',
};

const text = (max: number) => z.string().max(max).refine((s) => s.trim() !== '', '不能为空');

/** A unit: a department of the directory, or only a name (a unit not in it, 无废办). At least one. */
export const ProblemUnitSchema = z
  .object({
    departmentId: RecordIdSchema.optional(),
    name: z.string().max(TEXT_LIMITS.name).optional(),
  })
  .strict()
  .refine((u) => u.departmentId !== undefined || (u.name ?? '').trim() !== '', '应写明单位');
export type ProblemUnit = z.infer<typeof ProblemUnitSchema>;

/** A change of the due date, with its reason (延期 / 提前, or setting a 特殊 problem's day). */
export const DueChangeSchema = z
  .object({
    on: IsoDateSchema,
    from: IsoDateSchema,
    to: IsoDateSchema,
    reason: text(TEXT_LIMITS.medium),
    by: z.string().max(TEXT_LIMITS.name).optional(),
  })
  .strict();
export type DueChange = z.infer<typeof DueChangeSchema>;

/** 处理进展: what a unit reported on the problem on a day, and whether it says the problem is solved. */
export const FollowUpSchema = z
  .object({
    date: IsoDateSchema,
    unit: ProblemUnitSchema,
    text: text(TEXT_LIMITS.long),
    /** 是否解决: the unit's word; the problem is closed only by 销号 (closing). */
    resolved: z.boolean(),
    /** The monthly report this follow-up came from, when it came from one. */
    sourceEntryId: RecordIdSchema.optional(),
  })
  .strict();
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** 销号: the day, the evidence, and who confirmed it. */
export const ProblemClosingSchema = z
  .object({
    date: IsoDateSchema,
    evidence: text(TEXT_LIMITS.medium),
    confirmedBy: text(TEXT_LIMITS.name),
  })
  .strict();
export type ProblemClosing = z.infer<typeof ProblemClosingSchema>;

/** A 销号 undone: when, why, and the closing it replaced. */
export const ReopeningSchema = z
  .object({
    on: IsoDateSchema,
    reason: text(TEXT_LIMITS.medium),
    closing: ProblemClosingSchema,
  })
  .strict();
export type Reopening = z.infer<typeof ReopeningSchema>;

/**
 * A problem the office follows. Kept a plain object schema (no cross-field refinement) so the
 * exchange knows its fields; the rules between fields are checkProblem's.
 */
export const ProblemSchema = z
  .object({
    id: RecordIdSchema,
    officeCode: DivisionCodeSchema,
    subjectKind: z.enum(['task', 'project']),
    /** The task or project the problem is about. */
    subjectId: RecordIdSchema,
    /** The monthly report whose 存在问题 raised it; absent when the clerk entered it directly. */
    sourceEntryId: RecordIdSchema.optional(),
    /** The month of that report. */
    period: PeriodSchema.optional(),
    /** 问题描述 */
    text: text(TEXT_LIMITS.long),
    /** 提出日期 */
    raisedOn: IsoDateSchema,
    /** 反映单位 */
    raisedBy: ProblemUnitSchema,
    kind: ProblemKindSchema,
    /** 责任单位: the department that must solve it; null while the office has not named one. */
    responsibleId: RecordIdSchema.nullable(),
    /** 办结时限 */
    due: IsoDateSchema,
    /** Every change of `due`, oldest first. */
    dueChanges: z.array(DueChangeSchema),
    followUps: z.array(FollowUpSchema),
    closing: ProblemClosingSchema.nullable(),
    reopenings: z.array(ReopeningSchema),
  })
  .strict();
export type Problem = z.infer<typeof ProblemSchema>;

/** The last day of a month (month 1–12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day `months` months later, on the calendar: when that month is shorter the day is its
 * last (2025-01-31 + 1 month = 2025-02-28; 2024-01-31 + 1 = 2024-02-29; 2025-11-30 + 3 = 2026-02-28).
 */
export function addMonthsToDay(day: IsoDate, months: number): IsoDate {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const dd = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** The due date the rules give a problem raised on a day: 一般 +1 month, 复杂 +3 months, 特殊 none (the clerk sets it). */
export function problemDueFor(kind: ProblemKind, raisedOn: IsoDate): IsoDate | null {
  const months = PROBLEM_DUE_MONTHS[kind];
  return months === null ? null : addMonthsToDay(raisedOn, months);
}

/** Closed on a day: a 销号 dated on or before it. */
export function isClosedOn(problem: Pick<Problem, 'closing'>, day: IsoDate): boolean {
  return problem.closing !== null && problem.closing.date <= day;
}

/**
 * The status on a day, the first that holds: 已销号 (closed on or before the day); 已逾期 (the day is
 * after the due date: overdue from the day after due); 处理中 (a follow-up dated on or before the
 * day); 待处理.
 */
export function problemStatus(problem: Pick<Problem, 'closing' | 'due' | 'followUps'>, day: IsoDate): ProblemStatus {
  if (isClosedOn(problem, day)) return 'closed';
  if (day > problem.due) return 'overdue';
  if (problem.followUps.some((f) => f.date <= day)) return 'in-progress';
  return 'open';
}

/** Whole days the problem has been open: from raising to its 销号, or to the day. */
export function problemAgeDays(problem: Pick<Problem, 'raisedOn' | 'closing'>, day: IsoDate): number {
  const end = problem.closing !== null && problem.closing.date <= day ? problem.closing.date : day;
  return Math.max(0, daysFromTo(problem.raisedOn, end));
}

/** Days past due on the day (0 when not overdue). */
export function problemDaysOverdue(problem: Pick<Problem, 'closing' | 'due' | 'followUps'>, day: IsoDate): number {
  return problemStatus(problem, day) === 'overdue' ? daysFromTo(problem.due, day) : 0;
}

/** The latest follow-up (by date, then as recorded), or null. */
export function latestFollowUp(problem: Pick<Problem, 'followUps'>): FollowUp | null {
  let best: FollowUp | null = null;
  for (const f of problem.followUps) if (best === null || f.date >= best.date) best = f;
  return best;
}

/**
 * Texts that say there is no problem: a 存在问题 of 无 / 暂无 / 没有 / 无问题 / 暂无问题 / / / — is
 * not raised.
 */
export function isNoProblemText(value: string): boolean {
  const t = value.trim().replace(/[。.．；;，,！!\s]+$/u, '');
  return t === '' || /^(无|暂无|没有|无问题|暂无问题|暂未发现问题|未发现问题|无明显问题|\/|／|-|—|——|－)$/u.test(t);
}

/**
 * The rules between fields, as Chinese sentences naming the field (empty: acceptable). The due date
 * of a 一般 / 复杂 problem is the rule's until a change with a reason moves it; nothing is dated
 * before raising; a 销号 needs evidence and who confirmed it (the schema) and a day not before raising.
 */
export function checkProblem(problem: Problem, today?: IsoDate): string[] {
  const out: string[] = [];
  const ruled = problemDueFor(problem.kind, problem.raisedOn);
  const last = problem.dueChanges[problem.dueChanges.length - 1];
  if (problem.due < problem.raisedOn) out.push(`办结时限（${problem.due}）不能早于提出日期（${problem.raisedOn}）`);
  if (last === undefined && ruled !== null && problem.due !== ruled) {
    out.push(`${PROBLEM_KIND_LABELS[problem.kind]}问题的办结时限应为 ${ruled}（提出日期起${PROBLEM_DUE_MONTHS[problem.kind]}个月）；改动时限须写明理由`);
  }
  if (last !== undefined && last.to !== problem.due) out.push(`办结时限（${problem.due}）与最后一次调整（${last.to}）不一致`);
  for (const c of problem.dueChanges) if (c.on < problem.raisedOn) out.push(`调整时限的日期（${c.on}）不能早于提出日期（${problem.raisedOn}）`);
  for (const f of problem.followUps) if (f.date < problem.raisedOn) out.push(`处理进展的日期（${f.date}）不能早于提出日期（${problem.raisedOn}）`);
  if (problem.closing !== null && problem.closing.date < problem.raisedOn) {
    out.push(`销号日期（${problem.closing.date}）不能早于提出日期（${problem.raisedOn}）`);
  }
  if (today !== undefined) {
    if (problem.raisedOn > today) out.push(`提出日期（${problem.raisedOn}）不能晚于今天（${today}）`);
    if (problem.closing !== null && problem.closing.date > today) out.push(`销号日期（${problem.closing.date}）不能晚于今天（${today}）`);
  }
  return out;
}
