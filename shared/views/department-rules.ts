import type { Department } from '../domain/department';

/**
 * The department that already goes by `name` (as its name or one of its aliases), other than the
 * one with id `exceptId`; undefined when the name is free. Names are compared after trimming.
 */
export function departmentNameClash(departments: readonly Department[], name: string, exceptId?: string): Department | undefined {
  const wanted = name.trim();
  return departments.find((d) => d.id !== exceptId && (d.name === wanted || d.aliases.includes(wanted)));
}

/**
 * The aliases a department keeps when renamed: the ones given, plus its old name when the name
 * changes, each once, never the new name itself.
 */
export function aliasesAfterRename(department: Pick<Department, 'name'>, newName: string, aliases: readonly string[] = []): string[] {
  const name = newName.trim();
  return [...new Set([...aliases, ...(name !== department.name ? [department.name] : [])])].filter((a) => a !== name);
}

export type RenameOutcome = { ok: true; patch: { name: string; aliases: string[] } } | { ok: false; clash: Department };

/**
 * Renaming a department: refused when another department already goes by the new name (the two
 * are then one unit and should be merged); otherwise the patch, the old name kept as an alias.
 */
export function renameDepartment(departments: readonly Department[], department: Department, newName: string, aliases: readonly string[] = []): RenameOutcome {
  const name = newName.trim();
  const clash = departmentNameClash(departments, name, department.id);
  if (clash) return { ok: false, clash };
  return { ok: true, patch: { name, aliases: aliasesAfterRename(department, name, aliases) } };
}
