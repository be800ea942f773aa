import { binRows, restoreChange } from '../../shared/app/bin';
import { DEPARTMENT_KIND_LABELS, type DepartmentKind } from '../../shared/domain/department';
import { chinaToday } from '../../shared/domain/time';
import { newRecordId } from '../../shared/exchange/ownership';
import { addDepartmentChange, mergeDepartmentsChange, renameDepartmentChange, type DirectoryOutcome } from '../../shared/ledger/directory-changes';
import { scopeToPlan } from '../../shared/ledger/plan-scope';
import { constructionStatusNamed, planYearWindow, projectEditChange, taskEditChange, unitsNamed, type ProjectFields, type TaskFields } from '../../shared/ledger/record-edits';
import { TABLE_LABELS } from '../../shared/ledger/table-labels';
import type { Department } from '../../shared/domain/department';
import type { Change } from '../../shared/app/change';
import type { Options } from '../args';
import { dirOf, type Command, type CommandContext } from '../command';
import { InputError, NotFoundError, UsageError } from '../errors';
import { openOffice, type Office } from '../workspace-dir';

/**
 * Editing the plan's records and the 单位名录 from the command line, and the 回收站: the same core
 * builders as the app's editors and pages (shared/ledger/record-edits.ts, directory-changes.ts,
 * shared/app/bin.ts), every change committed through the workspace's one undo history.
 */

async function office(ctx: CommandContext): Promise<Office & { plan: Awaited<ReturnType<Office['ws']['ledger']['readPlan']>> }> {
  const o = await openOffice(dirOf(ctx), ctx.io);
  return { ...o, plan: await o.ws.ledger.readPlan(o.settings.officeCode) };
}

async function commit(o: Office, change: Change, ctx: CommandContext): Promise<void> {
  await o.ws.undo.commit(change);
  ctx.io.stdout(`已保存 / saved: ${change.label}\n`);
}

const outcome = (o: DirectoryOutcome): Change => {
  if (!o.ok) throw new InputError(o.problem);
  return o.change;
};

/** The value options given, as typed (an empty value clears the field where the editor allows it). */
const given = (args: Options, name: string): string | undefined => (args.has(name) ? (args.get(name) ?? '') : undefined);

function departmentNamed(departments: readonly Department[], name: string): Department {
  const found = departments.find((d) => d.name === name || d.aliases.includes(name) || d.id === name);
  if (!found) throw new NotFoundError(`单位名录中没有“${name}”`);
  return found;
}

export const taskEdit: Command = {
  name: 'task edit',
  summary: '修改任务（与任务编辑相同的检查；可撤销）/ edit a task',
  usage: '<任务编号> [--title 任务名称] [--summary 内容简介] [--number 序号] [--domain-label 领域名称] [--deadline 完成时限] [--lead 牵头单位 …]',
  details: '  <任务编号> 为任务的记录编号，或“领域名称 序号”（如“工业固体废物 3”）/ the task’s id or “领域 序号”\n',
  workspace: 'required',
  options: { title: { type: 'string' }, summary: { type: 'string' }, number: { type: 'string' }, 'domain-label': { type: 'string' }, deadline: { type: 'string' }, lead: { type: 'string', multiple: true } },
  async run(ctx) {
    const { args } = ctx;
    const wanted = args.positionals[0];
    if (!wanted) throw new UsageError('缺少任务编号 / missing the task');
    const o = await office(ctx);
    const current = scopeToPlan(o.plan, o.plan.office.currentPlanId).tasks;
    const task = o.plan.tasks.find((t) => t.id === wanted) ?? current.find((t) => `${t.domainLabel} ${t.number}` === wanted);
    if (!task) throw new NotFoundError(`没有编号为 ${wanted} 的任务`);
    const leads = args.all('lead');
    const fields: TaskFields = {
      title: given(args, 'title'),
      summary: given(args, 'summary'),
      number: given(args, 'number'),
      domainLabel: given(args, 'domain-label'),
      deadlineText: given(args, 'deadline'),
      ...(leads.length ? { leadIds: unitsNamed(o.plan.departments, leads) } : {}),
    };
    await commit(o, taskEditChange(task, fields, planYearWindow(o.plan, Number(chinaToday(ctx.io.now()).slice(0, 4)))), ctx);
  },
};

