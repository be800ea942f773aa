/**
 * The plan-workbook corpus of issue 21: the four shipped plans written the ways county and city
 * offices publish their 任务清单 / 项目清单 / 指标体系 in WPS and Excel. Every fact in a workbook comes
 * from the plan it is made from; only the layout varies (headers, sections, unit cells, date and
 * number cells, page headers, notes, spacer and subtotal rows).
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import type { PlanData } from '../../../shared/views/plan-data';
import type { Task, TaskPart } from '../../../shared/domain/task';
import type { Deadline } from '../../../shared/domain/deadline';
import { MARKER_SYMBOLS } from '../../../shared/domain/indicator';
import { seedPlan } from '../helpers';

export type Directory = 'fresh' | 'known' | 'mengsu';

export interface TaskLayout {
  titleRows: number;
  number: string;
  /** null: title and summary in one cell, separated by a line break. */
  title: string;
  summary: string | null;
  /** split: a column each · joined*: 牵头单位：…；参与单位：… in one cell · two-row: 责任单位 merged over 牵头/参与. */
  units: 'split' | 'joined' | 'joined-newline' | 'joined-halfwidth' | 'joined-short' | 'two-row';
  joinedHeader?: string;
  deadlineHeader: string;
  /** How section (domain) headings are written. */
  section: 'row' | 'row-count' | 'row-gong' | 'row-numbered' | 'column' | 'column-count';
  /** Date-like 完成时限 written as real date cells in this number format (a code, or a built-in id). */
  dates?: string | number;
  numbersAsNumbers?: boolean;
  pageHeaderEvery?: number;
  spacers?: boolean;
  notes?: boolean;
  /** Unit lists joined with this separator (default 、). */
  sep?: string;
  hiddenColumn?: boolean;
}

export interface ProjectLayout {
  titleRows: number;
  name: string;
  content: string;
  investment: string;
  /** How 投资 cells are written. */
  amounts: 'number' | 'number-format' | 'text' | 'fullwidth' | 'wan' | 'chinese' | 'mixed';
  subtotals?: boolean;
  notes?: boolean;
  dates?: string | number;
  pageHeaderEvery?: number;
}

export interface IndicatorLayout {
  titleRows: number;
  name: string;
  /** years-under: 目标值 merged over year cells; per-column: 目标值（2025年）. */
  targets: 'years-under' | 'per-column';
  numbersAsNumbers?: boolean;
  percentCells?: boolean;
  markerColumn?: boolean;
  notes?: boolean;
}

export interface CorpusSpec {
  name: string;
  plan: string;
  directory: Directory;
  tasks?: TaskLayout;
  projects?: ProjectLayout;
  indicators?: IndicatorLayout;
  /** Re-saved by LibreOffice headless. */
  libreoffice?: boolean;
}

const BASE_TASKS: TaskLayout = { titleRows: 1, number: '序号', title: '任务名称', summary: '主要内容', units: 'split', deadlineHeader: '完成时限', section: 'row-count' };
const BASE_PROJECTS: ProjectLayout = { titleRows: 1, name: '项目名称', content: '建设内容', investment: '总投资（万元）', amounts: 'number' };
const BASE_INDICATORS: IndicatorLayout = { titleRows: 1, name: '三级指标', targets: 'years-under' };

const t = (over: Partial<TaskLayout>): TaskLayout => ({ ...BASE_TASKS, ...over });
const p = (over: Partial<ProjectLayout>): ProjectLayout => ({ ...BASE_PROJECTS, ...over });
const i = (over: Partial<IndicatorLayout>): IndicatorLayout => ({ ...BASE_INDICATORS, ...over });

const YJ = '150627-yijinhuoluo';
const KD = '150203-kundulun';
const OR = '150600-ordos';
const HH = '150100-hohhot';

