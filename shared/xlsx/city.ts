import type { PlanData } from '../views/plan-data';
import { countyTotals, type CountySummary } from '../views/city-overview';
import type { Office } from '../domain/office';
import type { Period } from '../domain/ids';
import { formatDateZh, formatMomentZh, formatPeriodZh } from '../domain/time';
import { consolidated, SHEET_NAMES } from './export-tables';
import { addTableSheet, finishSheet, HEADER_ROW, type Column } from './layout';
import { newWorkbook, setNumber, setText, type Workbook } from './workbook';
import { fit, monthSheet, projectSheet, type CityChoices, type SheetContext } from './city-sheets';
import type { Problem } from '../domain/problem';
import { problemSheet } from './city-problems';

export type { CityChoices } from './city-sheets';

export interface CityExportInput {
  city: Office;
  period: Period;
  today: string;
  /** One line per county office (shared/views/city-overview.ts countySummaries). */
  summaries: readonly CountySummary[];
  /** The county offices' records as merged at the city, by code. */
  plans: ReadonlyMap<string, PlanData>;
  /** Fields whose value the city chose in a county office's conflict: marked where they show. */
  cityChoices?: CityChoices;
  /**
   * The county offices' problems as merged at the city, by code: with them 报送情况 has 未销号问题 and
   * 逾期问题 columns (from the summaries, made with the same problems) and a 问题清单 sheet follows.
   */
  problems?: ReadonlyMap<string, readonly Problem[]>;
}

/** 报送情况's cell for whether the month arrived: in the app's words. */
function receivedCell(s: CountySummary): string {
  if (s.reportedForPeriod) return '已报送';
  return s.notImported ? `已收到但未导入：${s.notImported.reason}` : '未报送';
}

/**
 * The city's workbook for the report upward, to go up without editing: 报送情况 (who reported and
 * where each office stands, with totals), 本月进展 (the month's reports and the overdue work),
 * 项目清单 (status, overdue, totals), 问题清单 (every office's problems, where given) and the
 * indicator system. A4 landscape, the app's words.
 */
