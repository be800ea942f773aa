import type { PlanData } from '../ledger/plan-data';
import type { Period } from '../domain/ids';
import type { ConstructionStatus, Project } from '../domain/project';
import type { ProgressEntry } from '../domain/progress';
import type { Task } from '../domain/task';
import { formatPeriodZh } from '../domain/time';
import { isBuilt } from '../domain/project-status';

/*
 * What goes on a department's fill-in form, apart from the workbook itself (dept-form.ts): kept
 * free of exceljs so the app can list departments and name files without loading it.
 */

/** One task or project a department reports on. */
export interface FormItem {
  kind: 'task' | 'project';
  id: string;
  number: string;
  name: string;
  /** 牵头 or 参与/责任/配合 for tasks; 建设单位 / 责任单位 for projects. */
  role: string;
  deadline: string;
  previous: ProgressEntry | undefined;
  constructionStatus?: ConstructionStatus;
}

function latestBefore(progress: readonly ProgressEntry[], id: string, period: Period): ProgressEntry | undefined {
  return progress
    .filter((p) => p.subjectId === id && p.period < period)
    .sort((a, b) => (a.period === b.period ? b.reportedAt.localeCompare(a.reportedAt) : b.period.localeCompare(a.period)))[0];
}

function taskRole(task: Task, departmentId: string): string | null {
  const all = [task, ...(task.parts ?? [])];
  if (all.some((t) => t.leads.some((l) => l.departmentId === departmentId))) return '牵头';
  const p = all.flatMap((t) => t.participants).find((x) => x.departmentId === departmentId);
  return p ? p.role : null;
}

function projectRole(p: Project, departmentId: string): string | null {
  if (p.constructionUnitIds.includes(departmentId)) return '建设单位';
  if (p.responsibleUnitIds.includes(departmentId)) return '责任单位';
  return null;
}

/**
 * What a department reports on for a period: tasks it leads or takes part in that were not done
 * before the period, and projects it builds or answers for that are not completed.
 */
export function formItems(plan: PlanData, departmentId: string, period: Period): FormItem[] {
  const items: FormItem[] = [];
  for (const t of plan.tasks) {
    const role = taskRole(t, departmentId);
    if (!role) continue;
    if (t.completion && t.completion.date.slice(0, 7) < period) continue;
    items.push({ kind: 'task', id: t.id, number: t.number, name: `${t.domainLabel.length <= 10 ? `${t.domainLabel} ` : ''}${t.title}`, role, deadline: t.deadline.text, previous: latestBefore(plan.progress, t.id, period) });
  }
  for (const p of plan.projects) {
    const role = projectRole(p, departmentId);
    if (!role) continue;
    if (isBuilt(p)) continue;
    items.push({ kind: 'project', id: p.id, number: p.number, name: p.name, role, deadline: p.deadline?.text ?? p.period?.text ?? '', previous: latestBefore(plan.progress, p.id, period), constructionStatus: p.constructionStatus });
  }
  return items;
}

/** Departments that have something to report, in directory order. */
export function departmentsWithForms(plan: PlanData, period: Period): { departmentId: string; name: string; items: number }[] {
  return plan.departments.map((d) => ({ departmentId: d.id, name: d.name, items: formItems(plan, d.id, period).length })).filter((d) => d.items > 0);
}

export function formFileName(plan: PlanData, departmentId: string, period: Period): string {
  const dept = plan.departments.find((d) => d.id === departmentId)?.name ?? departmentId;
  return `${plan.office.name}_${dept}_${formatPeriodZh(period)}进展填报表.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
}
