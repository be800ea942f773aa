import type { PlanData } from '../views/plan-data';
import type { Period } from '../domain/ids';
import type { ConstructionStatus } from '../domain/project';
import type { ProgressEntry } from '../domain/progress';
import { formatPeriodZh } from '../domain/time';
import { isBuilt } from '../domain/project-status';
import { figureReport, projectReportUnits, taskReportUnits } from '../domain/reporting-rule';
import { reportDirectory } from '../views/report-units';
import { isCollectiveDepartment } from '../domain/collective-name';
import type { ProblemRowReading } from './form-problems';
import { collectiveAssignments, departmentAssignment, isIssuingOffice, sheetRecipients, type RecipientScope } from '../print/assignment-sheet';

/*
 * What goes on a department's fill-in form, apart from the workbook itself (dept-form.ts): kept
 * free of exceljs so the app can list departments and name files without loading it.
 *
 * Who gets a form is who gets a 任务交办单 (print/assignment-sheet.ts, sheetRecipients): by
 * default the lead units (a task's 牵头单位; a project's 责任单位, else its 建设单位), with the scope
 * 'all' also the participating units, whose rows are then their own 配合情况. Never the issuing
 * office (it records its own work in the ledger) and never a collective name (各成员单位,
 * 各镇人民政府 …): their work is named in the 说明 instead (see collectiveFormNotes).
 */

/** 仅牵头单位 (default) or 牵头和配合单位. */
export type FormScope = RecipientScope;

/** How the import preview names a row's role, decided from the task or project at import (dept-form.ts). */
export const FORM_ROLE_LABELS = { lead: '牵头报送', participant: '配合情况', other: '已不承担' } as const;

/** One task or project a department reports on. */
export interface FormItem {
  kind: 'task' | 'project';
  id: string;
  number: string;
  name: string;
  /**
   * The unit's share as the reporting rule sees it when the form is made: `lead` rows make the
   * task's or project's figure; `participant` rows are the unit's own 配合情况. (On import the
   * role is decided again from the task as it is then.)
   */
  share: 'lead' | 'participant';
  /** 牵头, or the plan's word 参与/责任/配合 for tasks; 建设单位 / 责任单位 for projects. */
  role: string;
  deadline: string;
  /** The figure before the period (a lead row), or the unit's own last 配合情况 (a participant row). */
  previous: ProgressEntry | undefined;
  constructionStatus?: ConstructionStatus;
}

/** Every entry before the period, attributed to its unit (older entries by their 填报单位 name). */
function before(plan: PlanData, id: string, period: Period): ProgressEntry[] {
  return reportDirectory(plan.departments).withUnits(plan.progress.filter((p) => p.subjectId === id && p.period < period));
}

function ownLatest(entries: readonly ProgressEntry[], departmentId: string): ProgressEntry | undefined {
  return entries
    .filter((e) => e.departmentId === departmentId)
    .sort((a, b) => (a.period === b.period ? b.reportedAt.localeCompare(a.reportedAt) || b.id.localeCompare(a.id) : b.period.localeCompare(a.period)))[0];
}

const END = '9999-12-31';

/**
 * What a department reports on for a period, in the scope: tasks it leads (and, with 'all', takes
 * part in) that were not done before the period, projects it answers for (with 'all', also those
 * it only builds) that are not built. Lead rows first, then the 配合情况 rows.
 */
export function formItems(plan: PlanData, departmentId: string, period: Period, scope: FormScope = 'lead'): FormItem[] {
  const dept = plan.departments.find((d) => d.id === departmentId);
  if (!dept) return [];
  const known = reportDirectory(plan.departments).knownUnit;
  const assignment = departmentAssignment(plan, dept, scope);
  const items: FormItem[] = [];
  for (const { task, role } of assignment.tasks) {
    if (task.completion && task.completion.date.slice(0, 7) < period) continue;
    const entries = before(plan, task.id, period);
    const lead = role === 'lead';
    items.push({
      kind: 'task',
      id: task.id,
      number: task.number,
      name: `${task.domainLabel.length <= 10 ? `${task.domainLabel} ` : ''}${task.title}`,
      share: lead ? 'lead' : 'participant',
      role: lead ? '牵头' : role,
      deadline: task.deadline.text,
      previous: lead ? figureReport(taskReportUnits(task), entries, END, known)?.entry : ownLatest(entries, departmentId),
    });
  }
  for (const { project, roles } of assignment.projects) {
    if (isBuilt(project)) continue;
    const entries = before(plan, project.id, period);
    items.push({
      kind: 'project',
      id: project.id,
      number: project.number,
      name: project.name,
      share: 'lead',
      role: roles.includes('construction') ? '建设单位' : '责任单位',
      deadline: project.deadline?.text ?? project.period?.text ?? '',
      previous: figureReport(projectReportUnits(project), entries, END, known)?.entry,
      constructionStatus: project.constructionStatus,
    });
  }
  return [...items.filter((i) => i.share === 'lead'), ...items.filter((i) => i.share === 'participant')];
}

export interface FormRecipient {
  departmentId: string;
  name: string;
  items: number;
  /** Rows that are the unit's own 配合情况 (scope 'all' only). */
  participantItems: number;
}

/** The departments that get a form in the scope (lead units by default), in directory order. */
export function departmentsWithForms(plan: PlanData, period: Period, scope: FormScope = 'lead'): FormRecipient[] {
  return sheetRecipients(plan, scope)
    .map((a) => {
      const items = formItems(plan, a.department.id, period, scope);
      return { departmentId: a.department.id, name: a.department.name, items: items.length, participantItems: items.filter((i) => i.share === 'participant').length };
    })
    .filter((d) => d.items > 0);
}

/** A collective name with work in the scope: no form goes to it; the 说明 names its tasks and who answers for them. */
export interface CollectiveFormNote {
  name: string;
  tasks: { number: string; title: string; role: string; leads: string[] }[];
  projects: { number: string; name: string }[];
}

export function collectiveFormNotes(plan: PlanData, period: Period, scope: FormScope = 'lead'): CollectiveFormNote[] {
  const name = (id: string) => plan.departments.find((d) => d.id === id)?.name ?? id;
  const recipient = (id: string) => {
    const d = plan.departments.find((x) => x.id === id);
    return !!d && !isIssuingOffice(d) && !isCollectiveDepartment(d);
  };
  return collectiveAssignments(plan, scope)
    .map((a) => ({
      name: a.department.name,
      tasks: a.tasks
        .filter(({ task }) => !(task.completion && task.completion.date.slice(0, 7) < period))
        .map(({ task, role }) => ({
          number: task.number,
          title: task.title,
          role: role === 'lead' ? '牵头' : role,
          leads: task.leads.map((l) => l.departmentId).filter((id) => id !== a.department.id && recipient(id)).map(name),
        })),
      projects: a.projects.filter(({ project }) => !isBuilt(project)).map(({ project }) => ({ number: project.number, name: project.name })),
    }))
    .filter((n) => n.tasks.length > 0 || n.projects.length > 0);
}

export function formFileName(plan: PlanData, departmentId: string, period: Period): string {
  const dept = plan.departments.find((d) => d.id === departmentId)?.name ?? departmentId;
  return `${plan.office.name}_${dept}_${formatPeriodZh(period)}进展填报表.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
}

/** The 问题整改 rows of read forms that carry a new 处理进展 (each becomes one follow-up): the count the app and zwc report. */
export function answeredProblemRows(previews: readonly { problemRows: readonly Pick<ProblemRowReading, 'status'>[] }[]): number {
  return previews.reduce((n, p) => n + p.problemRows.filter((r) => r.status === 'new').length, 0);
}
