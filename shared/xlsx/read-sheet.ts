import { columnLetter, type Worksheet } from './workbook';
import { displayText as cellText } from './cell-display';
import { META_SHEET } from './meta';

/** How far down a sheet the header row is looked for, and how many rows a sheet may have. */
export const HEADER_SCAN_ROWS = 15;
export const MAX_SHEET_ROWS = 20_000;
export const MAX_SHEET_COLUMNS = 60;

export type TableKind = 'tasks' | 'projects' | 'indicators';

type Patterns = Record<string, RegExp>;

export const HEADER_PATTERNS: Record<TableKind, Patterns> = {
  tasks: {
    number: /^(序号|编号|任务编号)$/,
    title: /^(任务名称|重点任务|工作任务|主要任务|任务|任务事项|具体任务|重点工作|任务清单|任务项目|工作事项|重点任务名称|工作任务名称|任务名称及内容|重点任务及内容)$/,
    summary: /^(主要内容|任务内容|具体内容|工作内容|工作措施|具体措施|主要措施|任务措施|具体工作|工作举措|内容简介|任务简介|简要内容|主要工作|主要工作内容|工作要求|任务要求|具体要求|任务描述|重点工作内容|主要任务内容|建设内容|实施内容)$/,
    leads: /^(牵头单位|牵头部门|牵头责任单位|主责单位|主责部门)(及任务分工|及分工)?$/,
    participants: /^(参与|责任|配合|协同|协办)(单位|部门)(及任务分工|及分工)?$/,
    leaders: /^(责任领导|牵头领导|分管领导|包联领导)$/,
    deadline: /^(完成时限|完成时间|时间安排|时间节点|完成期限|时限要求|完成时限要求|截止时间|进度安排)$/,
    domain: /^(领域|所属领域|类别|任务类别|任务领域)$/,
    id: /^记录编号/,
  },
  projects: {
    number: /^(序号|编号|项目编号)$/,
    category: /^(类别|领域|项目类别|所属领域)$/,
    name: /^(项目名称|项目|重点项目|项目名称及编号)$/,
    content: /^(建设内容|项目内容|主要建设内容|建设规模及内容|建设规模和内容|建设内容及规模)$/,
    construction: /^(建设单位|实施单位|项目单位|业主单位|实施主体)$/,
    responsible: /^(责任单位|牵头单位|主管部门|责任部门)$/,
    investment: /^(计划|预计|估算)?(总)?投资(额|估算|金额|规模)?(（万元）)?$/,
    period: /^(建设周期|建设年限|建设期限|起止年限|建设起止年限)$/,
    deadline: /^(完成时限|完成时间)$/,
    area: /^(实施区域|建设地点|实施地点|项目地点|所在地)$/,
    benefit: /^(效益分析|预期效益|效益)$/,
    id: /^记录编号/,
  },
  indicators: {
    level1: /^一级指标$/,
    level2: /^二级指标$/,
    number: /^(序号|编号)$/,
    name: /^(三级指标|指标名称|指标)$/,
    unit: /^(单位|计量单位)$/,
    baseline: /^(现状值|基准值|基期值)(（\d{4}年?）)?$|^\d{4}年?(现状值|基准值)$/,
    target: /^目标值?(（\d{4}年?）)?$|^\d{4}年?目标值?$/,
    year: /^\d{4}年?$/,
    responsible: /^(责任单位|责任部门|牵头单位|牵头部门|牵头部门及责任单位)$/,
    note: /^(备注|说明)$/,
    marker: /^(指标属性|指标类型|类型|标注)$/,
    id: /^记录编号/,
  },
};

const REQUIRED: Record<TableKind, string> = { tasks: 'title', projects: 'name', indicators: 'name' };

/** Header text compared without spaces, line breaks or half-width brackets. */
export function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

export interface HeaderColumn {
  field: string;
  col: number;
  header: string;
  /** A year the header names (目标值（2025年）, 2020年). */
  year?: number;
}

