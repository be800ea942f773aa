import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from '../../../shared/app/memory-storage';
import type { SettingRow, StoragePort, StoreName } from '../../../shared/app/storage';
import { STORE_NAMES } from '../../../shared/app/storage';
import { openWorkspace } from '../../../shared/app/workspace';
import { appendImportHistory, EXCHANGE_KEYS, importHistory, recordSeenImport, saveSeenDevices, seenDevice, seenDevices } from '../../../shared/app/trust/trust-service';
import { PAGE_SIZE } from '../../../shared/app/trust/paged-list';
import type { ImportRecord } from '../../../shared/exchange/history';
import { receiverOf } from '../../../shared/exchange/rules';
import { FileStorage } from '../../../cli/file-storage';
import { closeCliStorage, openCliStorage } from '../../../cli/storage/open';
import { laptop, LATER, ORDOS, receive, send, T_A, TASK, YIQI } from '../../support/laptops';

/**
 * What an installation keeps of its imports (the history, what was merged from each laptop) is
 * written a page or a laptop at a time, so an import costs the same at the 1,000th file as at the
 * first (issue 29); a workspace that kept each in one row reads as before and goes on from it.
 */
const entry = (i: number): ImportRecord => ({
  at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
  bundleId: `b${i}`,
  officeCode: '150627',
  deviceId: 'laptop01',
  sequence: i,
  period: '2026-01',
  fingerprint: 'ABCD',
  fileName: `f${i}.zwb`,
  outcome: 'merged',
});

/** The settings rows each transaction writes. */
function recording(storage: StoragePort): { storage: StoragePort; writes: SettingRow[][] } {
  const writes: SettingRow[][] = [];
  const wrapped: StoragePort = {
    get: (s, k) => storage.get(s, k),
    getMany: (s, k) => storage.getMany(s, k),
    listBy: (s, f, v) => storage.listBy(s, f, v),
    listAll: (s) => storage.listAll(s),
    latest: (s) => storage.latest(s),
    transaction: (work) =>
      storage.transaction((tx) => {
        const mine: SettingRow[] = [];
        writes.push(mine);
        return work({
          ...tx,
          bulkPut: async (store, rows) => {
            if (store === 'settings') for (const r of rows) if ('key' in r && typeof r.key === 'string') mine.push({ key: r.key, value: r.value });
            return tx.bulkPut(store, rows);
          },
        });
      }),
  };
  return { storage: wrapped, writes };
}

const KEY = (i: number) => '150627/laptop' + String(i).padStart(2, '0');
const manifest = (i: number, sequence: number) => ({ officeCode: '150627', deviceId: `laptop${String(i).padStart(2, '0')}`, sequence, bundleId: `b${i}-${sequence}`, publicKey: Buffer.alloc(32, 7).toString('base64') });

