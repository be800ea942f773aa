import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../../shared/app/workspace';
import { setUpWorkspace } from '../../../shared/app/setup/setup';
import { workspaceSettings } from '../../../shared/app/settings';
import { loadSeedPlan } from '../../../shared/seed/load-seed';
import { countyPlanFromCity } from '../../../shared/views/city-plan';
import { batchSummary, nameCandidates, officeNamedIn, type BatchItem } from '../../../shared/app/exchange/import-batch';
import type { Receiver } from '../../../shared/exchange/rules';
import type { PlanRecords } from '../../../shared/views/plan-data';
import { countySummaries, notReported, overseenOffices } from '../../../shared/views/city-overview';
import { readCityData } from '../../../shared/app/city/city-overview-service';

/**
 * The city takes many county bundles in one step (shared/app/import-batch.ts, ExchangeService
 * prepareMany/applyMany): each file checked under its own name, file name against signed office,
 * merged one by one, and refused files kept in the history so the overview says they arrived.
 */
const seed = (file: string) => loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds', file), 'utf8')));
const YIQI = seed('150627-yijinhuoluo.json');
const ORDOS = seed('150600-ordos.json');
const CITY: Receiver = { officeCode: '150600', level: 'city' };
const NOW = new Date('2026-12-03T02:00:00Z');
const county = (code: string, name: string) => countyPlanFromCity(ORDOS, { code, name });

let n = 0;
async function laptop(plan: PlanRecords): Promise<Workspace> {
  const bytes = new TextEncoder().encode(`dev${String(++n).padStart(5, '0')}`);
  const ws = await openWorkspace(new MemoryStorage(), { random: () => bytes, now: () => NOW.getTime() - 3600_000 });
  await setUpWorkspace(ws, plan, 'plan', NOW);
  return ws;
}
async function send(ws: Workspace, name?: string) {
  const { officeCode } = (await workspaceSettings(ws.storage)) ?? { officeCode: '' };
  const out = await ws.exchange.exportBundle(officeCode, '2026-11', NOW);
  return { name: name ?? out.fileName, data: out.bytes };
}
const kinds = (items: BatchItem[]) => items.map((i) => i.prepared?.kind ?? 'unreadable');

describe('the office a file name names', () => {
  const candidates = nameCandidates(CITY);
  it('reads a division code first, then the longest office name (or the name without 旗/区)', () => {
    expect(officeNamedIn('伊金霍洛旗-150627-2026-11-abc-1.zwb', candidates)?.code).toBe('150627');
    expect(officeNamedIn('150622.zwb', candidates)?.name).toBe('准格尔旗');
    expect(officeNamedIn('鄂托克前旗11月报送.zwb', candidates)?.code).toBe('150623');
    expect(officeNamedIn('鄂托克旗11月.zwb', candidates)?.code).toBe('150624');
    expect(officeNamedIn('达拉特11月.zwb', candidates)?.code).toBe('150621');
    expect(officeNamedIn('11月报送.zwb', candidates)).toBeNull();
  });
});

