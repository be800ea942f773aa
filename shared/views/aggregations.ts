import { figureReport, projectReportUnits } from '../domain/reporting-rule';
import type { Period } from '../domain/ids';
import type { Project, ConstructionStatus } from '../domain/project';
import type { ProgressEntry } from '../domain/progress';
import type { TaskDomain } from '../domain/task';
import { percentOf, sumWan, type WanYuan } from '../domain/money';
import { indicatorAttainment, type Attainment, type AttainmentResult } from '../domain/attainment';
import type { Indicator } from '../domain/indicator';
import type { IndicatorValue } from '../domain/progress';
import type { TaskStatus } from '../domain/task-status';
import type { TaskRow } from './task-query';
import { groupBy } from './lookups';

export const TASK_STATUSES: readonly TaskStatus[] = ['not-started', 'in-progress', 'at-risk', 'overdue', 'done'];

/** Tasks (or projects: ProjectRow has the same `status`) by derived status. */
export function countByStatus(rows: readonly Pick<TaskRow, 'status'>[]): Record<TaskStatus, number> {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const r of rows) counts[r.status.status] += 1;
  return counts;
}

export function countByDomainAndStatus(rows: readonly TaskRow[]): { domain: TaskDomain; label: string; counts: Record<TaskStatus, number> }[] {
  return [...groupBy(rows, (r) => r.task.domain)].map(([domain, list]) => ({ domain, label: list[0].task.domainLabel, counts: countByStatus(list) }));
}

/** The report that gives a project's figure up to a period (its units' reports, reporting-rule.ts). */
export function latestProjectReport(
  project: Pick<Project, 'responsibleUnitIds' | 'constructionUnitIds'>,
  entries: readonly ProgressEntry[],
  upTo: Period,
  knownUnit?: (id: string) => boolean,
): ProgressEntry | undefined {
  return figureReport(projectReportUnits(project), entries, `${upTo}-28`, knownUnit)?.entry;
}

export interface InvestmentSummary {
  planned: WanYuan;
  completed: WanYuan;
  /** 本年完成投资: each project's latest report up to the period, counted when that report is of the period's year. */
  completedThisYear: WanYuan;
  /** Completed as a percentage of planned, one decimal; null when nothing is planned. */
  percent: number | null;
  byStatus: { status: ConstructionStatus; count: number; planned: WanYuan; completed: WanYuan }[];
  byUnit: { unitId: string; count: number; planned: WanYuan; completed: WanYuan }[];
}

/** Investment planned against completed to date, overall, by construction status and by unit. */
export function investmentSummary(projects: readonly Project[], progress: readonly ProgressEntry[], upTo: Period): InvestmentSummary {
  const reports = groupBy(
    progress.filter((p) => p.subjectKind === 'project'),
    (p) => p.subjectId,
  );
  const latest = new Map(projects.map((p) => [p.id, latestProjectReport(p, reports.get(p.id) ?? [], upTo)]));
  const done = new Map(projects.map((p) => [p.id, latest.get(p.id)?.investmentToDate ?? '0']));
  const year = upTo.slice(0, 4);
  const thisYear = sumWan(projects.map((p) => {
    const r = latest.get(p.id);
    return r?.period.startsWith(year) ? r.investmentThisYear : undefined;
  }));
  const sumOf = (list: readonly Project[]) => ({
    count: list.length,
    planned: sumWan(list.map((p) => p.plannedInvestment)),
    completed: sumWan(list.map((p) => done.get(p.id))),
  });
  const total = sumOf(projects);
  const unitProjects = new Map<string, Project[]>();
  for (const p of projects) {
    for (const unit of new Set([...p.constructionUnitIds, ...p.responsibleUnitIds])) {
      unitProjects.set(unit, [...(unitProjects.get(unit) ?? []), p]);
    }
  }
  return {
    planned: total.planned,
    completed: total.completed,
    completedThisYear: thisYear,
    percent: percentOf(total.completed, total.planned),
    byStatus: [...groupBy(projects, (p) => p.constructionStatus)].map(([status, list]) => ({ status, ...sumOf(list) })),
    byUnit: [...unitProjects].map(([unitId, list]) => ({ unitId, ...sumOf(list) })),
  };
}

export interface IndicatorStanding {
  indicator: Indicator;
  result: AttainmentResult;
}

/**
 * The year whose targets a reporting period is judged against: the period's own year, or the plan's
 * last target year once the plan period is over (a 2021–2025 plan is still assessed on 2025 in 2026).
 */
export function assessmentYear(indicators: readonly Indicator[], period: Period): number {
  const year = Number(period.slice(0, 4));
  const last = Math.max(...indicators.flatMap((i) => i.targets.map((t) => t.year)));
  return Number.isFinite(last) ? Math.min(year, last) : year;
}

export function indicatorStandings(indicators: readonly Indicator[], values: readonly IndicatorValue[], year: number): IndicatorStanding[] {
  const byIndicator = groupBy(values, (v) => v.indicatorId);
  return indicators.map((indicator) => ({ indicator, result: indicatorAttainment(indicator, year, byIndicator.get(indicator.id) ?? []) }));
}

export function countByAttainment(results: readonly AttainmentResult[]): Record<Attainment, number> {
  const counts: Record<Attainment, number> = { met: 0, 'on-track': 0, behind: 0, 'no-data': 0, 'needs-judgement': 0 };
  for (const r of results) counts[r.attainment] += 1;
  return counts;
}
