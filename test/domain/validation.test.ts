import {
  checkDayInput,
  checkDeadlineText,
  checkIndicatorValue,
  checkInteger,
  checkPercent,
  checkTaskReportNotCompletion,
  checkText,
  checkWan,
  checkYear,
  excerpt,
  indicatorValueOptions,
  investmentWarning,
  isRealDate,
  parseDayInput,
  pathLabel,
  TEXT_LIMITS,
  yearWindowFor,
} from '../../shared/domain/validation';
import { parseWan } from '../../shared/domain/money';

describe('percent rule', () => {
  it('accepts 0 to 100 as numbers or text', () => {
    for (const v of [0, 35, 35.5, 100, '60', ' 99 ']) expect(checkPercent(v)).toBeNull();
  });
  it('refuses 150, −5 and words with a message naming the field, never clamping', () => {
    expect(checkPercent(150)).toBe('完成进度应在 0 到 100 之间，不能为 150');
    expect(checkPercent(-5)).toBe('完成进度应在 0 到 100 之间，不能为 -5');
    expect(checkPercent('abc')).toBe('完成进度应为 0 到 100 之间的数字，“abc”不是数字');
    expect(checkPercent('')).toMatch(/^请填写完成进度/);
  });
});

describe('integer rule', () => {
  it('accepts whole numbers and refuses fractions, words and negatives', () => {
    expect(checkInteger(3, '数量')).toBeNull();
    expect(checkInteger(2.5, '数量')).toBe('数量应为整数，不能为 2.5');
    expect(checkInteger('x', '数量')).toMatch(/^数量应为整数/);
    expect(checkInteger(-1, '数量')).toBe('数量不能小于 0');
  });
});

describe('date rule', () => {
  it('knows which days exist', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2025-13-01')).toBe(false);
    expect(isRealDate('2025-04-31')).toBe(false);
  });
  it('reads the ways clerks type a day and normalises them', () => {
    for (const t of ['2023/6/15', '2023.6.15', '2023年6月15日', '2023-06-15', ' 2023 年 6 月 15 日 ']) expect(parseDayInput(t)).toBe('2023-06-15');
    expect(parseDayInput('2026-02-30')).toBeNull();
    expect(parseDayInput('6/15/2023')).toBeNull();
  });
  it('says why a typed day is refused', () => {
    expect(checkDayInput('2023年6月15日', '完成日期', { latest: '2026-01-01' })).toBeNull();
    expect(checkDayInput('2026年2月30日', '完成日期')).toBe('完成日期“2026年2月30日”不存在：2026年2月没有30日');
    expect(checkDayInput('昨天', '完成日期')).toMatch(/^完成日期“昨天”无法识别，请写成 2023年6月15日/);
    expect(checkDayInput('2026-03-01', '完成日期', { latest: '2026-01-01' })).toBe('完成日期不能晚于今天（2026-01-01）');
    expect(checkDayInput('1900-01-01', '完成日期', { window: { from: 2011, to: 2040 } })).toBe('完成日期应在 2011 年到 2040 年之间，不能为 1900 年');
    expect(checkDayInput('', '完成日期')).toMatch(/^请填写完成日期/);
  });
});

describe('year rule', () => {
  it('keeps years in a window around the plan', () => {
    const w = yearWindowFor([2021, 2023, 2025]);
    expect(w).toEqual({ from: 2011, to: 2035 });
    expect(checkYear(2025, '年份', w)).toBeNull();
    expect(checkYear(1900, '年份', w)).toBe('年份应在 2011 年到 2035 年之间，不能为 1900 年');
    expect(checkYear(2025.5, '年份', w)).toBe('年份应为四位数的年份，如 2025');
    expect(checkYear('abc')).toBe('年份应为四位数的年份，如 2025');
  });
  it('falls back to a default window for an empty plan', () => {
    expect(yearWindowFor([])).toEqual({ from: 2015, to: 2040 });
  });
});