/** The corpus: ≥30 workbooks, each kind of layout in several variants and in combination. */
export const CORPUS: CorpusSpec[] = [
  { name: 'yj-plain', plan: YJ, directory: 'fresh', tasks: t({}), projects: p({}), indicators: i({}) },
  { name: 'yj-dates-ymd', plan: YJ, directory: 'known', tasks: t({ dates: 'yyyy/m/d', titleRows: 3 }), projects: p({ dates: 'yyyy/m/d' }) },
  { name: 'yj-dates-14', plan: YJ, directory: 'fresh', tasks: t({ dates: 14, section: 'row' }) },
  { name: 'yj-dates-31', plan: YJ, directory: 'known', tasks: t({ dates: 31, section: 'row-gong' }), projects: p({ dates: 31, amounts: 'fullwidth' }) },
  { name: 'yj-dates-57', plan: YJ, directory: 'fresh', tasks: t({ dates: 57 }), projects: p({ dates: 57 }) },
  { name: 'yj-dates-27-joined', plan: YJ, directory: 'known', tasks: t({ dates: 27, units: 'joined', joinedHeader: '责任单位' }) },
  { name: 'yj-dates-58', plan: YJ, directory: 'fresh', tasks: t({ dates: 58, units: 'joined-newline', joinedHeader: '责任单位' }) },
  { name: 'yj-synonyms', plan: YJ, directory: 'fresh', tasks: t({ title: '任务清单', summary: '内容简介', units: 'joined-halfwidth', joinedHeader: '责任单位', dates: 36 }) },
  { name: 'yj-one-cell-title', plan: YJ, directory: 'known', tasks: t({ title: '重点任务', summary: null, section: 'column-count' }) },
  { name: 'yj-page-headers', plan: YJ, directory: 'fresh', tasks: t({ pageHeaderEvery: 12, spacers: true, notes: true, section: 'row-numbered' }), projects: p({ subtotals: true, notes: true, amounts: 'wan' }) },
  { name: 'yj-mengsu', plan: YJ, directory: 'mengsu', tasks: t({}), projects: p({}), indicators: i({}) },
  { name: 'yj-indicators-text', plan: YJ, directory: 'fresh', indicators: i({ targets: 'per-column', name: '指标名称', notes: true }) },
  { name: 'yj-indicators-numbers', plan: YJ, directory: 'known', indicators: i({ numbersAsNumbers: true, markerColumn: true, titleRows: 3 }) },
  { name: 'yj-combined', plan: YJ, directory: 'known', tasks: t({ title: '任务清单', summary: '内容简介', units: 'joined-short', joinedHeader: '责任单位', dates: 50, pageHeaderEvery: 20, notes: true, numbersAsNumbers: true, sep: '，' }), projects: p({ amounts: 'mixed', subtotals: true, dates: 52 }), indicators: i({ numbersAsNumbers: true, notes: true }) },
  { name: 'kd-plain', plan: KD, directory: 'fresh', tasks: t({ section: 'row-numbered' }) },
  { name: 'kd-two-row', plan: KD, directory: 'known', tasks: t({ units: 'two-row', titleRows: 3, dates: 31 }) },
  { name: 'kd-joined', plan: KD, directory: 'fresh', tasks: t({ units: 'joined', joinedHeader: '责任单位', section: 'row', sep: ' ' }) },
  { name: 'kd-page-headers', plan: KD, directory: 'known', tasks: t({ pageHeaderEvery: 5, spacers: true, notes: true, hiddenColumn: true }) },
  { name: 'kd-dates-57', plan: KD, directory: 'fresh', tasks: t({ dates: 57, units: 'joined-newline', joinedHeader: '责任单位' }) },
  { name: 'or-plain', plan: OR, directory: 'fresh', tasks: t({}), indicators: i({}) },
  { name: 'or-dates-14', plan: OR, directory: 'known', tasks: t({ dates: 14, units: 'joined', joinedHeader: '责任单位' }) },
  { name: 'or-synonyms', plan: OR, directory: 'fresh', tasks: t({ title: '任务清单', summary: '内容简介', section: 'column', sep: '，' }) },
  { name: 'or-one-cell-title', plan: OR, directory: 'fresh', tasks: t({ title: '重点任务', summary: null, dates: 52, notes: true }) },
  { name: 'or-page-headers', plan: OR, directory: 'known', tasks: t({ pageHeaderEvery: 15, spacers: true, dates: 'yyyy"年"m"月"d"日"' }), indicators: i({ targets: 'per-column', notes: true }) },
  { name: 'or-indicators-numbers', plan: OR, directory: 'known', indicators: i({ numbersAsNumbers: true, percentCells: true }) },
  { name: 'hh-plain', plan: HH, directory: 'known', tasks: t({ title: '重点任务', deadlineHeader: '时间安排' }), projects: p({}), indicators: i({}) },
  { name: 'hh-fresh', plan: HH, directory: 'fresh', tasks: t({ title: '重点任务', deadlineHeader: '时间安排', section: 'row-gong', titleRows: 3 }), projects: p({ amounts: 'number-format', subtotals: true }) },
  { name: 'hh-projects-fullwidth', plan: HH, directory: 'known', projects: p({ amounts: 'fullwidth', notes: true, investment: '投资（万元）' }) },
  { name: 'hh-projects-wan', plan: HH, directory: 'fresh', projects: p({ amounts: 'wan', name: '项目', content: '建设内容及规模', pageHeaderEvery: 10 }) },
  { name: 'hh-projects-chinese', plan: HH, directory: 'fresh', projects: p({ amounts: 'chinese', investment: '计划投资（万元）', notes: true }) },
  { name: 'hh-indicators', plan: HH, directory: 'fresh', indicators: i({ numbersAsNumbers: true, targets: 'per-column', notes: true, markerColumn: true }) },
  { name: 'hh-page-headers', plan: HH, directory: 'known', tasks: t({ title: '重点任务', deadlineHeader: '时间安排', pageHeaderEvery: 25, spacers: true, notes: true, section: 'column-count' }) },
  // Re-saved by LibreOffice headless.
  { name: 'lo-yj-dates', plan: YJ, directory: 'fresh', tasks: t({ dates: 31, units: 'joined', joinedHeader: '责任单位' }), projects: p({ amounts: 'number-format', dates: 57 }), libreoffice: true },
  { name: 'lo-kd', plan: KD, directory: 'known', tasks: t({ dates: 'yyyy/m/d', titleRows: 3 }), libreoffice: true },
  { name: 'lo-or-indicators', plan: OR, directory: 'fresh', tasks: t({ dates: 14, pageHeaderEvery: 20, notes: true }), indicators: i({ numbersAsNumbers: true, percentCells: true }), libreoffice: true },
  { name: 'lo-hh', plan: HH, directory: 'known', tasks: t({ title: '重点任务', deadlineHeader: '时间安排', spacers: true }), projects: p({ amounts: 'fullwidth', subtotals: true }), libreoffice: true },
];

