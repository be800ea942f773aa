import { fieldLabel } from '../../shared/views/field-labels';

describe('fieldLabel', () => {
  it('names a field in Chinese, and knows when one name means another thing in another table', () => {
    expect(fieldLabel('title')).toBe('任务名称');
    expect(fieldLabel('title', 'tasks')).toBe('任务名称');
    expect(fieldLabel('title', 'leaders')).toBe('职务');
    expect(fieldLabel('name', 'leaders')).toBe('姓名');
    expect(fieldLabel('period', 'projects')).toBe('建设周期');
    expect(fieldLabel('period', 'progress')).toBe('月份');
    expect(fieldLabel('thisMonth', 'progress')).toBe('本月进展');
    expect(fieldLabel('unit', 'indicators')).toBe('计量单位');
  });
  it('shows an unknown field as it is rather than inventing a name', () => {
    expect(fieldLabel('somethingNew', 'tasks')).toBe('somethingNew');
  });
});