describe('many bundles at once at the city', () => {
  it('checks each file by name, warns when the name and the signer differ, merges the good ones and keeps the refused in the history', async () => {
    const city = await laptop(ORDOS);
    const yiqiA = await laptop(YIQI);
    const yiqiB = await laptop(YIQI);
    const zhunge = await laptop(county('150622', '准格尔旗'));
    const dalate = await laptop(county('150621', '达拉特旗'));
    const a1 = await send(yiqiA);
    const a2 = await send(yiqiA);
    const files = [
      a2, // laptop A's second file before its first: merged oldest first all the same
      a1,
      await send(yiqiB),
      await send(zhunge),
      await send(dalate, '乌审旗-2026年11月.zwb'), // named for 乌审旗, signed by 达拉特旗
      { name: '东胜区.zwb', data: new TextEncoder().encode('not a bundle') },
      { name: '康巴什区.zwb', refusal: '「康巴什区.zwb」过大（40 MB），上限 20 MB，未读取。' },
    ];

    const first = await city.exchange.prepareMany(CITY, files, NOW);
    expect(kinds(first)).toEqual(['untrusted', 'untrusted', 'untrusted', 'untrusted', 'untrusted', 'refused', 'unreadable']);
    expect(first.map((i) => i.period)).toEqual(['2026-11', '2026-11', '2026-11', '2026-11', '2026-11', null, null]);
    expect(first[4].nameWarning).toContain('文件名写的是乌审旗，但文件内容来自达拉特旗');
    expect(first[3].nameWarning).toBeNull();
    expect(first[6].officeCode).toBe('150603'); // 康巴什区 from its name only

    // The clerk compares each new key's fingerprint, then trusts it (each laptop once).
    for (const item of first) {
      if (item.prepared?.kind !== 'untrusted') continue;
      if ((await city.trust.list()).some((k) => k.publicKey === (item.prepared?.kind === 'untrusted' ? item.prepared.publicKey : ''))) continue;
      await city.trust.trust({ officeCode: item.prepared.officeCode, publicKey: item.prepared.publicKey });
    }
    const items = await city.exchange.prepareMany(CITY, files, NOW);
    expect(kinds(items)).toEqual(['ready', 'ready', 'ready', 'ready', 'ready', 'refused', 'unreadable']);

    const results = await city.exchange.applyMany(CITY, items, NOW);
    const byName = new Map(results.map((r) => [r.fileName, r]));
    expect(byName.get(a1.name)?.outcome).toBe('merged');
    expect(byName.get(a2.name)?.outcome).toBe('merged');
    expect(byName.get('乌审旗-2026年11月.zwb')?.outcome).toBe('merged');
    expect(byName.get('东胜区.zwb')).toMatchObject({ outcome: 'refused' });
    expect(byName.get('康巴什区.zwb')).toMatchObject({ outcome: 'unreadable', officeCode: '150603' });
    expect(batchSummary(results)).toBe('已合并 5 个文件，未导入 2 个：东胜区.zwb、康巴什区.zwb');

    // The overview: merged offices reported, the refused one 已收到但未导入 with its reason, the rest not received.
    const data = await readCityData(city, '150600');
    const rows = countySummaries({ cityCode: '150600', ...data, period: '2026-11', today: '2026-12-03' });
    const row = (code: string) => rows.find((r) => r.code === code);
    expect(row('150627')).toMatchObject({ reportedForPeriod: true, hasData: true });
    expect(row('150621')?.reportedForPeriod).toBe(true);
    expect(row('150603')?.notImported?.reason).toContain('过大');
    expect(row('150602')?.notImported?.reason).toContain('不是本软件的交换文件');
    expect(row('150624')?.notImported).toBeNull();
    expect(notReported(rows).map((r) => r.code)).toEqual(overseenOffices('150600').map((o) => o.code).filter((c) => !['150627', '150621', '150622'].includes(c)));
  });

  it('checks a file again right before its merge: a second copy of a merged file is already imported, nothing written twice', async () => {
    const city = await laptop(ORDOS);
    const zhunge = await laptop(county('150622', '准格尔旗'));
    const file = await send(zhunge);
    const copy = { ...file, name: `副本-${file.name}` };
    const untrusted = await city.exchange.prepareMany(CITY, [file], NOW);
    if (untrusted[0].prepared?.kind !== 'untrusted') throw new Error('expected an untrusted key');
    await city.trust.trust({ officeCode: '150622', publicKey: untrusted[0].prepared.publicKey });
    const items = await city.exchange.prepareMany(CITY, [file, copy], NOW);
    expect(kinds(items)).toEqual(['ready', 'ready']);
    const results = await city.exchange.applyMany(CITY, items, NOW);
    expect(results.map((r) => r.outcome)).toEqual(['merged', 'already-imported']);
    const history = await city.exchange.history();
    expect(history.map((h) => h.outcome)).toEqual(['merged', 'already-imported']);
  });
});
