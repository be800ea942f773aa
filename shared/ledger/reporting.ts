import type { Period } from '../domain/ids';
import { shiftPeriod } from '../domain/time';
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
}

/**
 * What is still missing for a period. A task owes a report unless it was already done before the
 * period began; a project unless it was completed or in operation, or a report before the period said
 * it was done (the same two ways a project is done in projectStatus). Each missing item is listed
 * under every unit that leads it, so each department sees its own list.
 */
export function reportingChecklist(plan: Pick<PlanData, 'projects' | 'progress'>, rows: readonly TaskRow[], period: Period): ReportingChecklist {
  const reported = new Set(plan.progress.filter((p) => p.period === period).map((p) => p.subjectId));
  const before = `${shiftPeriod(period, -1)}-31`;
  const owing: { item: MissingReport; units: string[] }[] = [];
  for (const r of rows) {
    const doneEarlier = r.task.completion !== null && r.task.completion.date <= before;
    const doneByReport = r.history.some((h) => h.period < period && (h.status === 'done' || h.percent >= 100));
    if (doneEarlier || doneByReport) continue;
    owing.push({ item: { kind: 'task', id: r.task.id, label: recordLabel(r.task, 'tasks') }, units: r.task.leads.map((l) => l.departmentId) });
  }
  const projectDoneBefore = new Set(
    plan.progress.filter((h) => h.subjectKind === 'project' && h.period < period && (h.status === 'done' || h.percent >= 100)).map((h) => h.subjectId),
  );
  for (const p of plan.projects) {
    if (p.constructionStatus === 'completed' || p.constructionStatus === 'in-operation' || projectDoneBefore.has(p.id)) continue;
    const units = p.responsibleUnitIds.length ? p.responsibleUnitIds : p.constructionUnitIds;
    owing.push({ item: { kind: 'project', id: p.id, label: `项目 ${p.number} ${p.name}` }, units });
  }
  const missing = new Map<string, MissingReport[]>();
  let done = 0;
  for (const { item, units } of owing) {
    if (reported.has(item.id)) {
      done += 1;
      continue;
    }
    for (const unit of units.length ? units : ['']) missing.set(unit, [...(missing.get(unit) ?? []), item]);
  }
  return {
    period,
    expected: owing.length,
    reported: done,
    coverage: owing.length ? Math.round((done / owing.length) * 1000) / 10 : 100,
    missingByDepartment: [...missing].map(([departmentId, items]) => ({ departmentId, items })).sort((a, b) => b.items.length - a.items.length),
  };
}
