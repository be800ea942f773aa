import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../../shared/app/memory-storage';
import { RecordsService } from '../../../shared/app/records-service';
import { HybridClock } from '../../../shared/sync/hlc';
import { loadSeedPlan } from '../../../shared/seed/load-seed';
import { readUndoHistory, writeUndoHistory, UNDO_DEPTH } from '../../../shared/app/undo/undo-history';
import { openWorkspace } from '../../../shared/app/workspace';
import { setUpWorkspace } from '../../../shared/app/setup/setup';
import { ValidationError } from '../../../shared/app/change';
import { writeSetting } from '../../../shared/app/settings';

const plan = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds/150627-yijinhuoluo.json'), 'utf8')));

describe('the undo history is kept in the settings, so undo survives a reload', () => {
  it('reads back the inverses written, and they still undo', async () => {
    const storage = new MemoryStorage();
    const records = new RecordsService(storage, new HybridClock('dev1'));
    await records.loadPlan(plan);
    const task = plan.tasks[0];
    const inverse = await records.apply({ label: '改名', edits: [{ table: 'tasks', id: task.id, patch: { title: '新名称' } }] });
    await writeUndoHistory(storage, [inverse]);
    const read = await readUndoHistory(storage);
    expect(read).toEqual([inverse]);
    await records.apply(read[0]);
    expect((await records.get('tasks', task.id))?.title).toBe(task.title);
  });

  it('keeps the latest actions only, and drops an unreadable history instead of failing', async () => {
    const storage = new MemoryStorage();
    const many = Array.from({ length: UNDO_DEPTH + 5 }, (_, i) => ({ label: `撤销：第${i}步`, deletes: [{ table: 'tasks' as const, id: `t${i}` }] }));
    await writeUndoHistory(storage, many);
    const read = await readUndoHistory(storage);
    expect(read).toHaveLength(UNDO_DEPTH);
    expect(read[read.length - 1].label).toBe(`撤销：第${UNDO_DEPTH + 4}步`);
    await storage.transaction((tx) => writeSetting(tx, 'ledger.undo', 'garbage'));
    expect(await readUndoHistory(storage)).toEqual([]);
  });
});

const task = plan.tasks[0];

async function seeded() {
  const storage = new MemoryStorage();
  const ws = await openWorkspace(storage);
  await setUpWorkspace(ws, plan, 'plan');
  return { storage, ws };
}

describe('undo is a service of the workspace, the same for the app and zwc', () => {
  it('commits a change, undoes it, and says what was undone', async () => {
    const { ws } = await seeded();
    expect(await ws.undo.next()).toBeUndefined();
    await ws.undo.commit({ label: '修改任务', edits: [{ table: 'tasks', id: task.id, patch: { title: '新名称' } }] });
    expect((await ws.records.get('tasks', task.id))?.title).toBe('新名称');
    expect((await ws.undo.next())?.label).toBe('撤销：修改任务');
    expect(await ws.undo.undo()).toBe('修改任务');
    expect((await ws.records.get('tasks', task.id))?.title).toBe(task.title);
    expect(await ws.undo.undo()).toBeNull();
  });

  it('keeps the history in the workspace: a second opening (a reload, the next zwc run) undoes what the first did', async () => {
    const { storage, ws } = await seeded();
    await ws.undo.commit({ label: '第一步', edits: [{ table: 'tasks', id: task.id, patch: { title: '一' } }] });
    await ws.undo.commit({ label: '第二步', edits: [{ table: 'tasks', id: task.id, patch: { title: '二' } }] });
    const again = await openWorkspace(storage);
    expect(await again.undo.undo()).toBe('第二步');
    expect((await again.records.get('tasks', task.id))?.title).toBe('一');
    expect(await ws.undo.undo()).toBe('第一步');
    expect((await ws.records.get('tasks', task.id))?.title).toBe(task.title);
  });

  it('a refused change leaves the history as it was; the history keeps the latest actions only', async () => {
    const { ws } = await seeded();
    await expect(ws.undo.commit({ label: '坏的', edits: [{ table: 'tasks', id: task.id, patch: { title: '' } }] })).rejects.toBeInstanceOf(ValidationError);
    expect(await ws.undo.history()).toEqual([]);
    for (let i = 0; i < UNDO_DEPTH + 2; i += 1) await ws.undo.commit({ label: `第${i}步`, edits: [{ table: 'tasks', id: task.id, patch: { title: `名称${i}` } }] });
    const history = await ws.undo.history();
    expect(history).toHaveLength(UNDO_DEPTH);
    expect(history[0].label).toBe('撤销：第2步');
  });
});
