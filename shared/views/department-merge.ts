import type { PlanEdit } from './plan-tables';
import type { Department } from '../domain/department';
import type { Leader } from '../domain/leader';
import type { Task, TaskParticipant } from '../domain/task';
import type { Project } from '../domain/project';
import type { Indicator } from '../domain/indicator';


const swap = (ids: readonly string[], from: string, to: string): string[] => [...new Set(ids.map((id) => (id === from ? to : id)))];

/** Replaces a department in a list of role entries, keeping one entry per department. */
function swapEntries<T extends { departmentId: string }>(entries: readonly T[], from: string, to: string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const e of entries) {
    const next = e.departmentId === from ? { ...e, departmentId: to } : e;
    if (seen.has(next.departmentId)) continue;
    seen.add(next.departmentId);
    out.push(next);
  }
  return out;
}

/**
 * The edits that merge department `dropId` into `keepId`: every reference moves to the kept one,
 * which takes the dropped name and aliases as aliases. The caller applies the patches and deletes
 * (tombstones) the dropped department in one transaction.
 */
export function mergeDepartmentPatches(
  plan: { departments: readonly Department[]; leaders: readonly Leader[]; tasks: readonly Task[]; projects: readonly Project[]; indicators: readonly Indicator[] },
  keepId: string,
  dropId: string,
): PlanEdit[] {
  if (keepId === dropId) throw new Error('不能把单位与自身合并');
  const keep = plan.departments.find((d) => d.id === keepId);
  const drop = plan.departments.find((d) => d.id === dropId);
  if (!keep || !drop) throw new Error('要合并的单位不存在');
  const patches: PlanEdit[] = [];
  // A unit that leads a task (or a part of it) is not also listed as helping with it.
  const reassign = <T extends { leads: readonly { departmentId: string }[]; participants: readonly TaskParticipant[] }>(x: T) => {
    const leads = swapEntries(x.leads, dropId, keepId);
    const participants = swapEntries(x.participants, dropId, keepId).filter((p) => !leads.some((l) => l.departmentId === p.departmentId));
    return { leads, participants };
  };
  const involves = (x: { leads: readonly { departmentId: string }[]; participants: readonly { departmentId: string }[] }) =>
    x.leads.some((l) => l.departmentId === dropId) || x.participants.some((p) => p.departmentId === dropId);
  for (const t of plan.tasks) {
    const inParts = t.parts?.some(involves) ?? false;
    if (!involves(t) && !inParts) continue;
    const patch: Partial<Task> = reassign(t);
    if (t.parts && inParts) patch.parts = t.parts.map((p) => (involves(p) ? { ...p, ...reassign(p) } : p));
    patches.push({ table: 'tasks', id: t.id, patch });
  }
  for (const p of plan.projects) {
    if (p.constructionUnitIds.includes(dropId) || p.responsibleUnitIds.includes(dropId)) {
      patches.push({ table: 'projects', id: p.id, patch: { constructionUnitIds: swap(p.constructionUnitIds, dropId, keepId), responsibleUnitIds: swap(p.responsibleUnitIds, dropId, keepId) } });
    }
  }
  for (const i of plan.indicators) {
    if (i.responsibleDepartmentIds.includes(dropId)) patches.push({ table: 'indicators', id: i.id, patch: { responsibleDepartmentIds: swap(i.responsibleDepartmentIds, dropId, keepId) } });
  }
  for (const l of plan.leaders) {
    if (l.departmentIds.includes(dropId)) patches.push({ table: 'leaders', id: l.id, patch: { departmentIds: swap(l.departmentIds, dropId, keepId) } });
  }
  const aliases = [...new Set([...keep.aliases, drop.name, ...drop.aliases])].filter((a) => a !== keep.name);
  patches.push({ table: 'departments', id: keepId, patch: { aliases } });
  return patches;
}
