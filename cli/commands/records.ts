import { chinaToday } from '../../shared/domain/time';
import { newRecordId } from '../../shared/exchange/ownership';
import { scopeToPlan } from '../../shared/views/plan-scope';
import {
  commonParticipantRole,
  constructionStatusNamed,
  deleteRecordChange,
  newProjectChange,
  newTaskChange,
  planYearWindow,
  projectEditChange,
  taskCompletionChange,
  taskEditChange,
  unitsNamed,
  type ProjectFields,
  type TaskFields,
} from '../../shared/views/record-edits';
import { ParticipantRoleSchema, TASK_DOMAIN_LABELS, type Milestone, type Task, type TaskDomain } from '../../shared/domain/task';
import type { Project } from '../../shared/domain/project';
import { IsoDateSchema } from '../../shared/domain/ids';
import type { Change } from '../../shared/app/change';
import type { Options } from '../args';
import { dirOf, type Command, type CommandContext } from '../command';
import { InputError, NotFoundError, UsageError } from '../errors';
import { openOffice, type Office } from '../workspace-dir';

/**
 * Tasks and projects from the command line: adding, editing, 标记完成 and deleting, with the same
 * core builders as the app's editors and drawers (shared/views/record-edits.ts), every change
 * committed through the workspace's one undo history. The 单位名录 and 回收站 are in directory.ts.
 */

export async function office(ctx: CommandContext): Promise<Office & { plan: Awaited<ReturnType<Office['ws']['records']['readPlan']>> }> {
  const o = await openOffice(dirOf(ctx), ctx.io);
  return { ...o, plan: await o.ws.records.readPlan(o.settings.officeCode) };
}

export async function commit(o: Office, change: Change, ctx: CommandContext): Promise<void> {
  await o.ws.undo.commit(change);
  ctx.io.stdout(`已保存 / saved: ${change.label}\n`);
}

/** The value options given, as typed (an empty value clears the field where the editor allows it). */
const given = (args: Options, name: string): string | undefined => (args.has(name) ? (args.get(name) ?? '') : undefined);

type Opened = Awaited<ReturnType<typeof office>>;

/** A task by its record id or 领域名称 序号 in the plan in force. */
function taskNamed(o: Opened, wanted: string | undefined): Task {
  if (!wanted) throw new UsageError('缺少任务编号 / missing the task');
  const current = scopeToPlan(o.plan, o.plan.office.currentPlanId).tasks;
  const task = o.plan.tasks.find((t) => t.id === wanted) ?? current.find((t) => `${t.domainLabel} ${t.number}` === wanted);
  if (!task) throw new NotFoundError(`没有编号为 ${wanted} 的任务`);
  return task;
}

/** A project by its record id or 序号 in the plan in force. */
function projectNamed(o: Opened, wanted: string | undefined): Project {
  if (!wanted) throw new UsageError('缺少项目编号 / missing the project');
  const current = scopeToPlan(o.plan, o.plan.office.currentPlanId).projects;
  const project = o.plan.projects.find((p) => p.id === wanted) ?? current.find((p) => p.number === wanted);
  if (!project) throw new NotFoundError(`没有编号为 ${wanted} 的项目`);
  return project;
}

function leaderNamed(o: Opened, name: string): string {
  const found = o.plan.leaders.find((l) => l.name === name.trim() || l.id === name);
  if (!found) throw new NotFoundError(`没有名为 ${name} 的领导`);
  return found.id;
}

/** `--milestone 2025,2026=内容`: a 年度安排 entry. */
function milestoneOption(raw: string): Milestone {
  const at = raw.indexOf('=');
  const years = at < 0 ? [] : raw.slice(0, at).split(/[,，、]/).map((y) => y.trim());
  if (at < 0 || years.some((y) => !/^\d{4}$/.test(y))) throw new UsageError(`--milestone 应写作 2025,2026=内容：${raw}`);
  return { years: years.map(Number), text: raw.slice(at + 1) };
}

/** `--participant 单位[:角色]`: a helping unit, with the plan's usual role word unless given. */
function participantsOption(o: Opened, raws: readonly string[]): { departmentId: string; role: Task['participants'][number]['role'] }[] {
  const usual = commonParticipantRole(o.plan.tasks);
  return raws.map((raw) => {
    const [name, roleWord] = raw.split(/[:：]/);
    const role = ParticipantRoleSchema.safeParse(roleWord ?? usual);
    if (!role.success) throw new UsageError(`--participant 的角色应为 ${ParticipantRoleSchema.options.join('、')} 之一：${raw}`);
    return { departmentId: unitsNamed(o.plan.departments, [name])[0], role: role.data };
  });
}

