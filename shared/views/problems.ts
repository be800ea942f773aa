import type { Department } from '../domain/department';
import type { IsoDate, Period } from '../domain/ids';
import {
  PROBLEM_STATUS_LABELS,
  isNoProblemText,
  latestFollowUp,
  problemAgeDays,
  problemDaysOverdue,
  problemDueFor,
  problemStatus,
  type FollowUp,
  type Problem,
  type ProblemKind,
  type ProblemStatus,
  type ProblemUnit,
} from '../domain/problem';
import type { ProgressEntry } from '../domain/progress';
import type { Project } from '../domain/project';
import { newer, projectReportUnits, taskReportUnits } from '../domain/reporting-rule';
import type { Task } from '../domain/task';
import { chinaToday } from '../domain/time';
import { idNamespaceOf } from '../exchange/ownership';
import { reportDirectory } from './report-units';

/*
 * 问题清单 as pure functions of an office's records and a day (RULES.md, "Problems: due dates and
 * 销号"): which reports' 存在问题 are still to be raised, and the list with status, age and names.
 * shared/app/problems.ts stores what the clerk decides.
 */

/** What the list needs of the office besides its problems. */
export interface ProblemContext {
  departments: readonly Department[];
  tasks: readonly Pick<Task, 'id' | 'number' | 'title' | 'domainLabel' | 'leads' | 'participants'>[];
  projects: readonly Pick<Project, 'id' | 'name' | 'responsibleUnitIds' | 'constructionUnitIds'>[];
}

/** A problem as the list shows it on a day. */
export interface ProblemView {
  problem: Problem;
  status: ProblemStatus;
  statusLabel: string;
  /** Days since raising (to the 销号 when closed). */
  ageDays: number;
  /** Days past due (0 when not overdue). */
  daysOverdue: number;
  subjectTitle: string;
  responsibleName: string;
  raisedByName: string;
  latest: FollowUp | null;
}

export interface ProblemFilter {
  /** Responsible department id. */
  unit?: string;
  status?: ProblemStatus | 'unclosed';
  /** Only problems overdue on the day. */
  overdue?: boolean;
  subjectId?: string;
}

/** The day (Beijing time) a report was made. */
export function reportDay(entry: Pick<ProgressEntry, 'reportedAt'>): IsoDate {
  return chinaToday(new Date(entry.reportedAt));
}

/** Name of a task or project, as the list prints it. */
export function subjectTitleOf(ctx: ProblemContext, subjectKind: 'task' | 'project', subjectId: string): string {
  if (subjectKind === 'task') {
    const t = ctx.tasks.find((x) => x.id === subjectId);
    return t ? `${t.domainLabel} ${t.number} ${t.title}` : '未知任务';
  }
  const p = ctx.projects.find((x) => x.id === subjectId);
  return p ? p.name : '未知项目';
}

export function departmentName(ctx: Pick<ProblemContext, 'departments'>, id: string | null | undefined): string {
  if (!id) return '未指定';
  return ctx.departments.find((d) => d.id === id)?.name ?? '未知单位';
}

export function unitName(ctx: Pick<ProblemContext, 'departments'>, unit: ProblemUnit): string {
  return unit.departmentId ? departmentName(ctx, unit.departmentId) : (unit.name ?? '未指定');
}

export function problemView(ctx: ProblemContext, problem: Problem, day: IsoDate): ProblemView {
  const status = problemStatus(problem, day);
  return {
    problem,
    status,
    statusLabel: PROBLEM_STATUS_LABELS[status],
    ageDays: problemAgeDays(problem, day),
    daysOverdue: problemDaysOverdue(problem, day),
    subjectTitle: subjectTitleOf(ctx, problem.subjectKind, problem.subjectId),
    responsibleName: departmentName(ctx, problem.responsibleId),
    raisedByName: unitName(ctx, problem.raisedBy),
    latest: latestFollowUp(problem),
  };
}

