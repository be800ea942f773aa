import { indicatorAttainment, valueForYear, targetFor } from '../../shared/domain/attainment';
import type { Indicator } from '../../shared/domain/indicator';
import { value } from '../support/factories';

type Ind = Pick<Indicator, 'targets' | 'baseline' | 'direction'>;

const rate: Ind = {
  direction: 'higher',
  baseline: { year: 2020, value: { kind: 'number', value: 80 } },
  targets: [
    { year: 2023, target: { kind: 'comparator', op: '≥', value: 85, implied: false, text: '≥85%' } },
    { year: 2025, target: { kind: 'comparator', op: '≥', value: 90, implied: false, text: '≥90%' } },
  ],
};

describe('indicatorAttainment', () => {
  it('says no data when no value is entered', () => {
    expect(indicatorAttainment(rate, 2023, []).attainment).toBe('no-data');
  });

  it('judges a comparator target for its own year, with the reason in words', () => {
    const behind = indicatorAttainment(rate, 2025, [value(2025, 88.4)]);
    expect(behind).toMatchObject({ attainment: 'behind', reason: '目标 ≥90，实际 88.4，未达标' });
    expect(indicatorAttainment(rate, 2025, [value(2025, 90)]).attainment).toBe('met');
  });

  it('uses the straight line from the baseline for a year without its own target', () => {
    // 2024: no target; on the line from 80 (2020) to 90 (2025) it should be 88.
    expect(indicatorAttainment(rate, 2024, [value(2024, 88.5)]).attainment).toBe('on-track');
    const r = indicatorAttainment(rate, 2024, [value(2024, 86)]);
    expect(r.attainment).toBe('behind');
    expect(r.reason).toContain('应约 88');
    expect(indicatorAttainment(rate, 2024, [value(2024, 91)]).attainment).toBe('met');
  });

  it('handles "lower is better" comparators', () => {
    const intensity: Ind = {
      direction: 'lower',
      baseline: { year: 2020, value: { kind: 'number', value: 2 } },
      targets: [{ year: 2025, target: { kind: 'comparator', op: '<', value: 1.5, implied: false, text: '<1.5' } }],
    };
    expect(indicatorAttainment(intensity, 2025, [value(2025, 1.4)]).attainment).toBe('met');
    expect(indicatorAttainment(intensity, 2025, [value(2025, 1.5)]).attainment).toBe('behind');
    expect(indicatorAttainment(intensity, 2023, [value(2023, 1.7)]).attainment).toBe('on-track');
    expect(indicatorAttainment(intensity, 2023, [value(2023, 1.9)]).attainment).toBe('behind');
  });

  it('judges 逐年降低 against the previous year, the baseline counting as one', () => {
    const decreasing: Ind = {
      direction: 'lower',
      baseline: { year: 2020, value: { kind: 'number', value: 100 } },
      targets: [2021, 2022, 2023].map((year) => ({ year, target: { kind: 'trend' as const, trend: 'decrease' as const, text: '逐年降低' } })),
    };
    expect(indicatorAttainment(decreasing, 2021, [value(2021, 95)]).attainment).toBe('met');
    expect(indicatorAttainment(decreasing, 2022, [value(2021, 95), value(2022, 96)]).attainment).toBe('behind');
    const missing = indicatorAttainment(decreasing, 2023, [value(2023, 90)]);
    expect(missing.attainment).toBe('needs-judgement');
    expect(missing.reason).toContain('缺少2022年数值');
  });

  it('asks a person for text targets and uses their judgement', () => {
    const qualitative: Ind = {
      direction: 'qualitative',
      baseline: null,
      targets: [{ year: 2025, target: { kind: 'text', text: '建立完善协调机制' } }],
    };
    expect(indicatorAttainment(qualitative, 2025, [value(2025, '已建立')]).attainment).toBe('needs-judgement');
    expect(indicatorAttainment(qualitative, 2025, [value(2025, '已建立', { judgement: 'met' })]).attainment).toBe('met');
  });

  it('uses the yearly figure over monthly ones, and the latest month otherwise', () => {
    const months = [value(2024, 70, { month: 3 }), value(2024, 75, { month: 9 })];
    expect(valueForYear(months, 2024)?.value).toEqual({ kind: 'number', value: 75 });
    expect(valueForYear([...months, value(2024, 80)], 2024)?.value).toEqual({ kind: 'number', value: 80 });
  });

  it('falls back to the last target after the plan period', () => {
    expect(targetFor(rate, 2026)?.target.year).toBe(2025);
    expect(targetFor(rate, 2026)?.exact).toBe(false);
  });
});