export const projectEdit: Command = {
  name: 'project edit',
  summary: '修改项目（与项目编辑相同的检查；可撤销）/ edit a project',
  usage:
    '<项目编号> [--name 名称] [--number 序号] [--content 建设内容] [--planned-investment 万元] [--category 类别] [--period 建设周期] [--deadline 完成时限] [--area 面积] [--benefit 效益] [--status 在建] [--construction-unit 单位 …] [--responsible-unit 单位 …]',
  details: '  <项目编号> 为项目的记录编号或序号；--status：未开工、在建、完工、投运 / by id or 序号\n',
  workspace: 'required',
  options: {
    name: { type: 'string' },
    number: { type: 'string' },
    content: { type: 'string' },
    'planned-investment': { type: 'string' },
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
    const wanted = args.positionals[0];
    if (!wanted) throw new UsageError('缺少项目编号 / missing the project');
    const o = await office(ctx);
    const current = scopeToPlan(o.plan, o.plan.office.currentPlanId).projects;
    const project = o.plan.projects.find((p) => p.id === wanted) ?? current.find((p) => p.number === wanted);
    if (!project) throw new NotFoundError(`没有编号为 ${wanted} 的项目`);
    const status = args.get('status');
    const units = (name: string) => (args.has(name) ? unitsNamed(o.plan.departments, args.all(name)) : undefined);
    const fields: ProjectFields = {
      name: given(args, 'name'),
      number: given(args, 'number'),
      content: given(args, 'content'),
      plannedInvestment: given(args, 'planned-investment'),
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

const KINDS = Object.keys(DEPARTMENT_KIND_LABELS) as DepartmentKind[];

export const departmentAdd: Command = {
  name: 'department add',
  summary: '新增单位（名称已在名录中则拒绝；可撤销）/ add a unit to the directory',
  usage: `--name 单位名称 [--kind ${KINDS.map((k) => DEPARTMENT_KIND_LABELS[k]).join('|')}]`,
  workspace: 'required',
  options: { name: { type: 'string' }, kind: { type: 'string' } },
  async run(ctx) {
    const name = ctx.args.need('name', '单位名称');
    const kindWord = ctx.args.get('kind') ?? DEPARTMENT_KIND_LABELS.department;
    const kind = KINDS.find((k) => k === kindWord || DEPARTMENT_KIND_LABELS[k] === kindWord);
    if (!kind) throw new UsageError(`--kind 应为 ${KINDS.map((k) => DEPARTMENT_KIND_LABELS[k]).join('、')} 之一：${kindWord}`);
    const o = await office(ctx);
    await commit(o, outcome(addDepartmentChange(o.plan, name, kind, newRecordId(o.settings.officeCode, 'dep'))), ctx);
  },
};

export const departmentEdit: Command = {
  name: 'department edit',
  summary: '单位更名（原名称保留为别名；可撤销）/ rename a unit, its old name kept as an alias',
  usage: '<单位名称> --name 新名称 [--alias 别名 …]',
  workspace: 'required',
  options: { name: { type: 'string' }, alias: { type: 'string', multiple: true } },
  async run(ctx) {
    const wanted = ctx.args.positionals[0];
    if (!wanted) throw new UsageError('缺少单位名称 / missing the unit');
    const name = ctx.args.need('name', '新名称');
    const o = await office(ctx);
    const department = departmentNamed(o.plan.departments, wanted);
    const aliases = ctx.args.has('alias') ? ctx.args.all('alias') : department.aliases;
    await commit(o, outcome(renameDepartmentChange(o.plan.departments, department, name, aliases)), ctx);
  },
};

export const departmentMerge: Command = {
  name: 'department merge',
  summary: '合并重复单位（并入单位的任务、项目、指标改为保留单位；可撤销）/ merge a duplicate unit into another',
  usage: '--keep 保留的单位 --drop 并入的单位',
  workspace: 'required',
  options: { keep: { type: 'string' }, drop: { type: 'string' } },
  async run(ctx) {
    const keepName = ctx.args.need('keep', '保留的单位');
    const dropName = ctx.args.need('drop', '并入的单位');
    const o = await office(ctx);
    const keep = departmentNamed(o.plan.departments, keepName);
    const drop = departmentNamed(o.plan.departments, dropName);
    await commit(o, outcome(mergeDepartmentsChange(o.plan, keep.id, drop.id)), ctx);
  },
};

export const binList: Command = {
  name: 'bin list',
  summary: '回收站：已删除的记录，最新的在前 / deleted records, newest first',
  usage: '',
  workspace: 'required',
  options: {},
  async run(ctx) {
    const { ws, settings } = await openOffice(dirOf(ctx), ctx.io);
    const rows = await binRows(ws.ledger, settings.officeCode);
    if (!rows.length) ctx.io.stdout('回收站是空的 / the bin is empty\n');
    for (const r of rows) ctx.io.stdout(`${r.id}\t${TABLE_LABELS[r.table]}\t${r.label}\n`);
  },
};

export const binRestore: Command = {
  name: 'bin restore',
  summary: '从回收站恢复记录（可撤销）/ put a deleted record back',
  usage: '<记录编号>',
  workspace: 'required',
  options: {},
  async run(ctx) {
    const id = ctx.args.positionals[0];
    if (!id) throw new UsageError('缺少记录编号（见 zwc bin list）/ missing the record id');
    const o = await openOffice(dirOf(ctx), ctx.io);
    const row = (await binRows(o.ws.ledger, o.settings.officeCode)).find((r) => r.id === id);
    if (!row) throw new NotFoundError(`回收站中没有记录 ${id}`);
    await commit(o, restoreChange(row), ctx);
  },
};

export const RECORD_COMMANDS: readonly Command[] = [taskEdit, projectEdit, departmentAdd, departmentEdit, departmentMerge, binList, binRestore];
