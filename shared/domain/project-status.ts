import type { Project, YearMonth } from './project';
import { CONSTRUCTION_STATUS_LABELS } from './project';
import type { ProgressEntry } from './progress';
import type { DuePoint } from './deadline';
import { finalDueDate } from './deadline';
import type { IsoDate } from './ids';
import { percentOf } from './money';
import { daysFromTo, formatDateZh, formatPeriodZh } from './time';
import { figureReport, projectReportUnits } from './reporting-rule';
import { DEFAULT_STATUS_OPTIONS, type TaskStatusOptions, type TaskStatusResult } from './task-status';

/** What a project's status is judged on. */
export type ProjectForStatus = Pick<Project, 'deadline' | 'period' | 'constructionStatus' | 'plannedInvestment' | 'responsibleUnitIds' | 'constructionUnitIds'>;

/** The day a project must be finished by, and where that day comes from. */
export interface ProjectDue {
  point: DuePoint;
  /** 完成时限 (the plan's deadline) or 建设周期 (the end of the construction period). */
  source: 'deadline' | 'period';
  /** The due day in words, e.g. 完成时限（2024年12月31日） or 建设周期结束（2024年6月）. */
  words: string;
}

/** The last day of a year-month: 2024-06 → 2024-06-30; a year alone → its 31 December. */
export function lastDayOf(ym: YearMonth): IsoDate {
  if (ym.month === undefined) return `${ym.year}-12-31`;
  const days = new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();
  return `${ym.year}-${String(ym.month).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
}

function yearMonthZh(ym: YearMonth): string {
  return ym.month === undefined ? `${ym.year}年` : `${ym.year}年${ym.month}月`;
}

/**
 * When a project is due: the last dated point of its 完成时限; without one (no deadline, or only
 * 持续推进), the end of its 建设周期, a year-only end meaning 31 December. Null when neither gives a day.
 */
export function projectDue(project: Pick<Project, 'deadline' | 'period'>): ProjectDue | null {
  const last = project.deadline ? finalDueDate(project.deadline) : null;
  if (project.deadline && last) {
    const point = project.deadline.points[project.deadline.points.length - 1];
    return { point, source: 'deadline', words: `完成时限（${formatDateZh(last)}）` };
  }
  const end = project.period?.end;
  if (!end) return null;
  return {
    point: { precision: end.month === undefined ? 'year' : 'month', date: lastDayOf(end) },
    source: 'period',
    words: `建设周期结束（${yearMonthZh(end)}）`,
  };
}

/** Investment completed against planned, as a clause: "，完成投资400/1000万元（40%）"; empty without a reported figure. */
export function investmentWords(project: Pick<Project, 'plannedInvestment'>, latest: ProgressEntry | undefined): string {
  const done = latest?.investmentToDate;
  if (!done) return '';
  if (!project.plannedInvestment) return `，完成投资${done}万元`;
  const share = percentOf(done, project.plannedInvestment);
  return `，完成投资${done}/${project.plannedInvestment}万元${share === null ? '' : `（${share}%）`}`;
}

/** 建设状态 完工 or 投运: the project is built, whatever its reports say. */
export const isBuilt = (p: Pick<Project, 'constructionStatus'>) => p.constructionStatus === 'completed' || p.constructionStatus === 'in-operation';

/** Still 未开工: marked so, and no report says work began (a report of progress is newer news than the field). */
const notBegun = (p: ProjectForStatus, latest: ProgressEntry | undefined) =>
  p.constructionStatus === 'not-started' && (!latest || (latest.status === 'not-started' && latest.percent === 0));

/**
 * Derived status of a project on a day, in the same terms as a task's (shared/domain/RULES.md):
 * 1. done — 建设状态 is 完工 or 投运, or the latest report says 已完成 / 100%;
 * 2. overdue — its due day (完成时限, else the end of 建设周期) is before the day;
 * 3. at risk — the due day is within 60 days; or the latest report says 受阻; or the start of the
 *    建设周期 (its month, or its whole year) is over and the project is still 未开工;
 * 4. not started — 未开工 and nothing reported (or only 未启动 at 0%);
 * 5. in progress — otherwise.
 * `progress` is this project's reports (any order); reasons add the investment completed against planned.
 */
export function projectStatus(
  project: ProjectForStatus,
  progress: readonly ProgressEntry[],
  day: IsoDate,
  options: TaskStatusOptions = DEFAULT_STATUS_OPTIONS,
  knownUnit?: (id: string) => boolean,
): TaskStatusResult {
  const latest = figureReport(projectReportUnits(project), progress, day, knownUnit)?.entry;
  const money = investmentWords(project, latest);
  if (isBuilt(project)) {
    return { status: 'done', reason: `建设状态：${CONSTRUCTION_STATUS_LABELS[project.constructionStatus]}${money}` };
  }
  if (latest && (latest.status === 'done' || latest.percent >= 100)) {
    return { status: 'done', reason: `${formatPeriodZh(latest.period)}报告已完成${money}` };
  }
  const state = notBegun(project, latest)
    ? '仍未开工'
    : latest
      ? `当前进度${latest.percent}%`
      : `建设状态：${CONSTRUCTION_STATUS_LABELS[project.constructionStatus]}，尚未报送进展`;

  const due = projectDue(project);
  if (due && due.point.date < day) {
    return { status: 'overdue', reason: `已超过${due.words}，${state}${money}` };
  }
  const nextStage = due ? { nextStage: { point: due.point, expectedPercent: 100 } } : {};
  if (due) {
    const daysLeft = daysFromTo(day, due.point.date);
    if (daysLeft <= options.atRiskWindowDays) {
      return { status: 'at-risk', reason: `距${due.words}还有${daysLeft}天，${state}${money}`, ...nextStage };
    }
  }
  if (latest?.status === 'stalled') {
    return { status: 'at-risk', reason: `${formatPeriodZh(latest.period)}报告工作受阻，${state}${money}`, ...nextStage };
  }
  const start = project.period?.start;
  if (start && lastDayOf(start) < day && notBegun(project, latest)) {
    return { status: 'at-risk', reason: `按建设周期应于${yearMonthZh(start)}开工，仍未开工`, ...nextStage };
  }
  if (!latest || (latest.percent === 0 && latest.status === 'not-started')) {
    if (project.constructionStatus !== 'not-started') return { status: 'in-progress', reason: state, ...nextStage };
    return { status: 'not-started', reason: latest ? `${formatPeriodZh(latest.period)}报告未开工` : '未开工，尚未报送进展', ...nextStage };
  }
  return { status: 'in-progress', reason: `${formatPeriodZh(latest.period)}进度${latest.percent}%${money}`, ...nextStage };
}