// ---------------------------------------------------------------------------------------------

interface Ctx {
  plan: PlanData;
  dept: (id: string) => string;
  leader: (id: string) => string;
}

function ctxOf(plan: PlanData): Ctx {
  const deps = new Map(plan.departments.map((d) => [d.id, d.name]));
  const leaders = new Map(plan.leaders.map((l) => [l.id, l.name]));
  return { plan, dept: (id) => deps.get(id) ?? id, leader: (id) => leaders.get(id) ?? id };
}

const CN = '零一二三四五六七八九';

/** 0 < n < 10000 in Chinese numerals as written in plans: 两千五百, 三千零五十, 十二. */
function chineseSection(n: number, leading: boolean): string {
  let out = '';
  let gap = false;
  for (const [unit, word] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
    const d = Math.floor(n / unit) % 10;
    if (!d) {
      gap = out !== '' || !leading;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += (unit === 10 && d === 1 && !out && leading ? '' : unit === 1000 && d === 2 ? '两' : CN[d]) + word;
  }
  return out;
}

/** A whole number of 万元 as offices write it in Chinese numerals: 三千万元, 一亿二千万元, 两千五百万元. */
function chineseWan(n: number): string {
  const yi = Math.floor(n / 10000);
  const rest = n % 10000;
  return `${yi ? `${chineseSection(yi, true)}亿` : ''}${rest ? `${chineseSection(rest, !yi)}万` : ''}元`;
}

const FULL = (s: string) => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A date a simple deadline stands for ("2025年", "2024年6月底"), or null. */
export function simpleDeadlineDate(d: Deadline | null | undefined): Date | null {
  if (!d || d.points.length !== 1 || d.open) return null;
  if (!/^\d{4}年(\d{1,2}月)?(底)?$/.test(d.text.trim())) return null;
  const [y, m, day] = d.points[0].date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, day));
}

