/**
 * Columns whose header the import did not recognise, and the clerk's choice of what such a column
 * (or any column) holds. The preview lists the unrecognised ones; a choice re-reads the sheet.
 */
import { displayText } from './cell-display';
import { columnLetter, type Worksheet } from './workbook';
import { MAX_SHEET_COLUMNS, normalizeHeader, type HeaderColumn, type SheetLayout, type TableKind } from './read-sheet';

/** Sheet name → column number → field ('' = not imported). */
export type ColumnChoices = Record<string, Record<number, string>>;

export const FIELD_LABELS: Record<TableKind, Record<string, string>> = {
  tasks: { number: '序号', title: '任务名称', summary: '主要内容', leads: '牵头单位', participants: '配合（参与）单位', units: '责任单位（牵头、配合写在一格）', leaders: '责任领导', deadline: '完成时限', domain: '领域' },
  projects: { number: '序号', category: '类别', name: '项目名称', content: '建设内容', construction: '建设单位', responsible: '责任单位', investment: '投资（万元）', period: '建设周期', deadline: '完成时限', area: '实施区域', benefit: '效益分析' },
  indicators: { level1: '一级指标', level2: '二级指标', number: '序号', name: '三级指标（指标名称）', unit: '计量单位', baseline: '现状值', target: '目标值', responsible: '责任单位', note: '备注', marker: '指标属性（★●▲）' },
};

const MULTI = new Set(['target', 'participants']);

export interface UnrecognisedColumn {
  col: number;
  letter: string;
  header: string;
  /** The clerk's choice, when made. */
  chosen?: string;
}

/** Applies the clerk's choices for one sheet to its detected layout. */
export function applyColumnChoices(layout: SheetLayout, choices: Record<number, string> | undefined): SheetLayout {
  if (!choices) return layout;
  let columns = [...layout.columns];
  for (const [key, field] of Object.entries(choices)) {
    const col = Number(key);
    const was = columns.find((c) => c.col === col);
    columns = columns.filter((c) => c.col !== col);
    if (!field || !FIELD_LABELS[layout.kind][field]) continue;
    if (!MULTI.has(field)) columns = columns.filter((c) => c.field !== field);
    const header = was?.header ?? FIELD_LABELS[layout.kind][field];
    const y = /(\d{4})/.exec(header);
    const column: HeaderColumn = { field, col, header, ...(y ? { year: Number(y[1]) } : {}) };
    columns.push(column);
  }
  return { ...layout, columns: columns.sort((a, b) => a.col - b.col) };
}

/** Header cells with text that no field was recognised for (and the clerk's choice for them). */
export function unrecognisedColumns(ws: Worksheet, layout: SheetLayout, choices: Record<number, string> | undefined): UnrecognisedColumn[] {
  const out: UnrecognisedColumn[] = [];
  const used = new Set(layout.columns.map((c) => c.col));
  for (let c = 1; c <= Math.min(ws.columnCount, MAX_SHEET_COLUMNS); c++) {
    if (ws.getColumn(c).hidden) continue;
    const chosen = choices?.[c];
    if (used.has(c) && chosen === undefined) continue;
    const cell = ws.getCell(layout.headerRow + layout.headerRows - 1, c);
    const top = ws.getCell(layout.headerRow, c);
    const header = normalizeHeader(displayText(cell) || displayText(top));
    if (!header && chosen === undefined) continue;
    if (cell.isMerged && Number(cell.master.col) !== c && chosen === undefined) continue;
    out.push({ col: c, letter: columnLetter(c), header: header || '（空）', ...(chosen !== undefined ? { chosen } : {}) });
  }
  return out;
}

/** A sheet as the preview lists it, with its unrecognised columns and the fields its kind has. */
interface SheetColumns {
  name: string;
  kind: TableKind;
  unrecognised: readonly UnrecognisedColumn[];
}

/**
 * The clerk's column choices written as text, as `zwc xlsx import-plan --column` takes them:
 * `E=title`, `E=主要内容`, `任务清单!E=summary`, `E=不导入`; several separated by commas. Only a
 * column the preview lists as unrecognised can be given a meaning (as in the app); the sheet may be
 * left out when only one sheet has that column unrecognised. Errors are Chinese sentences naming
 * the column and what is allowed.
 */
export function parseColumnChoices(specs: readonly string[], sheets: readonly SheetColumns[], base: ColumnChoices = {}): { choices: ColumnChoices; errors: string[] } {
  const choices: ColumnChoices = Object.fromEntries(Object.entries(base).map(([s, c]) => [s, { ...c }]));
  const errors: string[] = [];
  for (const spec of specs.flatMap((s) => s.split(/[,，]/)).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(?:(.+?)[!！])?([A-Za-z]{1,3})\s*[=＝]\s*(.*)$/.exec(spec);
    if (!m) {
      errors.push(`“${spec}”的写法不对：应为“列字母=内容”，如 E=title 或 任务清单!E=主要内容。`);
      continue;
    }
    const [, sheetName, letterRaw, wanted] = m;
    const letter = letterRaw.toUpperCase();
    const candidates = sheets.filter((s) => (sheetName ? s.name === sheetName.trim() : true) && s.unrecognised.some((u) => u.letter === letter));
    if (sheetName && !sheets.some((s) => s.name === sheetName.trim())) {
      errors.push(`“${spec}”：没有名为“${sheetName.trim()}”的表（读到的表：${sheets.map((s) => `「${s.name}」`).join('、')}）。`);
      continue;
    }
    if (!candidates.length) {
      const listed = sheets.flatMap((s) => s.unrecognised.map((u) => `「${s.name}」${u.letter} 列（${u.header}）`));
      errors.push(`“${spec}”：${sheetName ? `「${sheetName.trim()}」的 ` : ''}${letter} 列不是未识别的列，不能指定其内容（未识别的列：${listed.join('、') || '无'}）。`);
      continue;
    }
    if (candidates.length > 1) {
      errors.push(`“${spec}”：${candidates.map((s) => `「${s.name}」`).join('、')}都有未识别的 ${letter} 列，请写明表名，如 ${candidates[0].name}!${letter}=…。`);
      continue;
    }
    const sheet = candidates[0];
    const fields = FIELD_LABELS[sheet.kind];
    const w = wanted.trim();
    const field = /^(|不导入|none|skip)$/i.test(w) ? '' : fields[w] ? w : Object.entries(fields).find(([, label]) => label === w || label.split(/[（(]/)[0] === w)?.[0];
    if (field === undefined) {
      errors.push(`“${spec}”：「${sheet.name}」中没有“${w}”这种内容；可选：${Object.entries(fields).map(([k, l]) => `${k}（${l}）`).join('、')}、不导入。`);
      continue;
    }
    const col = sheet.unrecognised.find((u) => u.letter === letter)?.col as number;
    choices[sheet.name] = { ...choices[sheet.name], [col]: field };
  }
  return { choices, errors };
}
