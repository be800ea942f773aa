/**
 * Matching unit names against the office's directory: exactly or by alias, a suggestion only for
 * the same name written another way (市/旗 prefix, 人民政府), a doubt at the row for a similar one.
 */
import type { Department, DepartmentKind } from '../domain/department';
import type { Leader } from '../domain/leader';
import { idBelongsTo } from '../exchange/ownership';
import type { WorkbookMeta } from './meta';
import { normalizeName } from './units';
import type { PlanImportContext, PreviewRow, UnknownName } from './plan-import-types';

export function knownNames(meta: WorkbookMeta, ctx: PlanImportContext): string[] {
  const deps = [...(ctx.existing?.departments ?? []), ...meta.departments];
  return deps.flatMap((d) => [d.name, ...d.aliases]);
}

/** The directory a build resolves names against: the office's own, or the workbook's when the office is new. */
export function directoryOf(meta: WorkbookMeta, ctx: PlanImportContext): { departments: Department[]; leaders: Leader[] } {
  if (ctx.existing) return { departments: ctx.existing.departments, leaders: ctx.existing.leaders };
  const mine = <T extends { id: string; officeCode: string }>(list: T[]) => list.filter((r) => r.officeCode === ctx.officeCode && idBelongsTo(r.id, ctx.officeCode));
  return { departments: mine(meta.departments), leaders: mine(meta.leaders) };
}

export function nameIndex(departments: readonly Department[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of departments) for (const n of [d.name, ...d.aliases]) map.set(normalizeName(n), d.id);
  return map;
}

/** Each unit name of a row with the role it was read as (牵头单位, 配合单位, 建设单位, 责任单位). */
function unitNamesOf(row: PreviewRow): [string, string][] {
  const d = row.draft;
  const as = (names: string[], role: string) => names.map((n): [string, string] => [n, role]);
  if (d.kind === 'tasks') return d.pieces.flatMap((p) => [...as(p.leads.map((u) => u.name), '牵头单位'), ...as(p.participants.map((u) => u.name), `${p.role ?? d.role}单位`)]);
  if (d.kind === 'projects') return [...as(d.construction, '建设单位'), ...as(d.responsible, '责任单位')];
  return as(d.responsible, '责任单位');
}

export function unknownNames(rows: PreviewRow[], meta: WorkbookMeta, ctx: PlanImportContext): { departments: UnknownName[]; leaders: UnknownName[] } {
  const dir = directoryOf(meta, ctx);
  const index = nameIndex(dir.departments);
  const leaderNames = new Set(dir.leaders.map((l) => l.name));
  const deps = new Map<string, UnknownName>();
  const leaders = new Map<string, UnknownName>();
  for (const r of rows) {
    if (r.status !== 'new') continue;
    const where = `${r.sheet} 第 ${r.row} 行`;
    for (const [n, role] of unitNamesOf(r)) {
      if (index.has(normalizeName(n))) continue;
      const u = deps.get(n) ?? { name: n, where: [], suggestion: suggest(n, dir.departments), similar: similarNames(n, dir.departments) };
      if (!u.where.includes(where)) u.where.push(where);
      deps.set(n, u);
      // Never a silent near match: a name like a directory unit's is asked about at its row.
      if (!u.suggestion && u.similar.length && !r.problems.some((p) => p.message.includes(`“${n}”`))) {
        r.problems.push({ level: 'warning', sheet: r.sheet, row: r.row, column: '', message: `${role}“${n}”不在单位名录中，名录中有相近的“${u.similar.join('”“')}”；导入时将新增“${n}”，如是同一单位请在“名录中没有的单位”中选择对应。` });
      }
    }
    if (r.draft.kind === 'tasks') {
      for (const n of r.draft.pieces.flatMap((p) => p.leaders)) {
        if (leaderNames.has(n)) continue;
        const u = leaders.get(n) ?? { name: n, where: [], suggestion: null, similar: [] };
        if (!u.where.includes(where)) u.where.push(where);
        leaders.set(n, u);
      }
    }
  }
  return { departments: [...deps.values()], leaders: [...leaders.values()] };
}

const core = (s: string) => normalizeName(s).replace(/^(市|旗|区|县)/, '').replace(/(人民政府)$/, '');

/** The directory unit meant: the same name but for the office prefix (市/旗) or 人民政府. */
function suggest(name: string, departments: readonly Department[]): string | null {
  const n = core(name);
  return departments.find((d) => [d.name, ...d.aliases].some((a) => core(a) === n))?.id ?? null;
}

/** Directory units whose names contain this one or are contained in it: maybe the same unit, maybe not. */
function similarNames(name: string, departments: readonly Department[]): string[] {
  const n = core(name);
  if (n.length < 3) return [];
  return departments.filter((d) => [d.name, ...d.aliases].some((a) => core(a).length >= 3 && (core(a).includes(n) || n.includes(core(a))))).map((d) => d.name).slice(0, 3);
}

export function departmentKindOf(name: string): DepartmentKind {
  if (/^各/.test(name)) return /人民政府$/.test(name) && /旗|县|区/.test(name) ? 'all-subordinate-offices' : 'collective';
  if (/公司|集团|企业|煤矿|电厂|厂$/.test(name)) return 'enterprise';
  if (/管委会|园区|开发区|新区/.test(name)) return 'park';
  if (/(镇|街道|街道办事处|苏木|乡)(人民政府)?$/.test(name)) return 'township';
  if (/(旗|县|区)人民政府$/.test(name)) return 'subordinate-office';
  return 'department';
}
