import { EXIT } from '../../cli/zwc';
import { openWorkspaceDir } from '../../cli/workspace-dir';
import { binRows, restoreChange } from '../../shared/app/bin/bin';
import type { Workspace } from '../../shared/app/workspace';
import { addDepartmentChange, leaderChange, mergeDepartmentsChange, renameDepartmentChange } from '../../shared/views/directory-changes';
import { commonParticipantRole, deleteRecordChange, newProjectChange, newTaskChange, planYearWindow, projectEditChange, taskCompletionChange, taskEditChange } from '../../shared/views/record-edits';
import { scopeToPlan } from '../../shared/views/plan-scope';
import { TASK_DOMAIN_LABELS, type TaskDomain } from '../../shared/domain/task';
import { appWorkspace, captureIo, plainRows, tempDirs, zwcAt } from '../support/cli';

/**
 * Editing tasks, projects and the 单位名录 and the 回收站, from zwc and from the app's core calls
 * (as the editors and the directory page make them, over IndexedDB): the same records after each.
 */
const NOW = new Date('2026-11-20T02:00:00Z');
const zwc = zwcAt(NOW);
jest.setTimeout(90_000);
const tmp = tempDirs('zwc-records-');

async function both(): Promise<{ cli: () => Promise<Workspace>; app: Workspace }> {
  expect((await zwc('--workspace', tmp.dir, 'init', '--office', '150627')).code).toBe(EXIT.ok);
  const app = await appWorkspace(NOW);
  await app.setup.setUp('150627', 'seed');
  return { cli: () => openWorkspaceDir(tmp.dir, captureIo(NOW).io), app };
}

const plan = (ws: Workspace) => ws.records.readPlan('150627');
/** Records as both must hold them; a department added gets a fresh id on each side, so those are compared by name. */
async function same(cli: Workspace, app: Workspace): Promise<void> {
  const [a, b] = [await plan(cli), await plan(app)];
  expect(plainRows(a.tasks)).toEqual(plainRows(b.tasks));
  expect(plainRows(a.projects)).toEqual(plainRows(b.projects));
  const deps = (p: typeof a) => p.departments.map(({ id: _id, ...d }) => ({ ...d, aliases: [...d.aliases].sort() })).sort((x, y) => x.name.localeCompare(y.name));
  expect(deps(a)).toEqual(deps(b));
}

describe('zwc task edit and project edit: the editors’ change', () => {
  it('writes the same fields (trimmed, 完成时限 and 万元 parsed the same) and refuses what the editor refuses', async () => {
    const { cli, app } = await both();
    const data = await plan(app);
    const task = data.tasks[0];
    const project = data.projects[0];
    const lead = data.departments.find((d) => d.kind === 'department' && !task.leads.some((l) => l.departmentId === d.id))!;
    const years = planYearWindow(data, 2026);

    const t = await zwc('--workspace', tmp.dir, 'task', 'edit', task.id, '--title', ' 新的任务名称 ', '--deadline', '2027年6月底前', '--lead', lead.name);
    expect(t.err).toBe('');
    expect(t.code).toBe(EXIT.ok);
    await app.undo.commit(taskEditChange(task, { title: ' 新的任务名称 ', deadlineText: '2027年6月底前', leadIds: [lead.id] }, years));

    const p = await zwc('--workspace', tmp.dir, 'project', 'edit', project.number, '--planned-investment', '3,000万元', '--status', '在建', '--area', ' ');
    expect(p.code).toBe(EXIT.ok);
    await app.undo.commit(projectEditChange(project, { plannedInvestment: '3,000万元', constructionStatus: 'under-construction', area: ' ' }, years));

    await same(await cli(), app);
    const after = await plan(app);
    expect(after.tasks[0]).toMatchObject({ title: '新的任务名称', leads: [{ departmentId: lead.id }] });
    expect(after.tasks[0].deadline.text).toBe('2027年6月底前');
    expect(after.projects[0]).toMatchObject({ plannedInvestment: '3000', constructionStatus: 'under-construction', area: null });
    expect((await (await cli()).undo.next())?.label).toBe((await app.undo.next())?.label);

    const empty = await zwc('--workspace', tmp.dir, 'task', 'edit', task.id, '--title', '  ');
    expect(empty.code).toBe(EXIT.refused);
    expect(empty.err).toContain('请填写任务名称');
    const badWan = await zwc('--workspace', tmp.dir, 'project', 'edit', project.id, '--planned-investment', '很多');
    expect(badWan.code).toBe(EXIT.refused);
    expect(badWan.err).toContain('计划总投资');
    expect((await zwc('--workspace', tmp.dir, 'project', 'edit', project.id, '--status', '很好')).code).toBe(EXIT.refused);
    expect((await zwc('--workspace', tmp.dir, 'task', 'edit', 'nope', '--title', 'x')).code).toBe(EXIT.notFound);
    expect((await zwc('--workspace', tmp.dir, 'task', 'edit', task.id, '--lead', '没有的单位')).code).toBe(EXIT.refused);
    await same(await cli(), app);
  });
});

