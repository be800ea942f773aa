import type { Department, DepartmentKind } from '../domain/department';
import type { Leader } from '../domain/leader';
import type { Milestone, ParticipantRole, Task, TaskDomain } from '../domain/task';
import type { Project } from '../domain/project';
import type { Indicator, IndicatorDirection, IndicatorMarker, IndicatorQuantity, YearTarget } from '../domain/indicator';
import type { Office } from '../domain/office';
import type { SourceRef } from '../domain/source';
import type { PlanData } from '../ledger/plan-data';
import type { PlanRecords } from '../seed/load-seed';
import type { Change, PlanCreate } from '../app/change';
import { TaskSchema, TASK_DOMAIN_LABELS } from '../domain/task';
import { ProjectSchema } from '../domain/project';
import { IndicatorSchema } from '../domain/indicator';
import { parseDeadline } from '../domain/parse-deadline';
import { parseConstructionPeriod } from '../domain/parse-period';
import { parseWan, wanToYuan, yuanToWan, type WanYuan } from '../domain/money';
import { idBelongsTo, newRecordId } from '../exchange/ownership';
import { XlsxError, type SheetProblem } from './errors';
import { readMeta, type WorkbookMeta } from './meta';
import { parseUnits, normalizeName, splitRoleLabels, type UnitRef } from './units';
import type { Workbook, Worksheet } from './workbook';
import { displayText as cellText, halfWidth } from './cell-display';
import { readCumulative, readDirection, targetIn } from './indicator-sense';
import { applyColumnChoices, unrecognisedColumns, FIELD_LABELS, type ColumnChoices, type UnrecognisedColumn } from './plan-import-columns';
import { columnName, detectLayout, distinctTexts, headerTexts, onlyMergedFromAbove, isRepeatedHeader, mergedFromAbove, resolveYearColumns, MAX_SHEET_ROWS, type HeaderColumn, type SheetLayout, type TableKind } from './read-sheet';

const KIND_LABEL: Record<TableKind, string> = { tasks: '任务', projects: '项目', indicators: '指标' };

/** One row of the preview: what it becomes and what is wrong with it. */
export interface PreviewRow {
  kind: TableKind;
  sheet: string;
  /** First and last sheet rows the record was read from. */
  row: number;
  lastRow: number;
  label: string;
  /** new: will be added · existing: already in the ledger, skipped · error: cannot be imported. */
  status: 'new' | 'existing' | 'error';
  problems: SheetProblem[];
  /** The record as it will be stored (unit ids resolved at build time). */
  draft: Draft;
}

type Draft = TaskDraft | ProjectDraft | IndicatorDraft;

interface Piece {
  text: string;
  leads: UnitRef[];
  participants: UnitRef[];
  /** The role word a one-cell unit list used (配合单位：…), over the column's. */
  role?: ParticipantRole;
  leaders: string[];
  deadline: string;
}

interface TaskDraft {
  kind: 'tasks';
  id: string | null;
  domain: TaskDomain;
  domainLabel: string;
  number: string;
  title: string;
  role: ParticipantRole;
  milestonesFromTime: boolean;
  pieces: Piece[];
  source: SourceRef;
  meta?: WorkbookMeta['tasks'] extends Map<string, infer T> ? T : never;
}

interface ProjectDraft {
  kind: 'projects';
  id: string | null;
  number: string;
  category?: string;
  name: string;
  content: string;
  construction: string[];
  responsible: string[];
  investment: string;
  period: string;
  deadline: string;
  area: string;
  benefit: string;
  source: SourceRef;
}

interface IndicatorDraft {
  kind: 'indicators';
  id: string | null;
  number: string;
  level1: string;
  level2: string;
  name: string;
  marker: IndicatorMarker | null;
  unit: string;
  baseline: { text: string; year: number | null };
  targets: { year: number; text: string }[];
  direction: IndicatorDirection;
  cumulative: boolean;
  responsible: string[];
  note: string;
  source: SourceRef;
}

export interface UnknownName {
  name: string;
  /** Where it appears, e.g. "任务清单 第 12 行". */
  where: string[];
  /** The directory unit of the same name written another way (市/旗 prefix, brackets), suggested as the mapping. */
  suggestion: string | null;
  /** Directory units whose names contain this one or are contained in it: maybe the same, the clerk decides. */
  similar: string[];
}

export interface PlanImportPreview {
  fileName: string;
  /** Each table read; `unrecognised` are header columns the clerk may give a meaning (see plan-import-columns.ts). */
  sheets: { name: string; kind: TableKind; headerRow: number; rows: number; unrecognised: UnrecognisedColumn[]; fields: { value: string; label: string }[]; read: { field: string; column: string }[] }[];
  /** The column choices this preview was read with, to extend when the clerk picks another. */
  columns: ColumnChoices;
  /** Sheets that are none of the three tables. */
  skippedSheets: string[];
  rows: PreviewRow[];
  /** Problems of whole sheets (section counts, unrecognised columns). */
  problems: SheetProblem[];
  unknownDepartments: UnknownName[];
  unknownLeaders: UnknownName[];
  meta: WorkbookMeta;
  counts: { new: number; existing: number; error: number; warnings: number };
}

export interface PlanImportContext {
  fileName: string;
  /** The office the plan is imported for. */
  officeCode: string;
  /** What the office already has; null for a new office. */
  existing: PlanData | null;
  /** The clerk's choice of what columns hold, where a header was not recognised. */
  columns?: ColumnChoices;
}

const DOMAIN_WORDS: [RegExp, TaskDomain][] = [
  [/体制|机制|制度|保障|监管体系|组织/, 'institutional'],
  [/危险|医疗废物|危废/, 'hazardous'],
  [/建筑/, 'construction'],
  [/农业|农牧|畜禽|秸秆|农膜|农村/, 'agricultural'],
  [/工业|矿|尾矿|煤矸石|粉煤灰|冶炼/, 'industrial'],
  [/生活|垃圾分类|塑料|餐厨|城市固体废物/, 'domestic'],
];

/** A heading that is a domain's name (生活领域固体废物, 危险废物领域), not a sentence that mentions one. */
function namesDomain(label: string): boolean {
  return /^(体制|制度|工业|农业|农牧|农村|生活|城市生活|建筑|危险|医疗|其他)/.test(label) && label.length <= 12;
}

export function inferDomain(label: string): TaskDomain {
  for (const [re, d] of DOMAIN_WORDS) if (re.test(label)) return d;
  return 'other';
}

