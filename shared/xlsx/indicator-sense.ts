/**
 * What an indicator row means beyond its words: whether bigger is better (from its name and its
 * targets), whether its yearly values are totals to date, and its targets read in that direction.
 */
import type { IndicatorDirection, IndicatorTarget, YearTarget } from '../domain/indicator';
import { parseTarget } from '../domain/parse-target';

/** A fall or cut measured as an amount: the bigger the fall, the better (下降幅度 with 逐年下降). */
const FALL_AS_GOAL = /(下降|降低|减少|削减|减排)(幅度|率|比例|比率|百分比)|削减率|减量率|减排量/;
/** Quantities the plans want smaller. */
const LOWER_NAME = /强度|产生量|清运量|填埋量|填埋处置量|排放量|使用量|施用量|减量控害|事故|发生率|违法|超标/;

export interface DirectionReading {
  direction: IndicatorDirection;
  /** Set when the name and the targets point different ways: the clerk should check. */
  doubt: string | null;
}

function fromTargets(targets: readonly string[]): IndicatorDirection | null {
  for (const t of targets) {
    const p = parseTarget(t, 'qualitative');
    if (p.kind === 'comparator' && !p.implied && p.op !== '=') return p.op === '<' || p.op === '≤' ? 'lower' : 'higher';
  }
  for (const t of targets) {
    const p = parseTarget(t, 'qualitative');
    if (p.kind === 'trend') return p.trend === 'decrease' ? 'lower' : 'higher';
  }
  return null;
}

export function readDirection(name: string, targets: readonly string[]): DirectionReading {
  const numeric = targets.some((t) => /^\s*[<>≤≥=＜＞]?\s*\d/.test(t));
  const byTargets = fromTargets(targets);
  if (FALL_AS_GOAL.test(name)) {
    return { direction: 'higher', doubt: null };
  }
  if (LOWER_NAME.test(name)) {
    const doubt = byTargets === 'higher' ? `指标名称“${name}”通常越低越好，但目标值写的是提高，按“越低越好”读取，请核对。` : null;
    return { direction: 'lower', doubt };
  }
  if (byTargets) return { direction: byTargets, doubt: null };
  return { direction: numeric ? 'higher' : 'qualitative', doubt: null };
}

/** Counts and totals whose yearly figures are totals to date (绿色工厂数量, 项目投资总额). */
export function readCumulative(name: string, note: string, direction: IndicatorDirection, targets: readonly string[]): boolean {
  if (/累计/.test(`${name}${note}`)) return true;
  if (direction !== 'higher' || !targets.some((t) => /\d/.test(t)) || /比例|占比|比率|率$|%/.test(name)) return false;
  return /数量|投资总额|成果转化|规划制定/.test(name);
}

/** A target read in the indicator's direction; a trend against the direction (逐年下降 of a 下降幅度) stays words. */
export function targetIn(text: string, direction: IndicatorDirection): IndicatorTarget {
  const t = parseTarget(text, direction);
  if (t.kind === 'trend' && ((t.trend === 'decrease' && direction === 'higher') || (t.trend === 'increase' && direction === 'lower'))) return { kind: 'text', text: t.text };
  return t;
}

export function yearTarget(year: number, text: string, direction: IndicatorDirection): YearTarget {
  return { year, target: targetIn(text, direction) };
}
