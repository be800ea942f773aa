/**
 * Recognising what a row of a plan table is and what its cells say: section headings (and their
 * counts), notes and repeated titles, a domain from its heading, milestones and amounts as written.
 */
import type { Milestone, TaskDomain } from '../domain/task';
import type { SourceRef } from '../domain/source';
import { parseChineseWan, parseWan, wanToYuan, yuanToWan, type WanYuan } from '../domain/money';
import type { Worksheet } from './workbook';
import { displayText as cellText, halfWidth } from './cell-display';
import { distinctTexts, type HeaderColumn, type SheetLayout } from './read-sheet';
import type { PlanImportContext } from './plan-import-types';

const DOMAIN_WORDS: [RegExp, TaskDomain][] = [
  [/体制|机制|制度|保障|监管体系|组织/, 'institutional'],
  [/危险|医疗废物|危废/, 'hazardous'],
  [/建筑/, 'construction'],
  [/农业|农牧|畜禽|秸秆|农膜|农村/, 'agricultural'],
  [/工业|矿|尾矿|煤矸石|粉煤灰|冶炼/, 'industrial'],
  [/生活|垃圾分类|塑料|餐厨|城市固体废物/, 'domestic'],
];

/** A heading that is a domain's name (生活领域固体废物, 危险废物领域), not a sentence that mentions one. */
export function namesDomain(label: string): boolean {
  return /^(体制|制度|工业|农业|农牧|农村|生活|城市生活|建筑|危险|医疗|其他)/.test(label) && label.length <= 12;
}

export function inferDomain(label: string): TaskDomain {
  for (const [re, d] of DOMAIN_WORDS) if (re.test(label)) return d;
  return 'other';
}

export function sectionLabel(text: string): { label: string; count: number | null } {
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

export function col(layout: SheetLayout, field: string): HeaderColumn | undefined {
  return layout.columns.find((c) => c.field === field);
}

export function text(ws: Worksheet, row: number, c: HeaderColumn | undefined): string {
  return c ? cellText(ws.getCell(row, c.col)) : '';
}

export function sourceOf(ctx: PlanImportContext, sheet: string, row: number, lastRow = row): SourceRef {
  return { file: ctx.fileName, section: `工作表「${sheet}」第 ${row}${lastRow > row ? `—${lastRow}` : ''} 行` };
}

/** A row that is a heading over the rows below it, e.g. "工业固体废物（37项任务）". */
export function sectionText(ws: Worksheet, row: number, layout: SheetLayout, contentFields: string[]): string | null {
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

export function isNoteRow(t: string): boolean {
  return /^(注|注\d|备注|说明|表注|附注|填表说明|注释)\s*[：:]|^注\s*[\d一二三四五六七八九十]+\s*[.、．]|^(制表|填表|审核|联系人|联系电话|填报单位|制表单位)\s*[：:人]/.test(halfWidth(t).trim());
}

/** A row that only repeats the title block above the header (a page's title in a pasted document). */
export function isRepeatedTitle(ws: Worksheet, layout: SheetLayout, texts: string[]): boolean {
  if (texts.length !== 1) return false;
  for (let r = 1; r < layout.headerRow; r++) if (distinctTexts(ws, r).includes(texts[0])) return true;
  return false;
}

/** 投资 as written: full-width digits, 万元 or 亿元 after the number, thousands separators, Chinese numerals (三千万元). */
export function amountOf(text: string): WanYuan | null {
  const t = halfWidth(text).replace(/[\s,，]/g, '').replace(/^人民币/, '');
  const yi = /^(\d+(?:\.\d+)?)亿元?$/.exec(t);
  if (yi) {
    const wan = parseWan(yi[1]);
    return wan === null ? null : yuanToWan(wanToYuan(wan) * 10000n);
  }
  return parseWan(t.replace(/(万元|万)$/, '')) ?? parseChineseWan(t);
}