export const taskEdit: Command = {
  name: 'task edit',
  summary: '修改任务（与任务编辑相同的检查；可撤销）/ edit a task',
  usage:
    '<任务编号> [--title 任务名称] [--summary 内容简介] [--number 序号] [--domain-label 领域名称] [--deadline 完成时限] [--lead 牵头单位 …] [--participant 单位[:参与|责任|配合] …] [--leader 领导姓名 …] [--milestone 2025,2026=内容 …]',
  details:
    '  <任务编号> 为任务的记录编号，或“领域名称 序号”（如“工业固体废物 3”）/ the task’s id or “领域 序号”\n' +
    '  --lead、--participant、--leader、--milestone 可重复，给出即整体替换原有的 / repeatable; given, they replace the old list\n',
  workspace: 'required',
  options: {
    title: { type: 'string' },
    summary: { type: 'string' },
    number: { type: 'string' },
    'domain-label': { type: 'string' },
    deadline: { type: 'string' },
    lead: { type: 'string', multiple: true },
    participant: { type: 'string', multiple: true },
    leader: { type: 'string', multiple: true },
    milestone: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const { args } = ctx;
    const o = await office(ctx);
    const task = taskNamed(o, args.positionals[0]);
    const leads = args.all('lead');
    const fields: TaskFields = {
      title: given(args, 'title'),
      summary: given(args, 'summary'),
      number: given(args, 'number'),
      domainLabel: given(args, 'domain-label'),
      deadlineText: given(args, 'deadline'),
      ...(leads.length ? { leadIds: unitsNamed(o.plan.departments, leads) } : {}),
      ...(args.has('participant') ? { participants: participantsOption(o, args.all('participant')) } : {}),
      ...(args.has('leader') ? { leaderIds: args.all('leader').map((n) => leaderNamed(o, n)) } : {}),
      ...(args.has('milestone') ? { milestones: args.all('milestone').map(milestoneOption) } : {}),
    };
    await commit(o, taskEditChange(task, fields, planYearWindow(o.plan, Number(chinaToday(ctx.io.now()).slice(0, 4)))), ctx);
  },
};

export const projectEdit: Command = {
  name: 'project edit',
  summary: '修改项目（与项目编辑相同的检查；可撤销）/ edit a project',
  usage:
    '<项目编号> [--name 名称] [--number 序号] [--content 建设内容] [--planned-investment 万元] [--investment-text 投资说明] [--category 类别] [--period 建设周期] [--deadline 完成时限] [--area 面积] [--benefit 效益] [--status 在建] [--construction-unit 单位 …] [--responsible-unit 单位 …]',
  details: '  <项目编号> 为项目的记录编号或序号；--status：未开工、在建、完工、投运 / by id or 序号\n',
  workspace: 'required',
  options: {
    name: { type: 'string' },
    number: { type: 'string' },
    content: { type: 'string' },
    'planned-investment': { type: 'string' },
    'investment-text': { type: 'string' },
    category: { type: 'string' },
    period: { type: 'string' },
    deadline: { type: 'string' },
    area: { type: 'string' },
    benefit: { type: 'string' },
    status: { type: 'string' },
    'construction-unit': { type: 'string', multiple: true },
    'responsible-unit': { type: 'string', multiple: true },
  },
  async run(ctx) {
    const { args } = ctx;
    const o = await office(ctx);
    const project = projectNamed(o, args.positionals[0]);
    const status = args.get('status');
    const units = (name: string) => (args.has(name) ? unitsNamed(o.plan.departments, args.all(name)) : undefined);
    const fields: ProjectFields = {
      name: given(args, 'name'),
      number: given(args, 'number'),
      content: given(args, 'content'),
      plannedInvestment: given(args, 'planned-investment'),
      investmentText: given(args, 'investment-text'),
      category: given(args, 'category'),
      periodText: given(args, 'period'),
      deadlineText: given(args, 'deadline'),
      area: given(args, 'area'),
      benefit: given(args, 'benefit'),
      ...(status !== undefined ? { constructionStatus: constructionStatusNamed(status) } : {}),
      constructionUnitIds: units('construction-unit'),
      responsibleUnitIds: units('responsible-unit'),
    };
    await commit(o, projectEditChange(project, fields, planYearWindow(o.plan, Number(chinaToday(ctx.io.now()).slice(0, 4)))), ctx);
  },
};

