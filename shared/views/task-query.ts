import type { Task, TaskDomain } from '../domain/task';
import type { ProgressEntry } from '../domain/progress';
import type { IsoDate, Period } from '../domain/ids';
import { taskStatus, type TaskStatus, type TaskStatusResult } from '../domain/task-status';
import { figureReport, taskReportUnits, type Figure } from '../domain/reporting-rule';
import { reportDirectory } from './report-units';
import type { PlanData } from './plan-data';
import { groupBy, nameLookup } from './lookups';

/** A task with what the list shows and filters on, computed once per change of data. */
export interface TaskRow {
  task: Task;
  status: TaskStatusResult;
  /** The report that gives the task's figure (its lead units', reporting-rule.ts), not simply the newest. */
  latest: ProgressEntry | undefined;
  /** Each lead unit's report behind that figure. */
  figure: Figure | undefined;
  /** All reports (participants' 配合情况 too), newest period first, each with its unit where known. */
  history: ProgressEntry[];
  leadNames: string;
  participantNames: string;
  leaderNames: string;
  /** Lower-cased title, summary, units and every report's text, for search. */
  searchText: string;
}

export function buildTaskRows(plan: Pick<PlanData, 'tasks' | 'progress' | 'departments' | 'leaders'>, day: IsoDate): TaskRow[] {
  const dept = nameLookup(plan.departments);
  const leader = nameLookup(plan.leaders);
  const units = reportDirectory(plan.departments);
  const byTask = groupBy(
    units.withUnits(plan.progress.filter((p) => p.subjectKind === 'task')),
    (p) => p.subjectId,
  );
  return plan.tasks.map((task) => {
    const history = [...(byTask.get(task.id) ?? [])].sort((a, b) => (a.period === b.period ? b.reportedAt.localeCompare(a.reportedAt) : b.period.localeCompare(a.period)));
    const leadNames = task.leads.map((l) => dept(l.departmentId)).join('、');
    const participantNames = task.participants.map((p) => dept(p.departmentId)).join('、');
    const leaderNames = task.leaderIds.map(leader).join('、');
    const figure = figureReport(taskReportUnits(task), history, day, units.knownUnit);
    return {
      task,
      status: taskStatus(task, history, day, undefined, units.knownUnit),
      latest: figure?.entry,
      figure,
      history,
      leadNames,
      participantNames,
      leaderNames,
      searchText: [task.number, task.title, task.summary, task.deadline.text, leadNames, participantNames, leaderNames, ...history.flatMap((h) => [h.thisMonth, h.problems, h.nextSteps])]
        .join('\n')
        .toLowerCase(),
    };
  });
}

export interface TaskFilter {
  domains?: TaskDomain[];
  departmentId?: string;
  /** Which way the department is involved: as lead, as participant, or either. */
  departmentRole?: 'lead' | 'participant' | 'any';
  leaderId?: string;
  statuses?: TaskStatus[];
  /** A year of any dated stage, or 'open' for tasks with an open-ended part. */
  deadlineYear?: number | 'open';
  /** Only tasks with no report for this period. */
  missingPeriod?: Period;
  text?: string;
}

function matchesTask(row: TaskRow, f: TaskFilter, words: readonly string[]): boolean {
  const t = row.task;
  if (f.domains?.length && !f.domains.includes(t.domain)) return false;
  if (f.departmentId) {
    const role = f.departmentRole ?? 'any';
    const lead = t.leads.some((l) => l.departmentId === f.departmentId);
    const part = t.participants.some((p) => p.departmentId === f.departmentId);
    if (role === 'lead' ? !lead : role === 'participant' ? !part : !(lead || part)) return false;
  }
  if (f.leaderId && !t.leaderIds.includes(f.leaderId)) return false;
  if (f.statuses?.length && !f.statuses.includes(row.status.status)) return false;
  if (f.deadlineYear !== undefined) {
    if (f.deadlineYear === 'open' ? t.deadline.open === null : !t.deadline.points.some((p) => p.date.startsWith(String(f.deadlineYear)))) return false;
  }
  if (f.missingPeriod && row.history.some((h) => h.period === f.missingPeriod)) return false;
  return words.every((w) => row.searchText.includes(w));
}

export function filterTasks(rows: readonly TaskRow[], f: TaskFilter): TaskRow[] {
  // The search words are split once for the list, not once per row.
  const words = f.text ? f.text.toLowerCase().split(/\s+/).filter(Boolean) : [];
  return rows.filter((r) => matchesTask(r, f, words));
}

/** The task's report for one month by the reporting rule (its lead units', the lowest of co-leads), or none that month. */
export function monthReport(row: Pick<TaskRow, 'task' | 'history'>, period: Period): ProgressEntry | undefined {
  const figure = figureReport(taskReportUnits(row.task), row.history.filter((h) => h.period <= period), `${period}-28`);
  return figure?.entry.period === period ? figure.entry : undefined;
}