function sectionLabel(text: string): { label: string; count: number | null } {
  const count = /[（(]\s*(?:共)?\s*(\d+)\s*项(?:任务|项目|指标)?\s*[）)]\s*$/.exec(text);
  const label = text
    .replace(/[（(]\s*(?:共)?\s*\d+\s*项(?:任务|项目|指标)?\s*[）)]\s*$/, '')
    .replace(/^[一二三四五六七八九十]+[、.．]\s*|^[（(][一二三四五六七八九十]+[）)]\s*|^\d+[、.．]\s*/, '')
    .trim();
  return { label: label || text, count: count ? Number(count[1]) : null };
}

/** "2023年A，2024年、2025年B" → yearly milestones; [] when the text does not start with a year. */
export function milestonesOf(text: string): Milestone[] {
  const t = text.trim().replace(/[。.]$/, '');
  const range = /^(\d{4})\s*年?\s*[—–\-~～至到]+\s*(\d{4})\s*年(.*)$/.exec(t);
  if (range) {
    const years: number[] = [];
    for (let y = Number(range[1]); y <= Number(range[2]) && years.length < 20; y++) years.push(y);
    return [{ years, text: range[3].replace(/^[，,]/, '').trim() || '持续推进' }];
  }
  const starts = [...t.matchAll(/(?:^|(?<=[，；;,]))(\d{4}年(?:、\d{4}年)*)/g)];
  if (!starts.length || starts[0].index !== 0) return [];
  const out: Milestone[] = [];
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1].index as number) : t.length;
    const body = t.slice((m.index as number) + m[0].length, end).replace(/^[，；;,]+|[，；;,]+$/g, '');
    const years = [...m[1].matchAll(/\d{4}/g)].map((y) => Number(y[0])).filter((y) => y >= 2000 && y <= 2100);
    if (years.length && body) out.push({ years, text: body });
  });
  return out;
}

/** Reads every sheet of a plan workbook into a preview; writes nothing. */
export function previewPlanImport(wb: Workbook, ctx: PlanImportContext): PlanImportPreview {
  const meta = readMeta(wb);
  const layouts: SheetLayout[] = [];
  const skipped: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'veryHidden') continue;
    const layout = detectLayout(ws);
    if (layout) layouts.push(applyColumnChoices(layout, ctx.columns?.[ws.name]));
    else skipped.push(ws.name);
  }
  if (!layouts.length) {
    throw new XlsxError(
      'missing-sheet',
      `工作簿中没有找到任务清单、项目清单或指标体系（已检查：${skipped.map((s) => `「${s}」`).join('、') || '无工作表'}）。请确认表头行（前 15 行内）含有“序号”“任务名称/重点任务”“项目名称”或“三级指标”“目标值”等列名。`,
    );
  }
  const rows: PreviewRow[] = [];
  const problems: SheetProblem[] = [];
  const sheets: PlanImportPreview['sheets'] = [];
  for (const layout of layouts) {
    const ws = wb.getWorksheet(layout.sheet) as Worksheet;
    const before = rows.length;
    if (layout.kind === 'tasks') readTasks(ws, layout, meta, ctx, rows, problems);
    else if (layout.kind === 'projects') readProjects(ws, layout, ctx, rows, problems);
    else readIndicators(ws, { ...layout, columns: resolveYearColumns(layout.columns) }, ctx, rows, problems);
    sheets.push({ name: layout.sheet, kind: layout.kind, headerRow: layout.headerRow, rows: rows.length - before, unrecognised: unrecognisedColumns(ws, layout, ctx.columns?.[ws.name]), fields: Object.entries(FIELD_LABELS[layout.kind]).map(([value, label]) => ({ value, label })), read: layout.columns.map((c) => ({ field: c.field, column: columnName(c) })) });
  }
  markExisting(rows, ctx);
  const { departments, leaders } = unknownNames(rows, meta, ctx);
  for (const r of rows) if (r.status === 'new' && r.problems.some((p) => p.level === 'error')) r.status = 'error';
  const all = [...problems, ...rows.flatMap((r) => r.problems)];
  return {
    fileName: ctx.fileName,
    sheets,
    columns: ctx.columns ?? {},
    skippedSheets: skipped,
    rows,
    problems,
    unknownDepartments: departments,
    unknownLeaders: leaders,
    meta,
    counts: {
      new: rows.filter((r) => r.status === 'new').length,
      existing: rows.filter((r) => r.status === 'existing').length,
      error: rows.filter((r) => r.status === 'error').length,
      warnings: all.filter((p) => p.level === 'warning').length,
    },
  };
}

function col(layout: SheetLayout, field: string): HeaderColumn | undefined {
  return layout.columns.find((c) => c.field === field);
}

function text(ws: Worksheet, row: number, c: HeaderColumn | undefined): string {
  return c ? cellText(ws.getCell(row, c.col)) : '';
}

function sourceOf(ctx: PlanImportContext, sheet: string, row: number, lastRow = row): SourceRef {
  return { file: ctx.fileName, section: `工作表「${sheet}」第 ${row}${lastRow > row ? `—${lastRow}` : ''} 行` };
}

/** A row that is a heading over the rows below it, e.g. "工业固体废物（37项任务）". */
function sectionText(ws: Worksheet, row: number, layout: SheetLayout, contentFields: string[]): string | null {
  const texts = distinctTexts(ws, row);
  if (texts.length !== 1) return null;
  const t = texts[0];
  // A data row whose only filled cell is a content column is not a heading.
  for (const f of contentFields) {
    const c = col(layout, f);
    if (c && cellText(ws.getCell(row, c.col)) === t) {
      const cell = ws.getCell(row, c.col);
      const spans = cell.isMerged && Number(cell.master.col) !== c.col;
      if (!spans && c.col !== 1) return null;
    }
  }
  if (/^\d+(\.\d+)?$/.test(t)) return null;
  return t;
}

function isNoteRow(t: string): boolean {
  return /^(注|注\d|备注|说明|表注|附注|填表说明|注释)\s*[：:]|^注\s*[\d一二三四五六七八九十]+\s*[.、．]|^(制表|填表|审核|联系人|联系电话|填报单位|制表单位)\s*[：:人]/.test(halfWidth(t).trim());
}

