import type { Change } from '../app/change';
import type { Department } from '../domain/department';
import { parseWan } from '../domain/money';
import { parseDeadline } from '../domain/parse-deadline';
import { parseConstructionPeriod } from '../domain/parse-period';
import { CONSTRUCTION_STATUS_LABELS, type ConstructionStatus, type Project } from '../domain/project';
import type { Milestone, ParticipantRole, Task, TaskDomain, TaskParticipant } from '../domain/task';
import type { IsoDate } from '../domain/ids';
import { blankProject, blankTask } from './blank-records';
import { checkDeadlineText, checkText, checkWan, checkYear, TEXT_LIMITS, yearWindowFor, type YearWindow } from '../domain/validation';
import type { PlanData } from './plan-data';

/**
 * Editing a task's or a project's fields as the 任务 / 项目 editors do, for `zwc task edit` and
 * `zwc project edit`: the same field checks (the editors' messages), the same normalisation (texts
 * trimmed, a 完成时限 or 建设周期 parsed only when its text changed, 万元 read as typed), one
 * undoable change with the editors' label. Only the fields given are touched.
 */

/** The years a plan talks about (targets, baselines, deadlines, milestones) and this year: the window a typed year must fall in. */
export function planYears(plan: Pick<PlanData, 'indicators' | 'tasks' | 'projects'>, currentYear: number): number[] {
  const years = new Set<number>();
  for (const i of plan.indicators) {
    for (const t of i.targets) years.add(t.year);
    if (i.baseline) years.add(i.baseline.year);
  }
  for (const t of plan.tasks) {
    for (const p of t.deadline.points) years.add(Number(p.date.slice(0, 4)));
    for (const m of t.milestones) for (const y of m.years) years.add(y);
  }
  for (const p of plan.projects) for (const pt of p.deadline?.points ?? []) years.add(Number(pt.date.slice(0, 4)));
  years.add(currentYear);
  return [...years];
}

export const planYearWindow = (plan: Pick<PlanData, 'indicators' | 'tasks' | 'projects'>, currentYear: number): YearWindow => yearWindowFor(planYears(plan, currentYear));

export class RecordEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordEditError';
  }
}

/** Units named by name or alias, each once; an unknown name is refused. */
export function unitsNamed(departments: readonly Department[], names: readonly string[]): string[] {
  return [
    ...new Set(
      names.map((name) => {
        const found = departments.find((d) => d.name === name.trim() || d.aliases.includes(name.trim()));
        if (!found) throw new RecordEditError(`单位名录中没有“${name}”`);
        return found.id;
      }),
    ),
  ];
}

const required = (text: string | undefined, field: string) => (text !== undefined && !text.trim() ? `请填写${field}` : null);

function refuse(label: string, problems: (string | null)[]): void {
  const problem = problems.find((p) => p);
  if (problem) throw new RecordEditError(`${label}：${problem}`);
}

/** What `zwc task edit` can set; each absent field is left as it is. */
export interface TaskFields {
  domain?: TaskDomain;
  domainLabel?: string;
  number?: string;
  title?: string;
  summary?: string;
  deadlineText?: string;
  /** The lead units by department id (replacing the leads); a lead is no longer listed as helping. */
  leadIds?: readonly string[];
  /** The lead units with their duty (the editor's rows, replacing the leads); before leadIds when both are given. */
  leads?: readonly { departmentId: string; duty?: string }[];
  /** The helping units with their role word (replacing them); one that leads is left out. A duty given ('' for none) replaces the old one. */
  participants?: readonly { departmentId: string; role: ParticipantRole; duty?: string }[];
  leaderIds?: readonly string[];
  /** 年度安排 (replacing them): years sorted once each, text trimmed; an entry without text or years is dropped. */
  milestones?: readonly Milestone[];
}

/** The role word this plan uses most for helping units (参与 / 责任 / 配合): what a new helping unit takes. */
export function commonParticipantRole(tasks: readonly Pick<Task, 'participants'>[]): ParticipantRole {
  const counts = new Map<ParticipantRole, number>();
  for (const t of tasks) for (const p of t.participants) counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '参与';
}

