/**
 * Unit cells as plans write them: "旗生态环境局、旗住建局", one unit a line, or with a duty
 * ("市生态环境局、市“无废办”负责牵头推进；市委组织部：将…列入考核内容").
 */

import type { ParticipantRole } from '../domain/task';

export interface UnitRef {
  name: string;
  duty?: string;
}

/** The words before a colon that say which units lead and which take part. */
const ROLE_LABEL = /(?:^|(?<=[；;\n，,。\s]))\s*(牵头单位|牵头部门|牵头责任单位|主责单位|主责部门|牵头|配合单位|配合部门|配合|参与单位|参与部门|参与|责任单位|责任部门|协同单位|协同部门|协办单位|协办)\s*[：:]/g;

export interface LabelledUnits {
  leads: string;
  participants: string;
  /** The role word the cell used for the other units (配合单位 → 配合). */
  role: ParticipantRole | null;
  /** Text before the first label, which says neither. */
  unlabelled: string;
}

/**
 * "牵头单位：旗发改委；配合单位：旗财政局、旗生态环境局" (also with a line break, half-width : ;,
 * 牵头：/配合：, or "旗发改委（牵头）、旗财政局") split into the lead and the other units' text; null
 * when the cell says neither.
 */
export function splitRoleLabels(cell: string): LabelledUnits | null {
  const text = cell.replace(/\r/g, '');
  const labels = [...text.matchAll(ROLE_LABEL)];
  if (!labels.length) {
    if (!/[（(]\s*牵头\s*[）)]/.test(text)) return null;
    const leads: string[] = [];
    const others: string[] = [];
    for (const n of text.split(/[、，,；;\n]+/).map((x) => x.trim()).filter(Boolean)) {
      const m = /^(.*?)[（(]\s*牵头\s*[）)]$/.exec(n);
      if (m) leads.push(m[1].trim());
      else others.push(n.replace(/[（(]\s*(配合|参与)\s*[）)]$/, '').trim());
    }
    return { leads: leads.join('、'), participants: others.join('、'), role: null, unlabelled: '' };
  }
  const out: LabelledUnits = { leads: '', participants: '', role: null, unlabelled: text.slice(0, labels[0].index).replace(/[；;，,。\s]+$/, '').trim() };
  labels.forEach((m, i) => {
    const start = (m.index as number) + m[0].length;
    const end = i + 1 < labels.length ? (labels[i + 1].index as number) : text.length;
    const body = text.slice(start, end).replace(/^[\s；;，,]+|[\s；;，,。]+$/g, '');
    const word = m[1];
    if (/^(牵头|主责)/.test(word)) out.leads = [out.leads, body].filter(Boolean).join('、');
    else {
      out.participants = [out.participants, body].filter(Boolean).join('、');
      out.role ??= /^参与/.test(word) ? '参与' : /^责任/.test(word) ? '责任' : '配合';
    }
  });
  return out;
}

/** Writes units grouped by duty: "A、B：duty；C". Units without a duty are listed plainly. */
export function formatUnits(units: readonly UnitRef[]): string {
  const groups: { names: string[]; duty?: string }[] = [];
  for (const u of units) {
    const last = groups[groups.length - 1];
    if (last && last.duty === u.duty) last.names.push(u.name);
    else groups.push({ names: [u.name], ...(u.duty !== undefined ? { duty: u.duty } : {}) });
  }
  const withDuty = groups.some((g) => g.duty);
  // With duties (which may contain ；) each group takes a line of its own.
  return groups.map((g) => (g.duty ? `${g.names.join('、')}：${g.duty}` : g.names.join('、'))).join(withDuty ? '\n' : '；');
}

const EMPTY = /^[\s—–\-/无]*$/;
const LIST_SEP = /[、，,；;\n\s/]+/;

/**
 * Reads a unit cell. `known` are the directory's names and aliases: with them "A、B负责X"
 * splits into units A and B with duty "负责X" even without a colon. Unknown names are kept as
 * written for the clerk to map.
 */
export function parseUnits(cell: string, known: readonly string[] = []): UnitRef[] {
  const text = cell.replace(/\r/g, '').trim().replace(/[。.]$/, '');
  if (EMPTY.test(text)) return [];
  const names = [...known].sort((a, b) => b.length - a.length);
  const out: UnitRef[] = [];
  // "A、B：duty" lines: a duty may itself contain ；, so only line breaks separate the groups.
  const segments = /[：:]/.test(text) ? text.split(/\n+/) : text.split(/[；;\n]+/);
  for (const raw of segments) {
    const segment = raw.trim();
    if (!segment) continue;
    const colon = /[：:]/.exec(segment);
    if (colon) {
      const duty = segment.slice(colon.index + 1).trim().replace(/[。；]+$/, '');
      for (const name of splitNames(segment.slice(0, colon.index))) out.push(duty ? { name, duty } : { name });
      continue;
    }
    const matched = matchKnown(segment, names);
    if (matched) {
      for (const name of matched.units) out.push(matched.duty ? { name, duty: matched.duty } : { name });
      continue;
    }
    // No directory match: "X、Y负责Z" still splits at 负责; otherwise every piece is a unit.
    const duty = /负责|配合|协助|牵头/.exec(segment);
    if (duty && duty.index > 0) {
      const d = segment.slice(duty.index).replace(/[。；]+$/, '');
      for (const name of splitNames(segment.slice(0, duty.index))) out.push({ name, duty: d });
    } else for (const name of splitNames(segment)) out.push({ name });
  }
  return dedupe(out);
}

function splitNames(text: string): string[] {
  return text
    .split(LIST_SEP)
    .map((s) => s.trim())
    .filter((s) => s && !EMPTY.test(s));
}

/** Units from the directory at the start of a segment, then the rest as the duty. */
function matchKnown(segment: string, names: readonly string[]): { units: string[]; duty: string } | null {
  if (!names.length) return null;
  let pos = 0;
  const units: string[] = [];
  for (;;) {
    // A known name that is only the start of a longer one (蒙苏经济开发区 in 蒙苏经济开发区管委会) is no match.
    const hit = names.find((n) => segment.startsWith(n, pos) && !UNIT_SUFFIX.test(segment.slice(pos + n.length)));
    if (!hit) break;
    units.push(hit);
    pos += hit.length;
    const sep = /^[、，,和及\s]+/.exec(segment.slice(pos));
    const next = pos + (sep?.[0].length ?? 0);
    if (!sep || !names.some((n) => segment.startsWith(n, next) && !UNIT_SUFFIX.test(segment.slice(next + n.length)))) break;
    pos += sep[0].length;
  }
  if (!units.length) return null;
  const rest = segment.slice(pos).replace(/^[，,\s]+/, '').replace(/[。；]+$/, '').trim();
  // Something after the units that is itself a list of names: not a duty, so no match.
  if (rest && /^[、]/.test(rest)) return null;
  return { units, duty: rest };
}

/** What continues a unit's name rather than starting its duty. */
const UNIT_SUFFIX = /^(管委会|管理委员会|委员会|管理局|管理处|管理站|管理中心|办公室|办事处|分局|支队|大队|中队|中心|集团|有限|公司|人民政府|政府|街道|局|委|办|厂|站|所|院|队|处|科|会)/;

function dedupe(units: UnitRef[]): UnitRef[] {
  const seen = new Set<string>();
  return units.filter((u) => {
    const key = `${u.name}\u0000${u.duty ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A name as written, for matching: no spaces, unified quotes and brackets. */
export function normalizeName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/[()]/g, (c) => (c === '(' ? '（' : '）'))
    .replace(/["'“”‘’]/g, '"');
}
