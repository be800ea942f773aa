import type { PlanPeriod } from '../domain/plan-period';
import { addTableSheet, finishSheet, styleBodyRow, HEADER_ROW, type Column } from './layout';
import { newWorkbook, setNumber, setText, type Workbook } from './workbook';
import { assessmentSummary } from '../views/assessment';
import { formatDateZh } from '../domain/time';

/** The final assessment of a closed plan as a workbook: indicators, tasks, projects, one sheet each. */
export function assessmentWorkbook(officeName: string, plan: PlanPeriod): Workbook {
  const a = plan.assessment;
  if (!a) throw new Error(`${plan.title}尚未终期评估`);
  const wb = newWorkbook();
  const s = assessmentSummary(a);
  const base = { officeName, dateText: formatDateZh(a.closedOn) };
  const subtitle = `${officeName} · ${plan.title}（${plan.fromYear}—${plan.toYear}年）${plan.documentNumber ? ` · ${plan.documentNumber}` : ''} · 评估日期 ${formatDateZh(a.closedOn)}`;

  const sheet = (name: string, title: string, columns: Column[], rows: (string | number | null)[][], landscape = true) => {
    const ws = addTableSheet(wb, name, { ...base, title, subtitle, columns, landscape });
    rows.forEach((values, i) => {
      const r = HEADER_ROW + 1 + i;
      values.forEach((v, c) => (typeof v === 'number' ? setNumber(ws.getCell(r, c + 1), v) : setText(ws.getCell(r, c + 1), v ?? '')));
      styleBodyRow(ws, r, columns);
    });
    finishSheet(ws, columns, HEADER_ROW + rows.length);
  };

  sheet(
    '指标',
    `终期评估：指标（达标 ${s.indicatorsMet} / ${s.indicators} 项）`,
    [
      { header: '序号', width: 6, center: true },
      { header: '指标名称', width: 40 },
      { header: '单位', width: 10, center: true },
      { header: '目标值', width: 16 },
      { header: '最后实际值', width: 14 },
      { header: '年份', width: 8, center: true },
      { header: '达标情况', width: 12, center: true },
      { header: '说明', width: 40 },
    ],
    a.indicators.map((i) => [i.number, i.name, i.unit, i.finalTarget, i.lastValue, i.lastYear, i.attainment, i.reason]),
  );
  sheet(
    '任务',
    `终期评估：任务（完成 ${s.tasksDone} / ${s.tasks} 项）`,
    [
      { header: '领域', width: 14 },
      { header: '序号', width: 6, center: true },
      { header: '任务', width: 50 },
      { header: '结果', width: 10, center: true },
      { header: '说明', width: 40 },
    ],
    a.tasks.map((t) => [t.domainLabel, t.number, t.title, t.outcome, t.reason]),
  );
  sheet(
    '项目',
    `终期评估：项目（完成投资 ${s.completed} / 计划 ${s.planned} 万元）`,
    [
      { header: '序号', width: 6, center: true },
      { header: '项目名称', width: 44 },
      { header: '计划投资（万元）', width: 14 },
      { header: '完成投资（万元）', width: 14 },
      { header: '完成比例（%）', width: 12 },
      { header: '建设状态', width: 10, center: true },
    ],
    a.projects.map((p) => [p.number, p.name, p.planned, p.completed, p.percent, p.status]),
  );
  return wb;
}