/** Format codes stand-ins for the built-in ids Excel/WPS write without a code; swapped in after writing. */
function applyNumFmt(cell: ExcelJS.Cell, fmt: string | number): void {
  cell.numFmt = typeof fmt === 'number' ? (fmt === 14 ? 'mm-dd-yy' : `"zwc-builtin-${fmt}"0`) : fmt;
}

function title(ws: ExcelJS.Worksheet, rows: number, text: string, width: number): void {
  const lines = [`附件${rows > 1 ? '1' : ''}`, text, rows > 2 ? '（按领域分列，完成时限以文件为准）' : ''];
  const use = rows === 1 ? [text] : rows === 2 ? [lines[0], text] : lines;
  for (const l of use) {
    const r = ws.addRow([l]);
    ws.mergeCells(r.number, 1, r.number, width);
  }
}

function unitsText(names: string[], sep: string): string {
  return names.join(sep);
}

function withDuty(units: { departmentId: string; duty?: string }[], c: Ctx, sep: string): string {
  if (units.some((u) => u.duty)) return units.map((u) => (u.duty ? `${c.dept(u.departmentId)}：${u.duty}` : c.dept(u.departmentId))).join('\n');
  return unitsText(units.map((u) => c.dept(u.departmentId)), sep);
}

function joinedUnits(layout: TaskLayout, lead: string, role: string, part: string): string {
  const l = lead;
  const q = part;
  switch (layout.units) {
    case 'joined':
      return [l && `牵头单位：${l}`, q && `${role}单位：${q}`].filter(Boolean).join('；');
    case 'joined-newline':
      return [l && `牵头单位：${l}`, q && `${role}单位：${q}`].filter(Boolean).join('\n');
    case 'joined-halfwidth':
      return [l && `牵头单位:${l}`, q && `${role}单位:${q}`].filter(Boolean).join(';');
    case 'joined-short':
      return [l && `牵头：${l}`, q && `${role}：${q}`].filter(Boolean).join('；');
    default:
      return '';
  }
}

function deadlineCell(cell: ExcelJS.Cell, d: Deadline, fmt: string | number | undefined): void {
  const date = fmt !== undefined ? simpleDeadlineDate(d) : null;
  if (date && fmt !== undefined) {
    cell.value = date;
    applyNumFmt(cell, fmt);
  } else cell.value = d.text;
}

interface Piece {
  text: string;
  leads: Task['leads'];
  participants: Task['participants'];
  leaderIds: string[];
  deadline: Deadline;
}

function piecesOf(task: Task): Piece[] {
  if (task.parts?.length) return task.parts.map((x: TaskPart) => ({ text: x.text, leads: x.leads, participants: x.participants, leaderIds: x.leaderIds, deadline: x.deadline }));
  return [{ text: task.summary, leads: task.leads, participants: task.participants, leaderIds: task.leaderIds, deadline: task.deadline }];
}