export function taskEditChange(task: Task, fields: TaskFields, years: YearWindow): Change {
  const label = `${task.domainLabel} ${task.number}`;
  refuse(label, [
    required(fields.domainLabel, '方案中的领域名称'),
    required(fields.number, '序号'),
    fields.title === undefined ? null : checkText(fields.title, '任务名称', TEXT_LIMITS.title, true),
    fields.summary === undefined ? null : checkText(fields.summary, '内容简介', TEXT_LIMITS.long),
    fields.deadlineText === undefined ? null : checkDeadlineText(fields.deadlineText, '完成时限', years),
    ...(fields.milestones ?? []).flatMap((m) => m.years.map((y) => checkYear(y, '年度安排的年份', years))),
  ]);
  const patch: Partial<Task> = {
    ...(fields.domain !== undefined ? { domain: fields.domain } : {}),
    ...(fields.domainLabel !== undefined ? { domainLabel: fields.domainLabel.trim() } : {}),
    ...(fields.number !== undefined ? { number: fields.number.trim() } : {}),
    ...(fields.title !== undefined ? { title: fields.title.trim() } : {}),
    ...(fields.summary !== undefined ? { summary: fields.summary.trim() } : {}),
    ...(fields.deadlineText !== undefined ? { deadline: fields.deadlineText === task.deadline.text ? task.deadline : parseDeadline(fields.deadlineText) } : {}),
  };
  const withDuty = <T extends { departmentId: string; duty?: string }>(row: T, duty: string | undefined): T => {
    if (duty === undefined) return row;
    const { duty: _old, ...rest } = row;
    return (duty.trim() ? { ...rest, duty: duty.trim() } : rest) as T;
  };
  const leads: Task['leads'] = fields.leads
    ? fields.leads.map((l) => withDuty<Task['leads'][number]>({ departmentId: l.departmentId }, l.duty ?? ''))
    : fields.leadIds
      ? fields.leadIds.map((departmentId) => task.leads.find((l) => l.departmentId === departmentId) ?? { departmentId })
      : task.leads;
  if (fields.leads || fields.leadIds) patch.leads = leads;
  if (fields.leads || fields.leadIds || fields.participants) {
    const wanted: readonly TaskParticipant[] = fields.participants
      ? fields.participants.map((p) => withDuty<TaskParticipant>({ ...task.participants.find((q) => q.departmentId === p.departmentId), departmentId: p.departmentId, role: p.role }, p.duty))
      : task.participants;
    patch.participants = wanted.filter((p, i) => !leads.some((l) => l.departmentId === p.departmentId) && wanted.findIndex((q) => q.departmentId === p.departmentId) === i);
  }
  if (fields.leaderIds) patch.leaderIds = [...new Set(fields.leaderIds)];
  if (fields.milestones) {
    patch.milestones = fields.milestones.map((m) => ({ years: [...new Set(m.years.map(Number))].sort(), text: m.text.trim() })).filter((m) => m.text && m.years.length);
  }
  if (!Object.keys(patch).length) throw new RecordEditError(`${label}：没有要修改的内容`);
  return { label: `修改任务 ${label}`, edits: [{ table: 'tasks', id: task.id, patch }] };
}

/** What `zwc project edit` can set; each absent field is left as it is. */
export interface ProjectFields {
  number?: string;
  name?: string;
  content?: string;
  plannedInvestment?: string;
  /** 投资说明: how the plan words the amount. */
  investmentText?: string;
  category?: string;
  periodText?: string;
  deadlineText?: string;
  area?: string;
  benefit?: string;
  constructionStatus?: ConstructionStatus;
  constructionUnitIds?: readonly string[];
  responsibleUnitIds?: readonly string[];
}

/** A construction status by its word (在建) or its key (under-construction). */
export function constructionStatusNamed(word: string): ConstructionStatus {
  const found = (Object.keys(CONSTRUCTION_STATUS_LABELS) as ConstructionStatus[]).find((s) => s === word || CONSTRUCTION_STATUS_LABELS[s] === word);
  if (!found) throw new RecordEditError(`建设状态应为 ${Object.values(CONSTRUCTION_STATUS_LABELS).join('、')} 之一，不能为“${word}”`);
  return found;
}

