import { binRows, restoreChange } from '../../shared/app/bin/bin';
import { DEPARTMENT_KIND_LABELS, type Department, type DepartmentKind } from '../../shared/domain/department';
import { newRecordId } from '../../shared/exchange/ownership';
import { addDepartmentChange, leaderChange, mergeDepartmentsChange, renameDepartmentChange, type DirectoryOutcome } from '../../shared/views/directory-changes';
import { TABLE_LABELS } from '../../shared/views/table-labels';
import type { Change } from '../../shared/app/change';
import { dirOf, type Command } from '../command';
import { InputError, NotFoundError, UsageError } from '../errors';
import { openOffice } from '../workspace-dir';
import { commit, office } from './records';

/**
 * The 单位名录 and the 回收站 from the command line, through the core builders the directory page and
 * 回收站 call (shared/views/directory-changes.ts, shared/app/bin.ts); every change undoable.
 */

const outcome = (o: DirectoryOutcome): Change => {
  if (!o.ok) throw new InputError(o.problem);
  return o.change;
};

function departmentNamed(departments: readonly Department[], name: string): Department {
  const found = departments.find((d) => d.name === name || d.aliases.includes(name) || d.id === name);
  if (!found) throw new NotFoundError(`单位名录中没有“${name}”`);
  return found;
}

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
    const rows = await binRows(ws.records, settings.officeCode);
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
    const row = (await binRows(o.ws.records, o.settings.officeCode)).find((r) => r.id === id);
    if (!row) throw new NotFoundError(`回收站中没有记录 ${id}`);
    await commit(o, restoreChange(row), ctx);
  },
};


const leaderOptions = { name: { type: 'string' }, title: { type: 'string' }, department: { type: 'string', multiple: true } } as const;

export const leaderAdd: Command = {
  name: 'leader add',
  summary: '新增责任领导（姓名、职务、分管单位；可撤销）/ add a leader',
  usage: '--name 姓名 [--title 职务] [--department 分管单位 …]',
  workspace: 'required',
  options: leaderOptions,
  async run(ctx) {
    const name = ctx.args.need('name', '姓名');
    const o = await office(ctx);
    const departmentIds = ctx.args.all('department').map((n) => departmentNamed(o.plan.departments, n).id);
    await commit(o, outcome(leaderChange(o.plan, { new: newRecordId(o.settings.officeCode, 'ldr') }, { name, title: ctx.args.get('title'), departmentIds })), ctx);
  },
};

export const leaderEdit: Command = {
  name: 'leader edit',
  summary: '修改责任领导（只改给出的项；可撤销）/ edit a leader',
  usage: '<姓名> [--name 新姓名] [--title 职务] [--department 分管单位 …]',
  workspace: 'required',
  options: leaderOptions,
  async run(ctx) {
    const wanted = ctx.args.positionals[0];
    if (!wanted) throw new UsageError('缺少领导姓名 / missing the leader');
    const o = await office(ctx);
    const leader = o.plan.leaders.find((l) => l.name === wanted || l.id === wanted);
    if (!leader) throw new NotFoundError(`没有名为 ${wanted} 的领导`);
    const departmentIds = ctx.args.has('department') ? ctx.args.all('department').map((n) => departmentNamed(o.plan.departments, n).id) : leader.departmentIds;
    await commit(o, outcome(leaderChange(o.plan, leader, { name: ctx.args.get('name') ?? leader.name, title: ctx.args.get('title') ?? leader.title, departmentIds })), ctx);
  },
};

export const LEADER_COMMANDS: readonly Command[] = [leaderAdd, leaderEdit];

export const DIRECTORY_COMMANDS: readonly Command[] = [departmentAdd, departmentEdit, departmentMerge, ...LEADER_COMMANDS, binList, binRestore];