export interface SheetLayout {
  sheet: string;
  kind: TableKind;
  headerRow: number;
  /** Rows of the header (2 when years sit under a merged 目标值). */
  headerRows: number;
  columns: HeaderColumn[];
}

function matchRow(ws: Worksheet, row: number, kind: TableKind): HeaderColumn[] {
  const out: HeaderColumn[] = [];
  const used = new Set<string>();
  const last = Math.min(ws.columnCount, MAX_SHEET_COLUMNS);
  for (let c = 1; c <= last; c++) {
    const cell = ws.getCell(row, c);
    // A header merged across columns counts once, at its first column.
    if (cell.isMerged && cell.master.address !== cell.address && Number(cell.master.row) === row) continue;
    const header = normalizeHeader(cellText(cell));
    if (!header) continue;
    for (const [field, re] of Object.entries(HEADER_PATTERNS[kind])) {
      if (!re.test(header)) continue;
      const multi = field === 'target' || field === 'year' || field === 'participants';
      if (used.has(field) && !multi) continue;
      used.add(field);
      const y = /(\d{4})/.exec(header);
      out.push({ field, col: c, header: cellText(cell).replace(/\s+/g, ''), ...(y ? { year: Number(y[1]) } : {}) });
      break;
    }
  }
  return out;
}

/** Finds the header row and what each column holds; null when the sheet is none of the three tables. */
export function detectLayout(ws: Worksheet): SheetLayout | null {
  if (ws.name === META_SHEET || ws.state === 'veryHidden') return null;
  let best: SheetLayout | null = null;
  let bestScore = 1;
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, ws.rowCount); r++) {
    for (const kind of ['tasks', 'projects', 'indicators'] as const) {
      const columns = matchRow(ws, r, kind);
      if (!columns.some((c) => c.field === REQUIRED[kind])) continue;
      if (kind === 'indicators' && !columns.some((c) => ['target', 'year', 'level1', 'baseline'].includes(c.field))) continue;
      const score = new Set(columns.map((c) => c.field)).size;
      if (score > bestScore) {
        bestScore = score;
        best = { sheet: ws.name, kind, headerRow: r, headerRows: 1, columns };
      }
    }
  }
  if (best?.kind === 'indicators') addYearSubHeader(ws, best);
  else if (best) addSubHeader(ws, best);
  if (best?.kind === 'tasks') joinedUnitColumn(best);
  return best;
}

/** "责任单位" merged over "牵头单位 | 配合单位" in the row below: the lower row names those columns. */
function addSubHeader(ws: Worksheet, layout: SheetLayout): void {
  const below = layout.headerRow + 1;
  if (below > ws.rowCount) return;
  const found = matchRow(ws, below, layout.kind).filter((c) => {
    const top = ws.getCell(layout.headerRow, c.col);
    return top.isMerged && Number(top.master.row) === layout.headerRow && (Number(top.master.col) !== c.col || ws.getCell(layout.headerRow, c.col + 1).isMerged);
  });
  if (found.length < 1) return;
  const cols = new Set(found.map((c) => c.col));
  layout.columns = [...layout.columns.filter((c) => !cols.has(c.col) && !found.some((f) => f.field === c.field && f.field !== 'participants')), ...found].sort((a, b) => a.col - b.col);
  layout.headerRows = 2;
}

/** A task list with 责任单位 but no 牵头单位 column: that column holds 牵头单位：…；配合单位：… in one cell. */
function joinedUnitColumn(layout: SheetLayout): void {
  if (layout.columns.some((c) => c.field === 'leads')) return;
  const joined = layout.columns.find((c) => c.field === 'participants' && /^责任/.test(c.header));
  if (joined) joined.field = 'units';
}

/** Each column's header texts (both rows of a two-row header), to know a header repeated lower down. */
export function headerTexts(ws: Worksheet, layout: SheetLayout): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (let r = layout.headerRow; r < layout.headerRow + layout.headerRows; r++) {
    for (let c = 1; c <= Math.min(ws.columnCount, MAX_SHEET_COLUMNS); c++) {
      const t = normalizeHeader(cellText(ws.getCell(r, c)));
      if (!t) continue;
      const set = out.get(c) ?? new Set<string>();
      set.add(t);
      out.set(c, set);
    }
  }
  return out;
}

