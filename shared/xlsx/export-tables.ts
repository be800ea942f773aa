import type { PlanData } from '../views/plan-data';
import type { Task } from '../domain/task';
import type { Project } from '../domain/project';
import type { Indicator, IndicatorQuantity } from '../domain/indicator';
import type { Period } from '../domain/ids';
import { MARKER_SYMBOLS, MARKER_LABELS } from '../domain/indicator';
import { CONSTRUCTION_STATUS_LABELS } from '../domain/project';
import { TASK_STATUS_LABELS } from '../domain/task-status';
import { ATTAINMENT_LABELS, formatQuantity } from '../domain/attainment';
import { formatDateZh, formatPeriodZh } from '../domain/time';
import { sumWan, wanToYuan } from '../domain/money';
import { buildTaskRows, monthReport } from '../views/task-query';
import { buildProjectRows } from '../views/project-query';
import { indicatorStandings, assessmentYear } from '../views/aggregations';
import { nameLookup } from '../views/lookups';
import { formatUnits } from './units';
import { writeMeta } from './meta';
import { addSectionRow, addTableSheet, fitRowHeight, finishSheet, styleBodyRow, HEADER_ROW, FONT, type Column } from './layout';
import { newWorkbook, setNumber, setText, columnLetter, type Workbook, type Worksheet } from './workbook';

export const SHEET_NAMES = { tasks: '任务清单', projects: '项目清单', indicators: '指标体系' } as const;
export const ID_HEADER = '记录编号（程序使用，请勿修改）';

export interface ExportOptions {
  /** Add this period's status and progress columns. */
  withStatus?: Period;
  /** Today, YYYY-MM-DD in China time, for the page header and status. */
  today: string;
  tables?: ('tasks' | 'projects' | 'indicators')[];
}

/** The official tables of one office, laid out like the plans print them. */
export function exportPlanTables(plan: PlanData, options: ExportOptions): Workbook {
  const wb = newWorkbook();
  const tables = options.tables ?? ['tasks', 'projects', 'indicators'];
  if (tables.includes('tasks') && plan.tasks.length) writeTaskSheet(wb, plan, options);
  if (tables.includes('projects') && plan.projects.length) writeProjectSheet(wb, plan, options);
  if (tables.includes('indicators') && plan.indicators.length) writeIndicatorSheet(wb, plan, options);
  if (!wb.worksheets.length) writeTaskSheet(wb, plan, options);
  writeMeta(wb, [
    { kind: 'office', value: plan.office },
    ...plan.departments.map((d) => ({ kind: 'department' as const, value: d })),
    ...plan.leaders.map((l) => ({ kind: 'leader' as const, value: l })),
    ...(tables.includes('tasks') ? plan.tasks : []).map((t) => ({
      kind: 'task' as const,
      value: { id: t.id, domain: t.domain, source: t.source, completion: t.completion, ...(t.review ? { review: t.review } : {}) },
    })),
    ...(tables.includes('projects') ? plan.projects : []).map((p) => ({
      kind: 'project' as const,
      value: { id: p.id, constructionStatus: p.constructionStatus, source: p.source, ...(p.startYear ? { startYear: p.startYear } : {}), ...(p.review ? { review: p.review } : {}) },
    })),
    ...(tables.includes('indicators') ? plan.indicators : []).map((x) => ({
      kind: 'indicator' as const,
      value: { id: x.id, direction: x.direction, cumulative: x.cumulative, targets: x.targets, source: x.source, ...(x.review ? { review: x.review } : {}) },
    })),
  ]);
  return wb;
}

/** The header word for non-lead units, as the plan itself uses it. */
export function participantHeader(tasks: readonly Task[]): '参与单位' | '责任单位' | '配合单位' {
  const counts = new Map<string, number>();
  for (const t of tasks) for (const p of [...t.participants, ...(t.parts ?? []).flatMap((x) => x.participants)]) counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '参与';
  return `${top}单位` as '参与单位' | '责任单位' | '配合单位';
}

interface TaskColumns {
  columns: Column[];
  hasDuty: boolean;
  hasLeaders: boolean;
  timeHeader: string;
  status: boolean;
}

