import { formatMomentZh, formatPeriodTextZh, reportDueZh } from '../../shared/domain/time';

describe('formatMomentZh', () => {
  it('shows an instant in Beijing time, whatever the machine’s zone', () => {
    expect(formatMomentZh('2026-11-23T14:59:09Z', true)).toBe('2026年11月23日 22:59:09');
    expect(formatMomentZh('2026-11-23T14:59:09Z')).toBe('2026年11月23日 22:59');
    // past midnight in Beijing while still the previous day in UTC
    expect(formatMomentZh('2026-11-23T16:05:00Z', false)).toBe('2026年11月24日 00:05');
    expect(formatMomentZh(Date.UTC(2026, 10, 24, 0, 3))).toBe('2026年11月24日 08:03');
  });
});

describe('reportDueZh', () => {
  it('is the fifth of the month after the period', () => {
    expect(reportDueZh('2025-05')).toBe('2025年6月5日');
    expect(reportDueZh('2025-12')).toBe('2026年1月5日');
  });
});

describe('formatPeriodTextZh', () => {
  it('writes a period read from a file in words, and leaves anything else as written', () => {
    expect(formatPeriodTextZh('2026-11')).toBe('2026年11月');
    expect(formatPeriodTextZh('2026-01')).toBe('2026年1月');
    expect(formatPeriodTextZh('2026-13')).toBe('2026-13');
    expect(formatPeriodTextZh('全年')).toBe('全年');
  });
});
