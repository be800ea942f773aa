import type { Change } from '../app/change';
import type { Department, DepartmentKind } from '../domain/department';
import type { Leader } from '../domain/leader';
import { mergeDepartmentPatches } from './department-merge';
import { departmentNameClash, renameDepartment } from './department-rules';
import type { PlanData } from './plan-data';

/**
 * The 单位名录's changes, the same from the 单位名录 page and `zwc department …`: adding a unit,
 * renaming it (its old name kept as an alias) and merging two that are one. A name already in use
 * is refused with the message the page shows; everything else is one undoable change.
 */
export type DirectoryOutcome = { ok: true; change: Change } | { ok: false; problem: string };

/** 新增单位: refused when the name is already a department's name or alias. */
export function addDepartmentChange(plan: Pick<PlanData, 'office' | 'departments'>, name: string, kind: DepartmentKind, id: string): DirectoryOutcome {
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, problem: '请填写单位名称' };
  if (departmentNameClash(plan.departments, trimmed)) return { ok: false, problem: `“${trimmed}”已在单位名录中。` };
  const record: Department = { id, officeCode: plan.office.code, name: trimmed, aliases: [], kind };
  return { ok: true, change: { label: `新增单位 ${trimmed}`, creates: [{ table: 'departments', record }] } };
}

/** 单位更名: the old name stays as an alias; a name another department already uses is refused (merge them instead). */
export function renameDepartmentChange(departments: readonly Department[], department: Department, name: string, aliases: readonly string[] = []): DirectoryOutcome {
  if (!name.trim()) return { ok: false, problem: '请填写新名称' };
  const outcome = renameDepartment(departments, department, name, aliases);
  if (!outcome.ok) return { ok: false, problem: `“${name.trim()}”已是“${outcome.clash.name}”的名称或别名。如果是同一单位，请使用“合并”。` };
  return { ok: true, change: { label: `单位更名 ${department.name} → ${outcome.patch.name}`, edits: [{ table: 'departments', id: department.id, patch: outcome.patch }] } };
}

/** 合并重复单位: every reference to `dropId` moves to `keepId`, whose aliases take the dropped names; the dropped one goes to the bin. */
export function mergeDepartmentsChange(plan: PlanData, keepId: string, dropId: string): DirectoryOutcome {
  const name = (id: string) => plan.departments.find((d) => d.id === id)?.name;
  const keep = name(keepId);
  const drop = name(dropId);
  if (keepId === dropId) return { ok: false, problem: '不能把单位与自身合并' };
  if (!keep || !drop) return { ok: false, problem: '要合并的单位不存在' };
  const edits = mergeDepartmentPatches(plan, keepId, dropId);
  return { ok: true, change: { label: `合并单位 ${drop} → ${keep}`, edits, deletes: [{ table: 'departments', id: dropId }] } };
}

/** What 新增领导 / 编辑领导 takes: name, post and the departments the leader oversees. */
export interface LeaderFields {
  name: string;
  title?: string;
  departmentIds?: readonly string[];
}

/** 新增领导 (`leader` 'new', with the id to give it) or 编辑领导: one undoable change. */
export function leaderChange(plan: Pick<PlanData, 'office'>, leader: Leader | { new: string }, fields: LeaderFields): DirectoryOutcome {
  const name = fields.name.trim();
  if (!name) return { ok: false, problem: '请填写领导姓名' };
  const values = { name, title: (fields.title ?? '').trim(), departmentIds: [...(fields.departmentIds ?? [])] };
  if ('new' in leader) {
    const record: Leader = { id: leader.new, officeCode: plan.office.code, ...values };
    return { ok: true, change: { label: `新增领导 ${record.name}`, creates: [{ table: 'leaders', record }] } };
  }
  return { ok: true, change: { label: `修改领导 ${leader.name}`, edits: [{ table: 'leaders', id: leader.id, patch: values }] } };
}
