import type { IsoDate, Period } from '../domain/ids';
import { formatPeriodZh } from '../domain/time';
import { ATTAINMENT_LABELS, formatQuantity, formatTarget } from '../domain/attainment';
import { CONSTRUCTION_STATUS_LABELS } from '../domain/project';
import { TASK_STATUS_LABELS } from '../domain/task-status';
import { recordLabel } from '../views/record-label';
import type { PlanData } from '../views/plan-data';
import { figureSummary, monthFigures, percentZh, type FigureSummary } from './figures';
import { domainTable, figureParagraphs } from './briefing';
import { Outline, placeholder, safeFileName, type OfficialDocument } from './model';

export interface AnnualInput {
  /** The plan period the year falls in (scopeToPlan). */
  plan: PlanData;
  year: number;
  /** The day tasks are judged on: the year's last day, or today while the year runs. */
  day: IsoDate;
  issuer: string;
  date: IsoDate;
}

export interface AnnualFacts {
  year: number;
  /** The month the figures are taken at: December, or the current month while the year runs. */
  period: Period;
  figures: FigureSummary;
  completedInYear: { id: string; label: string; date: IsoDate }[];
  overdue: { id: string; label: string; leads: string; reason: string }[];
  indicators: { number: string; name: string; unit: string; target: string; actual: string; attainment: string }[];
  projects: { number: string; name: string; planned: string; thisYear: string; toDate: string; percent: string; status: string }[];
}

export function annualTitle(officeName: string, year: number): string {
  return `${officeName}${year}年“无废城市”建设工作总结`;
}

/**
 * 年度总结 / 年度评估: the year's figures as 工作总览 shows them at the year's end (or today), every
 * indicator against the year's target, every task's standing by domain, the tasks completed in the
 * year and those overdue, every project's investment. 主要做法, 存在问题和建议, 下一步 are the clerk's.
 */
export function annual(input: AnnualInput): OfficialDocument<AnnualFacts> {
  const { plan, year, day } = input;
  const period = day.slice(0, 7) as Period;
  const f = monthFigures(plan, period, day);
  const completedInYear = f.rows
    .filter((r) => r.task.completion && r.task.completion.date.startsWith(String(year)) && r.status.status === 'done')
    .map((r) => ({ id: r.task.id, label: recordLabel(r.task, 'tasks'), date: r.task.completion?.date ?? day }));
  const overdue = f.rows.filter((r) => r.status.status === 'overdue').map((r) => ({ id: r.task.id, label: recordLabel(r.task, 'tasks'), leads: r.leadNames, reason: r.status.reason }));
  const indicators = f.standings.map((s) => ({
    number: s.indicator.number,
    name: s.indicator.name,
    unit: s.indicator.unit ?? '',
    target: s.result.target ? formatTarget(s.result.target.target) : '—',
    actual: s.result.actual ? formatQuantity(s.result.actual) : '—',
    attainment: ATTAINMENT_LABELS[s.result.attainment],
  }));
  const projects = f.projectRows.map((r) => ({
    number: r.project.number,
    name: r.project.name,
    planned: r.project.plannedInvestment ?? '—',
    thisYear: r.latest?.period.startsWith(String(year)) ? (r.latest.investmentThisYear ?? '—') : '—',
    toDate: r.completed ?? '—',
    percent: percentZh(r.completedPercent),
    status: CONSTRUCTION_STATUS_LABELS[r.project.constructionStatus],
  }));

  const out = new Outline();
  out.section('总体情况');
  figureParagraphs(out, plan.office.name, f);
  out.section('主要做法和成效');
  out.p(placeholder(`${year}年主要做法和取得的成效`));
  out.section('指标完成情况');
  out.p(`对照${f.indicatorYear}年目标，${indicators.length} 项指标的完成情况见表1。`);
  out.table(
    `表1 ${f.indicatorYear}年指标完成情况`,
    ['序号', '指标', '单位', '目标值', '实际值', '评价'],
    indicators.map((i) => [i.number, i.name, i.unit, i.target, i.actual, i.attainment]),
    [0.8, 4, 1.4, 1.6, 1.4, 1.3],
  );
  out.section('任务完成情况');
  domainTable(out, f);
  out.p(completedInYear.length ? `${year}年完成任务 ${completedInYear.length} 项：${completedInYear.map((t) => t.label).join('；')}。` : `${year}年没有记录完成的任务。`);
  if (overdue.length) {
    out.p(`截至${formatPeriodZh(period)}，已逾期任务 ${overdue.length} 项，见表2。`);
    out.table(`表2 已逾期任务`, ['序号', '任务', '牵头单位', '逾期情况'], overdue.map((o, i) => [String(i + 1), o.label, o.leads, o.reason]), [0.8, 4, 2.2, 3.4]);
  } else out.p(`截至${formatPeriodZh(period)}，没有逾期的任务（${TASK_STATUS_LABELS.overdue} 0 项）。`);
  out.section('项目建设情况');
  out.p(`纳入方案的项目 ${projects.length} 个，计划总投资 ${f.investment.planned} 万元，${year}年完成投资 ${f.investment.completedThisYear} 万元，累计完成投资 ${f.investment.completedToDate} 万元。`);
  if (projects.length) {
    out.table(
      `表${overdue.length ? 3 : 2} 项目投资完成情况（万元）`,
      ['序号', '项目', '计划投资', '本年完成', '累计完成', '完成率', '建设状态'],
      projects.map((p) => [p.number, p.name, p.planned, p.thisYear, p.toDate, p.percent, p.status]),
      [0.8, 4, 1.4, 1.4, 1.4, 1.2, 1.4],
    );
  }
  out.section('存在问题和建议');
  out.p(placeholder('存在的主要问题'));
  out.p(placeholder('意见建议'));
  out.section(`${year + 1}年工作打算`);
  out.p(placeholder('下一年度工作打算'));

  const title = annualTitle(plan.office.name, year);
  return {
    kind: 'annual',
    title,
    blocks: out.blocks,
    issuer: input.issuer,
    date: input.date,
    fileName: safeFileName(title),
    facts: { year, period, figures: figureSummary(f), completedInYear, overdue, indicators, projects },
  };
}
