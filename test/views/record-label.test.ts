import { EMPTY_LOOKUP, namedRecord, recordLabel, recordLookup } from '../../shared/views/record-label';

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
    expect(recordLabel(report)).toBe('2025年5月 进展：完成排查');
    expect(recordLabel(report, 'progress')).toBe('2025年5月 进展：完成排查');
  });
  it('names an empty report by its month when the table is known, by its id otherwise', () => {
    expect(recordLabel({ ...report, thisMonth: '' }, 'progress')).toBe('2025年5月 进展：');
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

describe('namedRecord: a record with what it belongs to', () => {
  const task = { id: 'x-task-1', domainLabel: '工业固体废物', number: '3', title: '尾矿综合利用' };
  const project = { id: 'x-prj-1', name: '固废处置中心建设项目' };
  const indicator = { id: 'x-ind-1', name: '一般工业固体废物综合利用率' };
  const lookup = recordLookup({ tasks: [task], projects: [project], indicators: [indicator], departments: [{ id: 'x-d-1', name: '旗生态环境局' }] });
  const taskReport = { id: 'x-pe-1', subjectKind: 'task', subjectId: 'x-task-1', period: '2026-11', thisMonth: '完成排查' };

  it('names a report on a task by the task, the month in words and its text', () => {
    expect(namedRecord(taskReport, 'progress', lookup)).toBe('任务 工业固体废物 3 尾矿综合利用 · 2026年11月 进展：完成排查');
    expect(namedRecord(taskReport, 'progress', lookup, { withText: false })).toBe('任务 工业固体废物 3 尾矿综合利用 · 2026年11月 进展');
    expect(namedRecord({ ...taskReport, thisMonth: '  ' }, 'progress', lookup)).toBe('任务 工业固体废物 3 尾矿综合利用 · 2026年11月 进展');
  });
  it('names a report on a project by the project', () => {
    expect(namedRecord({ ...taskReport, subjectKind: 'project', subjectId: 'x-prj-1' }, 'progress', lookup)).toBe('项目 固废处置中心建设项目 · 2026年11月 进展：完成排查');
  });
  it('says so when the task or project is unknown', () => {
    expect(namedRecord(taskReport, 'progress')).toBe('未知任务 · 2026年11月 进展：完成排查');
    expect(namedRecord({ ...taskReport, subjectKind: 'project' }, 'progress', lookup)).toBe('未知项目 · 2026年11月 进展：完成排查');
  });
  it('names an indicator value by the indicator and its year or month', () => {
    expect(namedRecord({ id: 'v', indicatorId: 'x-ind-1', year: 2025, month: null }, 'indicatorValues', lookup)).toBe('一般工业固体废物综合利用率 2025年 指标值');
    expect(namedRecord({ id: 'v', indicatorId: 'x-ind-1', year: 2025, month: 11 }, 'indicatorValues', lookup)).toBe('一般工业固体废物综合利用率 2025年11月 指标值');
    expect(namedRecord({ id: 'v', indicatorId: 'gone', year: 2025, month: null }, 'indicatorValues', lookup)).toBe('未知指标 2025年 指标值');
  });
  it('marks a parent that is itself in the bin (a stored row with _deleted)', () => {
    const withDeleted = recordLookup({ tasks: [{ ...task, _deleted: '000001:000000:dev' }], indicators: [{ ...indicator, _deleted: '000001:000000:dev' }] });
    expect(namedRecord(taskReport, 'progress', withDeleted, { withText: false })).toBe('任务 工业固体废物 3 尾矿综合利用（已删除） · 2026年11月 进展');
    expect(namedRecord({ id: 'v', indicatorId: 'x-ind-1', year: 2025, month: null }, 'indicatorValues', withDeleted)).toBe('一般工业固体废物综合利用率（已删除） 2025年 指标值');
  });
  it('takes a parent from the first source that has it (the file before this laptop)', () => {
    const both = recordLookup({ tasks: [{ ...task, title: '文件中的新名称' }] }, { tasks: [task, { ...task, id: 'x-task-2', number: '4' }] });
    expect(namedRecord(taskReport, 'progress', both, { withText: false })).toBe('任务 工业固体废物 3 文件中的新名称 · 2026年11月 进展');
    expect(namedRecord({ ...taskReport, subjectId: 'x-task-2' }, 'progress', both, { withText: false })).toBe('任务 工业固体废物 4 尾矿综合利用 · 2026年11月 进展');
  });
  it('names a task by domain, number and title, others by name', () => {
    expect(namedRecord(task, 'tasks', lookup)).toBe('工业固体废物 3 尾矿综合利用');
    expect(namedRecord(project, 'projects', lookup)).toBe('固废处置中心建设项目');
    expect(namedRecord(indicator, 'indicators', EMPTY_LOOKUP)).toBe('一般工业固体废物综合利用率');
    expect(namedRecord({ id: 'x-d-1', name: '旗生态环境局' }, 'departments')).toBe('旗生态环境局');
    expect(namedRecord({ id: 'x-l-1', name: '张三', title: '副旗长' }, 'leaders')).toBe('张三');
    expect(namedRecord({ code: '150627', name: '伊金霍洛旗' }, 'offices')).toBe('伊金霍洛旗');
  });
});