function writeTasks(wb: ExcelJS.Workbook, c: Ctx, L: TaskLayout): void {
  const tasks = [...c.plan.tasks].sort((a, b) => a.order - b.order);
  const role = tasks.flatMap((x) => x.participants.map((q) => q.role))[0] ?? '参与';
  const hasLeaders = tasks.some((x) => x.leaderIds.length);
  const sep = L.sep ?? '、';
  const ws = wb.addWorksheet('任务清单', { views: [{ state: 'frozen', ySplit: L.titleRows + (L.units === 'two-row' ? 2 : 1) }] });
  const headers: string[] = [];
  if (L.section === 'column' || L.section === 'column-count') headers.push('领域');
  headers.push(L.number, L.title);
  if (L.summary) headers.push(L.summary);
  const leadH = L.units === 'split' && tasks.some((x) => x.leads.some((l) => l.duty)) ? '牵头单位及任务分工' : '牵头单位';
  const partH = L.units === 'split' && tasks.some((x) => x.participants.some((l) => l.duty)) ? `${role}单位及任务分工` : `${role}单位`;
  if (L.units === 'split' || L.units === 'two-row') headers.push(leadH, partH);
  else headers.push(L.joinedHeader ?? '责任单位');
  if (hasLeaders) headers.push('责任领导');
  headers.push(L.deadlineHeader);
  if (L.hiddenColumn) headers.push('内部编码');
  const col = (h: string) => headers.indexOf(h) + 1;
  title(ws, L.titleRows, `${c.plan.office.name}“无废城市”建设任务清单`, headers.length);
  const headerRows: number[] = [];
  const writeHeader = () => {
    if (L.units === 'two-row') {
      const top = headers.map((h) => (h === '牵头单位' || h === `${role}单位` ? '责任单位' : h));
      const r1 = ws.addRow(top);
      const r2 = ws.addRow(headers.map((h) => (h === '牵头单位' || h === `${role}单位` ? h : '')));
      const a = col('牵头单位');
      ws.mergeCells(r1.number, a, r1.number, a + 1);
      headers.forEach((h, k) => {
        if (h !== '牵头单位' && h !== `${role}单位`) ws.mergeCells(r1.number, k + 1, r2.number, k + 1);
      });
      headerRows.push(r1.number, r2.number);
    } else headerRows.push(ws.addRow(headers).number);
  };
  writeHeader();
  if (L.hiddenColumn) ws.getColumn(headers.length).hidden = true;
  let sinceHeader = 0;
  const groups: { label: string; tasks: Task[] }[] = [];
  for (const task of tasks) {
    const last = groups[groups.length - 1];
    if (last && last.label === task.domainLabel) last.tasks.push(task);
    else groups.push({ label: task.domainLabel, tasks: [task] });
  }
  const CN = '一二三四五六七八九十';
  groups.forEach((g, gi) => {
    const heading = { row: g.label, 'row-count': `${g.label}（${g.tasks.length}项）`, 'row-gong': `${g.label}（共${g.tasks.length}项任务）`, 'row-numbered': `${CN[gi] ?? gi + 1}、${g.label}（${g.tasks.length}项任务）`, column: g.label, 'column-count': `${g.label}（${g.tasks.length}项）` }[L.section];
    const inColumn = L.section === 'column' || L.section === 'column-count';
    if (!inColumn) {
      const r = ws.addRow([heading]);
      ws.mergeCells(r.number, 1, r.number, headers.length);
    }
    let runStart = ws.rowCount + 1;
    const mergeRun = () => {
      if (inColumn && ws.rowCount > runStart) ws.mergeCells(runStart, 1, ws.rowCount, 1);
    };
    for (const task of g.tasks) {
      if (L.pageHeaderEvery && sinceHeader >= L.pageHeaderEvery) {
        mergeRun();
        writeHeader();
        runStart = ws.rowCount + 1;
        sinceHeader = 0;
      }
      const pieces = piecesOf(task);
      const first = ws.rowCount + 1;
      pieces.forEach((pc, k) => {
        const values: (string | number | Date | null)[] = headers.map(() => null);
        const set = (h: string, v: string | number | null) => {
          if (col(h) > 0) values[col(h) - 1] = v;
        };
        if (inColumn) set('领域', heading);
        if (k === 0) {
          set(L.number, L.numbersAsNumbers && /^\d+$/.test(task.number) ? Number(task.number) : task.number);
          set(L.title, L.summary ? task.title : [task.title, task.summary].filter(Boolean).join('\n'));
        }
        if (L.summary) set(L.summary, pc.text);
        const leads = withDuty(pc.leads, c, sep);
        const parts = withDuty(pc.participants, c, sep);
        if (L.units === 'split' || L.units === 'two-row') {
          set(leadH, leads);
          set(partH, parts);
        } else set(L.joinedHeader ?? '责任单位', joinedUnits(L, leads, role, parts));
        if (hasLeaders) set('责任领导', pc.leaderIds.map(c.leader).join('、'));
        if (L.hiddenColumn) set('内部编码', `X${task.order}`);
        const row = ws.addRow(values);
        deadlineCell(row.getCell(col(L.deadlineHeader)), pc.deadline, L.dates);
        row.alignment = { wrapText: true, vertical: 'middle' };
      });
      if (pieces.length > 1) {
        ws.mergeCells(first, col(L.number), first + pieces.length - 1, col(L.number));
        ws.mergeCells(first, col(L.title), first + pieces.length - 1, col(L.title));
      }
      sinceHeader++;
      if (L.spacers && sinceHeader % 7 === 0) ws.addRow([]);
    }
    mergeRun();
  });
  if (L.notes) {
    ws.addRow([]);
    const n1 = ws.addRow(['注：1.完成时限为“持续推进”的任务每年度开展；2.各牵头单位于每季度末报送进展。']);
    ws.mergeCells(n1.number, 1, n1.number, headers.length);
    ws.addRow(['说明：本清单由旗“无废城市”建设工作领导小组办公室负责解释。']);
  }
}