/** A row that only repeats the title block above the header (a page's title in a pasted document). */
function isRepeatedTitle(ws: Worksheet, layout: SheetLayout, texts: string[]): boolean {
  if (texts.length !== 1) return false;
  for (let r = 1; r < layout.headerRow; r++) if (distinctTexts(ws, r).includes(texts[0])) return true;
  return false;
}

/** 投资 as written: full-width digits, 万元 or 亿元 after the number, thousands separators. */
export function amountOf(text: string): WanYuan | null {
  const t = halfWidth(text).replace(/[\s,，]/g, '').replace(/^人民币/, '');
  const yi = /^(\d+(?:\.\d+)?)亿元?$/.exec(t);
  if (yi) {
    const wan = parseWan(yi[1]);
    return wan === null ? null : yuanToWan(wanToYuan(wan) * 10000n);
  }
  return parseWan(t.replace(/(万元|万)$/, ''));
}

function readTasks(ws: Worksheet, layout: SheetLayout, meta: WorkbookMeta, ctx: PlanImportContext, out: PreviewRow[], problems: SheetProblem[]): void {
  const c = {
    number: col(layout, 'number'),
    title: col(layout, 'title'),
    summary: col(layout, 'summary'),
    leads: col(layout, 'leads'),
    participants: col(layout, 'participants'),
    units: col(layout, 'units'),
    leaders: col(layout, 'leaders'),
    deadline: col(layout, 'deadline'),
    domain: col(layout, 'domain'),
    id: col(layout, 'id'),
  };
  const role = ((c.participants && /^(参与|责任|配合)/.exec(c.participants.header)?.[1]) || (c.participants && /^(协同|协办)/.test(c.participants.header) ? '配合' : '') || '参与') as ParticipantRole;
  const milestonesFromTime = !!c.deadline && /时间安排|进度安排/.test(c.deadline.header);
  const known = knownNames(meta, ctx);
  const headers = headerTexts(ws, layout);
  // Title and summary in one cell, a line break between them, when there is no summary column.
  const splitTitle = !c.summary && !!c.title;
  let splitSeen = false;
  let section: { label: string; count: number | null; row: number; found: number } | null = null;
  const closeSection = () => {
    if (section && section.count !== null && section.count !== section.found) {
      problems.push({ level: 'warning', sheet: ws.name, row: section.row, column: '', message: `标题写明 ${section.count} 项任务，实际读到 ${section.found} 项，请核对是否漏行或多行。` });
    }
  };
  const last = Math.min(ws.rowCount, MAX_SHEET_ROWS);
  if (ws.rowCount > MAX_SHEET_ROWS) problems.push({ level: 'warning', sheet: ws.name, row: 0, column: '', message: `工作表超过 ${MAX_SHEET_ROWS} 行，只读取前 ${MAX_SHEET_ROWS} 行。` });
  let current: PreviewRow | null = null;
  let domainCell: { label: string; count: number | null; row: number; found: number; key: string } | null = null;
  for (let r = layout.headerRow + layout.headerRows; r <= last; r++) {
    const texts = distinctTexts(ws, r);
    if (!texts.length || onlyMergedFromAbove(ws, r)) continue;
    if (isRepeatedHeader(ws, r, headers) || isRepeatedTitle(ws, layout, texts)) continue;
    if (texts.some(isNoteRow) && texts.length <= 2 && !text(ws, r, c.title)) continue;
    const heading = sectionText(ws, r, layout, ['title', 'summary', 'leads', 'participants', 'units', 'deadline']);
    if (heading) {
      if (isNoteRow(heading)) continue;
      closeSection();
      const s = sectionLabel(heading);
      section = { ...s, row: r, found: 0 };
      current = null;
      continue;
    }
    const rowProblems: SheetProblem[] = [];
    const units = readUnitCells(ws, r, c, known, rowProblems);
    const piece: Piece = {
      text: text(ws, r, c.summary),
      leads: units.leads,
      participants: units.participants,
      ...(units.role ? { role: units.role } : {}),
      leaders: parseUnits(text(ws, r, c.leaders)).map((u) => u.name),
      deadline: text(ws, r, c.deadline),
    };
    const numberMerged = c.number ? mergedFromAbove(ws, r, c.number.col) : false;
    const titleMerged = c.title ? mergedFromAbove(ws, r, c.title.col) : false;
    const number = numberMerged ? '' : text(ws, r, c.number);
    let title = titleMerged ? '' : text(ws, r, c.title);
    if (splitTitle && title.includes('\n')) {
      const at = title.indexOf('\n');
      piece.text = title.slice(at + 1).trim();
      title = title.slice(0, at).trim();
      splitSeen = true;
    }
    if (current && current.draft.kind === 'tasks' && (numberMerged || titleMerged)) {
      // Another 分项 of the task above: its number and title cells are merged down over this row.
      current.draft.pieces.push(piece);
      current.lastRow = r;
      current.problems.push(...rowProblems);
      continue;
    }
    if (current && current.draft.kind === 'tasks' && !number && !title) {
      // A cell split over two rows (a page break in the source): continue the row above.
      const p = current.draft.pieces[current.draft.pieces.length - 1];
      p.text = [p.text, piece.text].filter(Boolean).join('\n');
      p.leads.push(...piece.leads);
      p.participants.push(...piece.participants);
      p.leaders.push(...piece.leaders);
      p.deadline = [p.deadline, piece.deadline].filter(Boolean).join('');
      current.lastRow = r;
      current.problems.push(...rowProblems);
      continue;
    }
    const id = text(ws, r, c.id) || null;
    const m = id ? meta.tasks.get(id) : undefined;
    const domainText = text(ws, r, c.domain);
    let label = section?.label ?? '其他';
    if (!section && domainText) {
      // A domain column, often merged down over its tasks: "工业固体废物（37项）" counts them.
      const key = domainKey(ws, r, c.domain as HeaderColumn);
      if (!domainCell || domainCell.key !== key) {
        if (domainCell?.count != null && domainCell.count !== domainCell.found) problems.push({ level: 'warning', sheet: ws.name, row: domainCell.row, column: columnName(c.domain as HeaderColumn), message: `“${domainCell.label}”写明 ${domainCell.count} 项任务，实际读到 ${domainCell.found} 项，请核对。` });
        domainCell = { ...sectionLabel(domainText), row: r, found: 0, key };
      }
      domainCell.found++;
      label = domainCell.label;
    }
    if (!title) rowProblems.push({ level: 'error', sheet: ws.name, row: r, column: c.title ? columnName(c.title) : '', message: '任务名称为空。' });
    if (!section && !domainText) rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: '', message: '上方没有领域标题行（如“工业固体废物（37项任务）”），归入“其他”。' });
    const stream = /建筑垃圾/.test(title) ? 'construction' : /危险废物|危废|医疗废物/.test(title) ? 'hazardous' : null;
    if (stream && !m && stream !== inferDomain(label) && !namesDomain(label)) rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: c.title ? columnName(c.title) : '', message: `任务名称提到“${TASK_DOMAIN_LABELS[stream]}”，但所在领域“${label}”归为“${TASK_DOMAIN_LABELS[inferDomain(label)]}”；按领域标题归类，如需改为“${TASK_DOMAIN_LABELS[stream]}”请导入后修改。` });
    if (title.length > 60 && c.title) rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: columnName(c.title), message: `任务名称长达 ${title.length} 字，可能把任务内容也写在了名称里，请核对。` });
    if (section) section.found++;
    const draft: TaskDraft = {
      kind: 'tasks',
      id,
      domain: m?.domain ?? inferDomain(label),
      domainLabel: label,
      number: number || String((section?.found ?? out.length) || 1),
      title: title || '（无名称）',
      role,
      milestonesFromTime,
      pieces: [piece],
      source: m?.source ?? sourceOf(ctx, ws.name, r),
      ...(m ? { meta: m } : {}),
    };
    current = { kind: 'tasks', sheet: ws.name, row: r, lastRow: r, label: `${label} ${draft.number}「${draft.title}」`, status: rowProblems.some((p) => p.level === 'error') ? 'error' : 'new', problems: rowProblems, draft };
    out.push(current);
  }
  closeSection();
  if (domainCell?.count != null && domainCell.count !== domainCell.found) problems.push({ level: 'warning', sheet: ws.name, row: domainCell.row, column: '', message: `“${domainCell.label}”写明 ${domainCell.count} 项任务，实际读到 ${domainCell.found} 项，请核对。` });
  if (splitSeen && c.title) problems.push({ level: 'warning', sheet: ws.name, row: layout.headerRow, column: columnName(c.title), message: '没有单独的“主要内容”列：单元格中第一行作为任务名称，换行后的文字作为主要内容。' });
  for (const row of out) {
    if (row.draft.kind !== 'tasks' || row.sheet !== ws.name) continue;
    for (const p of row.draft.pieces) {
      if (!p.deadline) continue;
      const d = parseDeadline(p.deadline);
      if (!d.points.length && d.open === null) {
        row.problems.push({ level: 'warning', sheet: ws.name, row: row.row, column: c.deadline ? columnName(c.deadline) : '', message: `无法识别完成时限“${p.deadline}”，按原文保存，不参与逾期判断。` });
      }
    }
    if (row.draft.pieces.length > 1 && !meta.tasks.get(row.draft.id ?? '')) row.draft.source = sourceOf(ctx, ws.name, row.row, row.lastRow);
  }
}