describe('import history and seen laptops, stored a page or a laptop at a time', () => {
  it('the history: every entry in order, each append rewriting one page of at most PAGE_SIZE entries', async () => {
    const { storage, writes } = recording(new MemoryStorage());
    const n = 2 * PAGE_SIZE + 3;
    for (let i = 1; i <= n; i++) await storage.transaction((tx) => appendImportHistory(tx, entry(i)));
    expect((await importHistory(storage)).map((r) => r.sequence)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const last = writes[writes.length - 1];
    expect(last.map((r) => r.key)).toEqual(['exchange.imports.3', 'exchange.imports.pages']);
    expect(last[0].value).toHaveLength(3);
    expect(Math.max(...writes.flatMap((w) => w.map((r) => (Array.isArray(r.value) ? r.value.length : 0))))).toBe(PAGE_SIZE);
  });

  it('a history kept in one row (before pages) is read first and never rewritten', async () => {
    const { storage, writes } = recording(new MemoryStorage());
    await storage.transaction((tx) => tx.bulkPut('settings', [{ key: EXCHANGE_KEYS.history, value: [entry(1), entry(2)] }]));
    await storage.transaction((tx) => appendImportHistory(tx, entry(3)));
    expect((await importHistory(storage)).map((r) => r.sequence)).toEqual([1, 2, 3]);
    expect(writes[1].map((r) => r.key)).not.toContain(EXCHANGE_KEYS.history);
  });

  it('seen laptops: an import writes its own laptop only; a state kept in one row is read, then moved to rows when saved whole', async () => {
    const { storage, writes } = recording(new MemoryStorage());
    for (let i = 1; i <= 3; i++) await storage.transaction((tx) => recordSeenImport(tx, manifest(i, 1)));
    await storage.transaction((tx) => recordSeenImport(tx, manifest(2, 2)));
    expect(writes[3].map((r) => r.key)).toEqual([`exchange.seen/${KEY(2)}`]);
    expect(Object.keys(await seenDevices(storage))).toEqual([KEY(1), KEY(2), KEY(3)]);
    expect((await seenDevice(storage, '150627', 'laptop02'))[KEY(2)]).toMatchObject({ highestSequence: 2, bundleIds: ['b2-1', 'b2-2'] });
    expect(await seenDevice(storage, '150627', 'laptop09')).toEqual({});

    // A workspace of before: the whole state in exchange.seen.
    const old = new MemoryStorage();
    const whole = await seenDevices(storage);
    await old.transaction((tx) => tx.bulkPut('settings', [{ key: EXCHANGE_KEYS.seen, value: whole }]));
    expect(await seenDevices(old)).toEqual(whole);
    expect(await seenDevice(old, '150627', 'laptop03')).toEqual({ [KEY(3)]: whole[KEY(3)] });
    await old.transaction((tx) => recordSeenImport(tx, manifest(3, 5)));
    expect((await seenDevices(old))[KEY(3)].highestSequence).toBe(5);
    const { [KEY(1)]: _dropped, ...rest } = await seenDevices(old);
    await old.transaction((tx) => saveSeenDevices(tx, rest));
    expect((await old.get('settings', EXCHANGE_KEYS.seen))?.value).toEqual({});
    expect(await seenDevices(old)).toEqual(rest);
    expect(await seenDevice(old, '150627', 'laptop01')).toEqual({});
    await old.transaction((tx) => recordSeenImport(tx, manifest(1, 1)));
    expect(Object.keys(await seenDevices(old)).sort()).toEqual([KEY(1), KEY(2), KEY(3)]);
  });
});

jest.setTimeout(60_000);
afterAll(() => closeCliStorage(), 30_000);

describe("zwc's workspace of before (history and seen laptops in one row each)", () => {
  it('migrates to PGlite and goes on: a file seen before is still recognised, the next one merged, the history continued', async () => {
    const a = await laptop(YIQI, T_A, 'aaaa');
    const cityMem = await laptop(ORDOS, T_A, 'city');
    const first = await send(a, '150627');
    await receive(cityMem, '150627', first);
    // The same workspace as an older zwc kept it: workspace.json, the exchange state in single rows.
    const dir = mkdtempSync(join(tmpdir(), 'zwc-old-'));
    const file = FileStorage.open(dir);
    const history = await importHistory(cityMem.storage);
    const seen = await seenDevices(cityMem.storage);
    await file.transaction(async (tx) => {
      for (const name of STORE_NAMES as readonly StoreName[]) {
        const rows = await cityMem.storage.listAll(name);
        await tx.bulkPut(name, name === 'settings' ? (rows as SettingRow[]).filter((r) => !/^exchange\.(seen|imports)/.test(r.key)) : rows);
      }
      await tx.bulkPut('settings', [
        { key: EXCHANGE_KEYS.history, value: history },
        { key: EXCHANGE_KEYS.seen, value: seen },
      ]);
    });
    const city = await openWorkspace(await openCliStorage(dir), { random: () => new TextEncoder().encode('city0000'), now: () => LATER });
    expect(await city.exchange.history()).toEqual(history);

    const again = await city.exchange.prepareImport(receiverOf('150627'), first, new Date(LATER));
    expect(again.kind).toBe('refused');
    await a.records.update('tasks', TASK, { title: '第二个月改过的标题' });
    const second = await send(a, '150627');
    await receive(city, '150627', second);
    expect((await city.records.get('tasks', TASK))?.title).toBe('第二个月改过的标题');
    expect((await city.exchange.history()).map((r) => r.sequence)).toEqual([1, 2]);
    const device = Object.values(await seenDevices(city.storage));
    expect(device.map((d) => d.highestSequence)).toEqual([2]);
    expect((await city.storage.get('settings', EXCHANGE_KEYS.history))?.value).toEqual(history);
  });
});