describe('zwc task edit: helping units, leaders and 年度安排, as the task editor writes them', () => {
  it('replaces them the same way, with the plan’s usual role word, and refuses a year out of the plan’s window', async () => {
    const { cli, app } = await both();
    const data = await plan(app);
    const task = data.tasks[1];
    const units = data.departments.filter((d) => d.kind === 'department' && !task.leads.some((l) => l.departmentId === d.id));
    const leader = data.leaders[0];
    const run = await zwc(
      ...['--workspace', tmp.dir, 'task', 'edit', task.id, '--participant', units[0].name, '--participant', `${units[1].name}:配合`],
      ...['--leader', leader.name, '--milestone', '2026,2025= 建成示范点 ', '--milestone', '2027='],
    );
    expect(run.err).toBe('');
    const years = planYearWindow(data, 2026);
    const role = commonParticipantRole(data.tasks);
    const change = taskEditChange(
      task,
      { participants: [{ departmentId: units[0].id, role }, { departmentId: units[1].id, role: '配合' }], leaderIds: [leader.id], milestones: [{ years: [2026, 2025], text: ' 建成示范点 ' }, { years: [2027], text: '' }] },
      years,
    );
    await app.undo.commit(change);
    await same(await cli(), app);
    expect((await plan(app)).tasks[1]).toMatchObject({ leaderIds: [leader.id], milestones: [{ years: [2025, 2026], text: '建成示范点' }] });
    const far = await zwc('--workspace', tmp.dir, 'task', 'edit', task.id, '--milestone', '1990=太早');
    expect(far.code).toBe(EXIT.refused);
    expect(far.err).toContain('年度安排的年份');
    expect((await zwc('--workspace', tmp.dir, 'task', 'edit', task.id, '--participant', `${units[0].name}:帮忙`)).code).toBe(EXIT.usage);
  });
});

describe('zwc department add|edit|merge and bin list|restore: the directory page and 回收站', () => {
  it('adds, renames (old name kept as alias), merges into the bin and restores, as the app does', async () => {
    const { cli, app } = await both();
    expect((await zwc('--workspace', tmp.dir, 'department', 'add', '--name', ' 旗档案局 ', '--kind', '部门')).code).toBe(EXIT.ok);
    const added = addDepartmentChange(await plan(app), ' 旗档案局 ', 'department', '150627-dep-app-1');
    if (!added.ok) throw new Error(added.problem);
    await app.undo.commit(added.change);
    const clash = await zwc('--workspace', tmp.dir, 'department', 'add', '--name', '旗档案局');
    expect(clash.code).toBe(EXIT.refused);
    expect(clash.err).toContain('“旗档案局”已在单位名录中');

    expect((await zwc('--workspace', tmp.dir, 'department', 'edit', '旗档案局', '--name', '旗档案馆')).code).toBe(EXIT.ok);
    let data = await plan(app);
    const renamed = renameDepartmentChange(data.departments, data.departments.find((d) => d.name === '旗档案局')!, '旗档案馆', []);
    if (!renamed.ok) throw new Error(renamed.problem);
    await app.undo.commit(renamed.change);
    await same(await cli(), app);
    expect((await plan(app)).departments.find((d) => d.name === '旗档案馆')?.aliases).toEqual(['旗档案局']);

    // Merge one seeded unit into another: references move, the dropped one goes to the bin.
    data = await plan(app);
    const [keep, drop] = data.departments.filter((d) => d.kind === 'department');
    const merged = await zwc('--workspace', tmp.dir, 'department', 'merge', '--keep', keep.name, '--drop', drop.name);
    expect(merged.err).toBe('');
    const merge = mergeDepartmentsChange(data, keep.id, drop.id);
    if (!merge.ok) throw new Error(merge.problem);
    await app.undo.commit(merge.change);
    await same(await cli(), app);
    expect((await plan(app)).departments.some((d) => d.id === drop.id)).toBe(false);

    const list = await zwc('--workspace', tmp.dir, 'bin', 'list');
    expect(list.out).toContain(`${drop.id}\t单位\t${drop.name}`);
    const appBin = await binRows(app.records, '150627');
    expect(appBin.map((r) => r.id)).toEqual([drop.id]);
    expect((await zwc('--workspace', tmp.dir, 'bin', 'restore', drop.id)).code).toBe(EXIT.ok);
    await app.undo.commit(restoreChange(appBin[0]));
    await same(await cli(), app);
    expect((await zwc('--workspace', tmp.dir, 'bin', 'list')).out).toContain('回收站是空的');
    expect((await zwc('--workspace', tmp.dir, 'bin', 'restore', drop.id)).code).toBe(EXIT.notFound);
    expect((await zwc('--workspace', tmp.dir, 'department', 'merge', '--keep', keep.name, '--drop', keep.name)).code).toBe(EXIT.refused);
  });
});