function taskColumns(plan: PlanData, status: boolean, officeColumn: boolean): TaskColumns {
  const hasDuty = plan.tasks.some((t) => [...t.leads, ...t.participants].some((u) => u.duty));
  const hasLeaders = plan.tasks.some((t) => t.leaderIds.length > 0);
  const timeHeader = plan.tasks.some((t) => t.milestones.length) ? '时间安排' : '完成时限';
  const part = participantHeader(plan.tasks);
  const columns: Column[] = [
    ...(officeColumn ? [{ header: '单位', width: 12, center: true }] : []),
    { header: '序号', width: 6, center: true },
    { header: '任务名称', width: 24 },
    { header: '主要内容', width: 52 },
    { header: hasDuty ? '牵头单位及任务分工' : '牵头单位', width: hasDuty ? 26 : 18 },
    { header: hasDuty ? `${part}及任务分工` : part, width: hasDuty ? 30 : 22 },
    ...(hasLeaders ? [{ header: '责任领导', width: 12 }] : []),
    { header: timeHeader, width: 18 },
    ...(status ? [{ header: '状态', width: 8, center: true }, { header: '完成进度', width: 8, center: true }, { header: '本月进展', width: 34 }, { header: '存在问题', width: 20 }] : []),
    { header: ID_HEADER, width: 10, hidden: true },
  ];
  return { columns, hasDuty, hasLeaders, timeHeader, status };
}

function writeTaskSheet(wb: Workbook, plan: PlanData, options: ExportOptions): void {
  const spec = taskColumns(plan, !!options.withStatus, false);
  const ws = addTableSheet(wb, SHEET_NAMES.tasks, {
    title: `${plan.office.name}“无废城市”建设任务清单`,
    subtitle: `共 ${plan.tasks.length} 项任务${options.withStatus ? ` · 进展截至 ${formatPeriodZh(options.withStatus)}` : ''} · 导出日期 ${formatDateZh(options.today)}`,
    columns: spec.columns,
    officeName: plan.office.name,
    dateText: formatDateZh(options.today),
    landscape: true,
  });
  const last = writeTaskRows(ws, plan, spec, options, HEADER_ROW + 1, null);
  finishSheet(ws, spec.columns, last - 1);
}

/** Writes section and task rows from `row`; returns the next free row. */
function writeTaskRows(ws: Worksheet, plan: PlanData, spec: TaskColumns, options: ExportOptions, row: number, officeName: string | null): number {
  const dept = nameLookup(plan.departments);
  const leader = nameLookup(plan.leaders);
  const rows = options.withStatus ? new Map(buildTaskRows(plan, options.today).map((r) => [r.task.id, r])) : null;
  const visible = spec.columns.filter((c) => !c.hidden).length;
  let r = row;
  let label: string | null = null;
  for (let i = 0; i < plan.tasks.length; i++) {
    const task = plan.tasks[i];
    if (task.domainLabel !== label) {
      label = task.domainLabel;
      let n = 0;
      for (let k = i; k < plan.tasks.length && plan.tasks[k].domainLabel === label; k++) n++;
      addSectionRow(ws, r++, `${officeName ? `${officeName} ` : ''}${label}（${n}项任务）`, visible);
    }
    const pieces = task.parts?.length
      ? task.parts.map((p) => ({ text: p.text, leads: p.leads, participants: p.participants, leaderIds: p.leaderIds, deadline: p.deadline.text }))
      : [{ text: task.summary, leads: task.leads, participants: task.participants, leaderIds: task.leaderIds, deadline: task.deadline.text }];
    const first = r;
    const status = rows?.get(task.id);
    const entry = status && options.withStatus ? monthReport(status, options.withStatus) : undefined;
    for (const piece of pieces) {
      const values: string[] = [
        ...(officeName ? [officeName] : []),
        task.number,
        task.title,
        piece.text,
        formatUnits(piece.leads.map((l) => ({ name: dept(l.departmentId), ...(l.duty ? { duty: l.duty } : {}) }))),
        formatUnits(piece.participants.map((p) => ({ name: dept(p.departmentId), ...(p.duty ? { duty: p.duty } : {}) }))),
        ...(spec.hasLeaders ? [piece.leaderIds.map(leader).join('、')] : []),
        piece.deadline,
        ...(spec.status ? [status ? TASK_STATUS_LABELS[status.status.status] : '', entry ? `${entry.percent}%` : '', entry?.thisMonth ?? '', entry?.problems ?? ''] : []),
        task.id,
      ];
      values.forEach((v, c) => setText(ws.getCell(r, c + 1), v));
      styleBodyRow(ws, r, spec.columns);
      fitRowHeight(ws, r, spec.columns, values);
      r++;
    }
    if (pieces.length > 1) {
      // Number, title and the status columns belong to the whole task: one merged cell each.
      const base = officeName ? 1 : 0;
      const merged = [base + 1, base + 2, ...(officeName ? [1] : [])];
      if (spec.status) {
        const statusStart = spec.columns.findIndex((c) => c.header === '状态') + 1;
        merged.push(statusStart, statusStart + 1, statusStart + 2, statusStart + 3);
      }
      merged.push(spec.columns.length);
      for (const c of merged) ws.mergeCells(first, c, r - 1, c);
    }
  }
  return r;
}

