import type { PlanData } from '../ledger/plan-data';
import type { BannerSummary } from '../ledger/city-overview';
import type { Office } from '../domain/office';
import type { Period } from '../domain/ids';
import { formatDateZh, formatMomentZh, formatPeriodZh } from '../domain/time';
import { sumWan } from '../domain/money';
import { consolidated, SHEET_NAMES } from './export-tables';
import { addTableSheet, finishSheet, styleBodyRow, HEADER_ROW, type Column } from './layout';
import { newWorkbook, setNumber, setText, type Workbook } from './workbook';

export interface CityExportInput {
  city: Office;
  period: Period;
  today: string;
  /** One line per county office (shared/ledger/city-overview.ts bannerSummaries). */
  summaries: readonly BannerSummary[];
  /** The county offices' records as merged at the city, by code. */
  plans: ReadonlyMap<string, PlanData>;
}

/**
 * The city's consolidated workbook for the report upward: a summary sheet of who reported, then
 * the task list, project list and indicator system of every county office, one sheet per table
 * with the office as the first column, each office's rows under its own section rows.
 */
export function exportCityWorkbook(input: CityExportInput): Workbook {
  const wb = newWorkbook();
  const date = formatDateZh(input.today);
  const summaryColumns: Column[] = [
    { header: '单位', width: 14 },
    { header: `${formatPeriodZh(input.period)}是否报送`, width: 10, center: true },
    { header: '最近报送月份', width: 12, center: true },
    { header: '最近导入时间', width: 18, center: true },
    { header: '任务数', width: 8, center: true },
    { header: '已完成', width: 8, center: true },
    { header: '逾期', width: 8, center: true },
    { header: '本期报送率（%）', width: 10, center: true },
    { header: '指标数', width: 8, center: true },
    { header: '指标滞后', width: 8, center: true },
    { header: '计划投资（万元）', width: 12, center: true },
    { header: '完成投资（万元）', width: 12, center: true },
  ];
  const ws = addTableSheet(wb, '报送情况', {
    title: `${input.city.name}“无废城市”建设各旗区报送情况（${formatPeriodZh(input.period)}）`,
    subtitle: `共 ${input.summaries.length} 个旗区，已报送 ${input.summaries.filter((s) => s.reportedForPeriod).length} 个 · 导出日期 ${date}`,
    columns: summaryColumns,
    officeName: `${input.city.name}无废办`,
    dateText: date,
    landscape: true,
  });
  let r = HEADER_ROW + 1;
  for (const s of input.summaries) {
    const values: (string | number | null)[] = [
      s.name,
      s.reportedForPeriod ? '已报送' : '未报送',
      s.lastPeriodReceived ? formatPeriodZh(s.lastPeriodReceived) : '—',
      s.lastImportAt ? formatMomentZh(s.lastImportAt, false) : '—',
      s.hasData ? s.tasks : null,
      s.hasData ? s.byStatus.done : null,
      s.hasData ? s.overdue : null,
      s.coverage,
      s.hasData ? s.indicators : null,
      s.hasData ? s.indicatorsBehind : null,
      Number(s.investmentPlanned),
      Number(s.investmentCompleted),
    ];
    values.forEach((v, c) => (typeof v === 'number' ? setNumber(ws.getCell(r, c + 1), v) : setText(ws.getCell(r, c + 1), v ?? '—')));
    styleBodyRow(ws, r, summaryColumns);
    if (!s.reportedForPeriod) ws.getCell(r, 2).font = { name: '宋体', size: 10, bold: true, color: { argb: 'FFC00000' } };
    r++;
  }
  setText(ws.getCell(r, 1), '合计');
  setNumber(ws.getCell(r, 11), Number(sumWan(input.summaries.map((s) => s.investmentPlanned))));
  setNumber(ws.getCell(r, 12), Number(sumWan(input.summaries.map((s) => s.investmentCompleted))));
  styleBodyRow(ws, r, summaryColumns);
  finishSheet(ws, summaryColumns, r);

  const plans = input.summaries.map((s) => input.plans.get(s.code)).filter((p): p is PlanData => p !== undefined);
  const options = { withStatus: input.period, today: input.today };
  const sheet = (name: string, title: string, cols: Column[], write: (ws: ReturnType<typeof addTableSheet>, p: PlanData, row: number) => number, count: (p: PlanData) => number) => {
    const withRows = plans.filter((p) => count(p) > 0);
    if (!withRows.length) return;
    const s = addTableSheet(wb, name, { title, subtitle: `${withRows.length} 个旗区 · 进展截至 ${formatPeriodZh(input.period)} · 导出日期 ${date}`, columns: cols, officeName: `${input.city.name}无废办`, dateText: date, landscape: true });
    let row = HEADER_ROW + 1;
    for (const p of withRows) row = write(s, p, row);
    finishSheet(s, cols, row - 1);
  };
  // One column set for all offices (the union of what their tables have), so the columns line up;
  // made once per table, not once per office.
  const taskSpec = consolidatedTaskSpec(plans);
  const projectSpec = consolidatedProjectSpec(plans);
  const indicatorSpec = consolidatedIndicatorSpec(plans);
  sheet(
    SHEET_NAMES.tasks,
    `${input.city.name}各旗区“无废城市”建设任务清单`,
    taskSpec.columns,
    (s, p, row) => consolidated.writeTaskRows(s, p, taskSpec, options, row, p.office.name),
    (p) => p.tasks.length,
  );
  sheet(
    SHEET_NAMES.projects,
    `${input.city.name}各旗区“无废城市”建设项目清单`,
    projectSpec.columns,
    (s, p, row) => consolidated.writeProjectRows(s, p, projectSpec, options, row, p.office.name),
    (p) => p.projects.length,
  );
  sheet(
    SHEET_NAMES.indicators,
    `${input.city.name}各旗区“无废城市”建设指标体系`,
    indicatorSpec.columns,
    (s, p, row) => consolidated.writeIndicatorRows(s, p, indicatorSpec, options, row, p.office.name),
    (p) => p.indicators.length,
  );
  return wb;
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
function consolidatedTaskSpec(plans: readonly PlanData[]) {
  return consolidated.taskColumns(union(plans), true);
}
function consolidatedProjectSpec(plans: readonly PlanData[]) {
  return consolidated.projectColumns(union(plans), true);
}
function consolidatedIndicatorSpec(plans: readonly PlanData[]) {
  return consolidated.indicatorColumns(union(plans), true);
}