export function projectEditChange(project: Project, fields: ProjectFields, years: YearWindow): Change {
  const label = `${project.number} ${project.name}`;
  refuse(label, [
    required(fields.number, '序号'),
    fields.name === undefined ? null : checkText(fields.name, '项目名称', TEXT_LIMITS.title, true),
    fields.content === undefined ? null : checkText(fields.content, '建设内容', TEXT_LIMITS.long),
    fields.plannedInvestment === undefined ? null : checkWan(fields.plannedInvestment, '计划总投资'),
    fields.deadlineText === undefined ? null : checkDeadlineText(fields.deadlineText, '完成时限', years),
  ]);
  const text = (t: string) => t.trim();
  const periodText = fields.periodText?.trim();
  const deadlineText = fields.deadlineText?.trim();
  const patch: Partial<Project> = {
    ...(fields.number !== undefined ? { number: text(fields.number) } : {}),
    ...(fields.name !== undefined ? { name: text(fields.name) } : {}),
    ...(fields.content !== undefined ? { content: text(fields.content) } : {}),
    ...(fields.plannedInvestment !== undefined ? { plannedInvestment: fields.plannedInvestment.trim() ? parseWan(fields.plannedInvestment) : null } : {}),
    ...(fields.investmentText !== undefined ? { investmentText: fields.investmentText.trim() || undefined } : {}),
    ...(fields.category !== undefined ? { category: fields.category.trim() || undefined } : {}),
    ...(periodText !== undefined ? { period: periodText === (project.period?.text ?? '') ? project.period : parseConstructionPeriod(periodText) } : {}),
    ...(deadlineText !== undefined ? { deadline: deadlineText === (project.deadline?.text ?? '') ? project.deadline : deadlineText ? parseDeadline(deadlineText) : null } : {}),
    ...(fields.area !== undefined ? { area: fields.area.trim() || null } : {}),
    ...(fields.benefit !== undefined ? { benefit: fields.benefit.trim() || null } : {}),
    ...(fields.constructionStatus !== undefined ? { constructionStatus: fields.constructionStatus } : {}),
    ...(fields.constructionUnitIds !== undefined ? { constructionUnitIds: [...fields.constructionUnitIds] } : {}),
    ...(fields.responsibleUnitIds !== undefined ? { responsibleUnitIds: [...fields.responsibleUnitIds] } : {}),
  };
  if (!Object.keys(patch).length) throw new RecordEditError(`${label}：没有要修改的内容`);
  return { label: `修改项目 ${label}`, edits: [{ table: 'projects', id: project.id, patch }] };
}

/** 标记完成 with the day and the evidence, or (null) 撤回“已完成”: the task drawer's change. */
export function taskCompletionChange(task: Task, completion: { date: IsoDate; evidence: string } | null): Change {
  const label = `任务 ${task.domainLabel} ${task.number}`;
  if (completion === null) {
    if (!task.completion) throw new RecordEditError(`${label}：尚未标记完成`);
    return { label: `取消完成 ${label}`, edits: [{ table: 'tasks', id: task.id, patch: { completion: null } }] };
  }
  refuse(label, [checkText(completion.evidence, '完成依据', TEXT_LIMITS.medium)]);
  return { label: `标记完成 ${label}`, edits: [{ table: 'tasks', id: task.id, patch: { completion: { date: completion.date, evidence: completion.evidence } } }] };
}

/** 新增任务: a title, numbered after the plan's last task (blank-records.ts). */
export function newTaskChange(plan: Pick<PlanData, 'office' | 'tasks'>, id: string, domain: TaskDomain, title: string): Change {
  refuse('新增任务', [checkText(title, '任务名称', TEXT_LIMITS.title, true)]);
  const task = blankTask(plan, id, domain, title);
  return { label: `新增任务 ${task.title}`, creates: [{ table: 'tasks', record: task }] };
}

/** 新增项目: numbered after the others, not started, its name to fill in. */
export function newProjectChange(plan: Pick<PlanData, 'office' | 'projects'>, id: string): Change {
  return { label: '新增项目', creates: [{ table: 'projects', record: blankProject(plan, id) }] };
}

/** 删除 in a task's or a project's drawer: to the bin, from where it can be restored. */
export function deleteRecordChange(table: 'tasks' | 'projects', record: Task | Project): Change {
  const label = table === 'tasks' ? `任务 ${(record as Task).domainLabel} ${(record as Task).number}` : `项目 ${(record as Project).number} ${(record as Project).name}`;
  return { label: `删除${label}`, deletes: [{ table, id: record.id }] };
}
