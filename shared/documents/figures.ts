import type { IsoDate, Period } from '../domain/ids';
import type { TaskStatus } from '../domain/task-status';
import type { WanYuan } from '../domain/money';
import { buildTaskRows, type TaskRow } from '../views/task-query';
import { buildProjectRows, type ProjectRow } from '../views/project-query';
import { reportingChecklist, type ReportingChecklist } from '../views/reporting';
import { assessmentYear, countByDomainAndStatus, countByStatus, indicatorStandings, investmentSummary, type IndicatorStanding } from '../views/aggregations';
import type { PlanData } from '../views/plan-data';

/**
 * The figures a document states about a month, each from the function the app shows it with:
 * task counts as 工作总览 (buildTaskRows + countByStatus on the day), 报送率 as 月度调度
 * (reportingChecklist), investment as 工作总览 (investmentSummary to the period), indicators behind
 * as 工作总览 (indicatorStandings for assessmentYear). Nothing here counts anything itself, except
 * 本年完成投资: the sum of each project's figure report's own 本年完成投资 (the report the app shows
 * for the project, ProjectRow.latest) when that report is of the document's year.
 */
export interface MonthFigures {
  period: Period;
  day: IsoDate;
  rows: TaskRow[];
  projectRows: ProjectRow[];
  tasks: number;
  byStatus: Record<TaskStatus, number>;
  byDomain: ReturnType<typeof countByDomainAndStatus>;
  checklist: ReportingChecklist;
  investment: { planned: WanYuan; completedThisYear: WanYuan; completedToDate: WanYuan; percent: number | null };
  indicatorYear: number;
  indicators: number;
  behind: IndicatorStanding[];
  standings: IndicatorStanding[];
}

export function monthFigures(plan: PlanData, period: Period, day: IsoDate): MonthFigures {
  const rows = buildTaskRows(plan, day);
  const projectRows = buildProjectRows(plan, period, day);
  const money = investmentSummary(plan.projects, plan.progress, period);
  const indicatorYear = assessmentYear(plan.indicators, period);
  const standings = indicatorStandings(plan.indicators, plan.indicatorValues, indicatorYear);
  return {
    period,
    day,
    rows,
    projectRows,
    tasks: rows.length,
    byStatus: countByStatus(rows),
    byDomain: countByDomainAndStatus(rows),
    checklist: reportingChecklist(plan, rows, period),
    investment: {
      planned: money.planned,
      completedThisYear: money.completedThisYear,
      completedToDate: money.completed,
      percent: money.percent,
    },
    indicatorYear,
    indicators: plan.indicators.length,
    behind: standings.filter((s) => s.result.attainment === 'behind'),
    standings,
  };
}

/** A percent with one decimal as the app shows it (88.5%), or — when there is none. */
export function percentZh(p: number | null): string {
  return p === null ? '—' : `${Number(p.toFixed(1))}%`;
}

/** The figures without the rows they were read from (what a document's facts keep). */
export type FigureSummary = Omit<MonthFigures, 'rows' | 'projectRows' | 'standings'>;

export function figureSummary(f: MonthFigures): FigureSummary {
  const { period, day, tasks, byStatus, byDomain, checklist, investment, indicatorYear, indicators, behind } = f;
  return { period, day, tasks, byStatus, byDomain, checklist, investment, indicatorYear, indicators, behind };
}