/** The merge (or cell) a domain column's value comes from, so a merged domain is one group. */
function domainKey(ws: Worksheet, row: number, c: HeaderColumn): string {
  // By its text: a merge broken by a page break (the header repeated) or a domain written on every row is still one group.
  return cellText(ws.getCell(row, c.col));
}

interface UnitColumns {
  leads?: HeaderColumn;
  participants?: HeaderColumn;
  units?: HeaderColumn;
}

/**
 * The lead and other units of one row: from their own columns, or from one cell that labels them
 * (牵头单位：…；配合单位：…). A one-cell list that labels neither is read as leads, with a doubt.
 */
function readUnitCells(ws: Worksheet, r: number, c: UnitColumns, known: readonly string[], problems: SheetProblem[]): { leads: UnitRef[]; participants: UnitRef[]; role: ParticipantRole | null } {
  const leads: UnitRef[] = [];
  const participants: UnitRef[] = [];
  let role: ParticipantRole | null = null;
  for (const [column, kind] of [[c.leads, 'leads'], [c.participants, 'participants'], [c.units, 'units']] as const) {
    if (!column) continue;
    const raw = text(ws, r, column);
    if (!raw) continue;
    const labelled = splitRoleLabels(raw);
    if (labelled) {
      leads.push(...parseUnits(labelled.leads, known));
      participants.push(...parseUnits(labelled.participants, known));
      role ??= labelled.role;
      if (labelled.unlabelled) {
        (kind === 'participants' ? participants : leads).push(...parseUnits(labelled.unlabelled, known));
        problems.push({ level: 'warning', sheet: ws.name, row: r, column: columnName(column), message: `“${labelled.unlabelled}”没有写明是牵头还是配合单位，记为${kind === 'participants' ? '配合' : '牵头'}单位，请核对。` });
      }
      continue;
    }
    const list = parseUnits(raw, known);
    if (kind === 'units') {
      leads.push(...list);
      if (list.length > 1) problems.push({ level: 'warning', sheet: ws.name, row: r, column: columnName(column), message: `责任单位没有写明牵头单位和配合单位，${list.length} 个单位都记为牵头单位，请核对。` });
    } else (kind === 'leads' ? leads : participants).push(...list);
  }
  for (const u of [...leads, ...participants]) {
    if (/^(牵头|配合|参与|责任|协同|协办)(单位|部门)?$/.test(u.name)) problems.push({ level: 'warning', sheet: ws.name, row: r, column: '', message: `“${u.name}”不像单位名称，请核对单元格的写法。` });
  }
  return { leads, participants, role };
}

