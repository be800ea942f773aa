import type { IsoDate, Period } from '../domain/ids';
import { formatPeriodZh, shiftPeriod } from '../domain/time';
import { TASK_STATUS_LABELS } from '../domain/task-status';
import type { PlanData } from '../views/plan-data';
import { figureSummary, monthFigures, percentZh, type FigureSummary, type MonthFigures } from './figures';
import { monthReports, tasksDueNextMonth, type DueTask, type MonthReports, type ReportLine } from './month-facts';
import { countsZh, Outline, placeholder, safeFileName, type OfficialDocument } from './model';

/**
 * A problem the briefing lists under 存在问题. Today: the month's reports whose 存在问题 is not empty
 * (`problemsFromReports`). Seam for issue 27: once tracked problems (shared/domain/problem.ts)
 * exist, the service passes the office's open problems here in the same shape and the text follows.
 */
export interface RaisedProblem {
  unit: string;
  subject: string;
  text: string;
}

export const problemsFromReports = (lines: readonly ReportLine[]): RaisedProblem[] => lines.map(({ unit, subject, text }) => ({ unit, subject, text }));

export interface BriefingInput {
  /** The office's plan in force (scopeToPlan). */
  plan: PlanData;
  period: Period;
  /** The day tasks are judged on (the app's today). */
  day: IsoDate;
  /** 第N期 within the year. */
  number: number;
  issuer: string;
  /** 旗无废办: named where the office reported for a unit (代报). */
  issuerShort: string;
  date: IsoDate;
  /** Problems raised; by default the month's reports' 存在问题. */
  problems?: RaisedProblem[];
}

export interface BriefingFacts {
  period: Period;
  number: number;
  figures: FigureSummary;
  reports: MonthReports;
  problems: RaisedProblem[];
  dueNextMonth: DueTask[];
}

export function briefingTitle(officeName: string, period: Period, number: number): string {
  return `${officeName}“无废城市”建设工作简报（${period.slice(0, 4)}年第${number}期）`;
}

/** The opening paragraphs every monthly briefing (county or city) states: tasks, 报送率, investment, indicators. */
export function figureParagraphs(out: Outline, subject: string, f: MonthFigures): void {
  const month = formatPeriodZh(f.period);
  const s = f.byStatus;
  out.p(
    `截至${month}，${subject}“无废城市”建设共有任务 ${f.tasks} 项，其中${countsZh(
      (['done', 'in-progress', 'at-risk', 'overdue', 'not-started'] as const).map((k) => [TASK_STATUS_LABELS[k], s[k]]),
      '项',
      '尚无任务',
    )}。`,
    `${month}应报送进展的任务和项目 ${f.checklist.expected} 项，已报送 ${f.checklist.reported} 项，报送率 ${percentZh(f.checklist.coverage)}。`,
  );
  out.p(
    `项目计划总投资 ${f.investment.planned} 万元，${f.period.slice(0, 4)}年完成投资 ${f.investment.completedThisYear} 万元，累计完成投资 ${f.investment.completedToDate} 万元，投资完成率 ${percentZh(f.investment.percent)}。`,
  );
  const behind = f.behind.map((b) => `${b.indicator.name}（${b.result.reason}）`);
  out.p(
    `对照${f.indicatorYear}年目标，${f.indicators} 项指标中${behind.length ? `进度滞后 ${behind.length} 项：${behind.join('；')}。` : '没有进度滞后的指标。'}`,
  );
}

export function domainTable(out: Outline, f: MonthFigures): void {
  const keys = ['done', 'in-progress', 'at-risk', 'overdue', 'not-started'] as const;
  const rows = f.byDomain.map((d) => [d.label, String(keys.reduce((n, k) => n + d.counts[k], 0)), ...keys.map((k) => String(d.counts[k]))]);
  rows.push(['合计', String(f.tasks), ...keys.map((k) => String(f.byStatus[k]))]);
  out.table(`表1 各领域任务推进情况（截至${formatPeriodZh(f.period)}）`, ['领域', '任务数', ...keys.map((k) => TASK_STATUS_LABELS[k])], rows, [3, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2]);
}

export function reportLines(out: Outline, lines: readonly { unit: string; subject: string; text: string }[]): void {
  for (const l of lines) out.p(`${l.unit}（${l.subject}）：${l.text}`);
}

/** 工作简报: the month's figures, what moved by domain, problems raised, next month's plan. */
export function briefing(input: BriefingInput): OfficialDocument<BriefingFacts> {
  const { plan, period, day, number } = input;
  const f = monthFigures(plan, period, day);
  const reports = monthReports(plan, f.rows, f.projectRows, period, input.issuerShort);
  const problems = input.problems ?? problemsFromReports(reports.problems);
  const due = tasksDueNextMonth(f.rows, period);
  const month = formatPeriodZh(period);
  const next = formatPeriodZh(shiftPeriod(period, 1));
  const out = new Outline();

  out.section('总体情况');
  figureParagraphs(out, plan.office.name, f);
  domainTable(out, f);

  out.section(`${month}工作进展`);
  if (!reports.moved.length) out.p(`${month}未收到各单位报送的工作进展。`);
  for (const d of reports.moved) {
    out.sub(d.domain);
    reportLines(out, d.items);
  }

  out.section('存在问题');
  if (problems.length) reportLines(out, problems);
  else out.p(`${month}各单位报送的进展中未反映存在问题。`);

  out.section(`${next}工作安排`);
  if (due.length) {
    out.p(`${next}到期的任务 ${due.length} 项，请各牵头单位抓紧推进：`);
    out.table(
      `表2 ${next}到期任务`,
      ['序号', '任务', '牵头单位', '完成时限'],
      due.map((d, i) => [String(i + 1), d.subject, d.leads, d.deadline]),
      [0.8, 5, 2.6, 2],
    );
  } else out.p(`${next}没有到期的任务。`);
  out.p(placeholder('下一步工作打算'));

  const title = briefingTitle(plan.office.name, period, number);
  return {
    kind: 'briefing',
    title,
    blocks: out.blocks,
    issuer: input.issuer,
    date: input.date,
    fileName: safeFileName(title),
    facts: { period, number, figures: figureSummary(f), reports, problems, dueNextMonth: due },
  };
}
