import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { LedgerService } from '../../shared/app/ledger-service';
import { HybridClock } from '../../shared/sync/hlc';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { readUndoHistory, writeUndoHistory, UNDO_DEPTH } from '../../shared/app/undo-history';
import { writeSetting } from '../../shared/app/settings';

const plan = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));

describe('the undo history is kept in the settings, so undo survives a reload', () => {
  it('reads back the inverses written, and they still undo', async () => {
    const storage = new MemoryStorage();
    const ledger = new LedgerService(storage, new HybridClock('dev1'));
    await ledger.loadPlan(plan);
    const task = plan.tasks[0];
    const inverse = await ledger.apply({ label: '改名', edits: [{ table: 'tasks', id: task.id, patch: { title: '新名称' } }] });
    await writeUndoHistory(storage, [inverse]);
    const read = await readUndoHistory(storage);
    expect(read).toEqual([inverse]);
    await ledger.apply(read[0]);
    expect((await ledger.get('tasks', task.id))?.title).toBe(task.title);
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