export function exportCityWorkbook(input: CityExportInput): Workbook {
  const wb = newWorkbook();
  const date = formatDateZh(input.today);
  const withProblems = input.problems !== undefined;
  const columns: Column[] = [
    fit('序号', 6),
    { header: '旗区', width: 12 },
    { header: '本期报送', width: 22, center: true },
    fit('最近报送月份'),
    fit('最近导入时间', 18),
    fit('任务数'),
    fit('已完成'),
    fit('逾期任务'),
    fit('项目数'),
    fit('逾期项目'),
    fit('应报'),
    fit('已报'),
    fit('报送率'),
    fit('指标数'),
    fit('指标未达标'),
    ...(withProblems ? [fit('未销号问题'), fit('逾期问题')] : []),
    fit('计划投资', 12),
    fit('完成投资', 12),
  ];
  const totals = countyTotals(input.summaries);
  const ws = addTableSheet(wb, '报送情况', {
    title: `${input.city.name}“无废城市”建设各旗区报送情况（${formatPeriodZh(input.period)}）`,
    subtitle: `共 ${totals.counties} 个旗区，已报送 ${totals.reported} 个 · 金额单位：万元 · 导出日期 ${date}`,
    columns,
    officeName: `${input.city.name}无废办`,
    dateText: date,
    landscape: true,
  });
  let r = HEADER_ROW + 1;
  const data = (s: CountySummary, v: number | string) => (s.hasData ? (typeof v === 'string' ? Number(v) : v) : null);
  input.summaries.forEach((s, i) => {
    const values: (string | number | null)[] = [
      i + 1,
      s.name,
      receivedCell(s),
      s.lastPeriodReceived ? formatPeriodZh(s.lastPeriodReceived) : null,
      s.lastImportAt ? formatMomentZh(s.lastImportAt, false) : null,
      data(s, s.tasks),
      data(s, s.byStatus.done),
      data(s, s.overdue),
      data(s, s.projects),
      data(s, s.projectsOverdue),
      data(s, s.reportsExpected),
      data(s, s.reportsReceived),
      s.coverage === null ? null : `${s.coverage}%`,
      data(s, s.indicators),
      data(s, s.indicatorsBehind),
      ...(withProblems ? [data(s, s.problemsOpen), data(s, s.problemsOverdue)] : []),
      data(s, s.investmentPlanned),
      data(s, s.investmentCompleted),
    ];
    write(ws, r, columns, values);
    if (!s.reportedForPeriod) ws.getCell(r, 3).font = { name: '宋体', size: 10, bold: true, color: { argb: 'FFC00000' } };
    r++;
  });
  const sum = (f: (s: CountySummary) => number) => input.summaries.reduce((n, s) => n + (s.hasData ? f(s) : 0), 0);
  const expected = sum((s) => s.reportsExpected);
  const received = sum((s) => s.reportsReceived);
  write(ws, r, columns, [
    '合计',
    `${totals.counties}个旗区`,
    `已报送 ${totals.reported} 个`,
    null,
    null,
    totals.tasks,
    totals.byStatus.done,
    totals.byStatus.overdue,
    totals.projects,
    totals.projectsByStatus.overdue,
    expected,
    received,
    expected ? `${Math.round((received / expected) * 1000) / 10}%` : null,
    sum((s) => s.indicators),
    totals.indicatorsBehind,
    ...(withProblems ? [sum((s) => s.problemsOpen), sum((s) => s.problemsOverdue)] : []),
    Number(totals.investmentPlanned),
    Number(totals.investmentCompleted),
  ]);
  ws.getRow(r).font = { name: '宋体', size: 10, bold: true };
  finishSheet(ws, columns, r);

  const ctx: SheetContext = { wb, cityName: input.city.name, period: input.period, today: input.today, date, summaries: input.summaries, plans: input.plans, choices: input.cityChoices ?? new Map() };
  monthSheet(ctx);
  projectSheet(ctx);
  if (input.problems) problemSheet(ctx, input.problems);

  const plans = input.summaries.map((s) => input.plans.get(s.code)).filter((p): p is PlanData => p !== undefined && p.indicators.length > 0);
  if (plans.length) {
    const spec = consolidated.indicatorColumns(union(plans), true);
    const s = addTableSheet(wb, SHEET_NAMES.indicators, {
      title: `${input.city.name}各旗区“无废城市”建设指标体系`,
      subtitle: `${plans.length} 个旗区 · 进展截至 ${formatPeriodZh(input.period)} · 导出日期 ${date}`,
      columns: spec.columns,
      officeName: `${input.city.name}无废办`,
      dateText: date,
      landscape: true,
    });
    let row = HEADER_ROW + 1;
    for (const p of plans) row = consolidated.writeIndicatorRows(s, p, spec, { withStatus: input.period, today: input.today }, row, p.office.name);
    finishSheet(s, spec.columns, row - 1);
  }
  return wb;
}

function write(ws: ReturnType<typeof addTableSheet>, r: number, columns: Column[], values: (string | number | null)[]): void {
  values.forEach((v, c) => {
    const cell = ws.getCell(r, c + 1);
    if (typeof v === 'number') setNumber(cell, v);
    else setText(cell, v ?? '—');
    cell.font = { name: '宋体', size: 10 };
    cell.alignment = { vertical: 'middle', horizontal: columns[c]?.center ? 'center' : 'left', wrapText: true };
    cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  });
}

/** One column set for every office: as if all their records were one plan. */
function union(plans: readonly PlanData[]): PlanData {
  const first = plans[0];
  return {
    ...first,
    tasks: plans.flatMap((p) => p.tasks),
    projects: plans.flatMap((p) => p.projects),
    indicators: plans.flatMap((p) => p.indicators),
    departments: plans.flatMap((p) => p.departments),
    leaders: plans.flatMap((p) => p.leaders),
  };
}
