import { TaskDomainSchema } from '../../../shared/domain/task';
import type { PlanData } from '../../../shared/views/plan-data';
import type { TaskFilter } from '../../../shared/views/task-query';
import { TASK_STATUSES } from '../../../shared/views/aggregations';
import { listFilter, stringFilter, type PageView } from '../app/page-view-state';

/** 任务清单 opens sorted by number (序号) until the clerk sorts otherwise. */
export const TASKS_DEFAULT_VIEW: Partial<PageView> = { sort: { key: 'number', order: 'ascend' } };
const ROLES = ['lead', 'participant', 'any'] as const;
/**
 * The list's filters as the page view keeps them (sort, search and these survive leaving the page).
 * A saved unit or leader that is no longer in the directory (merged, deleted, or another plan's)
 * is dropped: the list would otherwise be empty under a filter showing a bare id.
 */
export function taskFilterOf(view: PageView, directory: Pick<PlanData, 'departments' | 'leaders'>): Omit<TaskFilter, 'text' | 'missingPeriod'> {
  const year = view.filters.deadlineYear;
  const departmentId = stringFilter(view, 'departmentId');
  const leaderId = stringFilter(view, 'leaderId');
  return {
    domains: listFilter(view, 'domains', TaskDomainSchema.options),
    departmentId: directory.departments.some((d) => d.id === departmentId) ? departmentId : undefined,
    departmentRole: ROLES.find((r) => r === stringFilter(view, 'departmentRole')),
    leaderId: directory.leaders.some((l) => l.id === leaderId) ? leaderId : undefined,
    statuses: listFilter(view, 'statuses', TASK_STATUSES),
    deadlineYear: typeof year === 'number' || year === 'open' ? year : undefined,
  };
}
