import type { Comparator, Indicator, IndicatorQuantity, IndicatorTarget, YearTarget } from './indicator';
import type { IndicatorValue } from './progress';

export type Attainment = 'met' | 'on-track' | 'behind' | 'no-data' | 'needs-judgement';

export const ATTAINMENT_LABELS: Record<Attainment, string> = {
  met: '已达标',
  'on-track': '进度正常',
  behind: '未达标',
  'no-data': '无数据',
  'needs-judgement': '需人工判定',
};

export interface AttainmentResult {
  attainment: Attainment;
  /** e.g. "目标 ≥90，实际 88.4，未达标". */
  reason: string;
  /** The target the value was judged against (this year's, or the next later one). */
  target?: YearTarget;
  actual?: IndicatorQuantity;
}

/** Number as a clerk writes it: no trailing zeros, no float noise. */
export function formatNumber(n: number): string {
  return String(Number(n.toFixed(4)));
}

export function formatQuantity(q: IndicatorQuantity): string {
  return q.kind === 'number' ? formatNumber(q.value) : q.text;
}

export function formatTarget(t: IndicatorTarget): string {
  return t.kind === 'comparator' ? `${t.op}${formatNumber(t.value)}` : t.text;
}

export function compare(actual: number, op: Comparator, target: number): boolean {
  const eps = 1e-9;
  switch (op) {
    case '<':
      return actual < target - eps;
    case '≤':
      return actual <= target + eps;
    case '>':
      return actual > target + eps;
    case '≥':
      return actual >= target - eps;
    case '=':
      return Math.abs(actual - target) <= eps;
  }
}

/**
 * The value that stands for a year: the yearly figure if one was entered, else the latest month's
 * (a year-to-date figure); among corrections the latest entry wins.
 */
export function valueForYear(values: readonly IndicatorValue[], year: number): IndicatorValue | undefined {
  let best: IndicatorValue | undefined;
  const rank = (v: IndicatorValue) => (v.month === null ? 13 : v.month);
  for (const v of values) {
    if (v.year !== year) continue;
    if (!best || rank(v) > rank(best) || (rank(v) === rank(best) && v.enteredAt > best.enteredAt)) best = v;
  }
  return best;
}

/** The target for a year, or the next later one when the table sets none for that year. */
export function targetFor(indicator: Pick<Indicator, 'targets'>, year: number): { target: YearTarget; exact: boolean } | undefined {
  const exact = indicator.targets.find((t) => t.year === year);
  if (exact) return { target: exact, exact: true };
  const later = indicator.targets.find((t) => t.year > year);
  if (later) return { target: later, exact: false };
  const last = indicator.targets[indicator.targets.length - 1];
  return last ? { target: last, exact: false } : undefined;
}

/**
 * Attainment of an indicator in a year (the rule is written out in shared/domain/RULES.md):
 * - comparator targets: met when the value satisfies the target set for that year; for a year
 *   without its own target, met if it already satisfies the next target, on track if it is at or
 *   beyond the straight line from the baseline to that target, behind otherwise;
 * - 逐年降低 / 逐年提高 / 使用量负增长: met when strictly below / above the previous year's value
 *   (the baseline counts as a previous year's value);
 * - text targets, or a text value against a number: a person judges; their judgement is used.
 */
export function indicatorAttainment(
  indicator: Pick<Indicator, 'targets' | 'baseline' | 'direction'>,
  year: number,
  values: readonly IndicatorValue[],
): AttainmentResult {
  const entry = valueForYear(values, year);
  const chosen = targetFor(indicator, year);
  if (!entry) {
    return {
      attainment: 'no-data',
      reason: `尚未填报${year}年实际值`,
      ...(chosen ? { target: chosen.target } : {}),
    };
  }
  const actual = entry.value;
  const shown = formatQuantity(actual);
  if (!chosen) return judged(entry, `未设定目标值，实际 ${shown}`, actual);
  const { target: yt, exact } = chosen;
  const t = yt.target;
  const base = { target: yt, actual };

  if (t.kind === 'text') return { ...judged(entry, `目标为“${t.text}”，实际 ${shown}`, actual), target: yt };
  if (actual.kind === 'text') {
    return { ...judged(entry, `目标 ${formatTarget(t)}，实际为文字“${actual.text}”`, actual), target: yt };
  }

  if (t.kind === 'trend') {
    const previous = previousYearNumber(indicator, values, year);
    const word = t.trend === 'decrease' ? '降低' : '提高';
    if (previous === undefined) {
      return { attainment: 'needs-judgement', reason: `目标“${t.text}”，缺少${year - 1}年数值，无法比较`, ...base };
    }
    const ok = t.trend === 'decrease' ? actual.value < previous : actual.value > previous;
    return {
      attainment: ok ? 'met' : 'behind',
      reason: `目标“${t.text}”，${year - 1}年 ${formatNumber(previous)}，${year}年 ${shown}，${ok ? `已${word}，达标` : `未${word}，未达标`}`,
      ...base,
    };
  }

  const targetText = `目标 ${formatTarget(t)}`;
  if (compare(actual.value, t.op, t.value)) {
    return {
      attainment: 'met',
      reason: exact ? `${targetText}，实际 ${shown}，达标` : `${yt.year}年${targetText}，${year}年实际 ${shown}，已提前达到`,
      ...base,
    };
  }
  if (exact) return { attainment: 'behind', reason: `${targetText}，实际 ${shown}，未达标`, ...base };

  const baseline = indicator.baseline;
  if (!baseline || baseline.value.kind !== 'number' || baseline.year >= yt.year) {
    return { attainment: 'needs-judgement', reason: `${yt.year}年${targetText}，${year}年实际 ${shown}，缺少基准值，无法判断进度`, ...base };
  }
  const fraction = Math.min(1, Math.max(0, (year - baseline.year) / (yt.year - baseline.year)));
  const expected = baseline.value.value + (t.value - baseline.value.value) * fraction;
  // On the line itself counts as on track, so strict comparators are relaxed for the path check.
  const pathOp: Comparator = t.op === '<' ? '≤' : t.op === '>' ? '≥' : t.op;
  const onPath = pathOp === '=' ? Math.abs(actual.value - t.value) <= Math.abs(expected - t.value) : compare(actual.value, pathOp, expected);
  return {
    attainment: onPath ? 'on-track' : 'behind',
    reason: `${yt.year}年${targetText}，按进度${year}年应约 ${formatNumber(expected)}，实际 ${shown}，${onPath ? '进度正常' : '进度落后'}`,
    ...base,
  };
}

function judged(entry: IndicatorValue, what: string, actual: IndicatorQuantity): AttainmentResult {
  if (entry.judgement) {
    return {
      attainment: entry.judgement,
      reason: `${what}，人工判定${entry.judgement === 'met' ? '达标' : '未达标'}`,
      actual,
    };
  }
  return { attainment: 'needs-judgement', reason: `${what}，需人工判定`, actual };
}

function previousYearNumber(
  indicator: Pick<Indicator, 'baseline'>,
  values: readonly IndicatorValue[],
  year: number,
): number | undefined {
  const prev = valueForYear(values, year - 1);
  if (prev) return prev.value.kind === 'number' ? prev.value.value : undefined;
  const b = indicator.baseline;
  return b && b.year === year - 1 && b.value.kind === 'number' ? b.value.value : undefined;
}