function writeProjects(wb: ExcelJS.Workbook, c: Ctx, L: ProjectLayout): void {
  const projects = [...c.plan.projects].sort((a, b) => a.order - b.order);
  const has = {
    construction: projects.some((x) => x.constructionUnitIds.length),
    responsible: projects.some((x) => x.responsibleUnitIds.length),
    period: projects.some((x) => x.period),
    deadline: projects.some((x) => x.deadline),
    area: projects.some((x) => x.area),
    benefit: projects.some((x) => x.benefit),
  };
  const headers = ['序号', L.name, L.content, ...(has.construction ? ['建设单位'] : []), ...(has.responsible ? ['责任单位'] : []), L.investment, ...(has.period ? ['建设周期'] : []), ...(has.deadline ? ['完成时限'] : []), ...(has.area ? ['实施区域'] : []), ...(has.benefit ? ['效益分析'] : [])];
  const col = (h: string) => headers.indexOf(h) + 1;
  const ws = wb.addWorksheet('项目清单');
  title(ws, L.titleRows, `${c.plan.office.name}“无废城市”建设重点项目清单`, headers.length);
  ws.addRow(headers);
  let category: string | undefined;
  let subtotal = 0;
  let since = 0;
  const flushSubtotal = () => {
    if (L.subtotals && category !== undefined) ws.addRow(['小计', '', '', ...headers.slice(3).map((h) => (h === L.investment ? subtotal : ''))]);
    subtotal = 0;
  };
  projects.forEach((x, k) => {
    if (x.category !== category) {
      flushSubtotal();
      category = x.category;
      if (category) {
        const n = projects.filter((q) => q.category === category).length;
        const r = ws.addRow([`${category}（${n}个）`]);
        ws.mergeCells(r.number, 1, r.number, headers.length);
      }
    }
    if (L.pageHeaderEvery && since >= L.pageHeaderEvery) {
      ws.addRow(headers);
      since = 0;
    }
    since++;
    const values: (string | number | null)[] = headers.map(() => null);
    const set = (h: string, v: string | number | null) => {
      if (col(h) > 0) values[col(h) - 1] = v;
    };
    set('序号', /^\d+$/.test(x.number) ? Number(x.number) : x.number);
    set(L.name, x.name);
    set(L.content, x.content);
    set('建设单位', x.constructionUnitIds.map(c.dept).join('、'));
    set('责任单位', x.responsibleUnitIds.map(c.dept).join('、'));
    set('建设周期', x.period?.text ?? '');
    set('实施区域', x.area ?? '');
    set('效益分析', x.benefit ?? '');
    const row = ws.addRow(values);
    const inv = row.getCell(col(L.investment));
    const amount = x.plannedInvestment;
    const mode = L.amounts === 'mixed' ? (['number', 'fullwidth', 'wan', 'text', 'number-format', 'chinese'] as const)[k % 6] : L.amounts;
    if (x.investmentText) inv.value = x.investmentText;
    else if (amount === null) inv.value = '—';
    else if (mode === 'number') inv.value = Number(amount);
    else if (mode === 'number-format') {
      inv.value = Number(amount);
      inv.numFmt = '#,##0.00';
    } else if (mode === 'text') inv.value = amount;
    else if (mode === 'fullwidth') inv.value = FULL(Number(amount).toLocaleString('en-US', { maximumFractionDigits: 4 }));
    else if (mode === 'chinese' && /^\d+$/.test(amount) && Number(amount) > 0) inv.value = chineseWan(Number(amount));
    else inv.value = `${amount}万元`;
    if (amount) subtotal += Number(amount);
    if (has.deadline && x.deadline) deadlineCell(row.getCell(col('完成时限')), x.deadline, L.dates);
  });
  flushSubtotal();
  ws.addRow(['合计', '', '', ...headers.slice(3).map((h) => (h === L.investment ? projects.reduce((s, q) => s + Number(q.plannedInvestment ?? 0), 0) : ''))]);
  if (L.notes) ws.addRow(['注：投资额为估算，以项目批复为准。']);
}

