/**
 * One county office as the city drills into it (各旗区总览 → an office): its projects and
 * indicators with their standing, and the month's reports by the reporting rule, worked out here
 * so the screen only lays them out.
 */
import type { IsoDate, Period } from '../domain/ids';
import type { ProgressEntry } from '../domain/progress';
import type { TaskStatusResult } from '../domain/task-status';
import type { PlanData } from './plan-data';
import { assessmentYear, indicatorStandings, type IndicatorStanding } from './aggregations';
import { buildProjectRows, projectMonthReport } from './project-query';
import { buildTaskRows, monthReport } from './task-query';
import { reportDirectory } from './report-units';

/** A line of 本月进展: a task or project reported this month, or overdue without a report. */
export interface MonthLine {
  kind: 'task' | 'project';
  id: string;
  /** The task's domain, or 项目. */
  group: string;
  /** 序号 and name. */
  title: string;
  units: string;
  status: TaskStatusResult;
  report: ProgressEntry | undefined;
}

/** The month's reports of an office's tasks and projects, and its overdue work that has none; tasks first, in plan order. */
export function monthLines(plan: PlanData, period: Period, today: IsoDate): MonthLine[] {
  const { knownUnit } = reportDirectory(plan.departments);
  const tasks = buildTaskRows(plan, today).map(
    (r): MonthLine => ({ kind: 'task', id: r.task.id, group: r.task.domainLabel, title: `${r.task.number} ${r.task.title}`, units: r.leadNames, status: r.status, report: monthReport(r, period) }),
  );
  const projects = buildProjectRows(plan, period, today).map(
    (r): MonthLine => ({ kind: 'project', id: r.project.id, group: '项目', title: `${r.project.number} ${r.project.name}`, units: r.unitNames, status: r.status, report: projectMonthReport(r, period, knownUnit) }),
  );
  return [...tasks, ...projects].filter((l) => l.report || l.status.status === 'overdue');
}

/** An office's indicators judged for the period's assessment year. */
export function countyIndicators(plan: Pick<PlanData, 'indicators' | 'indicatorValues'>, period: Period): { year: number; standings: IndicatorStanding[] } {
  const year = assessmentYear(plan.indicators, period);
  return { year, standings: indicatorStandings(plan.indicators, plan.indicatorValues, year) };
}
