import {
  EMPTY_VIEW,
  filtersFromTable,
  flagFilter,
  listFilter,
  pageViewKey,
  parsePageView,
  serialisePageView,
  sortFromTable,
  sortOrderOf,
  stringFilter,
  type PageView,
} from '../../renderer/src/app/page-view-state';

const TASKS_DEFAULT: PageView = { ...EMPTY_VIEW, sort: { key: 'number', order: 'ascend' } };

describe('a page view kept in sessionStorage', () => {
  it('reads back what was saved', () => {
    const view: PageView = {
      sort: { key: 'deadline', order: 'descend' },
      filters: { domains: ['industrial'], departmentId: '150627-dept-1', deadlineYear: 2025, missingOnly: true },
      text: '危险废物',
      page: 3,
      expanded: ['150627-dept-1', 'none'],
    };
    expect(parsePageView(serialisePageView(view), TASKS_DEFAULT)).toEqual(view);
  });

  it('keeps a sort the clerk cleared (null), and uses the default when none was saved', () => {
    expect(parsePageView(serialisePageView({ ...TASKS_DEFAULT, sort: null }), TASKS_DEFAULT).sort).toBeNull();
    expect(parsePageView(null, TASKS_DEFAULT)).toEqual(TASKS_DEFAULT);
    expect(parsePageView('{}', TASKS_DEFAULT).sort).toEqual({ key: 'number', order: 'ascend' });
  });

  it.each([
    ['not JSON', '{"sort":'],
    ['a number', '42'],
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['an empty string', ''],
  ])('ignores a corrupt save (%s) and opens the page as new', (_, raw) => {
    expect(parsePageView(raw, TASKS_DEFAULT)).toEqual(TASKS_DEFAULT);
  });

  it('drops each malformed part on its own and keeps the rest', () => {
    const raw = JSON.stringify({
      sort: { key: 'title', order: 'sideways' },
      filters: { domains: ['a', { evil: 1 }], statuses: ['overdue'], year: Infinity, bad: { x: 1 } },
      text: 12,
      page: -2,
      expanded: ['a', 3],
    });
    const view = parsePageView(raw, TASKS_DEFAULT);
    expect(view.sort).toEqual(TASKS_DEFAULT.sort);
    expect(view.filters).toEqual({ statuses: ['overdue'] });
    expect(view.text).toBe('');
    expect(view.page).toBe(1);
    expect(view.expanded).toEqual([]);
  });

  it('refuses an overlong search text', () => {
    expect(parsePageView(JSON.stringify({ text: 'x'.repeat(5000) })).text).toBe('');
  });

  it('names the key by office and page, so two offices on one machine do not share a view', () => {
    expect(pageViewKey('150627', 'tasks')).toBe('zwc.view.150627.tasks');
    expect(pageViewKey('150203', 'tasks')).not.toBe(pageViewKey('150627', 'tasks'));
  });
});

describe('between the view and antd Table', () => {
  it('gives a column its sort order only when it is the sorted one', () => {
    expect(sortOrderOf(TASKS_DEFAULT, 'number')).toBe('ascend');
    expect(sortOrderOf(TASKS_DEFAULT, 'title')).toBeNull();
    expect(sortOrderOf(EMPTY_VIEW, 'number')).toBeNull();
  });

  it('reads the sorter antd reports, one column or several', () => {
    expect(sortFromTable({ columnKey: 'deadline', order: 'descend' })).toEqual({ key: 'deadline', order: 'descend' });
    expect(sortFromTable([{ columnKey: 'title', order: 'ascend' }])).toEqual({ key: 'title', order: 'ascend' });
    expect(sortFromTable({ columnKey: 'title', order: undefined })).toBeNull();
    expect(sortFromTable(undefined)).toBeNull();
  });

  it('keeps chosen column filters and drops cleared ones', () => {
    expect(filtersFromTable({ status: ['overdue', 'at-risk'], lead: null, empty: [] })).toEqual({ status: ['overdue', 'at-risk'] });
  });

  it('reads a filter of the wrong type as absent', () => {
    const view = parsePageView(JSON.stringify({ filters: { departmentId: ['x'], domains: 'industrial', statuses: ['overdue', 'gone'], missingOnly: 'yes' } }));
    expect(stringFilter(view, 'departmentId')).toBeUndefined();
    expect(listFilter(view, 'domains')).toEqual([]);
    expect(listFilter(view, 'statuses', ['overdue', 'done'] as const)).toEqual(['overdue']);
    expect(flagFilter(view, 'missingOnly')).toBe(false);
  });
});
