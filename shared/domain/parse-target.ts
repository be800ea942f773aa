import type { Comparator, IndicatorDirection, IndicatorQuantity, IndicatorTarget } from './indicator';

const SIGNS: [RegExp, Comparator][] = [
  [/^(≥|>=|≧|＞=|不低于|不少于|大于等于|达到|至少)/, '≥'],
  [/^(≤|<=|≦|＜=|不高于|不超过|小于等于|至多)/, '≤'],
  [/^(>|＞|大于|高于)/, '>'],
  [/^(<|＜|小于|低于)/, '<'],
  [/^(=|＝|等于)/, '='],
];

const NUMBER = /^(-?\d+(?:\.\d+)?)\s*(%|％)?\s*(以上|以下)?$/;

/**
 * Reads a target as a table or a clerk writes it. A bare number takes its sign from the
 * indicator's direction (higher → ≥, lower → ≤) and is marked `implied`.
 */
export function parseTarget(text: string, direction: IndicatorDirection): IndicatorTarget {
  const original = text.trim();
  if (/逐年(降低|下降|减少)|负增长/.test(original)) return { kind: 'trend', trend: 'decrease', text: original };
  if (/逐年(提高|上升|增加|增长|提升)/.test(original)) return { kind: 'trend', trend: 'increase', text: original };

  let rest = original.replace(/\s+/g, '');
  let op: Comparator | null = null;
  for (const [re, sign] of SIGNS) {
    const m = re.exec(rest);
    if (m) {
      op = sign;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  const m = NUMBER.exec(rest);
  if (!m) return { kind: 'text', text: original || '—' };
  if (!op && m[3]) op = m[3] === '以上' ? '≥' : '≤';
  const implied = op === null;
  const sign: Comparator = op ?? (direction === 'lower' ? '≤' : direction === 'higher' ? '≥' : '=');
  return { kind: 'comparator', op: sign, value: Number(m[1]), implied, text: original };
}

/** Reads an actual value: a number (with or without %), or words. */
export function parseQuantity(text: string): IndicatorQuantity | null {
  const t = text.trim().replace(/[,，]/g, '');
  if (!t) return null;
  const m = /^(-?\d+(?:\.\d+)?)\s*(%|％)?$/.exec(t);
  return m ? { kind: 'number', value: Number(m[1]) } : { kind: 'text', text: text.trim() };
}