function readProjects(ws: Worksheet, layout: SheetLayout, ctx: PlanImportContext, out: PreviewRow[], problems: SheetProblem[]): void {
  const f = (name: string) => col(layout, name);
  const c = { number: f('number'), category: f('category'), name: f('name'), content: f('content'), construction: f('construction'), responsible: f('responsible'), investment: f('investment'), period: f('period'), deadline: f('deadline'), area: f('area'), benefit: f('benefit'), id: f('id') };
  let category: string | undefined;
  let found = 0;
  let sectionCount: { count: number; row: number; found: number } | null = null;
  const close = () => {
    if (sectionCount && sectionCount.count !== sectionCount.found) problems.push({ level: 'warning', sheet: ws.name, row: sectionCount.row, column: '', message: `标题写明 ${sectionCount.count} 个项目，实际读到 ${sectionCount.found} 个。` });
  };
  const headers = headerTexts(ws, layout);
  for (let r = layout.headerRow + layout.headerRows; r <= Math.min(ws.rowCount, MAX_SHEET_ROWS); r++) {
    const texts = distinctTexts(ws, r);
    if (!texts.length || onlyMergedFromAbove(ws, r)) continue;
    if (/^(合计|总计|小计|共计)/.test(texts[0].replace(/\s+/g, '')) || (texts.length <= 3 && /^(合计|总计|小计|共计)/.test(text(ws, r, c.name).replace(/\s+/g, '')))) continue;
    if (isRepeatedHeader(ws, r, headers) || isRepeatedTitle(ws, layout, texts)) continue;
    if (texts.some(isNoteRow) && texts.length <= 2 && !text(ws, r, c.name)) continue;
    const heading = sectionText(ws, r, layout, ['name', 'content', 'construction', 'responsible', 'investment']);
    if (heading) {
      if (isNoteRow(heading)) continue;
      close();
      const s = sectionLabel(heading);
      category = s.label;
      sectionCount = s.count !== null ? { count: s.count, row: r, found: 0 } : null;
      continue;
    }
    const name = text(ws, r, c.name);
    const rowProblems: SheetProblem[] = [];
    if (!name) rowProblems.push({ level: 'error', sheet: ws.name, row: r, column: c.name ? columnName(c.name) : '', message: '项目名称为空。' });
    const investment = text(ws, r, c.investment);
    if (investment && !/^[—–\-/无]$/.test(investment) && amountOf(investment) === null) {
      rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: c.investment ? columnName(c.investment) : '', message: `投资“${investment}”不是单纯的金额，按原文保存${/\d/.test(investment) ? '，取其中第一个数作为投资额' : ''}。` });
    }
    found++;
    if (sectionCount) sectionCount.found++;
    const draft: ProjectDraft = {
      kind: 'projects',
      id: text(ws, r, c.id) || null,
      number: text(ws, r, c.number) || String(found),
      ...(category ? { category } : {}),
      name: name || '（无名称）',
      content: text(ws, r, c.content),
      construction: parseUnits(text(ws, r, c.construction)).map((u) => u.name),
      responsible: parseUnits(text(ws, r, c.responsible)).map((u) => u.name),
      investment,
      period: text(ws, r, c.period),
      deadline: text(ws, r, c.deadline),
      area: text(ws, r, c.area),
      benefit: text(ws, r, c.benefit),
      source: sourceOf(ctx, ws.name, r),
    };
    out.push({ kind: 'projects', sheet: ws.name, row: r, lastRow: r, label: `项目 ${draft.number}「${draft.name}」`, status: rowProblems.some((p) => p.level === 'error') ? 'error' : 'new', problems: rowProblems, draft });
  }
  close();
}

const MARKERS: Record<string, IndicatorMarker> = { '★': 'national', '●': 'city', '▲': 'banner', '☆': 'national', '○': 'city', '△': 'banner' };

function readIndicators(ws: Worksheet, layout: SheetLayout, ctx: PlanImportContext, out: PreviewRow[], problems: SheetProblem[]): void {
  const f = (name: string) => col(layout, name);
  const c = { level1: f('level1'), level2: f('level2'), number: f('number'), name: f('name'), unit: f('unit'), baseline: f('baseline'), responsible: f('responsible'), note: f('note'), marker: f('marker'), id: f('id') };
  const targets = layout.columns.filter((x) => x.field === 'target');
  if (!targets.length) problems.push({ level: 'warning', sheet: ws.name, row: layout.headerRow, column: '', message: '没有找到目标值列（如“目标值（2025年）”或“2025年”），指标将没有目标值。' });
  for (const t of targets) {
    if (!t.year) problems.push({ level: 'warning', sheet: ws.name, row: layout.headerRow, column: columnName(t), message: '目标值列没有写明年份，按 2025 年读取。' });
  }
  let level1 = '';
  let level2 = '';
  let found = 0;
  const headers = headerTexts(ws, layout);
  for (let r = layout.headerRow + layout.headerRows; r <= Math.min(ws.rowCount, MAX_SHEET_ROWS); r++) {
    const texts = distinctTexts(ws, r);
    if (!texts.length || onlyMergedFromAbove(ws, r)) continue;
    if (texts.length <= 2 && texts.some(isNoteRow) && !(c.name && text(ws, r, c.name) && !isNoteRow(text(ws, r, c.name)))) continue;
    if (isRepeatedHeader(ws, r, headers) || isRepeatedTitle(ws, layout, texts)) continue;
    let name = text(ws, r, c.name);
    if (!name && texts.length === 1) continue;
    level1 = text(ws, r, c.level1) || level1;
    level2 = text(ws, r, c.level2) || level2;
    const rowProblems: SheetProblem[] = [];
    let marker: IndicatorMarker | null = null;
    const sym = /[★●▲☆○△]\s*$/.exec(name);
    if (sym) {
      marker = MARKERS[sym[0].trim()];
      name = name.slice(0, sym.index).trim();
    }
    const markerCell = text(ws, r, c.marker);
    if (!marker && markerCell) marker = MARKERS[markerCell.trim()[0]] ?? (/国家|必选/.test(markerCell) ? 'national' : /市/.test(markerCell) ? 'city' : /旗|区|县/.test(markerCell) ? 'banner' : null);
    if (!name) rowProblems.push({ level: 'error', sheet: ws.name, row: r, column: c.name ? columnName(c.name) : '', message: '指标名称为空。' });
    if (!level1 || !level2) rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: '', message: '一级或二级指标为空，记为“未分类”。' });
    const baselineText = text(ws, r, c.baseline);
    const by = /[（(](\d{4})\s*年?[）)]\s*$/.exec(baselineText);
    found++;
    const draft: IndicatorDraft = {
      kind: 'indicators',
      id: text(ws, r, c.id) || null,
      number: text(ws, r, c.number) || String(found),
      level1: level1 || '未分类',
      level2: level2 || '未分类',
      name: name || '（无名称）',
      marker,
      unit: text(ws, r, c.unit),
      baseline: { text: by ? baselineText.slice(0, by.index).trim() : baselineText, year: by ? Number(by[1]) : (c.baseline?.year ?? null) },
      targets: targets.map((t) => ({ year: t.year ?? 2025, text: text(ws, r, t) })).filter((t) => t.text && !/^[—–\-/]$/.test(t.text)),
      direction: 'qualitative',
      cumulative: false,
      responsible: parseUnits(text(ws, r, c.responsible)).map((u) => u.name),
      note: text(ws, r, c.note),
      source: sourceOf(ctx, ws.name, r),
    };
    const sense = readDirection(draft.name, draft.targets.map((t) => t.text));
    draft.direction = sense.direction;
    draft.cumulative = readCumulative(draft.name, draft.note, sense.direction, draft.targets.map((t) => t.text));
    if (sense.doubt) rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: c.name ? columnName(c.name) : '', message: sense.doubt });
    if (draft.baseline.text && !/^[—–\-/]$/.test(draft.baseline.text) && draft.baseline.year === null) {
      rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: c.baseline ? columnName(c.baseline) : '', message: '现状值没有年份（表头未写“现状值（2020年）”），按 2020 年读取。' });
    }
    out.push({ kind: 'indicators', sheet: ws.name, row: r, lastRow: r, label: `指标 ${draft.number}「${draft.name}」`, status: rowProblems.some((p) => p.level === 'error') ? 'error' : 'new', problems: rowProblems, draft });
  }
}

