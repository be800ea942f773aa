import type { Period } from '../domain/ids';
import type { ProgressEntry } from '../domain/progress';
import { figureReport, projectReportUnits, taskReportUnits, unitReport, type ReportUnits } from '../domain/reporting-rule';
import { groupBy } from './lookups';
import { reportDirectory } from './report-units';
import { shiftPeriod } from '../domain/time';
import { isBuilt } from '../domain/project-status';
import type { PlanData } from './plan-data';
import type { TaskRow } from './task-query';
import { recordLabel } from './record-label';

export interface MissingReport {
  kind: 'task' | 'project';
  id: string;
  label: string;
}

export interface ReportingChecklist {
  period: Period;
  /** Tasks and projects that owe a report for the period. */
  expected: number;
  reported: number;
  /** Percentage with one decimal; 100 when nothing is expected. */
  coverage: number;
  /** What is missing, grouped by the department that owes it (a task's lead units, a project's units). */
  missingByDepartment: { departmentId: string; items: MissingReport[] }[];
  /**
   * Every item owed, reported or not, under each department that owes it (most missing first), with
   * the report that stands for that department (its own, or the office's 代报) when it has one.
   */
  byDepartment: { departmentId: string; items: (MissingReport & { reported: boolean; entry?: ProgressEntry })[] }[];
}

/** The figure's report when it is of this very month (an item no unit owes: the office's or any unit's but a participant's). */
function monthFigure(units: ReportUnits, entries: readonly ProgressEntry[], period: Period, known: (id: string) => boolean): ProgressEntry | undefined {
  const figure = figureReport(units, entries.filter((e) => e.period <= period), `${period}-28`, known)?.entry;
  return figure?.period === period ? figure : undefined;
}

/**
 * What is still missing for a period, by the reporting rule (shared/domain/reporting-rule.ts,
 * RULES.md "Reports: whose counts"). A task owes a report from each of its lead units unless it was
 * completed (完成情况) before the period began: an older report of 100 % does not complete a task
 * (taskStatus); a project owes one from its 责任单位 (else its 建设单位) unless it was completed or in
 * operation, or a report before the period said it was done. A unit has reported when it sent its
 * own report (or the office recorded one for the item, 代报); a participating unit's 配合情况 never
 * counts for a lead. An item is reported when every unit that owes it has. A collective name (各成员单位 …)
 * owes nothing itself: it cannot send a report, and an item it alone leads is the office's to report.
 */
export function reportingChecklist(plan: Pick<PlanData, 'projects' | 'progress' | 'departments'>, rows: readonly TaskRow[], period: Period): ReportingChecklist {
  const directory = reportDirectory(plan.departments);
  const known = directory.knownUnit;
  const before = `${shiftPeriod(period, -1)}-31`;
  const owing: { item: MissingReport; units: ReportUnits; entries: readonly ProgressEntry[] }[] = [];
  for (const r of rows) {
    const doneEarlier = r.task.completion !== null && r.task.completion.date <= before;
    if (doneEarlier) continue;
    owing.push({ item: { kind: 'task', id: r.task.id, label: recordLabel(r.task, 'tasks') }, units: directory.owingOf(taskReportUnits(r.task)), entries: directory.withUnits(r.history) });
  }
  const projectReports = groupBy(
    directory.withUnits(plan.progress.filter((h) => h.subjectKind === 'project')),
    (h) => h.subjectId,
  );
  for (const p of plan.projects) {
    const entries = projectReports.get(p.id) ?? [];
    const units = directory.owingOf(projectReportUnits(p));
    const earlier = figureReport(units, entries.filter((h) => h.period < period), before, known)?.entry;
    if (isBuilt(p) || (earlier && (earlier.status === 'done' || earlier.percent >= 100))) continue;
    owing.push({ item: { kind: 'project', id: p.id, label: `项目 ${p.number} ${p.name}` }, units, entries });
  }
  const missing = new Map<string, MissingReport[]>();
  const all = new Map<string, (MissingReport & { reported: boolean; entry?: ProgressEntry })[]>();
  const add = <T>(map: Map<string, T[]>, unit: string, item: T) => {
    const list = map.get(unit);
    if (list) list.push(item);
    else map.set(unit, [item]);
  };
  let done = 0;
  for (const { item, units, entries } of owing) {
    // Each owing unit's own report (or the office's 代报); with none owing, the item's own report this month.
    const stands = units.owing.length
      ? units.owing.map((unit) => ({ unit, entry: unitReport(unit, units, entries, period, known) }))
      : [{ unit: '', entry: monthFigure(units, entries, period, known) }];
    if (stands.every((s) => s.entry)) done += 1;
    for (const { unit, entry } of stands) {
      add(all, unit, { ...item, reported: !!entry, ...(entry ? { entry } : {}) });
      if (!entry) add(missing, unit, item);
    }
  }
  const missingIn = (items: { reported: boolean }[]) => items.filter((i) => !i.reported).length;
  return {
    period,
    expected: owing.length,
    reported: done,
    coverage: owing.length ? Math.round((done / owing.length) * 1000) / 10 : 100,
    missingByDepartment: [...missing].map(([departmentId, items]) => ({ departmentId, items })).sort((a, b) => b.items.length - a.items.length),
    byDepartment: [...all].map(([departmentId, items]) => ({ departmentId, items })).sort((a, b) => missingIn(b.items) - missingIn(a.items)),
  };
}
