import type { Period } from '../domain/ids';
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
  /** Every item owed, reported or not, under each department that owes it (most missing first). */
  byDepartment: { departmentId: string; items: (MissingReport & { reported: boolean })[] }[];
}

/**
 * What is still missing for a period. A task owes a report unless it was completed (完成情况) before
 * the period began: an older report of 100 % does not complete a task (taskStatus); a project unless it was completed or in operation, or a report before the period said
 * it was done (the same two ways a project is done in projectStatus). Each missing item is listed
 * under every unit that leads it, so each department sees its own list.
 */
export function reportingChecklist(plan: Pick<PlanData, 'projects' | 'progress'>, rows: readonly TaskRow[], period: Period): ReportingChecklist {
  const reported = new Set(plan.progress.filter((p) => p.period === period).map((p) => p.subjectId));
  const before = `${shiftPeriod(period, -1)}-31`;
  const owing: { item: MissingReport; units: string[] }[] = [];
  for (const r of rows) {
    const doneEarlier = r.task.completion !== null && r.task.completion.date <= before;
    if (doneEarlier) continue;
    owing.push({ item: { kind: 'task', id: r.task.id, label: recordLabel(r.task, 'tasks') }, units: r.task.leads.map((l) => l.departmentId) });
  }
  const projectDoneBefore = new Set(
    plan.progress.filter((h) => h.subjectKind === 'project' && h.period < period && (h.status === 'done' || h.percent >= 100)).map((h) => h.subjectId),
  );
  for (const p of plan.projects) {
    if (isBuilt(p) || projectDoneBefore.has(p.id)) continue;
    const units = p.responsibleUnitIds.length ? p.responsibleUnitIds : p.constructionUnitIds;
    owing.push({ item: { kind: 'project', id: p.id, label: `项目 ${p.number} ${p.name}` }, units });
  }
  const missing = new Map<string, MissingReport[]>();
  const all = new Map<string, (MissingReport & { reported: boolean })[]>();
  let done = 0;
  for (const { item, units } of owing) {
    const isReported = reported.has(item.id);
    for (const unit of units.length ? units : ['']) all.set(unit, [...(all.get(unit) ?? []), { ...item, reported: isReported }]);
    if (isReported) {
      done += 1;
      continue;
    }
    for (const unit of units.length ? units : ['']) missing.set(unit, [...(missing.get(unit) ?? []), item]);
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