const STATUS_ORDER: Record<ProblemStatus, number> = { overdue: 0, 'in-progress': 1, open: 1, closed: 2 };

/** Overdue first (most days overdue first), then unclosed by due date, closed last (latest 销号 first); ties by raising, then id. */
export function compareProblemViews(a: ProblemView, b: ProblemView): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    b.daysOverdue - a.daysOverdue ||
    (a.status === 'closed' ? (b.problem.closing?.date ?? '').localeCompare(a.problem.closing?.date ?? '') : a.problem.due.localeCompare(b.problem.due)) ||
    a.problem.raisedOn.localeCompare(b.problem.raisedOn) ||
    a.problem.id.localeCompare(b.problem.id)
  );
}

export function matchesFilter(view: ProblemView, filter: ProblemFilter): boolean {
  if (filter.unit !== undefined && view.problem.responsibleId !== filter.unit) return false;
  if (filter.subjectId !== undefined && view.problem.subjectId !== filter.subjectId) return false;
  if (filter.overdue && view.status !== 'overdue') return false;
  if (filter.status === 'unclosed') return view.status !== 'closed';
  if (filter.status !== undefined && view.status !== filter.status) return false;
  return true;
}

/** The 问题清单 on a day: filtered and sorted overdue first, then by due date. */
export function problemList(ctx: ProblemContext, problems: readonly Problem[], day: IsoDate, filter: ProblemFilter = {}): ProblemView[] {
  return problems
    .map((p) => problemView(ctx, p, day))
    .filter((v) => matchesFilter(v, filter))
    .sort(compareProblemViews);
}

/** How many are open (not closed) and how many of those are overdue on the day. */
export function problemCounts(problems: readonly Problem[], day: IsoDate): { open: number; overdue: number; closed: number } {
  let open = 0;
  let overdue = 0;
  let closed = 0;
  for (const p of problems) {
    const s = problemStatus(p, day);
    if (s === 'closed') closed++;
    else {
      open++;
      if (s === 'overdue') overdue++;
    }
  }
  return { open, overdue, closed };
}

/** The reports' ids a problem already stands for: the one it was raised from, and those its follow-ups came from. */
export function raisedEntryIds(problems: readonly Problem[]): Set<string> {
  const out = new Set<string>();
  for (const p of problems) {
    if (p.sourceEntryId) out.add(p.sourceEntryId);
    for (const f of p.followUps) if (f.sourceEntryId) out.add(f.sourceEntryId);
  }
  return out;
}

/** What the clerk is offered for one report's 存在问题. */
export interface ProblemCandidate {
  entry: ProgressEntry;
  text: string;
  /** The report's unit (填报单位), or the office's record. */
  unit: ProblemUnit;
  unitName: string;
  subjectTitle: string;
  /** The day the problem counts as raised: the report's day. */
  raisedOn: IsoDate;
  /** Who would be responsible if raised as new: the reporting unit, else the subject's first lead unit. */
  responsibleId: string | null;
  /** Open problems of the same task or project, any of which the report could be a follow-up of. */
  openOnSubject: ProblemView[];
  /** The proposal: a follow-up of the open problem the same unit answers for, else a new 一般 problem. */
  proposal: { action: 'new'; kind: ProblemKind; due: IsoDate } | { action: 'link'; problemId: string };
}

function responsibleFor(ctx: ProblemContext, entry: ProgressEntry, known: (id: string) => boolean): string | null {
  if (entry.departmentId && known(entry.departmentId)) return entry.departmentId;
  const units =
    entry.subjectKind === 'task'
      ? ctx.tasks.find((t) => t.id === entry.subjectId)
      : ctx.projects.find((p) => p.id === entry.subjectId);
  if (!units) return null;
  const owing = entry.subjectKind === 'task' ? taskReportUnits(units as Task).owing : projectReportUnits(units as Project).owing;
  return owing.find(known) ?? null;
}