interface ProjectColumns {
  columns: Column[];
  has: { responsible: boolean; period: boolean; deadline: boolean; area: boolean; benefit: boolean; construction: boolean };
  status: boolean;
}

function projectColumns(plan: PlanData, status: boolean, officeColumn: boolean): ProjectColumns {
  const has = {
    construction: plan.projects.some((p) => p.constructionUnitIds.length) || !plan.projects.some((p) => p.responsibleUnitIds.length),
    responsible: plan.projects.some((p) => p.responsibleUnitIds.length),
    period: plan.projects.some((p) => p.period),
    deadline: plan.projects.some((p) => p.deadline),
    area: plan.projects.some((p) => p.area),
    benefit: plan.projects.some((p) => p.benefit),
  };
  const columns: Column[] = [
    ...(officeColumn ? [{ header: '单位', width: 12, center: true }] : []),
    { header: '序号', width: 6, center: true },
    { header: '项目名称', width: 24 },
    { header: '建设内容', width: 50 },
    ...(has.construction ? [{ header: '建设单位', width: 18 }] : []),
    ...(has.responsible ? [{ header: '责任单位', width: 18 }] : []),
    { header: '总投资（万元）', width: 12, center: true },
    ...(has.period ? [{ header: '建设周期', width: 14, center: true }] : []),
    ...(has.deadline ? [{ header: '完成时限', width: 12, center: true }] : []),
    ...(has.area ? [{ header: '实施区域', width: 12 }] : []),
    ...(has.benefit ? [{ header: '效益分析', width: 30 }] : []),
    ...(status ? [{ header: '建设状态', width: 8, center: true }, { header: '累计完成投资（万元）', width: 12, center: true }, { header: '本月进展', width: 30 }] : []),
    { header: ID_HEADER, width: 10, hidden: true },
  ];
  return { columns, has, status };
}

function writeProjectSheet(wb: Workbook, plan: PlanData, options: ExportOptions): void {
  const spec = projectColumns(plan, !!options.withStatus, false);
  const total = sumWan(plan.projects.map((p) => p.plannedInvestment));
  const ws = addTableSheet(wb, SHEET_NAMES.projects, {
    title: `${plan.office.name}“无废城市”建设项目清单`,
    subtitle: `共 ${plan.projects.length} 个项目 · 总投资 ${total} 万元 · 导出日期 ${formatDateZh(options.today)}`,
    columns: spec.columns,
    officeName: plan.office.name,
    dateText: formatDateZh(options.today),
    landscape: true,
  });
  let r = writeProjectRows(ws, plan, spec, options, HEADER_ROW + 1, null);
  r = writeTotalRow(ws, spec.columns, r, total);
  finishSheet(ws, spec.columns, r - 1);
}

function writeTotalRow(ws: Worksheet, columns: Column[], r: number, total: string): number {
  const investCol = columns.findIndex((c) => c.header === '总投资（万元）') + 1;
  setText(ws.getCell(r, 1), '合计');
  setNumber(ws.getCell(r, investCol), Number(total));
  styleBodyRow(ws, r, columns);
  ws.getRow(r).font = { name: FONT, size: 10, bold: true };
  return r + 1;
}

