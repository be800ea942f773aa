import type { PlanData } from '../views/plan-data';
import type { CountySummary } from '../views/city-overview';
import type { Period } from '../domain/ids';
import { formatPeriodZh } from '../domain/time';
import { sumWan } from '../domain/money';
import { TASK_STATUS_LABELS } from '../domain/task-status';
import { CONSTRUCTION_STATUS_LABELS } from '../domain/project';
import { buildTaskRows, monthReport } from '../views/task-query';
import { buildProjectRows, projectMonthReport } from '../views/project-query';
import { addSectionRow, addTableSheet, finishSheet, fitRowHeight, styleBodyRow, HEADER_ROW, type Column } from './layout';
import { setNumber, setText, type Workbook, type Worksheet } from './workbook';

/** Per record id, the fields (as the app names them) whose value is the city's choice in a conflict. */
export type CityChoices = ReadonlyMap<string, readonly string[]>;

/** A column whose header fits on one line: about 2 width units per CJK character, and room. */
export const fit = (header: string, min = 6, center = true): Column => ({ header, width: Math.max(min, [...header].length * 2 + 3), center });

interface SheetContext {
  wb: Workbook;
  cityName: string;
  period: Period;
  today: string;
  date: string;
  summaries: readonly CountySummary[];
  plans: ReadonlyMap<string, PlanData>;
  choices: CityChoices;
}

function writeRow(ws: Worksheet, r: number, columns: Column[], values: (string | number | null)[]): void {
  values.forEach((v, c) => (typeof v === 'number' ? setNumber(ws.getCell(r, c + 1), v) : setText(ws.getCell(r, c + 1), v ?? '—')));
  styleBodyRow(ws, r, columns);
  fitRowHeight(ws, r, columns, values.map((v) => (v === null ? '—' : String(v))));
}

/** A record's name, with the fields whose value the city chose named after it: "…（市级选定：任务名称）". */
const marked = (choices: CityChoices, id: string, text: string) => {
  const fields = choices.get(id);
  return fields?.length ? `${text}（市级选定：${fields.join('、')}）` : text;
};

/**
 * 本月进展: only what reached the city this month (each task's report by the reporting rule, each
 * project's report of the month) and the overdue work, by office and domain. A task with neither is
 * not listed: the full lists are the offices' own.
 */
export function monthSheet(x: SheetContext): void {
  const columns: Column[] = [
    fit('序号', 6),
    { header: '领域', width: 14 },
    { header: '任务 / 项目', width: 36 },
    { header: '牵头（责任）单位', width: 18 },
    fit('状态', 8),
    fit('完成进度', 8),
    { header: '本月进展', width: 44 },
    { header: '存在问题', width: 26 },
  ];
  const ws = addTableSheet(x.wb, '本月进展', {
    title: `${x.cityName}各旗区“无废城市”建设${formatPeriodZh(x.period)}进展`,
    subtitle: `本月报送的任务和项目进展，以及逾期任务、逾期项目 · 导出日期 ${x.date}`,
    columns,
    officeName: `${x.cityName}无废办`,
    dateText: x.date,
    landscape: true,
  });
  let r = HEADER_ROW + 1;
  for (const s of x.summaries) {
    const plan = x.plans.get(s.code);
    if (!plan) {
      addSectionRow(ws, r++, `${s.name}：${s.notImported ? `已收到但未导入（${s.notImported.reason}）` : '未收到交换文件'}`, columns.length);
      continue;
    }
    const tasks = buildTaskRows(plan, x.today)
      .map((row) => ({ row, report: monthReport(row, x.period) }))
      .filter(({ row, report }) => report || row.status.status === 'overdue');
    const projects = buildProjectRows(plan, x.period, x.today)
      .map((row) => ({ row, report: projectMonthReport(row, x.period) }))
      .filter(({ row, report }) => report || row.status.status === 'overdue');
    const reported = tasks.filter((t) => t.report).length + projects.filter((p) => p.report).length;
    const overdue = tasks.filter((t) => t.row.status.status === 'overdue').length + projects.filter((p) => p.row.status.status === 'overdue').length;
    addSectionRow(ws, r++, `${s.name}：本月报送 ${reported} 项，逾期 ${overdue} 项${s.reportedForPeriod ? '' : '（本月交换文件未报送）'}`, columns.length);
    let n = 0;
    for (const { row, report } of tasks) {
      const status = TASK_STATUS_LABELS[row.status.status];
      const title = marked(x.choices, row.task.id, `${row.task.number} ${row.task.title}`);
      writeRow(ws, r++, columns, [++n, row.task.domainLabel, title, row.leadNames || '—', status, report ? report.percent : null, report?.thisMonth || (report ? '' : '本月未报送'), report?.problems || null]);
    }
    for (const { row, report } of projects) {
      const name = marked(x.choices, row.project.id, row.project.name);
      writeRow(ws, r++, columns, [++n, '项目', name, row.unitNames || '—', TASK_STATUS_LABELS[row.status.status], report ? report.percent : null, report?.thisMonth || (report ? '' : '本月未报送'), report?.problems || null]);
    }
  }
  finishSheet(ws, columns, r - 1);
}