/**
 * Every non-empty 存在问题 among the reports not yet raised: of one unit's corrections in one month on
 * one task the latest, and none once any of them was raised or linked. Reports of `period` only when
 * given. Sorted by subject, then unit.
 */
export function problemCandidates(ctx: ProblemContext, entries: readonly ProgressEntry[], problems: readonly Problem[], day: IsoDate, period?: Period): ProblemCandidate[] {
  const directory = reportDirectory(ctx.departments as Department[]);
  const raised = raisedEntryIds(problems);
  const groups = new Map<string, ProgressEntry[]>();
  for (const e of directory.withUnits(entries.filter((x) => period === undefined || x.period === period))) {
    const key = `${e.subjectId}\u0000${e.departmentId ?? ''}\u0000${e.period}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const open = problems.filter((p) => problemStatus(p, day) !== 'closed');
  const out: ProblemCandidate[] = [];
  for (const group of groups.values()) {
    if (group.some((e) => raised.has(e.id))) continue;
    const latest = group.reduce((a, b) => (newer(b, a) ? b : a));
    if (isNoProblemText(latest.problems)) continue;
    const unit: ProblemUnit = latest.departmentId && directory.knownUnit(latest.departmentId) ? { departmentId: latest.departmentId } : { name: latest.reportedBy.trim() || '无废办' };
    const responsibleId = responsibleFor(ctx, latest, directory.knownUnit);
    const raisedOn = reportDay(latest);
    const openOnSubject = problemList(ctx, open.filter((p) => p.subjectId === latest.subjectId), day);
    const same = openOnSubject.find((v) => (unit.departmentId !== undefined && v.problem.raisedBy.departmentId === unit.departmentId) || (responsibleId !== null && v.problem.responsibleId === responsibleId));
    out.push({
      entry: latest,
      text: latest.problems.trim(),
      unit,
      unitName: unitName(ctx, unit),
      subjectTitle: subjectTitleOf(ctx, latest.subjectKind, latest.subjectId),
      raisedOn,
      responsibleId,
      openOnSubject,
      proposal: same ? { action: 'link', problemId: same.problem.id } : { action: 'new', kind: 'general', due: problemDueFor('general', raisedOn) as IsoDate },
    });
  }
  return out.sort((a, b) => a.subjectTitle.localeCompare(b.subjectTitle, 'zh') || a.unitName.localeCompare(b.unitName, 'zh') || a.entry.id.localeCompare(b.entry.id));
}

/** The id of the problem raised from a report: made from the report's, so two laptops raising it make one record. */
export function problemIdFromEntry(officeCode: string, entryId: string): string {
  const ns = idNamespaceOf(officeCode);
  return `${ns}problem-from-${entryId.startsWith(ns) ? entryId.slice(ns.length) : entryId}`;
}

/** One row of a department's next fill-in form: an open problem it answers for, with 处理进展 and 是否解决 to fill. */
export interface ProblemFormRow {
  problemId: string;
  subjectTitle: string;
  text: string;
  raisedOn: IsoDate;
  due: IsoDate;
  status: ProblemStatus;
  statusLabel: string;
  daysOverdue: number;
  /** The unit's last 处理进展, to update. */
  lastProgress: string;
  lastResolved: boolean | null;
}

/** The open problems a department answers for, overdue first: one row each in its next form and its 督办单. */
export function problemFormRows(ctx: ProblemContext, problems: readonly Problem[], departmentId: string, day: IsoDate): ProblemFormRow[] {
  return problemList(ctx, problems, day, { unit: departmentId, status: 'unclosed' }).map((v) => ({
    problemId: v.problem.id,
    subjectTitle: v.subjectTitle,
    text: v.problem.text,
    raisedOn: v.problem.raisedOn,
    due: v.problem.due,
    status: v.status,
    statusLabel: v.statusLabel,
    daysOverdue: v.daysOverdue,
    lastProgress: v.latest?.text ?? '',
    lastResolved: v.latest ? v.latest.resolved : null,
  }));
}