function investmentCell(p: Project): { number: number | null; text: string } {
  if (p.investmentText) return { number: null, text: p.investmentText };
  if (p.plannedInvestment === null) return { number: null, text: '' };
  const n = Number(p.plannedInvestment);
  // Written as a number (so it sums in Excel) only when the number reads back as the same amount.
  return wanToYuan(p.plannedInvestment) === BigInt(Math.round(n * 10000)) && String(n) === p.plannedInvestment ? { number: n, text: '' } : { number: null, text: p.plannedInvestment };
}

function writeProjectRows(ws: Worksheet, plan: PlanData, spec: ProjectColumns, options: ExportOptions, row: number, officeName: string | null): number {
  const dept = nameLookup(plan.departments);
  const rows = options.withStatus ? new Map(buildProjectRows(plan, options.withStatus).map((x) => [x.project.id, x])) : null;
  const visible = spec.columns.filter((c) => !c.hidden).length;
  let r = row;
  let category: string | undefined;
  for (const p of plan.projects) {
    if (p.category && p.category !== category) {
      category = p.category;
      addSectionRow(ws, r++, p.category, visible);
    }
    const status = rows?.get(p.id);
    const inv = investmentCell(p);
    const values: (string | number)[] = [
      ...(officeName ? [officeName] : []),
      p.number,
      p.name,
      p.content,
      ...(spec.has.construction ? [p.constructionUnitIds.map(dept).join('、')] : []),
      ...(spec.has.responsible ? [p.responsibleUnitIds.map(dept).join('、')] : []),
      inv.number ?? inv.text,
      ...(spec.has.period ? [p.period?.text ?? ''] : []),
      ...(spec.has.deadline ? [p.deadline?.text ?? ''] : []),
      ...(spec.has.area ? [p.area ?? ''] : []),
      ...(spec.has.benefit ? [p.benefit ?? ''] : []),
      ...(spec.status ? [CONSTRUCTION_STATUS_LABELS[p.constructionStatus], status?.completed ?? '', status?.latest?.period === options.withStatus ? (status?.latest?.thisMonth ?? '') : ''] : []),
      p.id,
    ];
    values.forEach((v, c) => (typeof v === 'number' ? setNumber(ws.getCell(r, c + 1), v) : setText(ws.getCell(r, c + 1), v)));
    styleBodyRow(ws, r, spec.columns);
    fitRowHeight(ws, r, spec.columns, values.map(String));
    r++;
  }
  return r;
}

interface IndicatorColumns {
  columns: Column[];
  baselineYear: number | null;
  years: number[];
  hasNote: boolean;
  status: boolean;
}

function indicatorColumns(plan: PlanData, status: boolean, officeColumn: boolean): IndicatorColumns {
  const counts = new Map<number, number>();
  for (const x of plan.indicators) if (x.baseline) counts.set(x.baseline.year, (counts.get(x.baseline.year) ?? 0) + 1);
  const baselineYear = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const years = [...new Set(plan.indicators.flatMap((x) => x.targets.map((t) => t.year)))].sort();
  const hasNote = plan.indicators.some((x) => x.note);
  const columns: Column[] = [
    ...(officeColumn ? [{ header: '单位', width: 12, center: true }] : []),
    { header: '一级指标', width: 12, center: true },
    { header: '二级指标', width: 14, center: true },
    { header: '序号', width: 6, center: true },
    { header: '三级指标', width: 34 },
    { header: '单位', width: 10, center: true },
    { header: baselineYear ? `现状值（${baselineYear}年）` : '现状值', width: 12, center: true },
    ...years.map((y) => ({ header: `目标值（${y}年）`, width: 12, center: true })),
    { header: '责任单位', width: 22 },
    ...(hasNote ? [{ header: '备注', width: 24 }] : []),
    ...(status ? [{ header: '最新值', width: 10, center: true }, { header: '达标情况', width: 10, center: true }] : []),
    { header: ID_HEADER, width: 10, hidden: true },
  ];
  return { columns, baselineYear, years, hasNote, status };
}

function quantityText(q: IndicatorQuantity): string {
  return q.kind === 'number' ? (q.text ?? String(q.value)) : q.text;
}