function writeIndicators(wb: ExcelJS.Workbook, c: Ctx, L: IndicatorLayout): void {
  const list = [...c.plan.indicators].sort((a, b) => a.order - b.order);
  const years = [...new Set(list.flatMap((x) => x.targets.map((q) => q.year)))].sort();
  const baseYear = list.find((x) => x.baseline)?.baseline?.year ?? 2020;
  const hasNote = list.some((x) => x.note);
  const ws = wb.addWorksheet('指标体系');
  const head = ['一级指标', '二级指标', '序号', L.name, ...(L.markerColumn ? ['指标属性'] : []), '单位', `现状值（${baseYear}年）`];
  const tail = ['责任单位', ...(hasNote ? ['备注'] : [])];
  const width = head.length + years.length + tail.length;
  title(ws, L.titleRows, `${c.plan.office.name}“无废城市”建设指标体系`, width);
  const h1 = ws.addRow([...head, ...years.map((y) => (L.targets === 'years-under' ? '目标值' : `目标值（${y}年）`)), ...tail]);
  if (L.targets === 'years-under') {
    const h2 = ws.addRow([...head.map(() => ''), ...years.map((y) => `${y}年`), ...tail.map(() => '')]);
    if (years.length > 1) ws.mergeCells(h1.number, head.length + 1, h1.number, head.length + years.length);
    [...head.map((_, k) => k + 1), ...tail.map((_, k) => head.length + years.length + k + 1)].forEach((k) => ws.mergeCells(h1.number, k, h2.number, k));
  }
  const num = (s: string, cell: ExcelJS.Cell, percentOk: boolean) => {
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(s);
    if (L.percentCells && percentOk && pct) {
      cell.value = Number(pct[1]) / 100;
      const decimals = (pct[1].split('.')[1] ?? '').length;
      cell.numFmt = decimals ? `0.${'0'.repeat(decimals)}%` : '0%';
    } else if (L.numbersAsNumbers && /^\d+(\.\d+)?$/.test(s)) {
      cell.value = Number(s);
      const decimals = (s.split('.')[1] ?? '').length;
      if (decimals) cell.numFmt = `0.${'0'.repeat(decimals)}`;
      else if (String(Number(s)) !== s) cell.value = s;
    } else cell.value = s;
  };
  let prev = { l1: '', l2: '', r1: 0, r2: 0 };
  for (const x of list) {
    const row = ws.addRow([]);
    const r = row.number;
    if (x.level1 !== prev.l1) {
      if (prev.r1 && r - 1 > prev.r1) ws.mergeCells(prev.r1, 1, r - 1, 1);
      prev = { ...prev, l1: x.level1, r1: r };
      row.getCell(1).value = x.level1;
    }
    if (x.level2 !== prev.l2 || prev.r1 === r) {
      if (prev.r2 && r - 1 > prev.r2) ws.mergeCells(prev.r2, 2, r - 1, 2);
      prev = { ...prev, l2: x.level2, r2: r };
      row.getCell(2).value = x.level2;
    }
    row.getCell(3).value = L.numbersAsNumbers && /^\d+$/.test(x.number) ? Number(x.number) : x.number;
    row.getCell(4).value = L.markerColumn ? x.name : `${x.name}${x.marker ? MARKER_SYMBOLS[x.marker] : ''}`;
    let k = 5;
    if (L.markerColumn) row.getCell(k++).value = x.marker ? MARKER_SYMBOLS[x.marker] : '';
    row.getCell(k++).value = x.unit ?? '—';
    const base = x.baseline ? (x.baseline.value.kind === 'number' ? (x.baseline.value.text ?? String(x.baseline.value.value)) : x.baseline.value.text) : '—';
    num(base, row.getCell(k++), x.unit === '%');
    for (const y of years) num(x.targets.find((q) => q.year === y)?.target.text ?? '—', row.getCell(k++), x.unit === '%');
    row.getCell(k++).value = x.responsibleDepartmentIds.map(c.dept).join('、');
    if (hasNote) row.getCell(k++).value = x.note ?? '';
  }
  const end = ws.rowCount;
  if (prev.r1 && end > prev.r1) ws.mergeCells(prev.r1, 1, end, 1);
  if (prev.r2 && end > prev.r2) ws.mergeCells(prev.r2, 2, end, 2);
  if (L.notes) {
    const n = ws.addRow(['注：★为国家“无废城市”建设指标体系必选指标，●为自选指标。']);
    ws.mergeCells(n.number, 1, n.number, width);
  }
}

