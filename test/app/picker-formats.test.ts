import dayjsConfig from 'rc-picker/lib/generate/dayjs';
import { DAY_PICKER_FORMAT, MONTH_PICKER_FORMAT } from '../../renderer/src/components/picker-formats';

/**
 * What a clerk types into a date picker, parsed the way antd's pickers parse it (rc-picker's dayjs
 * config: each format tried strictly, so "YYYY-M-D" alone does not read 2026-01-05).
 */
const parse = (text: string, formats: string[]) => {
  const d = dayjsConfig.locale.parse('zh_CN', text, formats);
  return d && d.isValid() ? d.format('YYYY-MM-DD') : null;
};

describe('date pickers understand the date styles the README promises', () => {
  it.each([
    ['2026年11月24日', '2026-11-24'],
    ['2026年1月5日', '2026-01-05'],
    ['2026年01月05日', '2026-01-05'],
    ['2026-11-24', '2026-11-24'],
    ['2026-01-05', '2026-01-05'],
    ['2026-1-5', '2026-01-05'],
    ['2026/01/05', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026.06.15', '2026-06-15'],
    ['2026.6.15', '2026-06-15'],
    ['2026-1-05', '2026-01-05'],
  ])('a day typed as %s', (typed, day) => {
    expect(parse(typed, DAY_PICKER_FORMAT)).toBe(day);
  });

  it.each([
    ['2026年11月', '2026-11-01'],
    ['2026年1月', '2026-01-01'],
    ['2026年01月', '2026-01-01'],
    ['2026-01', '2026-01-01'],
    ['2026-1', '2026-01-01'],
    ['2026/06', '2026-06-01'],
    ['2026.6', '2026-06-01'],
  ])('a month typed as %s', (typed, first) => {
    expect(parse(typed, MONTH_PICKER_FORMAT)).toBe(first);
  });

  it('shows the one date style first, and reads no impossible day', () => {
    expect(DAY_PICKER_FORMAT[0]).toBe('YYYY年M月D日');
    expect(MONTH_PICKER_FORMAT[0]).toBe('YYYY年M月');
    expect(parse('2026-02-30', DAY_PICKER_FORMAT)).toBeNull();
    expect(parse('2026-13', MONTH_PICKER_FORMAT)).toBeNull();
  });
});
