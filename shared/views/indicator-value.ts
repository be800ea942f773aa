import type { Change } from '../app/change';
import type { Indicator } from '../domain/indicator';
import type { IndicatorValue } from '../domain/progress';
import { parseQuantity } from '../domain/parse-target';
import { checkIndicatorValue, checkText, checkYear, indicatorValueOptions, TEXT_LIMITS, yearWindowFor, type YearWindow } from '../domain/validation';

/**
 * An indicator's actual value as a clerk types it in 指标填报 (or `zwc indicator set`), checked and
 * built into the stored record in one place. Values are append-only: a new entry for the same period
 * corrects the earlier one, which stays in the history.
 */
export interface IndicatorValueInput {
  year: number | string;
  /** A month of the year; absent or null: the year's value. */
  month?: number | null;
  /** As typed: a number in the indicator's unit, or words for a qualitative indicator (已建立). */
  value: string;
  /** For a text target, a person decides: 达标 / 未达标 / not yet. */
  judgement?: 'met' | 'behind' | null;
  note?: string;
}

/** Who stores it and when. */
export interface IndicatorValueStamp {
  id: string;
  enteredAt: string;
  deviceId: string;
  enteredBy?: string;
}

/** The years a value may be entered for: around the indicator's own (baseline and targets) and the year shown. */
export function indicatorYearWindow(indicator: Pick<Indicator, 'targets' | 'baseline'>, year: number): YearWindow {
  return yearWindowFor([...indicator.targets.map((t) => t.year), ...(indicator.baseline ? [indicator.baseline.year] : []), year]);
}

/** The 年份 field's problem, or null. */
export function indicatorYearProblem(indicator: Pick<Indicator, 'targets' | 'baseline'>, year: unknown, shownYear: number): string | null {
  return checkYear(year, '年份', indicatorYearWindow(indicator, shownYear));
}

/** The 实际值 field's problem, or null: qualitative indicators take words, every other indicator a number in its unit. */
export function indicatorValueProblem(indicator: Pick<Indicator, 'name' | 'unit' | 'direction'>, value: string | undefined): string | null {
  const typed = value?.trim();
  if (indicator.direction === 'qualitative' && typed && parseQuantity(typed)?.kind === 'text') return null;
  return checkIndicatorValue(typed, indicator.unit, indicatorValueOptions(indicator));
}

/** The 说明 field's problem, or null. */
export function indicatorNoteProblem(note: string | undefined): string | null {
  return checkText(note, '说明', TEXT_LIMITS.medium);
}

/** The first problem of the whole entry, in the form's order (年份, 月份, 实际值, 说明), or null. */
export function indicatorEntryProblem(indicator: Indicator, input: IndicatorValueInput, shownYear: number): string | null {
  const month = input.month;
  return (
    indicatorYearProblem(indicator, input.year, shownYear) ??
    (month !== undefined && month !== null && !(Number.isInteger(month) && month >= 1 && month <= 12) ? `月份应为 1 到 12，不能为 ${month}` : null) ??
    indicatorValueProblem(indicator, input.value) ??
    indicatorNoteProblem(input.note)
  );
}

export class IndicatorValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndicatorValueError';
  }
}

/** The stored record for an entry; a bad entry is refused with the form's message, naming the indicator. */
export function indicatorValue(indicator: Indicator, input: IndicatorValueInput, stamp: IndicatorValueStamp, shownYear = Number(input.year)): IndicatorValue {
  const problem = indicatorEntryProblem(indicator, input, shownYear);
  const value = parseQuantity(input.value.trim());
  if (problem || !value) throw new IndicatorValueError(`${indicator.number} ${indicator.name}：${problem ?? `实际值“${input.value}”无法识别`}`);
  return {
    id: stamp.id,
    officeCode: indicator.officeCode,
    indicatorId: indicator.id,
    year: Number(input.year),
    month: input.month ?? null,
    value,
    judgement: input.judgement ?? null,
    note: (input.note ?? '').trim(),
    enteredBy: (stamp.enteredBy ?? '').trim(),
    enteredAt: stamp.enteredAt,
    deviceId: stamp.deviceId,
  };
}

/** The one change that stores it (undoable). */
export function indicatorValueChange(indicator: Pick<Indicator, 'number' | 'name'>, record: IndicatorValue): Change {
  return { label: `填报指标 ${indicator.number} ${indicator.name}`, appends: [{ table: 'indicatorValues', record }] };
}
