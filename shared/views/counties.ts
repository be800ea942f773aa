import type { Department } from '../domain/department';
import type { Task } from '../domain/task';

/**
 * The lower-level offices (旗区 / 旗县区, by division code) a city task involves, as lead or
 * participant: a named county's government stands for its code, 各旗区人民政府 for all of them.
 */
export function officesInvolved(task: Pick<Task, 'leads' | 'participants'>, departments: readonly Department[]): string[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const codes = new Set<string>();
  for (const { departmentId } of [...task.leads, ...task.participants]) {
    const d = byId.get(departmentId);
    if (d && (d.kind === 'subordinate-office' || d.kind === 'all-subordinate-offices')) for (const c of d.officeCodes ?? []) codes.add(c);
  }
  return [...codes].sort();
}
