import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import type { Indicator } from '../../shared/domain/indicator';
import { IndicatorValueError, indicatorEntryProblem, indicatorValue, indicatorValueChange } from '../../shared/views/indicator-value';

/** The one builder of an indicator's actual value (IndicatorValueModal and zwc indicator set). */
const plan = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const percent = plan.indicators.find((i) => i.unit === '%' && i.direction !== 'qualitative')!;
const qualitative: Indicator = { ...percent, id: '150627-ind-q', direction: 'qualitative', unit: null };
const stamp = { id: '150627-iv-1', enteredAt: '2026-11-20T02:00:00.000Z', deviceId: 'dev1' };

describe('indicatorValue', () => {
  it('builds the stored record: number read, note trimmed, month kept, the change labelled by the indicator', () => {
    const record = indicatorValue(percent, { year: '2026', month: 6, value: ' 88.4 ', note: ' 统计局 ' }, stamp, 2026);
    expect(record).toEqual({
      ...stamp,
      officeCode: percent.officeCode,
      indicatorId: percent.id,
      year: 2026,
      month: 6,
      value: { kind: 'number', value: 88.4 },
      judgement: null,
      note: '统计局',
      enteredBy: '',
    });
    expect(indicatorValueChange(percent, record)).toEqual({ label: `填报指标 ${percent.number} ${percent.name}`, appends: [{ table: 'indicatorValues', record }] });
  });

  it('takes words for a qualitative indicator only', () => {
    expect(indicatorValue(qualitative, { year: 2026, value: '已建立' }, stamp).value).toEqual({ kind: 'text', text: '已建立' });
    expect(indicatorEntryProblem(percent, { year: 2026, value: '已建立' }, 2026)).toContain('不是数字');
  });

  it('refuses a year outside the indicator’s window, a month past 12, a value over 100%, naming the indicator', () => {
    expect(indicatorEntryProblem(percent, { year: 1990, value: '50' }, 2026)).toMatch(/年份应在 \d{4} 年到 \d{4} 年之间/);
    expect(indicatorEntryProblem(percent, { year: 2026, month: 13, value: '50' }, 2026)).toBe('月份应为 1 到 12，不能为 13');
    expect(indicatorEntryProblem(percent, { year: 2026, value: '120' }, 2026)).not.toBeNull();
    expect(() => indicatorValue(percent, { year: 2026, value: '' }, stamp)).toThrow(IndicatorValueError);
    expect(() => indicatorValue(percent, { year: 2026, value: '' }, stamp)).toThrow(`${percent.number} ${percent.name}：请填写实际值`);
  });
});