function writeIndicatorSheet(wb: Workbook, plan: PlanData, options: ExportOptions): void {
  const spec = indicatorColumns(plan, !!options.withStatus, false);
  const ws = addTableSheet(wb, SHEET_NAMES.indicators, {
    title: `${plan.office.name}“无废城市”建设指标体系`,
    subtitle: `共 ${plan.indicators.length} 项指标 · 导出日期 ${formatDateZh(options.today)}`,
    columns: spec.columns,
    officeName: plan.office.name,
    dateText: formatDateZh(options.today),
    landscape: true,
  });
  let r = writeIndicatorRows(ws, plan, spec, options, HEADER_ROW + 1, null);
  const markers = [...new Set(plan.indicators.map((x) => x.marker).filter((m) => m !== null))];
  if (markers.length) {
    const visible = spec.columns.filter((c) => !c.hidden).length;
    ws.mergeCells(r, 1, r, visible);
    setText(ws.getCell(r, 1), `注：${(['national', 'city', 'county'] as const).filter((m) => markers.includes(m)).map((m) => `${MARKER_SYMBOLS[m]}为${MARKER_LABELS[m]}`).join('，')}。`);
    ws.getCell(r, 1).font = { name: FONT, size: 10 };
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'middle' };
    r++;
  }
  finishSheet(ws, spec.columns, r - 1);
}

function writeIndicatorRows(ws: Worksheet, plan: PlanData, spec: IndicatorColumns, options: ExportOptions, row: number, officeName: string | null): number {
  const dept = nameLookup(plan.departments);
  const standings = options.withStatus
    ? new Map(indicatorStandings(plan.indicators, plan.indicatorValues, assessmentYear(plan.indicators, options.withStatus)).map((s) => [s.indicator.id, s.result]))
    : null;
  const base = officeName ? 1 : 0;
  let r = row;
  const starts = { level1: r, level2: r };
  const flush = (level: 'level1' | 'level2', end: number) => {
    const col = base + (level === 'level1' ? 1 : 2);
    if (end > starts[level]) ws.mergeCells(starts[level], col, end, col);
  };
  plan.indicators.forEach((x: Indicator, i) => {
    const prev = plan.indicators[i - 1];
    if (prev && prev.level1 !== x.level1) {
      flush('level1', r - 1);
      starts.level1 = r;
    }
    if (prev && (prev.level2 !== x.level2 || prev.level1 !== x.level1)) {
      flush('level2', r - 1);
      starts.level2 = r;
    }
    const result = standings?.get(x.id);
    const baseline = x.baseline ? `${quantityText(x.baseline.value)}${x.baseline.year !== spec.baselineYear ? `（${x.baseline.year}年）` : ''}` : '—';
    const values: string[] = [
      ...(officeName ? [officeName] : []),
      x.level1,
      x.level2,
      x.number,
      `${x.name}${x.marker ? MARKER_SYMBOLS[x.marker] : ''}`,
      x.unit ?? '—',
      baseline,
      ...spec.years.map((y) => x.targets.find((t) => t.year === y)?.target.text ?? '—'),
      x.responsibleDepartmentIds.map(dept).join('、'),
      ...(spec.hasNote ? [x.note ?? ''] : []),
      ...(spec.status ? [result?.actual ? formatQuantity(result.actual) : '', result ? ATTAINMENT_LABELS[result.attainment] : ''] : []),
      x.id,
    ];
    values.forEach((v, c) => setText(ws.getCell(r, c + 1), v));
    styleBodyRow(ws, r, spec.columns);
    fitRowHeight(ws, r, spec.columns, values);
    r++;
  });
  if (plan.indicators.length) {
    flush('level1', r - 1);
    flush('level2', r - 1);
  }
  return r;
}

/** For the city's consolidated workbook: one office's rows under a table with an office column. */
export const consolidated = {
  taskColumns: (plan: PlanData, status: boolean) => taskColumns(plan, status, true),
  writeTaskRows,
  projectColumns: (plan: PlanData, status: boolean) => projectColumns(plan, status, true),
  writeProjectRows,
  indicatorColumns: (plan: PlanData, status: boolean) => indicatorColumns(plan, status, true),
  writeIndicatorRows,
  writeTotalRow,
};

export { columnLetter };
