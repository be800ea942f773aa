import { isCollectiveDepartment } from '../domain/collective-name';
import type { Department } from '../domain/department';
import type { IsoDate } from '../domain/ids';
import type { Project } from '../domain/project';
import type { ParticipantRole, Task } from '../domain/task';
import { formatDateZh, formatPeriodZh, periodOf, REPORT_DUE_DAY } from '../domain/time';
import { projectsOfDepartment } from '../views/department-stats';
import { nameLookup } from '../views/lookups';
import type { PlanData } from '../views/plan-data';
import { DOCUMENT_KIND_LABELS, documentFileName, type Block, type PrintDocument, type Sheet, type TableCell } from './document';
import type { PrintSettings } from './sheet-number';

/** A department's part in a task: it leads it, or takes part under the plan's role word. */
export type TaskRole = 'lead' | ParticipantRole;

export interface AssignedTask {
  task: Task;
  role: TaskRole;
  /** The department's stated duty in this task, where the plan gives one. */
  duty?: string;
}

export interface AssignedProject {
  project: Project;
  /** 建设单位, 责任单位, or both. */
  roles: ('construction' | 'responsible')[];
}

export interface DepartmentAssignment {
  department: Department;
  tasks: AssignedTask[];
  projects: AssignedProject[];
}

/**
 * Who a sheet (and a department form) goes to: 仅牵头单位 — the units that lead a task or answer
 * for a project, each given what it leads; or 牵头和配合单位 — every unit with a part, given its
 * lead and participating tasks alike.
 */
export type RecipientScope = 'lead' | 'all';

export const RECIPIENT_SCOPE_LABELS: Record<RecipientScope, string> = { lead: '仅牵头单位', all: '牵头和配合单位' };

/**
 * Everything a department is given in the plan: the tasks it leads or takes part in, the projects
 * it builds or answers for. With the scope 'lead': only the tasks it leads, and the projects it
 * answers for (责任单位) or builds where the project names no 责任单位.
 */
export function departmentAssignment(plan: Pick<PlanData, 'tasks' | 'projects'>, department: Department, scope: RecipientScope = 'all'): DepartmentAssignment {
  const tasks: AssignedTask[] = [];
  for (const task of [...plan.tasks].sort((a, b) => a.order - b.order)) {
    const lead = task.leads.find((l) => l.departmentId === department.id);
    const part = task.participants.find((p) => p.departmentId === department.id);
    if (lead) tasks.push({ task, role: 'lead', ...(lead.duty ? { duty: lead.duty } : {}) });
    else if (part && scope === 'all') tasks.push({ task, role: part.role, ...(part.duty ? { duty: part.duty } : {}) });
  }
  const projects = projectsOfDepartment([...plan.projects].sort((a, b) => a.order - b.order), department.id)
    .filter((p) => scope === 'all' || p.responsibleUnitIds.includes(department.id) || p.responsibleUnitIds.length === 0)
    .map((project) => ({
      project,
      roles: [
        ...(project.constructionUnitIds.includes(department.id) ? (['construction'] as const) : []),
        ...(project.responsibleUnitIds.includes(department.id) ? (['responsible'] as const) : []),
      ],
    }));
  return { department, tasks, projects };
}

/** The issuing office itself (旗无废办) is never sent a sheet. */
export function isIssuingOffice(department: Pick<Department, 'name'>): boolean {
  return /无废办$|无废城市建设工作领导小组办公室$/.test(department.name);
}

/**
 * The departments a sheet goes to, in the directory's order: every one with a task or a project in
 * the scope (lead units only unless asked), never the issuing office and never a collective name
 * (各成员单位, 各镇人民政府 …: see {@link collectiveAssignments}).
 */
export function sheetRecipients(plan: Pick<PlanData, 'departments' | 'tasks' | 'projects'>, scope: RecipientScope = 'lead'): DepartmentAssignment[] {
  return plan.departments
    .filter((d) => !isIssuingOffice(d) && !isCollectiveDepartment(d))
    .map((d) => departmentAssignment(plan, d, scope))
    .filter((a) => a.tasks.length > 0 || a.projects.length > 0);
}

/** The collective names that have work in the scope: no sheet goes to them; the dialog and the CLI name them instead. */
export function collectiveAssignments(plan: Pick<PlanData, 'departments' | 'tasks' | 'projects'>, scope: RecipientScope = 'lead'): DepartmentAssignment[] {
  return plan.departments
    .filter((d) => !isIssuingOffice(d) && isCollectiveDepartment(d))
    .map((d) => departmentAssignment(plan, d, scope))
    .filter((a) => a.tasks.length > 0 || a.projects.length > 0);
}