describe('zwc task add|complete|reopen|delete and project add|delete: 新增, 标记完成, 删除', () => {
  it('adds, completes, takes back and deletes as the app does, the deleted ones in the bin', async () => {
    const { cli, app } = await both();
    const scoped = async (ws: Workspace) => {
      const all = await plan(ws);
      return scopeToPlan(all, all.office.currentPlanId);
    };
    const added = await zwc('--workspace', tmp.dir, 'task', 'add', '--title', ' 建设再生资源回收站点 ', '--domain', '生活领域固体废物');
    expect(added.err).toBe('');
    const domain = (Object.keys(TASK_DOMAIN_LABELS) as TaskDomain[]).find((d) => TASK_DOMAIN_LABELS[d] === '生活领域固体废物')!;
    await app.undo.commit(newTaskChange(await scoped(app), '150627-task-app', domain, ' 建设再生资源回收站点 '));
    const byTitle = async (ws: Workspace) => (await plan(ws)).tasks.find((t) => t.title === '建设再生资源回收站点')!;
    const [cliTask, appTask] = [await byTitle(await cli()), await byTitle(app)];
    expect({ ...cliTask, id: '' }).toEqual({ ...appTask, id: '' });
    expect(added.out).toContain(cliTask.id);

    expect((await zwc('--workspace', tmp.dir, 'task', 'complete', cliTask.id, '--date', '2026-11-18', '--evidence', '验收文件')).code).toBe(EXIT.ok);
    await app.undo.commit(taskCompletionChange(appTask, { date: '2026-11-18', evidence: '验收文件' }));
    expect((await byTitle(await cli())).completion).toEqual((await byTitle(app)).completion);
    expect((await zwc('--workspace', tmp.dir, 'task', 'reopen', cliTask.id)).code).toBe(EXIT.ok);
    await app.undo.commit(taskCompletionChange(await byTitle(app), null));
    expect((await byTitle(await cli())).completion).toBeNull();
    expect((await zwc('--workspace', tmp.dir, 'task', 'reopen', cliTask.id)).code).toBe(EXIT.refused);

    const project = await zwc('--workspace', tmp.dir, 'project', 'add');
    expect(project.code).toBe(EXIT.ok);
    await app.undo.commit(newProjectChange(await scoped(app), '150627-prj-app'));
    const newest = async (ws: Workspace) => (await plan(ws)).projects.find((p) => p.source.file === 'user')!;
    expect({ ...(await newest(await cli())), id: '' }).toEqual({ ...(await newest(app)), id: '' });

    expect((await zwc('--workspace', tmp.dir, 'task', 'delete', cliTask.id)).code).toBe(EXIT.ok);
    await app.undo.commit(deleteRecordChange('tasks', await byTitle(app)));
    expect((await zwc('--workspace', tmp.dir, 'project', 'delete', (await newest(await cli())).id)).code).toBe(EXIT.ok);
    await app.undo.commit(deleteRecordChange('projects', await newest(app)));
    await same(await cli(), app);
    const bin = (await zwc('--workspace', tmp.dir, 'bin', 'list')).out;
    expect(bin).toContain(`${cliTask.id}\t任务`);
    expect((await binRows(app.records, '150627')).map((r) => r.table).sort()).toEqual(['projects', 'tasks']);
  });
});

describe('zwc leader add|edit: 新增领导 / 编辑领导', () => {
  it('stores the same leader as the directory page, and edits only what is given', async () => {
    const { cli, app } = await both();
    const data = await plan(app);
    const [d1, d2] = data.departments.filter((d) => d.kind === 'department');
    const add = await zwc('--workspace', tmp.dir, 'leader', 'add', '--name', ' 李四 ', '--title', '副旗长', '--department', d1.name);
    expect(add.err).toBe('');
    const added = leaderChange(data, { new: '150627-ldr-app' }, { name: ' 李四 ', title: '副旗长', departmentIds: [d1.id] });
    if (!added.ok) throw new Error(added.problem);
    await app.undo.commit(added.change);
    expect((await zwc('--workspace', tmp.dir, 'leader', 'edit', '李四', '--department', d2.name)).code).toBe(EXIT.ok);
    const appLeader = (await plan(app)).leaders.find((l) => l.name === '李四')!;
    const edited = leaderChange(data, appLeader, { name: appLeader.name, title: appLeader.title, departmentIds: [d2.id] });
    if (!edited.ok) throw new Error(edited.problem);
    await app.undo.commit(edited.change);
    const leaders = async (ws: Workspace) => (await plan(ws)).leaders.map(({ id: _id, ...l }) => l).sort((a, b) => a.name.localeCompare(b.name));
    expect(await leaders(await cli())).toEqual(await leaders(app));
    expect((await plan(app)).leaders.find((l) => l.name === '李四')).toMatchObject({ title: '副旗长', departmentIds: [d2.id] });
    expect((await zwc('--workspace', tmp.dir, 'leader', 'edit', '王五', '--title', 'x')).code).toBe(EXIT.notFound);
    expect((await zwc('--workspace', tmp.dir, 'leader', 'add', '--name', '赵六', '--department', '没有的单位')).code).toBe(EXIT.notFound);
  });
});
