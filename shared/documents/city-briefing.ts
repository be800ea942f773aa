import type { IsoDate, Period } from '../domain/ids';
import { formatPeriodZh } from '../domain/time';
import { countyTotals, type CountySummary } from '../views/city-overview';
import type { PlanData } from '../views/plan-data';
import { scopeToPlan } from '../views/plan-scope';
import { buildTaskRows } from '../views/task-query';
import { buildProjectRows } from '../views/project-query';
import { briefingTitle, reportLines } from './briefing';
import { percentZh } from './figures';
import { monthReports, type MonthReports } from './month-facts';
import { Outline, placeholder, safeFileName, type OfficialDocument } from './model';

export interface CityBriefingInput {
  cityName: string;
  period: Period;
  day: IsoDate;
  number: number;
  /** 各旗区总览's lines for the period (countySummaries, as the city overview shows them). */
  rows: readonly CountySummary[];
  /** Each county office's records as last merged here, by code. */
  plans: ReadonlyMap<string, PlanData>;
  issuer: string;
  date: IsoDate;
}

export interface CityBriefingFacts {
  period: Period;
  number: number;
  reported: string[];
  notReported: string[];
  totals: ReturnType<typeof countyTotals>;
  /** Per county office with records here: what moved in the month and the problems raised. */
  offices: { code: string; name: string; reports: MonthReports }[];
}

/** 全市工作简报: who reported, every county office side by side as 各旗区总览 shows it, what moved per office. */
export function cityBriefing(input: CityBriefingInput): OfficialDocument<CityBriefingFacts> {
  const { period, day, rows } = input;
  const month = formatPeriodZh(period);
  const reported = rows.filter((r) => r.reportedForPeriod).map((r) => r.name);
  const notReported = rows.filter((r) => !r.reportedForPeriod).map((r) => r.name);
  const totals = countyTotals(rows);
  const offices = rows.flatMap((r) => {
    const all = input.plans.get(r.code);
    if (!all || !r.hasData) return [];
    const plan = scopeToPlan(all, all.office.currentPlanId);
    const reports = monthReports(plan, buildTaskRows(plan, day), buildProjectRows(plan, period, day), period, `${r.name}无废办`);
    return [{ code: r.code, name: r.name, reports }];
  });

  const out = new Outline();
  out.section('各旗区报送情况');
  out.p(
    `全市 ${rows.length} 个旗区中，已报送${month}交换文件的 ${reported.length} 个${reported.length ? `（${reported.join('、')}）` : ''}`,
    notReported.length ? `，尚未报送的 ${notReported.length} 个（${notReported.join('、')}）。` : '，各旗区均已报送。',
  );
  out.p(
    `各旗区共有任务 ${totals.tasks} 项，已完成 ${totals.byStatus.done} 项，已逾期 ${totals.byStatus.overdue} 项；指标进度滞后 ${totals.indicatorsBehind} 项；项目计划总投资 ${totals.investmentPlanned} 万元，累计完成投资 ${totals.investmentCompleted} 万元，投资完成率 ${percentZh(totals.investmentPercent)}。各旗区情况见表1。`,
  );
  out.table(
    `表1 各旗区${month}工作情况`,
    ['旗区', '报送', '任务', '已完成', '已逾期', '报送率', '指标滞后', '完成投资（万元）'],
    [
      ...rows.map((r) => [
        r.name,
        r.reportedForPeriod ? '已报送' : '未报送',
        r.hasData ? String(r.tasks) : '—',
        r.hasData ? String(r.byStatus.done) : '—',
        r.hasData ? String(r.overdue) : '—',
        percentZh(r.coverage),
        r.hasData ? String(r.indicatorsBehind) : '—',
        r.hasData ? `${r.investmentCompleted}/${r.investmentPlanned}` : '—',
      ]),
      ['合计', `${totals.reported}/${totals.counties}`, String(totals.tasks), String(totals.byStatus.done), String(totals.byStatus.overdue), '', String(totals.indicatorsBehind), `${totals.investmentCompleted}/${totals.investmentPlanned}`],
    ],
    [1.8, 1.2, 0.9, 1.1, 1.1, 1.2, 1.2, 2.4],
  );
  out.section(`${month}各旗区工作进展`);
  if (!offices.length) out.p('尚未收到各旗区的数据。');
  for (const o of offices) {
    out.sub(o.name);
    const lines = o.reports.moved.flatMap((d) => d.items);
    if (lines.length) reportLines(out, lines);
    else out.p(`${month}没有报送的工作进展。`);
  }
  out.section('存在问题');
  const problems = offices.flatMap((o) => o.reports.problems.map((p) => ({ ...p, unit: `${o.name}${p.unit}` })));
  if (problems.length) reportLines(out, problems);
  else out.p(`${month}各旗区报送的进展中未反映存在问题。`);
  out.section('下一步工作安排');
  out.p(placeholder('下一步工作打算'));

  const title = briefingTitle(input.cityName, period, input.number);
  return {
    kind: 'city-briefing',
    title,
    blocks: out.blocks,
    issuer: input.issuer,
    date: input.date,
    fileName: safeFileName(title),
    facts: { period, number: input.number, reported, notReported, totals, offices },
  };
}
