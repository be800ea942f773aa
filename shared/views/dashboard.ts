import type { IsoDate, Period } from '../domain/ids';
import type { WanYuan } from '../domain/money';
import type { TaskDomain } from '../domain/task';
import type { TaskStatus } from '../domain/task-status';
import { assessmentYear, countByAttainment, countByDomainAndStatus, countByStatus, indicatorStandings, investmentSummary, type IndicatorStanding, type InvestmentSummary } from './aggregations';
import type { PlanData } from './plan-data';
import { buildProjectRows, type ProjectRow } from './project-query';
import { reportingChecklist } from './reporting';
import { buildTaskRows, type TaskRow } from './task-query';

/** The thirteen figures of 工作总览, as a leader reads them. */
export interface DashboardFigures {
  tasks: number;
  tasksDone: number;
  tasksOverdue: number;
  tasksAtRisk: number;
  projects: number;
  projectsOverdue: number;
  projectsAtRisk: number;
  /** This month's 报送率, in percent (one decimal). */
  reportingCoverage: number;
  /** 项目投资完成率, in percent; 0 when nothing is planned. */
  investmentPercent: number;
  investmentCompleted: WanYuan;
  investmentPlanned: WanYuan;
  indicatorsBehind: number;
  indicatorsNoData: number;
}

/** 工作总览: the figures, the lists behind them and the charts' data, for one month on one day. */
export interface Dashboard {
  figures: DashboardFigures;
  /** The year whose indicator values are judged. */
  indicatorYear: number;
  indicators: number;
  overdueTasks: TaskRow[];
  atRiskTasks: TaskRow[];
  overdueProjects: ProjectRow[];
  atRiskProjects: ProjectRow[];
  behindIndicators: IndicatorStanding[];
  byDomain: { domain: TaskDomain; label: string; counts: Record<TaskStatus, number> }[];
  investmentByStatus: InvestmentSummary['byStatus'];
}

/** Everything 工作总览 shows, computed in one place (the page only lays it out). */
export function dashboard(plan: PlanData, period: Period, today: IsoDate): Dashboard {
  const rows = buildTaskRows(plan, today);
  const status = countByStatus(rows);
  const year = assessmentYear(plan.indicators, period);
  const standings = indicatorStandings(plan.indicators, plan.indicatorValues, year);
  const attainment = countByAttainment(standings.map((s) => s.result));
  const money = investmentSummary(plan.projects, plan.progress, period);
  const projectRows = buildProjectRows(plan, period, today);
  const overdueProjects = projectRows.filter((r) => r.status.status === 'overdue');
  const atRiskProjects = projectRows.filter((r) => r.status.status === 'at-risk');
  return {
    figures: {
      tasks: rows.length,
      tasksDone: status.done,
      tasksOverdue: status.overdue,
      tasksAtRisk: status['at-risk'],
      projects: projectRows.length,
      projectsOverdue: overdueProjects.length,
      projectsAtRisk: atRiskProjects.length,
      reportingCoverage: reportingChecklist(plan, rows, period).coverage,
      investmentPercent: money.percent ?? 0,
      investmentCompleted: money.completed,
      investmentPlanned: money.planned,
      indicatorsBehind: attainment.behind,
      indicatorsNoData: attainment['no-data'],
    },
    indicatorYear: year,
    indicators: standings.length,
    overdueTasks: rows.filter((r) => r.status.status === 'overdue'),
    atRiskTasks: rows.filter((r) => r.status.status === 'at-risk'),
    overdueProjects,
    atRiskProjects,
    behindIndicators: standings.filter((s) => s.result.attainment === 'behind'),
    byDomain: countByDomainAndStatus(rows),
    investmentByStatus: money.byStatus,
  };
}
