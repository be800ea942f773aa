import type { TaskDomain } from '../../../shared/domain/task';
import type { TaskFilter } from '../../../shared/ledger/task-query';
import { TASK_STATUSES } from '../../../shared/ledger/aggregations';
import { listFilter, stringFilter, type PageView } from '../app/page-view-state';

/** 任务清单 opens sorted by number (序号) until the clerk sorts otherwise. */
export const TASKS_DEFAULT_VIEW: Partial<PageView> = { sort: { key: 'number', order: 'ascend' } };
const ROLES = ['lead', 'participant', 'any'] as const;
/** The list's filters as the page view keeps them (sort, search and these survive leaving the page). */
export function taskFilterOf(view: PageView): Omit<TaskFilter, 'text' | 'missingPeriod'> {
  const year = view.filters.deadlineYear;
  return {
    domains: listFilter<TaskDomain>(view, 'domains'),
    departmentId: stringFilter(view, 'departmentId'),
    departmentRole: ROLES.find((r) => r === stringFilter(view, 'departmentRole')),
    leaderId: stringFilter(view, 'leaderId'),
    statuses: listFilter(view, 'statuses', TASK_STATUSES),
    deadlineYear: typeof year === 'number' || year === 'open' ? year : undefined,
  };
}
