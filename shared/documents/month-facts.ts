import type { IsoDate, Period } from '../domain/ids';
import type { ProgressEntry } from '../domain/progress';
import { shiftPeriod } from '../domain/time';
import { deadlineTextZh } from '../domain/deadline';
import { monthReport, type TaskRow } from '../views/task-query';
import { projectMonthReport, type ProjectRow } from '../views/project-query';
import { nameLookup } from '../views/lookups';
import { recordLabel } from '../views/record-label';
import { reportDirectory } from '../views/report-units';
import type { PlanData } from '../views/plan-data';

/** One line of 本月工作进展 or 存在问题: whose report, on what, and what it says. */
export interface ReportLine {
  kind: 'task' | 'project';
  subjectId: string;
  /** 填报单位 (the lead unit whose report is the month's figure), or the office's 代报. */
  unit: string;
  /** 任务 1.2 … / 项目 3 … */
  subject: string;
  text: string;
}

/** What moved in a month, by domain (a task's 一级领域; projects under 重点项目). */
export interface DomainMoves {
  domain: string;
  items: ReportLine[];
}

export interface MonthReports {
  moved: DomainMoves[];
  /** The month's reports whose 存在问题 is not empty. */
  problems: ReportLine[];
}

const PROJECTS_DOMAIN = '重点项目';

function unitOf(entry: ProgressEntry, fallback: string, dept: (id: string) => string, known: (id: string) => boolean, office: string): string {
  if (entry.departmentId && known(entry.departmentId)) return dept(entry.departmentId);
  return fallback && fallback !== office ? `${fallback}（${office}代报）` : office;
}

/**
 * The month's reports as the app reads them: per task its figure's report of that very month
 * (monthReport, the lead units' — a participant's 配合情况 is not the task's progress), per project
 * projectMonthReport. Order: the plan's order of domains, tasks and projects.
 */
export function monthReports(plan: Pick<PlanData, 'departments'>, rows: readonly TaskRow[], projectRows: readonly ProjectRow[], period: Period, officeShort: string): MonthReports {
  const dept = nameLookup(plan.departments);
  const known = reportDirectory(plan.departments).knownUnit;
  const moved = new Map<string, ReportLine[]>();
  const problems: ReportLine[] = [];
  const add = (domain: string, line: ReportLine, entry: ProgressEntry) => {
    if (entry.thisMonth.trim()) moved.set(domain, [...(moved.get(domain) ?? []), { ...line, text: entry.thisMonth.trim() }]);
    if (entry.problems.trim()) problems.push({ ...line, text: entry.problems.trim() });
  };
  for (const r of rows) {
    const entry = monthReport(r, period);
    if (entry) add(r.task.domainLabel, { kind: 'task', subjectId: r.task.id, unit: unitOf(entry, r.leadNames, dept, known, officeShort), subject: recordLabel(r.task, 'tasks'), text: '' }, entry);
  }
  for (const r of projectRows) {
    const entry = projectMonthReport(r, period, known);
    if (entry) add(PROJECTS_DOMAIN, { kind: 'project', subjectId: r.project.id, unit: unitOf(entry, r.unitNames, dept, known, officeShort), subject: `项目 ${r.project.number} ${r.project.name}`, text: '' }, entry);
  }
  return { moved: [...moved].map(([domain, items]) => ({ domain, items })), problems };
}

/** A task due in the coming month: one of its dated stages falls in it and it is not done. */
export interface DueTask {
  taskId: string;
  subject: string;
  leads: string;
  deadline: string;
  /** The stage's day. */
  due: IsoDate;
}

/** The tasks with a stage due in the month after `period` that are not done (the 下月工作安排). */
export function tasksDueNextMonth(rows: readonly TaskRow[], period: Period): DueTask[] {
  const next = shiftPeriod(period, 1);
  const out: DueTask[] = [];
  for (const r of rows) {
    if (r.status.status === 'done') continue;
    const stage = r.task.deadline.points.find((p) => p.date.startsWith(next));
    if (stage) out.push({ taskId: r.task.id, subject: recordLabel(r.task, 'tasks'), leads: r.leadNames, deadline: deadlineTextZh(r.task.deadline), due: stage.date });
  }
  return out;
}
