import { recordLabel } from '../../shared/ledger/record-label';

// Synthetic records (generated, not from any plan).
const taskRecord = { id: 'x-task-1', domainLabel: '工业固体废物', number: '3', title: '尾矿综合利用' };
const report = { id: 'x-pe-1', period: '2025-05', thisMonth: '完成排查' };

describe('recordLabel', () => {
  it('names a task by domain, number and title when the table is known', () => {
    expect(recordLabel(taskRecord, 'tasks')).toBe('工业固体废物 3 尾矿综合利用');
  });
  it('names a task by its title otherwise', () => {
    expect(recordLabel(taskRecord)).toBe('尾矿综合利用');
  });
  it('names a report by its month and text', () => {
    expect(recordLabel(report)).toBe('2025-05 进展：完成排查');
    expect(recordLabel(report, 'progress')).toBe('2025-05 进展：完成排查');
  });
  it('names an empty report by its month when the table is known, by its id otherwise', () => {
    expect(recordLabel({ ...report, thisMonth: '' }, 'progress')).toBe('2025-05 进展：');
    expect(recordLabel({ ...report, thisMonth: '' })).toBe('x-pe-1');
  });
  it('names an indicator value by its year and month', () => {
    expect(recordLabel({ id: 'v', year: 2025, month: null }, 'indicatorValues')).toBe('2025年 指标值');
    expect(recordLabel({ id: 'v', year: 2025, month: 6 }, 'indicatorValues')).toBe('2025年6月 指标值');
  });
  it('names departments, leaders, projects and indicators by name', () => {
    for (const table of ['departments', 'leaders', 'projects', 'indicators'] as const) expect(recordLabel({ id: 'd', name: '生态环境局' }, table)).toBe('生态环境局');
    expect(recordLabel({ id: 'd', name: '生态环境局' })).toBe('生态环境局');
  });
  it('falls back to the id, or an office’s code', () => {
    expect(recordLabel({ id: 'd', name: '' }, 'departments')).toBe('d');
    expect(recordLabel({ code: '150627' })).toBe('150627');
  });
});
