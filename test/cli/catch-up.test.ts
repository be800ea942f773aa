import { EXIT } from '../../cli/zwc';
import { openWorkspaceDir } from '../../cli/workspace-dir';
import type { Workspace } from '../../shared/app/workspace';
import { appWorkspace, captureIo, plainRows, tempDirs, zwcAt } from '../support/cli';

/** 补录历史 from zwc catch-up and from ws.catchUp as the page calls it: the same records and the same mark. */
const NOW = new Date('2026-11-20T02:00:00Z');
const zwc = zwcAt(NOW);
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-catch-up-');

async function both(): Promise<{ cli: () => Promise<Workspace>; app: Workspace }> {
  expect((await zwc('--workspace', tmp.dir, 'init', '--office', '150627')).code).toBe(EXIT.ok);
  const app = await appWorkspace(NOW);
  await app.setup.setUp('150627', 'seed');
  return { cli: () => openWorkspaceDir(tmp.dir, captureIo(NOW).io), app };
}

describe('zwc catch-up and 补录历史', () => {
  it('marks the same tasks done and projects’ status, and the history entered', async () => {
    const { cli, app } = await both();
    const data = await app.records.readPlan('150627');
    const taskIds = data.tasks.slice(0, 2).map((t) => t.id);
    const projectId = data.projects[0].id;
    expect((await zwc('--workspace', tmp.dir, 'catch-up', 'status')).out).toContain('尚未补录');

    const tasks = await zwc('--workspace', tmp.dir, 'catch-up', 'tasks', ...taskIds.flatMap((id) => ['--id', id]), '--date', '2024-05-10', '--evidence', '旗无废办总结');
    expect(tasks.err).toBe('');
    await app.catchUp.tasksDone('150627', taskIds, '2024-05-10', '旗无废办总结');
    expect((await zwc('--workspace', tmp.dir, 'catch-up', 'projects', '--id', projectId, '--status', '投运')).code).toBe(EXIT.ok);
    await app.catchUp.projectsStatus('150627', [projectId], 'in-operation');
    const [a, b] = [await (await cli()).records.readPlan('150627'), await app.records.readPlan('150627')];
    expect(plainRows(a.tasks)).toEqual(plainRows(b.tasks));
    expect(plainRows(a.projects)).toEqual(plainRows(b.projects));
    expect(b.tasks.filter((t) => taskIds.includes(t.id)).map((t) => t.completion)).toEqual([
      { date: '2024-05-10', evidence: '旗无废办总结' },
      { date: '2024-05-10', evidence: '旗无废办总结' },
    ]);

    const refused = await zwc('--workspace', tmp.dir, 'catch-up', 'tasks', '--id', taskIds[0], '--evidence', ' ');
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.err).toContain('完成依据');

    expect((await zwc('--workspace', tmp.dir, 'catch-up', 'done')).code).toBe(EXIT.ok);
    await app.catchUp.markCaughtUp(b.office.currentPlanId!);
    const cliWs = await cli();
    expect(await cliWs.catchUp.state('150627')).toEqual(await app.catchUp.state('150627'));
    expect((await zwc('--workspace', tmp.dir, 'catch-up', 'status')).out).toContain(`已补录完成 / done: ${NOW.toISOString()}`);
  });
});
