import { EXIT } from '../../cli/zwc';
import { openWorkspaceDir } from '../../cli/workspace-dir';
import type { Workspace } from '../../shared/app/workspace';
import { chinaToday } from '../../shared/domain/time';
import { newRecordId } from '../../shared/exchange/ownership';
import { noProgressChange, NO_PROGRESS_TEXT } from '../../shared/views/no-progress';
import { progressEntry } from '../../shared/views/progress-entry';
import type { ProgressEntry } from '../../shared/domain/progress';
import { appWorkspace, captureIo, plain, tempDirs, zwcAt } from '../support/cli';

/**
 * The monthly cycle and the plan periods from `zwc` and from the app's core calls (as 月度调度 and
 * 设置 make them, over IndexedDB): the same records, and one undo history that both can undo.
 */
const NOW = new Date('2026-11-20T02:00:00Z');
const PERIOD = '2026-11';
const zwc = zwcAt(NOW);
// Several workspaces a test, on a shared machine.
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-monthly-');

async function both(): Promise<{ cli: () => Promise<Workspace>; app: Workspace }> {
  expect((await zwc('--workspace', tmp.dir, 'init', '--office', '150627')).code).toBe(EXIT.ok);
  const app = await appWorkspace(NOW);
  await app.setup.setUp('150627', 'seed');
  return { cli: () => openWorkspaceDir(tmp.dir, captureIo(NOW).io), app };
}

/** A report as both must write it: without its id (made fresh), its laptop and its envelope. */
const report = (p: ProgressEntry) => {
  const { id: _id, deviceId: _device, ...rest } = plain(p);
  return rest;
};
const reports = async (ws: Workspace) => (await ws.records.readPlan('150627')).progress.map(report).sort((a, b) => String(a.subjectId).localeCompare(String(b.subjectId)));

describe('本月无新进展 and undo: zwc and the app', () => {
  it('marks the same tasks and projects with the same reports, and zwc undo takes them back as the app would', async () => {
    const { cli, app } = await both();
    const plan = await app.records.readPlan('150627');
    const ids = [plan.tasks[0].id, plan.tasks[1].id, plan.projects[0].id];

    const run = await zwc('--workspace', tmp.dir, 'progress', 'no-news', '--period', PERIOD, ...ids.flatMap((id) => ['--id', id]));
    expect(run.err).toBe('');
    expect(run.out).toContain(NO_PROGRESS_TEXT);
    const result = noProgressChange(plan, ids, PERIOD, { now: NOW.toISOString(), deviceId: app.deviceId, newId: () => newRecordId('150627', 'pe') });
    await app.undo.commit(result.change!);

    const fromCli = await reports(await cli());
    expect(fromCli.length).toBe(result.marked.length);
    expect(fromCli).toEqual(await reports(app));
    const cliWs = await cli();
    expect((await cliWs.records.readPlan('150627')).progress.every((p) => p.deviceId === cliWs.deviceId)).toBe(true);
    expect(fromCli.every((r) => r.period === PERIOD && r.thisMonth === NO_PROGRESS_TEXT)).toBe(true);

    // Undo: the same history as the app keeps, across runs.
    expect((await zwc('--workspace', tmp.dir, 'undo', '--dry-run')).out).toContain('可撤销');
    const undone = await zwc('--workspace', tmp.dir, 'undo');
    expect(undone.code).toBe(EXIT.ok);
    await app.undo.undo();
    expect(await reports(await cli())).toEqual([]);
    expect(await reports(app)).toEqual([]);
    const nothing = await zwc('--workspace', tmp.dir, 'undo');
    expect(nothing.code).toBe(EXIT.refused);
    expect(nothing.err).toContain('没有可撤销的修改');
  });

  it('refuses ids that are not in the plan and needs --id or --all-unreported', async () => {
    await both();
    expect((await zwc('--workspace', tmp.dir, 'progress', 'no-news')).code).toBe(EXIT.usage);
    const bad = await zwc('--workspace', tmp.dir, 'progress', 'no-news', '--id', 'nope');
    expect(bad.code).toBe(EXIT.refused);
    expect(bad.err).toContain('nope');
    const all = await zwc('--workspace', tmp.dir, 'progress', 'no-news', '--all-unreported', '--period', PERIOD);
    expect(all.code).toBe(EXIT.ok);
    expect(all.out).toMatch(/已报送 \d+ 项任务/);
  });
});

