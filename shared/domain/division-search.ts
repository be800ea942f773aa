import { pinyin } from 'pinyin-pro';
import { allDivisions, type Division } from './divisions';

let initials: Map<string, string> | null = null;

/** 伊金霍洛旗 → yjhlq: what a clerk types to find an office by pinyin initials. */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

function initialsOf(d: Division): string {
  initials ??= new Map(allDivisions().map((x) => [x.code, pinyinInitials(x.name)]));
  return initials.get(d.code) ?? '';
}

/**
 * Divisions matching what was typed: a name (or part of it, also of the province and city), its
 * pinyin initials, or a code prefix. Exact and leading matches first; at most `limit`.
 */
export function searchDivisions(query: string, limit = 50): Division[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { d: Division; score: number }[] = [];
  for (const d of allDivisions()) {
    let score = -1;
    if (/^\d+$/.test(q)) score = d.code === q ? 0 : d.code.startsWith(q) ? 1 : -1;
    else if (/^[a-z]+$/.test(q)) {
      const ini = initialsOf(d);
      score = ini === q ? 0 : ini.startsWith(q) ? 1 : ini.includes(q) ? 3 : -1;
    } else score = d.name === q ? 0 : d.name.startsWith(q) ? 1 : d.name.includes(q) ? 2 : d.fullName.includes(q) ? 4 : -1;
    if (score >= 0) scored.push({ d, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.d.level === b.d.level ? a.d.code.localeCompare(b.d.code) : a.d.level === 'city' ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.d);
}