function knownNames(meta: WorkbookMeta, ctx: PlanImportContext): string[] {
  const deps = [...(ctx.existing?.departments ?? []), ...meta.departments];
  return deps.flatMap((d) => [d.name, ...d.aliases]);
}

/** Rows already in the ledger (same id, or the same number and title) are skipped. */
function markExisting(rows: PreviewRow[], ctx: PlanImportContext): void {
  const plan = ctx.existing;
  if (!plan) return;
  const ids = new Set([...plan.tasks, ...plan.projects, ...plan.indicators].map((r) => r.id));
  const keys = new Set([
    ...plan.tasks.map((t) => `tasks|${t.number}|${t.title}`),
    ...plan.projects.map((p) => `projects|${p.number}|${p.name}`),
    ...plan.indicators.map((x) => `indicators|${x.number}|${x.name}`),
  ]);
  for (const r of rows) {
    if (r.status === 'error') continue;
    const d = r.draft;
    const key = `${d.kind}|${d.number}|${d.kind === 'tasks' ? d.title : d.name}`;
    if ((d.id && ids.has(d.id)) || keys.has(key)) {
      r.status = 'existing';
      r.problems.push({ level: 'warning', sheet: r.sheet, row: r.row, column: '', message: `台账中已有此${KIND_LABEL[d.kind]}，跳过（不会覆盖台账中的内容）。` });
    }
  }
}

/** The directory a build resolves names against: the office's own, or the workbook's when the office is new. */
function directoryOf(meta: WorkbookMeta, ctx: PlanImportContext): { departments: Department[]; leaders: Leader[] } {
  if (ctx.existing) return { departments: ctx.existing.departments, leaders: ctx.existing.leaders };
  const mine = <T extends { id: string; officeCode: string }>(list: T[]) => list.filter((r) => r.officeCode === ctx.officeCode && idBelongsTo(r.id, ctx.officeCode));
  return { departments: mine(meta.departments), leaders: mine(meta.leaders) };
}

function nameIndex(departments: readonly Department[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of departments) for (const n of [d.name, ...d.aliases]) map.set(normalizeName(n), d.id);
  return map;
}

/** Each unit name of a row with the role it was read as (牵头单位, 配合单位, 建设单位, 责任单位). */
function unitNamesOf(row: PreviewRow): [string, string][] {
  const d = row.draft;
  const as = (names: string[], role: string) => names.map((n): [string, string] => [n, role]);
  if (d.kind === 'tasks') return d.pieces.flatMap((p) => [...as(p.leads.map((u) => u.name), '牵头单位'), ...as(p.participants.map((u) => u.name), `${p.role ?? d.role}单位`)]);
  if (d.kind === 'projects') return [...as(d.construction, '建设单位'), ...as(d.responsible, '责任单位')];
  return as(d.responsible, '责任单位');
}

function unknownNames(rows: PreviewRow[], meta: WorkbookMeta, ctx: PlanImportContext): { departments: UnknownName[]; leaders: UnknownName[] } {
  const dir = directoryOf(meta, ctx);
  const index = nameIndex(dir.departments);
  const leaderNames = new Set(dir.leaders.map((l) => l.name));
  const deps = new Map<string, UnknownName>();
  const leaders = new Map<string, UnknownName>();
  for (const r of rows) {
    if (r.status !== 'new') continue;
    const where = `${r.sheet} 第 ${r.row} 行`;
    for (const [n, role] of unitNamesOf(r)) {
      if (index.has(normalizeName(n))) continue;
      const u = deps.get(n) ?? { name: n, where: [], suggestion: suggest(n, dir.departments), similar: similarNames(n, dir.departments) };
      if (!u.where.includes(where)) u.where.push(where);
      deps.set(n, u);
      // Never a silent near match: a name like a directory unit's is asked about at its row.
      if (!u.suggestion && u.similar.length && !r.problems.some((p) => p.message.includes(`“${n}”`))) {
        r.problems.push({ level: 'warning', sheet: r.sheet, row: r.row, column: '', message: `${role}“${n}”不在单位名录中，名录中有相近的“${u.similar.join('”“')}”；导入时将新增“${n}”，如是同一单位请在“名录中没有的单位”中选择对应。` });
      }
    }
    if (r.draft.kind === 'tasks') {
      for (const n of r.draft.pieces.flatMap((p) => p.leaders)) {
        if (leaderNames.has(n)) continue;
        const u = leaders.get(n) ?? { name: n, where: [], suggestion: null, similar: [] };
        if (!u.where.includes(where)) u.where.push(where);
        leaders.set(n, u);
      }
    }
  }
  return { departments: [...deps.values()], leaders: [...leaders.values()] };
}

const core = (s: string) => normalizeName(s).replace(/^(市|旗|区|县)/, '').replace(/(人民政府)$/, '');

/** The directory unit meant: the same name but for the office prefix (市/旗) or 人民政府. */
function suggest(name: string, departments: readonly Department[]): string | null {
  const n = core(name);
  return departments.find((d) => [d.name, ...d.aliases].some((a) => core(a) === n))?.id ?? null;
}

/** Directory units whose names contain this one or are contained in it: maybe the same unit, maybe not. */
function similarNames(name: string, departments: readonly Department[]): string[] {
  const n = core(name);
  if (n.length < 3) return [];
  return departments.filter((d) => [d.name, ...d.aliases].some((a) => core(a).length >= 3 && (core(a).includes(n) || n.includes(core(a))))).map((d) => d.name).slice(0, 3);
}