describe('填报进展: zwc progress add and the app’s progress form', () => {
  it('stores the same report (texts trimmed, 万元 read the same) and refuses what the form refuses', async () => {
    const { cli, app } = await both();
    const plan = await app.records.readPlan('150627');
    const project = plan.projects[0];
    const unit = plan.departments.find((d) => d.kind === 'department')!;
    const run = await zwc(
      ...['--workspace', tmp.dir, 'progress', 'add', '--id', project.id, '--period', PERIOD, '--percent', '40', '--status', '推进中'],
      ...['--this-month', ' 完成主体结构 ', '--problems', '资金未到位', '--unit', unit.name, '--reported-by', '张三', '--investment-to-date', '3,000万元'],
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(EXIT.ok);
    const entry = progressEntry(
      { subjectKind: 'project', subjectId: project.id, period: PERIOD, percent: 40, status: 'in-progress', thisMonth: ' 完成主体结构 ', problems: '资金未到位', reportedBy: '张三', departmentId: unit.id, investmentToDate: '3,000万元' },
      { id: newRecordId('150627', 'pe'), officeCode: '150627', reportedAt: NOW.toISOString(), deviceId: app.deviceId },
    );
    await app.undo.commit({ label: `填报进展 ${project.number} ${project.name}`, appends: [{ table: 'progress', record: entry }] });
    expect(await reports(await cli())).toEqual(await reports(app));
    expect(await reports(app)).toEqual([expect.objectContaining({ thisMonth: '完成主体结构', investmentToDate: '3000' })]);
    expect((await (await cli()).undo.next())?.label).toBe((await app.undo.next())?.label);

    // A month's report cannot complete a task (that needs 完成情况): refused by the same rule.
    const done = await zwc('--workspace', tmp.dir, 'progress', 'add', '--id', plan.tasks[0].id, '--percent', '100', '--status', '已完成', '--this-month', '完成');
    expect(done.code).toBe(EXIT.refused);
    expect((await zwc('--workspace', tmp.dir, 'progress', 'add', '--id', 'nope', '--percent', '1', '--status', '推进中', '--this-month', 'x')).code).toBe(EXIT.notFound);
    expect((await zwc('--workspace', tmp.dir, 'progress', 'add', '--id', 'nope', '--percent', '1', '--status', '很好', '--this-month', 'x')).code).toBe(EXIT.usage);
  });
});

describe('plan periods: zwc plan and 设置', () => {
  it('revise, close and start the next plan give the same plan periods and carried tasks', async () => {
    const { cli, app } = await both();
    const today = chinaToday(NOW);
    expect((await zwc('--workspace', tmp.dir, 'plan', 'revise', '--note', '调整3项任务', '--on', '2024-06-01')).code).toBe(EXIT.ok);
    expect((await zwc('--workspace', tmp.dir, 'plan', 'close', '--on', '2026-01-10')).code).toBe(EXIT.ok);
    const next = await zwc('--workspace', tmp.dir, 'plan', 'next', '--title', '十五五方案', '--from', '2026', '--to', '2030');
    expect(next.err).toBe('');

    // As 设置 does: each change built by ws.planPeriods from the stored records, committed through the undo history.
    await app.undo.commit(await app.planPeriods.reviseChange('150627', '调整3项任务', '2024-06-01'));
    const planId = (await app.planPeriods.list('150627')).currentPlanId!;
    await app.undo.commit(await app.planPeriods.closeChange('150627', planId, '2026-01-10'));
    const carried = (await app.planPeriods.unfinished('150627', planId, today)).map((r) => r.task.id);
    await app.undo.commit(await app.planPeriods.openChange('150627', { title: '十五五方案', fromYear: 2026, toYear: 2030, carryTaskIds: carried, deadlineText: '2027年底前', carryIndicators: true }));

    const [a, b] = [await app.records.readPlan('150627'), await (await cli()).records.readPlan('150627')];
    expect(b.office.plans).toEqual(a.office.plans);
    expect(b.office.currentPlanId).toBe(a.office.currentPlanId);
    const carriedTitles = (p: typeof a) => p.tasks.filter((t) => t.planId === p.office.currentPlanId).map((t) => t.title).sort();
    expect(carriedTitles(b)).toEqual(carriedTitles(a));
    expect(carriedTitles(b).length).toBe(carried.length);
  });
});
