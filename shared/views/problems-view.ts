import type { IsoDate } from '../domain/ids';
import { PROBLEM_KIND_LABELS, problemStatus, type Problem, type ProblemKind } from '../domain/problem';
import { formatPeriodZh } from '../domain/time';
import type { ProblemContext, ProblemView } from './problems';
import { unitName } from './problems';

/*
 * What the 问题清单 page shows beside the core's list (shared/views/problems.ts): the search the
 * page offers (kind, text), the overdue count per responsible unit (月度调度) and a problem's
 * history as one dated list (the drawer). Pure functions of the records and a day.
 */

/** The page's own narrowing on top of ProblemFilter: the kind and a text found in the problem, its subject or its units. */
export interface ProblemSearch {
  kind?: ProblemKind;
  text?: string;
}

export function searchProblemViews(views: readonly ProblemView[], search: ProblemSearch): ProblemView[] {
  const words = (search.text ?? '').trim().toLowerCase().split(/\s+/u).filter(Boolean);
  return views.filter((v) => {
    if (search.kind !== undefined && v.problem.kind !== search.kind) return false;
    if (!words.length) return true;
    const hay = [v.problem.text, v.subjectTitle, v.responsibleName, v.raisedByName, v.latest?.text ?? ''].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Overdue problems on the day per responsible department (月度调度's 逾期问题 N per department line). */
export function overdueByDepartment(problems: readonly Problem[], day: IsoDate): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of problems) {
    if (p.responsibleId === null || problemStatus(p, day) !== 'overdue') continue;
    out.set(p.responsibleId, (out.get(p.responsibleId) ?? 0) + 1);
  }
  return out;
}

/** One line of a problem's history. */
export interface ProblemEvent {
  date: IsoDate;
  kind: 'raised' | 'follow-up' | 'due' | 'closed' | 'reopened';
  /** 登记 / 处理进展 / 调整期限 / 销号 / 重新打开 */
  label: string;
  text: string;
}

/**
 * A problem's history, oldest first: raised (from which month's report, by which unit), every 处理进展
 * with 是否解决, every due change with its reason, every 销号 (those undone by a reopening too) and
 * reopening. Same-day events keep this order: raised, follow-ups, due changes, closings, reopenings.
 */
export function problemTimeline(ctx: Pick<ProblemContext, 'departments'>, problem: Problem): ProblemEvent[] {
  const events: (ProblemEvent & { order: number })[] = [];
  const from = problem.sourceEntryId ? `由${problem.period ? formatPeriodZh(problem.period) : ''}月度报送的“存在问题”登记` : '无废办直接登记';
  events.push({
    date: problem.raisedOn,
    kind: 'raised',
    label: '登记',
    text: `${from}；反映单位：${unitName(ctx, problem.raisedBy)}；${PROBLEM_KIND_LABELS[problem.kind]}问题`,
    order: 0,
  });
  for (const f of problem.followUps) {
    events.push({ date: f.date, kind: 'follow-up', label: '处理进展', text: `${unitName(ctx, f.unit)}：${f.text}（是否解决：${f.resolved ? '是' : '否'}）${f.sourceEntryId ? '（来自月度报送）' : ''}`, order: 1 });
  }
  for (const c of problem.dueChanges) {
    events.push({ date: c.on, kind: 'due', label: '调整期限', text: `办结时限 ${c.from} → ${c.to}；理由：${c.reason}${c.by ? `（${c.by}）` : ''}`, order: 2 });
  }
  const closingText = (c: NonNullable<Problem['closing']>) => `依据：${c.evidence}；确认人：${c.confirmedBy}`;
  for (const r of problem.reopenings) {
    events.push({ date: r.closing.date, kind: 'closed', label: '销号', text: closingText(r.closing), order: 3 });
    events.push({ date: r.on, kind: 'reopened', label: '重新打开', text: `理由：${r.reason}`, order: 4 });
  }
  if (problem.closing) events.push({ date: problem.closing.date, kind: 'closed', label: '销号', text: closingText(problem.closing), order: 3 });
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order).map(({ order: _order, ...e }) => e);
}