/** A page header repeated inside the table (at each printed page break of the source). */
export function isRepeatedHeader(ws: Worksheet, row: number, headers: Map<number, Set<string>>): boolean {
  let filled = 0;
  let same = 0;
  for (let c = 1; c <= Math.min(ws.columnCount, MAX_SHEET_COLUMNS); c++) {
    const t = normalizeHeader(cellText(ws.getCell(row, c)));
    if (!t) continue;
    filled++;
    if (headers.get(c)?.has(t)) same++;
  }
  return same >= 2 && same * 2 >= filled;
}

/** "目标值" merged over "2023年 2024年 2025年" in the row below: one target column per year. */
function addYearSubHeader(ws: Worksheet, layout: SheetLayout): void {
  const below = layout.headerRow + 1;
  const years: HeaderColumn[] = [];
  for (let c = 1; c <= Math.min(ws.columnCount, MAX_SHEET_COLUMNS); c++) {
    const t = normalizeHeader(cellText(ws.getCell(below, c)));
    const m = /^(\d{4})年?(目标值?|现状值)?$/.exec(t);
    if (!m) continue;
    const above = normalizeHeader(cellText(ws.getCell(layout.headerRow, c)));
    const field = /现状|基准/.test(above) || m[2] === '现状值' ? 'baseline' : 'target';
    years.push({ field, col: c, header: `${above}${t}`, year: Number(m[1]) });
  }
  if (!years.length) return;
  layout.headerRows = 2;
  layout.columns = [...layout.columns.filter((c) => !years.some((y) => y.col === c.col) && !(c.field === 'target' && !c.year)), ...years];
}

/** Bare year columns: the earliest is the baseline when no column says 现状值, the rest are targets. */
export function resolveYearColumns(columns: HeaderColumn[]): HeaderColumn[] {
  const bare = columns.filter((c) => c.field === 'year');
  if (!bare.length) return columns;
  const hasBaseline = columns.some((c) => c.field === 'baseline');
  const earliest = Math.min(...bare.map((c) => c.year ?? 9999));
  return columns.map((c) => (c.field !== 'year' ? c : { ...c, field: !hasBaseline && bare.length > 1 && c.year === earliest ? 'baseline' : 'target' }));
}

/** "D 牵头单位" for messages. */
export function columnName(c: HeaderColumn): string {
  return `${columnLetter(c.col)}（${c.header}）`;
}

/** True when the cell is covered by a merge that starts in an earlier row. */
export function mergedFromAbove(ws: Worksheet, row: number, col: number): boolean {
  const cell = ws.getCell(row, col);
  return cell.isMerged && cell.master.address !== cell.address && Number(cell.master.row) < row;
}

/** True when every filled cell of the row is only the lower part of a merge from above (a spacer row inside merged cells). */
export function onlyMergedFromAbove(ws: Worksheet, row: number): boolean {
  for (let c = 1; c <= Math.min(ws.columnCount, MAX_SHEET_COLUMNS); c++) {
    if (ws.getColumn(c).hidden || !cellText(ws.getCell(row, c))) continue;
    if (!mergedFromAbove(ws, row, c)) return false;
  }
  return true;
}

/** The distinct texts of a row (a merge counts once), for section and note rows. */
export function distinctTexts(ws: Worksheet, row: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let c = 1; c <= Math.min(ws.columnCount, MAX_SHEET_COLUMNS); c++) {
    const cell = ws.getCell(row, c);
    if (ws.getColumn(c).hidden) continue;
    const key = cell.isMerged ? cell.master.address : cell.address;
    if (seen.has(key)) continue;
    seen.add(key);
    const t = cellText(cell);
    if (t) out.push(t);
  }
  return out;
}
