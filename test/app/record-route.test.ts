import { recordInHash, routeWithoutRecord, routeWithRecord, tabInHash } from '../../renderer/src/app/record-route';
import { nextUnreported } from '../../renderer/src/pages/monthly/next-item';
import type { ReportingChecklist } from '../../shared/views/reporting';

describe('a record opened over a page, in the address', () => {
  it('reads the task or project an address opens', () => {
    expect(recordInHash('#/monthly?task=t%201')).toEqual({ page: 'tasks', id: 't 1' });
    expect(recordInHash('#/dashboard?project=p1')).toEqual({ page: 'projects', id: 'p1' });
    expect(recordInHash('#/monthly')).toBeNull();
    expect(recordInHash('')).toBeNull();
  });

  it('still reads older "#/tasks?open=" links, and only on the list they name', () => {
    expect(recordInHash('#/tasks?open=t1')).toEqual({ page: 'tasks', id: 't1' });
    expect(recordInHash('#/projects?open=p1')).toEqual({ page: 'projects', id: 'p1' });
    expect(recordInHash('#/monthly?open=t1')).toBeNull();
  });

  it('opens a record over the page it was opened on, keeping the page\'s own choices', () => {
    expect(routeWithRecord('#/monthly', { page: 'tasks', id: 't1' })).toBe('/monthly?task=t1');
    expect(routeWithRecord('#/exchange?tab=conflicts', { page: 'projects', id: 'p1' })).toBe('/exchange?tab=conflicts&project=p1');
    // One record at a time: the next one replaces the one open.
    expect(routeWithRecord('#/monthly?task=t1', { page: 'projects', id: 'p2' })).toBe('/monthly?project=p2');
    // The start page has no address of its own yet.
    expect(routeWithRecord('', { page: 'tasks', id: 't1' })).toBe('/dashboard?task=t1');
  });

  it('comes back to the page under the record', () => {
    expect(routeWithoutRecord('#/monthly?task=t1')).toBe('/monthly');
    expect(routeWithoutRecord('#/exchange?tab=conflicts&project=p1')).toBe('/exchange?tab=conflicts');
    expect(routeWithoutRecord('#/tasks?open=t1')).toBe('/tasks');
    expect(tabInHash('#/exchange?tab=conflicts&project=p1')).toBe('conflicts');
  });
});

describe('下一项 on 月度调度', () => {
  const item = (id: string, reported: boolean) => ({ kind: id.startsWith('p') ? ('project' as const) : ('task' as const), id, label: `label ${id}`, reported });
  const groups: ReportingChecklist['byDepartment'] = [
    { departmentId: 'd1', items: [item('t1', false), item('t2', true), item('t3', false), item('p4', false)] },
    { departmentId: 'd2', items: [item('t3', false), item('t5', true), item('t6', false)] },
    { departmentId: '', items: [item('t7', false)] },
  ];

  it('is the department\'s next item not reported, skipping reported ones and wrapping round', () => {
    expect(nextUnreported(groups, { page: 'tasks', id: 't1' }, [])).toEqual({ record: { page: 'tasks', id: 't3' }, label: 'label t3' });
    expect(nextUnreported(groups, { page: 'tasks', id: 't3' }, ['d1'])?.record).toEqual({ page: 'projects', id: 'p4' });
    expect(nextUnreported(groups, { page: 'projects', id: 'p4' }, ['d1'])?.record.id).toBe('t1');
  });

  it('goes on in the department the clerk has open when an item is listed under two', () => {
    expect(nextUnreported(groups, { page: 'tasks', id: 't3' }, ['d2'])?.record.id).toBe('t6');
    expect(nextUnreported(groups, { page: 'tasks', id: 't3' }, [])?.record.id).toBe('p4');
  });

  it('is nothing when the department owes nothing else, or the item is not on the list', () => {
    expect(nextUnreported(groups, { page: 'tasks', id: 't7' }, ['none'])).toBeNull();
    expect(nextUnreported(groups, { page: 'tasks', id: 'gone' }, [])).toBeNull();
  });
});
