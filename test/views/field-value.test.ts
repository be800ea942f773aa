import { deviceLabel, formatFieldValue } from '../../shared/views/field-value';
import { recordLookup } from '../../shared/views/record-label';
import { deadlineTextZh, type Deadline } from '../../shared/domain/deadline';

// Synthetic values (not from any plan).
const lookup = recordLookup({
  departments: [
    { id: 'x-d-1', name: '旗生态环境局' },
    { id: 'x-d-2', name: '旗住建局', _deleted: '000001:000000:dev' },
  ],
  leaders: [{ id: 'x-l-1', name: '张三' }],
});
const yearEnd: Deadline = { text: '2025年底前', points: [{ precision: 'year', date: '2025-12-31' }], open: null };
const compoundNoWords: Deadline = {
  text: '',
  points: [
    { precision: 'year', date: '2023-12-31', scope: '建成台账' },
    { precision: 'day', date: '2025-06-30' },
  ],
  open: 'ongoing',
};

describe('formatFieldValue', () => {
  it('shows a deadline as its text, never JSON', () => {
    expect(formatFieldValue('deadline', yearEnd)).toBe('2025年底前');
    expect(formatFieldValue('deadline', compoundNoWords)).toBe('2023年12月31日前：建成台账；2025年6月30日前；持续推进');
    expect(formatFieldValue('deadline', null)).toBe('未规定');
    expect(formatFieldValue('deadline', compoundNoWords)).toBe(deadlineTextZh(compoundNoWords));
    expect(formatFieldValue('deadline', compoundNoWords)).not.toContain('{');
  });
  it('shows money in 万元 and percentages with %', () => {
    expect(formatFieldValue('plannedInvestment', '1234.5')).toBe('1234.5 万元');
    expect(formatFieldValue('investmentToDate', '80')).toBe('80 万元');
    expect(formatFieldValue('percent', 40)).toBe('40%');
  });
  it('shows months, days and moments in the one Chinese style', () => {
    expect(formatFieldValue('period', '2026-11', { table: 'progress' })).toBe('2026年11月');
    expect(formatFieldValue('period', { text: '2023年3月-2024年12月', start: { year: 2023, month: 3 }, end: { year: 2024, month: 12 } }, { table: 'projects' })).toBe('2023年3月-2024年12月');
    expect(formatFieldValue('completion', { date: '2026-11-03', evidence: '验收报告' })).toBe('2026年11月3日完成：验收报告');
    expect(formatFieldValue('reportedAt', '2026-11-24T00:03:00.000Z')).toBe('2026年11月24日 08:03');
    expect(formatFieldValue('year', 2025)).toBe('2025年');
  });
  it('names units and leaders when given a lookup, and says when one is unknown or deleted', () => {
    expect(formatFieldValue('responsibleUnitIds', ['x-d-1', 'x-d-2'], { lookup })).toBe('旗生态环境局、旗住建局（已删除）');
    expect(formatFieldValue('responsibleDepartmentIds', ['x-d-9'], { lookup })).toBe('（未知单位）');
    expect(formatFieldValue('responsibleUnitIds', ['x-d-1'])).toBe('x-d-1');
    expect(formatFieldValue('leaderIds', ['x-l-1'], { lookup })).toBe('张三');
    expect(formatFieldValue('leads', [{ departmentId: 'x-d-1' }], { lookup })).toBe('旗生态环境局');
    expect(formatFieldValue('participants', [{ departmentId: 'x-d-1', role: '配合', duty: '提供数据' }], { lookup })).toBe('旗生态环境局（配合）：提供数据');
  });
  it('shows yes/no, lists with 、 and empties in words', () => {
    expect(formatFieldValue('cumulative', true)).toBe('是');
    expect(formatFieldValue('cumulative', false)).toBe('否');
    expect(formatFieldValue('aliases', ['环保局', '生态局'])).toBe('环保局、生态局');
    expect(formatFieldValue('aliases', [])).toBe('（空）');
    expect(formatFieldValue('summary', '')).toBe('（空）');
    expect(formatFieldValue('summary', undefined)).toBe('（空）');
  });
  it('shows coded values by their Chinese names', () => {
    expect(formatFieldValue('constructionStatus', 'under-construction')).toBe('在建');
    expect(formatFieldValue('status', 'stalled')).toBe('受阻');
    expect(formatFieldValue('domain', 'industrial')).toBe('工业固体废物');
    expect(formatFieldValue('marker', 'national')).toBe('★ 国家必选指标');
    expect(formatFieldValue('direction', 'higher')).toBe('越高越好');
    expect(formatFieldValue('officeCodes', ['150627'])).toBe('伊金霍洛旗');
  });
  it('shows indicator quantities, baselines, targets and milestones as text', () => {
    expect(formatFieldValue('value', { kind: 'number', value: 88.4 })).toBe('88.4');
    expect(formatFieldValue('baseline', { year: 2022, value: { kind: 'number', value: 70 } })).toBe('70（2022年）');
    expect(formatFieldValue('targets', [{ year: 2025, target: { kind: 'comparator', op: '≥', value: 90, implied: false, text: '≥90' } }])).toBe('2025年 ≥90');
    expect(formatFieldValue('milestones', [{ years: [2023, 2024], text: '完成排查' }])).toBe('2023、2024年：完成排查');
  });
  it('never shows JSON, even for an object it has no rule for', () => {
    const shown = formatFieldValue('somethingNew', { name: '甲', count: 2, nested: { ok: true } });
    expect(shown).toBe('名称：甲；count：2；nested：ok：是');
    expect(shown).not.toMatch(/[{}"]/);
  });
  it('knows a deadline or a quantity by its shape when the field is not known', () => {
    expect(formatFieldValue('', yearEnd)).toBe('2025年底前');
    expect(formatFieldValue('', { kind: 'text', text: '已建立' })).toBe('已建立');
  });
});

describe('deviceLabel', () => {
  it('calls this laptop 本机 and another by a short name', () => {
    expect(deviceLabel('0123456789abcdef', '0123456789abcdef')).toBe('本机');
    expect(deviceLabel('fedcba9876543210', '0123456789abcdef')).toBe('对方 fedcba');
    expect(deviceLabel('', '0123456789abcdef')).toBe('未知设备');
  });
});