/** 项目清单: every county office's projects with construction status, overdue, investment, and totals. */
export function projectSheet(x: SheetContext): void {
  const columns: Column[] = [
    fit('序号', 6),
    { header: '项目名称', width: 38 },
    { header: '建设（责任）单位', width: 22 },
    fit('建设状态', 8),
    fit('进度状态', 8),
    fit('是否逾期', 8),
    fit('计划投资', 10),
    fit('完成投资', 10),
    fit('完成率', 8),
    { header: '完成时限', width: 16 },
  ];
  const ws = addTableSheet(x.wb, '项目清单', {
    title: `${x.cityName}各旗区“无废城市”建设项目清单`,
    subtitle: `进展截至 ${formatPeriodZh(x.period)} · 金额单位：万元 · 导出日期 ${x.date}`,
    columns,
    officeName: `${x.cityName}无废办`,
    dateText: x.date,
    landscape: true,
  });
  let r = HEADER_ROW + 1;
  const planned: string[] = [];
  const completed: string[] = [];
  let count = 0;
  let overdue = 0;
  for (const s of x.summaries) {
    const plan = x.plans.get(s.code);
    if (!plan || plan.projects.length === 0) continue;
    const rows = buildProjectRows(plan, x.period, x.today);
    addSectionRow(ws, r++, `${s.name}（${rows.length}个项目，逾期 ${rows.filter((p) => p.status.status === 'overdue').length} 个）`, columns.length);
    rows.forEach((p, i) => {
      const late = p.status.status === 'overdue';
      count++;
      if (late) overdue++;
      if (p.project.plannedInvestment) planned.push(p.project.plannedInvestment);
      if (p.completed) completed.push(p.completed);
      writeRow(ws, r++, columns, [
        i + 1,
        marked(x.choices, p.project.id, p.project.name),
        p.unitNames || '—',
        CONSTRUCTION_STATUS_LABELS[p.project.constructionStatus],
        TASK_STATUS_LABELS[p.status.status],
        late ? '逾期' : '否',
        p.project.plannedInvestment === null ? null : Number(p.project.plannedInvestment),
        p.completed === null ? null : Number(p.completed),
        p.completedPercent === null ? null : `${p.completedPercent}%`,
        p.project.deadline?.text || null,
      ]);
    });
  }
  const total = [
    '合计',
    `${count}个项目`,
    null,
    null,
    null,
    `逾期 ${overdue} 个`,
    Number(sumWan(planned)),
    Number(sumWan(completed)),
    null,
    null,
  ];
  writeRow(ws, r, columns, total);
  ws.getRow(r).font = { name: '宋体', size: 10, bold: true };
  finishSheet(ws, columns, r);
}

export type { SheetContext };