describe('money rule', () => {
  it('accepts amounts in 万元 and refuses words, negatives and absurd sums', () => {
    expect(checkWan('1,200.5', '累计完成投资')).toBeNull();
    expect(checkWan('350万元', '累计完成投资')).toBeNull();
    expect(checkWan('', '累计完成投资')).toBeNull();
    expect(checkWan('-5', '累计完成投资')).toBe('累计完成投资不能为负数');
    expect(checkWan('abc', '累计完成投资')).toMatch(/^累计完成投资应为金额（万元）/);
    expect(checkWan('100000000000000000000', '累计完成投资')).toBe('累计完成投资不能超过 100000000 万元（1 万亿元），请核对单位是否为万元');
    expect(parseWan('100000000000000000000')).toBeNull();
  });
  it('warns (does not refuse) when completed exceeds planned', () => {
    expect(investmentWarning('1200', '1000')).toBe('累计完成投资 1200 万元超过计划总投资 1000 万元，请核对');
    expect(investmentWarning('800', '1000')).toBeNull();
    expect(investmentWarning('800', null)).toBeNull();
  });
});

describe('text length rule', () => {
  it('refuses over-long and (when required) blank texts', () => {
    expect(checkText('好', '本月进展', TEXT_LIMITS.long, true)).toBeNull();
    expect(checkText('  ', '本月进展', TEXT_LIMITS.long, true)).toBe('请填写本月进展');
    expect(checkText('字'.repeat(20000), '本月进展', TEXT_LIMITS.long)).toBe('本月进展最多 2000 字，现为 20000 字');
  });
  it('shortens long texts to an excerpt', () => {
    expect(excerpt('一'.repeat(100), 10)).toBe(`${'一'.repeat(10)}…`);
    expect(excerpt('短  文字')).toBe('短 文字');
  });
});

describe('indicator value rule', () => {
  it('checks values against the unit', () => {
    expect(checkIndicatorValue(95, '%')).toBeNull();
    expect(checkIndicatorValue(150, '%')).toBe('实际值单位为 %，应在 0 到 100 之间，不能为 150');
    expect(checkIndicatorValue(-5, '%')).toBe('实际值不能为负数');
    expect(checkIndicatorValue('abc', '%')).toBe('实际值应为数字（单位：%），“abc”不是数字');
    expect(checkIndicatorValue(2.5, '个')).toBe('实际值单位为“个”，应为整数，不能为 2.5');
    expect(checkIndicatorValue(120000, '万吨')).toBeNull();
  });
  it('lets rates of change pass 100 % or go negative', () => {
    const opts = indicatorValueOptions({ name: '一般工业固体废物产生强度增长率', unit: '%' });
    expect(checkIndicatorValue(150, '%', opts)).toBeNull();
    expect(checkIndicatorValue(-5, '%', opts)).toBeNull();
  });
});

describe('deadline rule', () => {
  it('refuses deadlines naming days that do not exist, in words', () => {
    expect(checkDeadlineText('2025年底前')).toBeNull();
    expect(checkDeadlineText('持续推进')).toBeNull();
    expect(checkDeadlineText('2026年2月30日前')).toBe('完成时限中的“2026年2月30日”不存在：2026年2月没有30日');
    expect(checkDeadlineText('2025年13月32日前')).toBe('完成时限中的“2025年13月32日”不存在：月份应为 1 到 12');
    expect(checkDeadlineText('1900年底前', '完成时限', { from: 2011, to: 2040 })).toBe('完成时限中的1900年应在 2011 年到 2040 年之间，不能为 1900 年');
    expect(checkDeadlineText('前'.repeat(600))).toBe('完成时限最多 500 字，现为 600 字');
  });
});

describe('completion rule', () => {
  it('a monthly report never completes a task; the chosen status stands', () => {
    expect(checkTaskReportNotCompletion('task', 100, 'in-progress')).toMatch(/^任务完成须在“完成情况”中/);
    expect(checkTaskReportNotCompletion('task', 50, 'done')).toMatch(/^任务完成须在“完成情况”中/);
    expect(checkTaskReportNotCompletion('task', 99, 'in-progress')).toBeNull();
    expect(checkTaskReportNotCompletion('project', 100, 'done')).toBeNull();
  });
});

describe('field names in refusals', () => {
  it('names zod paths in Chinese', () => {
    expect(pathLabel(['deadline', 'points', 0, 'date'], { deadline: '完成时限' })).toBe('完成时限第1个日期');
    expect(pathLabel(['percent'])).toBe('完成进度');
    expect(pathLabel(['period'], { period: '建设周期' }, 'progress')).toBe('月份');
    expect(pathLabel([])).toBe('记录');
  });
});
