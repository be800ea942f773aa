import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../../shared/app/workspace';
import { setUpWorkspace } from '../../../shared/app/setup/setup';
import { loadSeedPlan } from '../../../shared/seed/load-seed';
import { countyPlanFromCity } from '../../../shared/views/city-plan';
import { readOfficePlans } from '../../../shared/app/city/office-scope';

/**
 * shared/app/office-scope.ts reads many offices' plans at once, per office through the index when
 * they are few of those held, each store once when they are most: either way exactly what
 * records.readPlan and records.list('problems') give office by office.
 */
const ORDOS = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds/150600-ordos.json'), 'utf8')));
const COUNTIES = [
  { code: '150627', name: '伊金霍洛旗' },
  { code: '150621', name: '达拉特旗' },
  { code: '150622', name: '准格尔旗' },
];

async function cityWithCounties(): Promise<Workspace> {
  const ws = await openWorkspace(new MemoryStorage(), { random: (k) => new Uint8Array(k).fill(7) });
  await setUpWorkspace(ws, ORDOS, 'plan', new Date('2026-12-03T02:00:00Z'));
  for (const c of COUNTIES) await ws.records.loadPlan(countyPlanFromCity(ORDOS, c));
  return ws;
}

async function expected(ws: Workspace, codes: readonly string[]) {
  const plans = new Map();
  const problems = new Map();
  for (const c of codes) {
    plans.set(c, await ws.records.readPlan(c));
    problems.set(c, await ws.records.list('problems', c));
  }
  return { plans, problems };
}

describe('readOfficePlans', () => {
  it('gives each office what readPlan gives, read per office or store by store, deleted records left out', async () => {
    const ws = await cityWithCounties();
    const gone = (await ws.records.readPlan('150621')).tasks[0];
    await ws.records.remove('tasks', gone.id);
    const held = await ws.storage.listAll('offices');
    expect(held).toHaveLength(4);
    const officesOf = (codes: readonly string[]) => held.filter((o) => codes.includes(o.code));

    // One of four offices: through the index, office by office.
    const one = await readOfficePlans(ws.storage, officesOf(['150621']), held.length);
    expect(one).toEqual(await expected(ws, ['150621']));
    expect(one.plans.get('150621')?.tasks.some((t) => t.id === gone.id)).toBe(false);
    expect(one.plans.get('150621')?.tasks.length).toBeGreaterThan(0);

    // Three of four: each store read once, grouped by office; the city's own records kept apart.
    const codes = COUNTIES.map((c) => c.code);
    const three = await readOfficePlans(ws.storage, officesOf(codes), held.length);
    expect(three).toEqual(await expected(ws, codes));
    expect([...three.plans.keys()].sort()).toEqual([...codes].sort());
    expect(three.plans.get('150627')?.tasks.every((t) => t.officeCode === '150627')).toBe(true);
  });
});