/** Swaps the stand-in codes for the built-in ids they stand for, with no format code, as WPS and zh-CN Excel write them. */
function builtinIds(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const styles = strFromU8(files['xl/styles.xml']);
  const swaps: [string, string][] = [];
  let out = styles.replace(/<numFmt numFmtId="(\d+)" formatCode="&quot;zwc-builtin-(\d+)&quot;0"\s*\/>/g, (_, custom: string, id: string) => {
    swaps.push([custom, id]);
    return '';
  });
  if (!swaps.length) return bytes;
  for (const [custom, id] of swaps) out = out.replace(new RegExp(`numFmtId="${custom}"`, 'g'), `numFmtId="${id}"`);
  out = out.replace(/<numFmts count="\d+">/, () => `<numFmts count="${(out.match(/<numFmt /g) ?? []).length}">`).replace(/<numFmts count="0">\s*<\/numFmts>/, '');
  files['xl/styles.xml'] = strToU8(out);
  return zipSync(files);
}

export function directoryPlan(spec: CorpusSpec, plan: PlanData): PlanData | null {
  if (spec.directory === 'fresh') return null;
  const departments = spec.directory === 'mengsu' ? plan.departments.map((d) => (d.name === '蒙苏经济开发区管委会' ? { ...d, name: '蒙苏经济开发区' } : d)) : plan.departments;
  return { ...plan, departments, tasks: [], projects: [], indicators: [], progress: [], indicatorValues: [] };
}

export async function buildCorpusFile(spec: CorpusSpec): Promise<Uint8Array> {
  const plan = seedPlan(spec.plan);
  const c = ctxOf(plan);
  const wb = new ExcelJS.Workbook();
  if (spec.tasks) writeTasks(wb, c, spec.tasks);
  if (spec.projects && plan.projects.length) writeProjects(wb, c, spec.projects);
  if (spec.indicators && plan.indicators.length) writeIndicators(wb, c, spec.indicators);
  return builtinIds(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}
