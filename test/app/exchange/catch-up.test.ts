import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../../shared/app/memory-storage';
import { RecordsService } from '../../../shared/app/records-service';
import { ValidationError } from '../../../shared/app/change';
import { workspaceOver } from '../../../shared/app/workspace';
import { HybridClock } from '../../../shared/sync/hlc';
import { loadSeedPlan } from '../../../shared/seed/load-seed';

/** ws.catchUp: 补录历史 as a service (the page, its notice on the dashboard and zwc catch-up use it). */
const seed = () => loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds/150627-yijinhuoluo.json'), 'utf8')));

async function office(at: Date) {
  const storage = new MemoryStorage();
  const ws = workspaceOver(storage, new RecordsService(storage, new HybridClock('dev-catch-up', () => at.getTime())), { now: () => at.getTime() });
  const plan = seed();
  await ws.records.loadPlan(plan);
  return { ws, code: plan.office.code, planId: plan.office.currentPlanId! };
}

describe('ws.catchUp', () => {
  it('is pending for a plan with past years until marked done, at the injected time', async () => {
    const at = new Date('2026-11-20T02:00:00Z');
    const { ws, code, planId } = await office(at);
    const plan = (await ws.planPeriods.list(code)).plans[0];
    expect(plan.fromYear).toBeLessThan(2026);
    expect(await ws.catchUp.pending(plan)).toBe(true);
    expect(await ws.catchUp.state(code)).toEqual({ planId, pastYears: true, caughtUpAt: null });
    await ws.catchUp.markCaughtUp(planId);
    expect(await ws.catchUp.pending(plan)).toBe(false);
    expect((await ws.catchUp.state(code)).caughtUpAt).toBe(at.toISOString());
  });

  it('is not pending in the plan’s first year', async () => {
    const { ws, code } = await office(new Date('2021-03-01T02:00:00Z'));
    const plan = (await ws.planPeriods.list(code)).plans[0];
    expect(plan.fromYear).toBe(2021);
    expect(await ws.catchUp.pending(plan)).toBe(false);
  });

  it('marks tasks done and projects’ status in bulk through the one undo history, and refuses an empty batch', async () => {
    const { ws, code } = await office(new Date('2026-11-20T02:00:00Z'));
    const data = await ws.records.readPlan(code);
    const taskIds = data.tasks.slice(0, 3).map((t) => t.id);
    await ws.catchUp.tasksDone(code, taskIds, '2024-05-10', ' 旗无废办总结 ');
    const done = (await ws.records.readPlan(code)).tasks.filter((t) => taskIds.includes(t.id));
    expect(done.map((t) => t.completion)).toEqual(taskIds.map(() => ({ date: '2024-05-10', evidence: '旗无废办总结' })));
    await ws.catchUp.projectsStatus(code, [data.projects[0].id], 'completed');
    expect((await ws.records.readPlan(code)).projects[0].constructionStatus).toBe('completed');
    expect((await ws.undo.next())?.label).toBe('撤销：补录 1 个项目的建设状态');
    await ws.undo.undo();
    await ws.undo.undo();
    expect((await ws.records.readPlan(code)).tasks.filter((t) => taskIds.includes(t.id)).every((t) => !t.completion)).toBe(true);
    await expect(ws.catchUp.tasksDone(code, [], '2024-05-10', 'x')).rejects.toThrow(ValidationError);
    await expect(ws.catchUp.tasksDone(code, taskIds, '2024-05-10', ' ')).rejects.toThrow('完成依据');
  });
});
