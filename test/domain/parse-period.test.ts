import { parseConstructionPeriod } from '../../shared/domain/parse-period';

describe('parseConstructionPeriod', () => {
  it('reads month and year ranges and single years', () => {
    expect(parseConstructionPeriod('2023年3月-2024年12月')).toEqual({ text: '2023年3月-2024年12月', start: { year: 2023, month: 3 }, end: { year: 2024, month: 12 } });
    expect(parseConstructionPeriod('2023-2025年')).toEqual({ text: '2023-2025年', start: { year: 2023 }, end: { year: 2025 } });
    expect(parseConstructionPeriod('2024年')).toEqual({ text: '2024年', start: { year: 2024 }, end: { year: 2024 } });
  });
  it('keeps text without a year, and gives null for nothing', () => {
    expect(parseConstructionPeriod('待定')).toEqual({ text: '待定', start: null, end: null });
    expect(parseConstructionPeriod('  ')).toBeNull();
  });
});
