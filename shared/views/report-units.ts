import type { Department } from '../domain/department';
import type { ProgressEntry } from '../domain/progress';
import type { ReportUnits } from '../domain/reporting-rule';
import { isCollectiveDepartment } from '../domain/collective-name';

/**
 * The office's directory as the reporting rule needs it (shared/domain/reporting-rule.ts): which
 * unit ids exist, and the unit of a report saved before reports named their unit. Such a report
 * is attributed to the department whose name (or former name) is exactly its 填报单位/人 — that is
 * how older versions recorded a department's form — and otherwise stays the office's own (代报).
 */
export interface ReportDirectory {
  knownUnit: (id: string) => boolean;
  /** Units that owe the subject's monthly report: a collective name (各成员单位 …) cannot send one, the office answers for it. */
  owingOf: (units: ReportUnits) => ReportUnits;
  withUnits: (entries: readonly ProgressEntry[]) => ProgressEntry[];
}

const cache = new WeakMap<readonly Department[], ReportDirectory>();

export function reportDirectory(departments: readonly Department[]): ReportDirectory {
  const hit = cache.get(departments);
  if (hit) return hit;
  const ids = new Set(departments.map((d) => d.id));
  const byName = new Map<string, string | null>();
  for (const d of departments) {
    for (const name of [d.name, ...d.aliases]) {
      const seen = byName.get(name);
      // A name two departments answer to says nothing about which one reported.
      byName.set(name, seen === undefined || seen === d.id ? d.id : null);
    }
  }
  const collective = new Set(departments.filter((d) => isCollectiveDepartment(d)).map((d) => d.id));
  const directory: ReportDirectory = {
    knownUnit: (id) => ids.has(id),
    owingOf: (units) => (units.owing.some((u) => collective.has(u)) ? { ...units, owing: units.owing.filter((u) => !collective.has(u)) } : units),
    withUnits: (entries) =>
      entries.map((e) => {
        if (e.departmentId) return e;
        const unit = byName.get(e.reportedBy.trim());
        return unit ? { ...e, departmentId: unit } : e;
      }),
  };
  cache.set(departments, directory);
  return directory;
}