/** 3项任务、1个项目 */
export function assignmentCounts(a: Pick<DepartmentAssignment, 'tasks' | 'projects'>): string {
  return [a.tasks.length ? `${a.tasks.length}项任务` : '', a.projects.length ? `${a.projects.length}个项目` : ''].filter(Boolean).join('、');
}

export interface AssignmentRequest {
  departmentId: string;
  /** The sheet's number as issued (or a draft number for a preview). */
  number: string;
  issuedOn: IsoDate;
  /** A re-print lists what the issued sheet listed; otherwise everything the department has now. */
  taskIds?: readonly string[];
  projectIds?: readonly string[];
}

const ROLE_WORDS: Record<TaskRole, string> = { lead: '牵头', 参与: '参与', 责任: '责任', 配合: '配合' };

function dutyCell(a: AssignedTask, dept: (id: string) => string, selfId: string): TableCell {
  const others = (ids: string[]) => ids.filter((id) => id !== selfId).map(dept);
  const more: string[] = [];
  if (a.duty) more.push(`分工：${a.duty}`);
  if (a.role === 'lead') {
    const co = others(a.task.leads.map((l) => l.departmentId));
    if (co.length) more.push(`共同牵头：${co.join('、')}`);
    // The units that help, under the plan's own word for them (参与 / 责任 / 配合).
    for (const role of [...new Set(a.task.participants.map((p) => p.role))]) {
      const helpers = others(a.task.participants.filter((p) => p.role === role).map((p) => p.departmentId));
      if (helpers.length) more.push(`${ROLE_WORDS[role]}单位：${helpers.join('、')}`);
    }
  } else {
    const leads = others(a.task.leads.map((l) => l.departmentId));
    if (leads.length) more.push(`牵头单位：${leads.join('、')}`);
  }
  return { text: `${ROLE_WORDS[a.role]}单位`, strong: true, more, align: 'left' };
}

function milestoneFor(task: Task, year: number): string | undefined {
  const texts = task.milestones.filter((m) => m.years.includes(year)).map((m) => m.text);
  return texts.length ? texts.join('；') : undefined;
}

function reportMethodText(settings: PrintSettings, what: string): string {
  const form = `填写${settings.issuerShort}下发的月度进展填报表（Excel），按时报回`;
  const sheet = `在本交办单所列${what}后逐项写明进展，加盖单位公章后报送${settings.issuerShort}`;
  if (settings.reportMethod === 'form') return `${form}。`;
  if (settings.reportMethod === 'sheet') return `${sheet}。`;
  return `${form}；不便使用填报表的，也可${sheet}。`;
}