export function departmentKindOf(name: string): DepartmentKind {
  if (/^各/.test(name)) return /人民政府$/.test(name) && /旗|县|区/.test(name) ? 'all-subordinate-offices' : 'collective';
  if (/公司|集团|企业|煤矿|电厂|厂$/.test(name)) return 'enterprise';
  if (/管委会|园区|开发区|新区/.test(name)) return 'park';
  if (/(镇|街道|街道办事处|苏木|乡)(人民政府)?$/.test(name)) return 'township';
  if (/(旗|县|区)人民政府$/.test(name)) return 'subordinate-office';
  return 'department';
}

export interface BuildChoices {
  /** Unknown unit name → an existing department id, or 'new' to add it to the directory (the default). */
  mapping?: Record<string, string>;
  /** Import the rows without errors even though some rows have errors. */
  validOnly?: boolean;
}

export interface BuiltImport {
  departments: Department[];
  leaders: Leader[];
  tasks: Task[];
  projects: Project[];
  indicators: Indicator[];
  /** Rows that could not be built (schema errors after resolving), with why. */
  failed: SheetProblem[];
}

const pad = (n: number) => String(n).padStart(3, '0');

/**
 * Turns a preview into records: names become department and leader ids (new units are added to
 * the directory unless mapped), ids are the workbook's own where they belong to the office and are
 * free, otherwise new (deterministic for a new office, so importing the same file twice gives the
 * same records).
 */
