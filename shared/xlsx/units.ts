/**
 * Unit cells as plans write them: "旗生态环境局、旗住建局", one unit a line, or with a duty
 * ("市生态环境局、市“无废办”负责牵头推进；市委组织部：将…列入考核内容").
 */

export interface UnitRef {
  name: string;
  duty?: string;
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
    const hit = names.find((n) => segment.startsWith(n, pos));
    if (!hit) break;
    units.push(hit);
    pos += hit.length;
    const sep = /^[、，,和及\s]+/.exec(segment.slice(pos));
    if (!sep || !names.some((n) => segment.startsWith(n, pos + sep[0].length))) break;
    pos += sep[0].length;
  }
  if (!units.length) return null;
  const rest = segment.slice(pos).replace(/^[，,\s]+/, '').replace(/[。；]+$/, '').trim();
  // Something after the units that is itself a list of names: not a duty, so no match.
  if (rest && /^[、]/.test(rest)) return null;
  return { units, duty: rest };
}

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
