import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../../shared/app/workspace';
import { setUpWorkspace } from '../../../shared/app/setup/setup';
import { receiverOf } from '../../../shared/exchange/rules';
import { loadSeedPlan } from '../../../shared/seed/load-seed';

import { cityOverview, readCityData } from '../../../shared/app/city/city-overview-service';

/**
 * The city's conflict choices (处理冲突（仅本机）) as the city's data reads them for the workbook
 * (readCityData.cityChoices), from real signed bundles: two laptops of 伊金霍洛旗 and 鄂尔多斯市.
 */
const seed = (file: string) => loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds', file), 'utf8')));
const YIQI = seed('150627-yijinhuoluo.json');
const ORDOS = seed('150600-ordos.json');
const TASK = '150627-task-007';

// Beijing time 2026-11-20 10:03 and 10:41 (UTC 02:03 and 02:41).
const T_A = Date.parse('2026-11-20T02:03:00Z');
const T_B = Date.parse('2026-11-20T02:41:00Z');
const LATER = Date.parse('2026-11-21T01:00:00Z');

async function laptop(plan: typeof YIQI, at: number, id: string): Promise<Workspace> {
  // The device id is made of these 8 bytes; every write of this laptop is stamped at its moment `at`.
  const bytes = new TextEncoder().encode(id.padEnd(8, '0').slice(0, 8));
  const ws = await openWorkspace(new MemoryStorage(), { random: () => bytes, now: () => at });
  await setUpWorkspace(ws, plan, 'plan', new Date(at));
  return ws;
}

async function send(from: Workspace, officeCode: string) {
  const out = await from.exchange.exportBundle(officeCode, '2026-11', new Date(LATER));
  return { name: out.fileName, data: out.bytes };
}

/** Imports as a clerk would, trusting the sender's key (the fingerprint comparison is not the point here). */
async function receive(to: Workspace, officeCode: string, file: { name: string; data: Uint8Array }, label?: string) {
  const receiver = receiverOf(officeCode);
  let prepared = await to.exchange.prepareImport(receiver, file, new Date(LATER));
  if (prepared.kind === 'untrusted') {
    await to.trust.trust({ officeCode: prepared.officeCode, publicKey: prepared.publicKey, ...(label ? { label } : {}) });
    prepared = await to.exchange.prepareImport(receiver, file, new Date(LATER));
  }
  if (prepared.kind !== 'ready') throw new Error(`not imported: ${prepared.kind === 'refused' ? prepared.refusal.message : prepared.kind}`);
  await to.exchange.applyImport(prepared, new Date(LATER));
  return prepared;
}

describe('the city\'s conflict choices in its data', () => {
  it('names the field the city chose on a county record, and only while the record still shows that value', async () => {
    const a = await laptop(YIQI, T_A, 'aaaa1111');
    const b = await laptop(YIQI, T_B, 'bbbb2222');
    const city = await laptop(ORDOS, T_A, 'c1c1c1c1');
    await a.records.update('tasks', TASK, { title: '甲的写法' });
    await b.records.update('tasks', TASK, { title: '乙的写法' });
    await receive(city, '150600', await send(a, '150627'));
    await receive(city, '150600', await send(b, '150627'));
    expect((await readCityData(city, '150600')).cityChoices.size).toBe(0);

    const [c] = await city.exchange.conflictViews('150600', 'city');
    const side = c.sides.find((s) => s.value === '甲的写法');
    expect(side).toBeDefined();
    expect(await city.exchange.keepConflictSide('tasks', TASK, 'title', side?.stamp ?? '')).toEqual({ local: true });
    const data = await readCityData(city, '150600');
    expect([...data.cityChoices]).toEqual([[TASK, ['任务名称']]]);
    // The overview (which does not show choices) still reads the county's records.
    const { rows } = await cityOverview(city, '150600', '2026-11', '2026-11-21');
    expect(rows.find((r) => r.code === '150627')).toMatchObject({ hasData: true, received: true });

    // The county writes another title later: the city's choice no longer shows.
    await b.records.update('tasks', TASK, { title: '丙的写法' });
    await receive(city, '150600', await send(b, '150627'));
    expect((await readCityData(city, '150600')).cityChoices.size).toBe(0);
  });
});
