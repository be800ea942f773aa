/** Reading a 项目清单 and a 指标体系 sheet into preview rows. */
import type { IndicatorMarker } from '../domain/indicator';
import type { SheetProblem } from './errors';
import { parseUnits } from './units';
import type { Worksheet } from './workbook';
import { readCumulative, readDirection } from './indicator-sense';
import { columnName, distinctTexts, headerTexts, onlyMergedFromAbove, isRepeatedHeader, MAX_SHEET_ROWS, type SheetLayout } from './read-sheet';
import type { IndicatorDraft, PlanImportContext, PreviewRow, ProjectDraft } from './plan-import-types';
import { amountOf, col, isNoteRow, isRepeatedTitle, sectionLabel, sectionText, sourceOf, text } from './plan-import-rows';

export function readProjects(ws: Worksheet, layout: SheetLayout, ctx: PlanImportContext, out: PreviewRow[], problems: SheetProblem[]): void {
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

const MARKERS: Record<string, IndicatorMarker> = { '★': 'national', '●': 'city', '▲': 'county', '☆': 'national', '○': 'city', '△': 'county' };

export function readIndicators(ws: Worksheet, layout: SheetLayout, ctx: PlanImportContext, out: PreviewRow[], problems: SheetProblem[]): void {
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
    if (!marker && markerCell) marker = MARKERS[markerCell.trim()[0]] ?? (/国家|必选/.test(markerCell) ? 'national' : /市/.test(markerCell) ? 'city' : /旗|区|县/.test(markerCell) ? 'county' : null);
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