const DOMAINS = Object.keys(TASK_DOMAIN_LABELS) as TaskDomain[];

export const taskAdd: Command = {
  name: 'task add',
  summary: '新增任务（编号接在现行方案最后一项之后；可撤销）/ add a task to the plan in force',
  usage: `--title 任务名称 [--domain ${DOMAINS.join('|')}]`,
  details: `  --domain 可写领域名称：${DOMAINS.map((d) => TASK_DOMAIN_LABELS[d]).join('、')}（默认 ${TASK_DOMAIN_LABELS.other}）\n`,
  workspace: 'required',
  options: { title: { type: 'string' }, domain: { type: 'string' } },
  async run(ctx) {
    const title = ctx.args.need('title', '任务名称');
    const word = ctx.args.get('domain') ?? 'other';
    const domain = DOMAINS.find((d) => d === word || TASK_DOMAIN_LABELS[d] === word);
    if (!domain) throw new UsageError(`--domain 应为 ${DOMAINS.map((d) => TASK_DOMAIN_LABELS[d]).join('、')} 之一：${word}`);
    const o = await office(ctx);
    const id = newRecordId(o.settings.officeCode, 'task');
    await commit(o, newTaskChange(scopeToPlan(o.plan, o.plan.office.currentPlanId), id, domain, title), ctx);
    ctx.io.stdout(`编号 / id: ${id}\n`);
  },
};

export const taskComplete: Command = {
  name: 'task complete',
  summary: '标记任务已完成（完成日期与依据；可撤销）/ mark a task done',
  usage: '<任务编号> --evidence 完成依据 [--date 2026-11-20]',
  workspace: 'required',
  options: { evidence: { type: 'string' }, date: { type: 'string' } },
  async run(ctx) {
    const evidence = ctx.args.need('evidence', '完成依据');
    const date = IsoDateSchema.safeParse(ctx.args.get('date') ?? chinaToday(ctx.io.now()));
    if (!date.success) throw new InputError(`--date：${date.error.issues[0]?.message ?? ctx.args.get('date')}`);
    const o = await office(ctx);
    await commit(o, taskCompletionChange(taskNamed(o, ctx.args.positionals[0]), { date: date.data, evidence }), ctx);
  },
};

export const taskReopen: Command = {
  name: 'task reopen',
  summary: '撤回任务的“已完成”（可撤销）/ take a task’s completion back',
  usage: '<任务编号>',
  workspace: 'required',
  options: {},
  async run(ctx) {
    const o = await office(ctx);
    await commit(o, taskCompletionChange(taskNamed(o, ctx.args.positionals[0]), null), ctx);
  },
};

export const taskDelete: Command = {
  name: 'task delete',
  summary: '删除任务（进入回收站，可恢复）/ delete a task to the bin',
  usage: '<任务编号>',
  workspace: 'required',
  options: {},
  async run(ctx) {
    const o = await office(ctx);
    await commit(o, deleteRecordChange('tasks', taskNamed(o, ctx.args.positionals[0])), ctx);
  },
};

export const projectAdd: Command = {
  name: 'project add',
  summary: '新增项目（未开工，名称等用 project edit 填写；可撤销）/ add a project',
  usage: '',
  workspace: 'required',
  options: {},
  async run(ctx) {
    const o = await office(ctx);
    const id = newRecordId(o.settings.officeCode, 'prj');
    await commit(o, newProjectChange(scopeToPlan(o.plan, o.plan.office.currentPlanId), id), ctx);
    ctx.io.stdout(`编号 / id: ${id}\n`);
  },
};

export const projectDelete: Command = {
  name: 'project delete',
  summary: '删除项目（进入回收站，可恢复）/ delete a project to the bin',
  usage: '<项目编号>',
  workspace: 'required',
  options: {},
  async run(ctx) {
    const o = await office(ctx);
    await commit(o, deleteRecordChange('projects', projectNamed(o, ctx.args.positionals[0])), ctx);
  },
};

export const RECORD_COMMANDS: readonly Command[] = [taskAdd, taskEdit, taskComplete, taskReopen, taskDelete, projectAdd, projectEdit, projectDelete];
