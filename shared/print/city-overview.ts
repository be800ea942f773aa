import type { IsoDate, Period } from '../domain/ids';
import { formatDateZh, formatPeriodZh, reportDueZh } from '../domain/time';
import { countyTotals, type CountySummary } from '../views/city-overview';
import { documentFileName, type PrintDocument, type TableCell } from './document';

/** What the 本期报送 cell says: reported, arrived but not taken in (with why), or nothing. */
function receivedText(r: CountySummary): string {
  if (r.reportedForPeriod) return '已报送';
  if (r.notImported) return '已收到但未导入';
  return r.lastPeriodReceived ? `未报送（最近 ${formatPeriodZh(r.lastPeriodReceived)}）` : '未收到';
}

const dash = (r: CountySummary, v: string | number) => (r.hasData ? String(v) : '—');

/**
 * 各旗区总览 on paper: one line per county office with the same figures as the screen (who
 * reported, tasks, overdue work, reporting rate, indicators behind, investment) and a 合计 line.
 * Laid out and printed like the other list views (html.ts, the desktop API's print).
 */
export function cityOverviewDocument(cityName: string, rows: readonly CountySummary[], options: { period: Period; day: IsoDate }): PrintDocument {
  const totals = countyTotals(rows);
  const body: TableCell[][] = rows.map((r, i) => [
    { text: String(i + 1) },
    { text: r.name, align: 'left' },
    { text: receivedText(r), strong: !r.reportedForPeriod, more: r.notImported ? [r.notImported.reason] : [] },
    { text: dash(r, r.tasks) },
    { text: dash(r, r.byStatus.done) },
    { text: dash(r, r.overdue), strong: r.overdue > 0 },
    { text: r.hasData ? `${r.projectsOverdue}/${r.projects}` : '—' },
    { text: r.coverage === null ? '—' : `${r.coverage}%（${r.reportsReceived}/${r.reportsExpected}）` },
    { text: r.hasData ? `${r.indicatorsBehind}/${r.indicators}` : '—' },
    { text: r.hasData ? `${r.investmentCompleted}/${r.investmentPlanned}` : '—' },
  ]);
  const title = `${cityName}“无废城市”建设各旗区总览（${formatPeriodZh(options.period)}）`;
  return {
    kind: 'reporting',
    title,
    fileName: documentFileName('各旗区总览', cityName, formatPeriodZh(options.period)),
    sheets: [
      {
        label: '各旗区总览',
        orientation: 'landscape',
        footer: 'page-of-total',
        blocks: [
          { kind: 'title', text: title, subtitle: `（截至${formatDateZh(options.day)}）` },
          {
            kind: 'paragraph',
            text: `共${totals.counties}个旗区，${formatPeriodZh(options.period)}交换文件应于${reportDueZh(options.period)}前报送，已报送${totals.reported}个。逾期任务${totals.byStatus.overdue}项，逾期项目${totals.projectsByStatus.overdue}个，指标未达标${totals.indicatorsBehind}项。`,
          },
          {
            kind: 'table',
            dense: true,
            columns: [
              { label: '序号', width: 5 },
              { label: '旗区', width: 12 },
              { label: '本期报送', width: 22 },
              { label: '任务数', width: 7 },
              { label: '已完成', width: 7 },
              { label: '逾期任务', width: 8 },
              { label: '逾期项目/项目数', width: 10 },
              { label: '本月报送率（已报/应报）', width: 16 },
              { label: '指标未达标/指标数', width: 10 },
              { label: '投资完成/计划（万元）', width: 16 },
            ],
            rows: body,
            footer: [
              [
                { text: '合计', colSpan: 2 },
                { text: `已报送 ${totals.reported}/${totals.counties}` },
                { text: String(totals.tasks) },
                { text: String(totals.byStatus.done) },
                { text: String(totals.byStatus.overdue) },
                { text: `${totals.projectsByStatus.overdue}/${totals.projects}` },
                { text: '' },
                { text: String(totals.indicatorsBehind) },
                { text: `${totals.investmentCompleted}/${totals.investmentPlanned}` },
              ],
            ],
            empty: '没有所辖旗区',
          },
        ],
      },
    ],
  };
}
