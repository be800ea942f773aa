import type { ReportingChecklist } from '../../../../shared/views/reporting';
import type { OpenedRecord } from '../../app/navigation';

/** 月度调度's key for a department's group; '' (no lead unit) is 'none'. */
export const groupKey = (departmentId: string) => departmentId || 'none';

/**
 * 下一项: after the task or project open in the drawer, the next one of the same department that
 * has not reported this month (wrapping round to the department's first), with its label; null
 * when the department owes nothing else. An item listed under several departments (co-led) goes
 * on in the department the clerk has open. Pure: no React, unit-tested.
 */
export function nextUnreported(groups: ReportingChecklist['byDepartment'], current: OpenedRecord, expanded: readonly string[]): { record: OpenedRecord; label: string } | null {
  const holding = groups.filter((g) => g.items.some((i) => i.id === current.id));
  const group = holding.find((g) => expanded.includes(groupKey(g.departmentId))) ?? holding[0];
  if (!group) return null;
  const at = group.items.findIndex((i) => i.id === current.id);
  const next = [...group.items.slice(at + 1), ...group.items.slice(0, at)].find((i) => !i.reported);
  return next ? { record: { page: next.kind === 'task' ? 'tasks' : 'projects', id: next.id }, label: next.label } : null;
}