/** One department's 任务交办单: its tasks and projects, the reporting rules, the seal area and a receipt slip. */
export function assignmentSheet(plan: PlanData, request: AssignmentRequest, settings: PrintSettings): Sheet {
  const department = plan.departments.find((d) => d.id === request.departmentId);
  if (!department) throw new Error(`没有编号为 ${request.departmentId} 的单位`);
  const dept = nameLookup(plan.departments);
  const all = departmentAssignment(plan, department);
  const tasks = request.taskIds ? all.tasks.filter((a) => request.taskIds?.includes(a.task.id)) : all.tasks;
  const projects = request.projectIds ? all.projects.filter((a) => request.projectIds?.includes(a.project.id)) : all.projects;
  const year = Number(request.issuedOn.slice(0, 4));
  const withMilestones = plan.tasks.some((t) => t.milestones.length > 0);
  const office = plan.office.name;

  const counts = assignmentCounts({ tasks, projects });
  const blocks: Block[] = [
    { kind: 'title', text: `${office}“无废城市”建设任务交办单` },
    { kind: 'number', text: request.number },
    { kind: 'addressee', text: `${department.name}：` },
    {
      kind: 'paragraph',
      text: `根据${office}“无废城市”建设实施方案，现将你单位承担的${counts || '工作'}交办如下。请明确分管领导和具体责任人，细化工作措施，按时限要求完成，并按月报送进展。`,
    },
  ];

  let section = 0;
  const numeral = ['一', '二', '三', '四'];
  if (tasks.length) {
    blocks.push({ kind: 'heading', level: 1, text: `${numeral[section++]}、交办任务（${tasks.length}项）` });
    const rows: TableCell[][] = [];
    let domain = '';
    tasks.forEach((a, i) => {
      if (a.task.domainLabel !== domain) {
        domain = a.task.domainLabel;
        rows.push([{ text: domain, colSpan: withMilestones ? 5 : 4, align: 'left', strong: true }]);
      }
      const milestone = milestoneFor(a.task, year);
      rows.push([
        { text: String(i + 1), align: 'center' },
        { text: a.task.title, strong: true, more: [a.task.summary, `（方案${a.task.domainLabel}第${a.task.number}项）`].filter(Boolean), align: 'left' },
        dutyCell(a, dept, department.id),
        { text: a.task.deadline.text || '未规定', align: 'center' },
        ...(withMilestones ? [{ text: milestone ?? '—', align: milestone ? ('left' as const) : ('center' as const) }] : []),
      ]);
    });
    blocks.push({
      kind: 'table',
      columns: [
        { label: '序号', width: 9 },
        { label: '任务名称及主要内容', width: withMilestones ? 62 : 86 },
        { label: '本单位职责', width: 30 },
        { label: '完成时限', width: 24 },
        ...(withMilestones ? [{ label: `${year}年工作安排`, width: 36 }] : []),
      ],
      rows,
    });
  }
  if (projects.length) {
    blocks.push({ kind: 'heading', level: 1, text: `${numeral[section++]}、交办项目（${projects.length}个）` });
    blocks.push({
      kind: 'table',
      columns: [
        { label: '序号', width: 9 },
        { label: '项目名称及建设内容', width: 74 },
        { label: '本单位', width: 24 },
        { label: '总投资（万元）', width: 21 },
        { label: '建设周期', width: 28 },
      ],
      rows: projects.map((a, i) => [
        { text: String(i + 1), align: 'center' },
        { text: a.project.name, strong: true, more: [a.project.content, `（方案项目清单第${a.project.number}项）`].filter(Boolean), align: 'left' },
        { text: a.roles.map((r) => (r === 'construction' ? '建设单位' : '责任单位')).join('、'), align: 'center' },
        { text: a.project.investmentText ?? a.project.plannedInvestment ?? '—', align: 'center' },
        { text: a.project.period?.text ?? a.project.deadline?.text ?? '—', align: 'center' },
      ]),
    });
  }
  blocks.push({ kind: 'heading', level: 1, text: `${numeral[section++]}、报送要求` });
  blocks.push({
    kind: 'paragraph',
    text: `（一）报送时间。请于每月${REPORT_DUE_DAY}日前报送上月工作进展，内容包括本月进展、存在问题、下步计划和完成进度（%）${projects.length ? '；项目还须报送累计完成投资和本年完成投资（万元）' : ''}。`,
  });
  blocks.push({ kind: 'paragraph', text: `（二）报送方式。${reportMethodText(settings, [tasks.length ? '任务' : '', projects.length ? '项目' : ''].filter(Boolean).join('和') || '工作')}` });
  blocks.push({
    kind: 'paragraph',
    text: `（三）其他要求。任务完成后请及时报送完成情况和佐证材料；推进中遇到困难和问题，请随时报告${settings.issuerShort}。逾期未完成的任务将下发督办单。`,
  });
  blocks.push({
    kind: 'paragraph',
    text: `联系人：${settings.contact || '\u3000\u3000\u3000\u3000\u3000\u3000'}\u3000\u3000联系电话：${settings.phone || '\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000'}`,
  });
  blocks.push({ kind: 'signature', issuer: settings.issuer, date: formatDateZh(request.issuedOn), sealNote: '（盖章）' });
  blocks.push({
    kind: 'receipt',
    title: '任务交办单签收回执',
    number: request.number,
    recipient: department.name,
    note: `请签收后于3个工作日内将本回执交回${settings.issuerShort}。`,
  });
  return { label: department.name, orientation: 'portrait', footer: 'dash', blocks, departmentId: department.id, number: request.number };
}

/** The 任务交办单 for one or more departments as one document, each department's sheet starting on a new page. */
export function assignmentDocument(plan: PlanData, requests: readonly AssignmentRequest[], settings: PrintSettings, all = false): PrintDocument {
  return numberedDocument('assignment', plan, requests.map((r) => assignmentSheet(plan, r, settings)), requests[0]?.issuedOn, all);
}

/**
 * A numbered kind's sheets (任务交办单, 督办单) as one document, each department's starting on a new
 * page: 伊金霍洛旗“无废城市”建设督办单, named after its recipients and the month it was issued.
 */
export function numberedDocument(kind: 'assignment' | 'supervision', plan: Pick<PlanData, 'office'>, sheets: Sheet[], issuedOn: IsoDate | undefined, all = false): PrintDocument {
  const label = DOCUMENT_KIND_LABELS[kind];
  return {
    kind,
    title: `${plan.office.name}“无废城市”建设${label}`,
    fileName: documentFileName(label, recipientsLabel(sheets.map((s) => s.label), all), issuedOn ? formatPeriodZh(periodOf(issuedOn)) : undefined),
    sheets,
  };
}

/** 旗生态环境局, 旗生态环境局等3个单位, or 全部39个单位. */
function recipientsLabel(names: readonly string[], all = false): string {
  if (all && names.length > 1) return `全部${names.length}个单位`;
  if (names.length <= 1) return names[0] ?? '';
  return `${names[0]}等${names.length}个单位`;
}
