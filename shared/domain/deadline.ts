import { z } from 'zod';
import { IsoDateSchema, YearSchema } from './ids';
import { TEXT_LIMITS } from './text-limits';
import { formatDateZh } from './time';

/**
 * Deadline kinds with no end date. The documents use three phrasings and offices treat them
 * differently in reports, so each is kept: 持续推进 (ongoing), 长期坚持 (long-term), 持续开展 (continuing).
 */
export const OpenDeadlineKindSchema = z.enum(['ongoing', 'long-term', 'continuing']);
export type OpenDeadlineKind = z.infer<typeof OpenDeadlineKindSchema>;

export const OPEN_DEADLINE_WORDS: Record<OpenDeadlineKind, string> = {
  ongoing: '持续推进',
  'long-term': '长期坚持',
  continuing: '持续开展',
};

/**
 * One dated part of a deadline. `date` is the last day the part covers: a year-end part
 * ("2025年底前") is 2025-12-31, a month part ("2023年6月底前") the last day of that month.
 */
export const DuePointSchema = z
  .object({
    precision: z.enum(['day', 'month', 'year']),
    date: IsoDateSchema,
    /** What must be done by then, when the document says (compound deadlines). */
    scope: z.string().optional(),
  })
  .strict();
export type DuePoint = z.infer<typeof DuePointSchema>;

/**
 * A deadline as a plan writes it. The original text is always kept: it is what gets printed.
 * Compound deadlines ("2023年底前…；2025年底前…；其余工作持续推进") have several points plus an open
 * remainder.
 */
export const DeadlineSchema = z
  .object({
    text: z.string().max(TEXT_LIMITS.deadline),
    /** Ascending by date. */
    points: z.array(DuePointSchema),
    /** The open-ended remainder, if any. */
    open: OpenDeadlineKindSchema.nullable(),
    /** First year of a range such as "2023年—2025年持续推进". */
    fromYear: YearSchema.optional(),
  })
  .strict()
  .refine((d) => d.points.every((p, i) => i === 0 || d.points[i - 1].date <= p.date), {
    message: '完成时限的各阶段应按时间先后排列',
    path: ['points'],
  });
export type Deadline = z.infer<typeof DeadlineSchema>;

export type DeadlineKind =
  | 'date'
  | 'month-end'
  | 'year-end'
  | 'ongoing'
  | 'long-term'
  | 'continuing'
  | 'compound'
  | 'unspecified';

export function deadlineKind(d: Deadline): DeadlineKind {
  if (d.points.length === 0) return d.open ?? 'unspecified';
  if (d.points.length > 1 || d.open !== null) return 'compound';
  const [p] = d.points;
  return p.precision === 'day' ? 'date' : p.precision === 'month' ? 'month-end' : 'year-end';
}

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: '具体日期',
  'month-end': '月底前',
  'year-end': '年底前',
  ongoing: '持续推进',
  'long-term': '长期坚持',
  continuing: '持续开展',
  compound: '分阶段',
  unspecified: '未规定',
};

/** The last dated day of a deadline, or null when it has no dated part. */
export function finalDueDate(d: Deadline): string | null {
  return d.points.length ? d.points[d.points.length - 1].date : null;
}

/** Each dated stage of a deadline in words: "2025年12月31日前：建成处置中心". */
export function deadlineStagesZh(d: Deadline): string[] {
  return d.points.map((p) => `${formatDateZh(p.date)}前${p.scope ? `：${p.scope}` : ''}`);
}

/**
 * A deadline as text, the one way the tables, the audit trail and previews show it: as the plan
 * wrote it; a deadline without words (made from parts) by its stages and open remainder; none as 未规定.
 */
export function deadlineTextZh(d: Deadline | null | undefined): string {
  if (!d) return '未规定';
  if (d.text.trim()) return d.text;
  const parts = [...deadlineStagesZh(d), ...(d.open ? [OPEN_DEADLINE_WORDS[d.open]] : [])];
  return parts.length ? parts.join('；') : DEADLINE_KIND_LABELS[deadlineKind(d)];
}
