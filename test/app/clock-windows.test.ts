import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { CLOCK_KEY, RecordsService } from '../../shared/app/records-service';
import { HybridClock } from '../../shared/sync/hlc';
import { loadSeedPlan } from '../../shared/seed/load-seed';

/**
 * Two windows of one profile share the database and the device id, each with its own clock. Their
 * writes must never carry one stamp (issue 23: "stamps stay unique across windows").
 */
const seed = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const [a, b] = seed.tasks;

describe('stamps of two windows of one profile', () => {
  it('a window continues after the last stamp the other wrote, even in the same millisecond', async () => {
    const storage = new MemoryStorage();
    const frozen = () => 1_700_000_000_000;
    const one = new RecordsService(storage, new HybridClock('laptop1', frozen));
    const two = new RecordsService(storage, new HybridClock('laptop1', frozen));
    await one.loadPlan(seed);
    await one.update('tasks', a.id, { title: '一号窗口改的' });
    await two.update('tasks', b.id, { title: '二号窗口改的' });
    await one.update('tasks', b.id, { summary: '一号窗口又改' });
    const stamps = [(await storage.get('tasks', a.id))?._stamps.title, (await storage.get('tasks', b.id))?._stamps.title, (await storage.get('tasks', b.id))?._stamps.summary];
    expect(new Set(stamps).size).toBe(3);
    expect([...stamps].sort()).toEqual(stamps);
    expect((await storage.get('settings', CLOCK_KEY))?.value).toBe(stamps[2]);
  });

  it('does not follow a kept stamp far ahead of the wall clock (a backup from a laptop with a wrong date)', () => {
    const clock = new HybridClock('laptop1', () => 1_700_000_000_000);
    clock.catchUp('001900000000000:000005:laptop1');
    expect(clock.tick().startsWith('001700000000000:')).toBe(true);
    clock.catchUp('not a stamp');
    clock.catchUp('001700000000000:000009:laptop1');
    expect(clock.tick()).toBe('001700000000000:000010:laptop1');
  });
});