export function buildPlanImport(preview: PlanImportPreview, ctx: PlanImportContext, choices: BuildChoices = {}): BuiltImport {
  const errors = preview.rows.filter((r) => r.status === 'error');
  if (errors.length && !choices.validOnly) {
    throw new XlsxError('corrupt', `有 ${errors.length} 行无法导入（${errors.slice(0, 3).map((r) => `${r.sheet} 第 ${r.row} 行`).join('、')}${errors.length > 3 ? ' 等' : ''}）；请修改文件，或选择“只导入无误的行”。`);
  }
  const code = ctx.officeCode;
  const fresh = !ctx.existing;
  const dir = directoryOf(preview.meta, ctx);
  const departments: Department[] = fresh ? [...dir.departments] : [];
  const leaders: Leader[] = fresh ? [...dir.leaders] : [];
  const index = nameIndex(dir.departments);
  const leaderIndex = new Map(dir.leaders.map((l) => [l.name, l.id]));
  const taken = new Set<string>([...(ctx.existing ? [...ctx.existing.departments, ...ctx.existing.leaders, ...ctx.existing.tasks, ...ctx.existing.projects, ...ctx.existing.indicators].map((r) => r.id) : []), ...departments.map((d) => d.id), ...leaders.map((l) => l.id)]);
  const counters: Record<string, number> = {};
  const makeId = (kind: string, wanted: string | null | undefined): string => {
    if (wanted && idBelongsTo(wanted, code) && !taken.has(wanted)) {
      taken.add(wanted);
      return wanted;
    }
    if (!fresh) return newRecordId(code, kind);
    for (;;) {
      counters[kind] = (counters[kind] ?? 0) + 1;
      const id = `${code}-${kind}-${pad(counters[kind])}`;
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };
  const deptId = (name: string): string => {
    const key = normalizeName(name);
    const known = index.get(key);
    if (known) return known;
    const mapped = choices.mapping?.[name];
    if (mapped && mapped !== 'new') {
      index.set(key, mapped);
      return mapped;
    }
    const d: Department = { id: makeId('dep', null), officeCode: code, name, aliases: [], kind: departmentKindOf(name), source: { file: ctx.fileName, section: '导入时新增的单位' } };
    departments.push(d);
    index.set(key, d.id);
    return d.id;
  };
  const leaderId = (name: string): string => {
    const known = leaderIndex.get(name);
    if (known) return known;
    const l: Leader = { id: makeId('ldr', null), officeCode: code, name, title: '', departmentIds: [], source: { file: ctx.fileName, section: '导入时新增的领导' } };
    leaders.push(l);
    leaderIndex.set(name, l.id);
    return l.id;
  };
  const orderBase = (list: readonly { order: number }[] | undefined) => (list?.length ? Math.max(...list.map((x) => x.order)) + 1 : 0);
  const out: BuiltImport = { departments, leaders, tasks: [], projects: [], indicators: [], failed: [] };
  const rows = preview.rows.filter((r) => r.status === 'new');
  let taskOrder = orderBase(ctx.existing?.tasks);
  let projectOrder = orderBase(ctx.existing?.projects);
  let indicatorOrder = orderBase(ctx.existing?.indicators);
  for (const row of rows) {
    const d = row.draft;
    const fail = (issues: string[]) => out.failed.push({ level: 'error', sheet: row.sheet, row: row.row, column: '', message: `${row.label} 无法保存：${issues.join('；')}` });
    if (d.kind === 'tasks') {
      const record = buildTask(d, code, taskOrder, makeId, deptId, leaderId);
      const parsed = TaskSchema.safeParse(record);
      if (parsed.success) {
        out.tasks.push(parsed.data);
        taskOrder++;
      } else fail(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
    } else if (d.kind === 'projects') {
      const m = preview.meta.projects.get(d.id ?? '');
      const inv = d.investment && !/^[—–\-/无]$/.test(d.investment) ? d.investment : '';
      const wan = inv ? amountOf(inv) : null;
      const first = inv && wan === null ? /\d+(?:\.\d+)?/.exec(halfWidth(inv).replace(/[,，]/g, '')) : null;
      const record: Project = {
        id: makeId('prj', d.id),
        officeCode: code,
        number: d.number,
        order: projectOrder,
        ...(d.category ? { category: d.category } : {}),
        name: d.name,
        content: d.content,
        constructionUnitIds: d.construction.map(deptId),
        responsibleUnitIds: d.responsible.map(deptId),
        plannedInvestment: wan ?? (first ? parseWan(first[0]) : null),
        ...(inv && wan === null ? { investmentText: inv } : {}),
        period: d.period ? parseConstructionPeriod(d.period) : null,
        deadline: d.deadline ? parseDeadline(d.deadline) : null,
        area: d.area || null,
        benefit: d.benefit || null,
        constructionStatus: m?.constructionStatus ?? 'not-started',
        ...(m?.startYear ? { startYear: m.startYear } : {}),
        source: m?.source ?? d.source,
        ...(m?.review ? { review: m.review } : {}),
      };
      const parsed = ProjectSchema.safeParse(record);
      if (parsed.success) {
        out.projects.push(parsed.data);
        projectOrder++;
      } else fail(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
    } else {
      const m = preview.meta.indicators.get(d.id ?? '');
      const direction = m?.direction ?? d.direction;
      const record: Indicator = {
        id: makeId('ind', d.id),
        officeCode: code,
        number: d.number,
        order: indicatorOrder,
        level1: d.level1,
        level2: d.level2,
        name: d.name,
        marker: d.marker,
        unit: d.unit && !/^[—–\-/]$/.test(d.unit) ? d.unit : null,
        direction,
        baseline: d.baseline.text && !/^[—–\-/]$/.test(d.baseline.text) ? { year: d.baseline.year ?? 2020, value: quantityOf(d.baseline.text) } : null,
        targets: d.targets.map((t): YearTarget => m?.targets?.find((k) => k.year === t.year && k.target.text === t.text) ?? { year: t.year, target: targetIn(t.text, direction) }).sort((a, b) => a.year - b.year),
        cumulative: m?.cumulative ?? d.cumulative,
        responsibleDepartmentIds: d.responsible.map(deptId),
        ...(d.note ? { note: d.note } : {}),
        source: m?.source ?? d.source,
        ...(m?.review ? { review: m.review } : {}),
      };
      const parsed = IndicatorSchema.safeParse(record);
      if (parsed.success) {
        out.indicators.push(parsed.data);
        indicatorOrder++;
      } else fail(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
    }
  }
  if (!fresh) {
    // Only what the import adds to an existing office's directory.
    const before = new Set([...(ctx.existing?.departments ?? []), ...(ctx.existing?.leaders ?? [])].map((r) => r.id));
    out.departments = departments.filter((d) => !before.has(d.id));
    out.leaders = leaders.filter((l) => !before.has(l.id));
  }
  return out;
}

function quantityOf(text: string): IndicatorQuantity {
  const t = text.trim();
  const m = /^(-?\d+(?:\.\d+)?)$/.exec(t.replace(/[,，]/g, ''));
  if (!m) return { kind: 'text', text: t };
  const value = Number(m[1]);
  return String(value) === t ? { kind: 'number', value } : { kind: 'number', value, text: t };
}

/** Whether bigger is better, from an indicator's name and its targets (see indicator-sense.ts). */
export function inferDirection(targets: readonly string[], name = ''): IndicatorDirection {
  return readDirection(name, targets).direction;
}

type IdMaker = (kind: string, wanted: string | null | undefined) => string;

function buildTask(d: TaskDraft, code: string, order: number, makeId: IdMaker, deptId: (n: string) => string, leaderId: (n: string) => string): Task {
  const leadsOf = (units: UnitRef[]) => units.map((u) => ({ departmentId: deptId(u.name), ...(u.duty ? { duty: u.duty } : {}) }));
  const partsOf = (units: UnitRef[], role: ParticipantRole = d.role) => units.map((u) => ({ departmentId: deptId(u.name), role, ...(u.duty ? { duty: u.duty } : {}) }));
  const m = d.meta;
  const base = {
    id: makeId('task', d.id),
    officeCode: code,
    domain: d.domain,
    domainLabel: d.domainLabel,
    number: d.number,
    order,
    title: d.title,
    completion: m?.completion ?? null,
    source: m?.source ?? d.source,
    ...(m?.review ? { review: m.review } : {}),
  };
  if (d.pieces.length === 1) {
    const p = d.pieces[0];
    return {
      ...base,
      summary: p.text,
      leads: leadsOf(p.leads),
      participants: partsOf(p.participants, p.role),
      leaderIds: unique(p.leaders).map(leaderId),
      deadline: parseDeadline(p.deadline),
      milestones: d.milestonesFromTime ? milestonesOf(p.deadline) : [],
    };
  }
  // 分项: the task's own lists are the union of its parts'.
  const parts = d.pieces.map((p) => ({ text: p.text || '（无内容）', leads: leadsOf(p.leads), participants: partsOf(p.participants, p.role), leaderIds: unique(p.leaders).map(leaderId), deadline: parseDeadline(p.deadline) }));
  const leadIds = unique(parts.flatMap((p) => p.leads.map((l) => l.departmentId)));
  const deadlineText = unique(d.pieces.map((p) => p.deadline).filter(Boolean)).join('\n');
  return {
    ...base,
    summary: d.pieces.map((p) => p.text).join('\n'),
    leads: leadIds.map((departmentId) => ({ departmentId })),
    participants: unique(parts.flatMap((p) => p.participants.map((x) => x.departmentId)))
      .filter((id) => !leadIds.includes(id))
      .map((departmentId) => ({ departmentId, role: d.pieces.find((p) => p.role)?.role ?? d.role })),
    leaderIds: unique(parts.flatMap((p) => p.leaderIds)),
    deadline: parseDeadline(deadlineText),
    milestones: d.milestonesFromTime ? milestonesOf(deadlineText) : [],
    parts,
  };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Records for setting up a new office from the workbook. */
export function planRecordsOf(built: BuiltImport, office: Office): PlanRecords {
  return { office, departments: built.departments, leaders: built.leaders, tasks: built.tasks, projects: built.projects, indicators: built.indicators };
}

/** The change that adds an import to an existing office, in one transaction (undoable). */
export function planImportChange(built: BuiltImport, fileName: string): Change {
  const creates: PlanCreate[] = [
    ...built.departments.map((record) => ({ table: 'departments' as const, record })),
    ...built.leaders.map((record) => ({ table: 'leaders' as const, record })),
    ...built.tasks.map((record) => ({ table: 'tasks' as const, record })),
    ...built.projects.map((record) => ({ table: 'projects' as const, record })),
    ...built.indicators.map((record) => ({ table: 'indicators' as const, record })),
  ];
  const n = (k: string, list: unknown[]) => (list.length ? `${list.length} ${k}` : '');
  const what = [n('项任务', built.tasks), n('个项目', built.projects), n('项指标', built.indicators), n('个单位', built.departments)].filter(Boolean).join('、');
  return { label: `从 Excel 导入 ${fileName}（${what || '无新增'}）`, creates };
}
