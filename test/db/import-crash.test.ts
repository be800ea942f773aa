import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { RecordsService } from '../../shared/app/records-service';
import { ExchangeService, type PreparedImport } from '../../shared/app/exchange/exchange-service';
import { TrustService } from '../../shared/app/trust/trust-service';
import { STORE_NAMES, type StoragePort, type StorageWriter } from '../../shared/app/storage';
import { DexieStorage } from '../../renderer/src/db/dexie-storage';
import { LocalDatabase } from '../../renderer/src/db/schema';
import { HybridClock } from '../../shared/sync/hlc';
import { createBundle } from '../../shared/exchange/bundle-format';
import { generateIdentity } from '../../shared/exchange/identity';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { stampAll } from '../../shared/sync/stamped';
import { emptyTables, type StoredRecord } from '../../shared/exchange/records';
import { formatStamp } from '../../shared/sync/hlc';

/**
 * Crash safety: an import interrupted at any point leaves the database exactly as it was. The
 * failure is injected in the storage adapter after N rows written (the port's writes), and on
 * Dexie also inside IndexedDB's own transaction while it commits (a hook that throws on the Nth row).
 */
const YIQI = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const NOW = new Date(Date.parse('2026-11-21T01:00:00Z'));
const CITY = { officeCode: '150600', level: 'city' as const };

class Injected extends Error {}

/** The storage with every transaction failing once `limit` rows have been put through it. */
function failingAfter(storage: StoragePort, limit: number): StoragePort {
  let written = 0;
  const wrap = (tx: StorageWriter): StorageWriter => ({
    ...tx,
    get: tx.get.bind(tx),
    getMany: tx.getMany.bind(tx),
    listBy: tx.listBy.bind(tx),
    listAll: tx.listAll.bind(tx),
    latest: tx.latest.bind(tx),
    clear: tx.clear.bind(tx),
    bulkPut: async (store, rows) => {
      const room = limit - written;
      if (room < rows.length) {
        await tx.bulkPut(store, rows.slice(0, Math.max(0, room)));
        throw new Injected(`injected failure after ${limit} rows`);
      }
      written += rows.length;
      await tx.bulkPut(store, rows);
    },
  });
  return {
    get: storage.get.bind(storage),
    getMany: storage.getMany.bind(storage),
    listBy: storage.listBy.bind(storage),
    listAll: storage.listAll.bind(storage),
    latest: storage.latest.bind(storage),
    transaction: (work) => storage.transaction((tx) => work(wrap(tx))),
  };
}

async function everything(storage: StoragePort) {
  return Object.fromEntries(await Promise.all(STORE_NAMES.map(async (n) => [n, await storage.listAll(n)])));
}

async function countyBundle() {
  const identity = await generateIdentity();
  const s = (r: object) => stampAll(r, formatStamp(Date.parse('2026-11-20T02:00:00Z'), 0, 'countyA')) as unknown as StoredRecord;
  const records = { ...emptyTables(), offices: [s(YIQI.office)], departments: YIQI.departments.map(s), tasks: YIQI.tasks.map(s), projects: YIQI.projects.map(s) };
  const bytes = await createBundle({ records, identity, officeCode: '150627', deviceId: 'countyA', sequence: 1, period: '2026-11', kind: 'snapshot', now: NOW });
  return { bytes, identity, count: Object.values(records).flat().length };
}

/** The city's exchange service over a storage. */
function cityOn(storage: StoragePort) {
  return new ExchangeService(storage, new RecordsService(storage, new HybridClock('city0001', () => NOW.getTime())), () => Promise.reject(new Error('no export')));
}

async function prepared(exchange: ExchangeService, data: Uint8Array): Promise<Extract<PreparedImport, { kind: 'ready' }>> {
  const p = await exchange.prepareImport(CITY, { name: 'county.zwb', data }, NOW);
  if (p.kind !== 'ready') throw new Error(`not ready: ${p.kind}`);
  return p;
}

let n = 0;
const adapters: [string, () => StoragePort][] = [
  ['memory storage', () => new MemoryStorage()],
  ['Dexie on fake-indexeddb', () => new DexieStorage(new LocalDatabase(`crash-${++n}`))],
];

describe.each(adapters)('an import interrupted on the %s', (_, make) => {
  it('leaves the database exactly as it was, wherever the writes stop', async () => {
    const county = await countyBundle();
    const storage = make();
    await new TrustService(storage).trust({ officeCode: '150627', publicKey: county.identity.publicKey }, NOW);
    const before = await everything(storage);
    // Every row the import writes is one point where it can stop: the first, the middle, the last ones.
    for (const limit of [0, 1, 2, Math.floor(county.count / 2), county.count - 1, county.count, county.count + 1, county.count + 2]) {
      const exchange = cityOn(failingAfter(storage, limit));
      const p = await prepared(exchange, county.bytes);
      await expect(exchange.applyImport(p, NOW)).rejects.toBeInstanceOf(Injected);
      expect(await everything(storage)).toEqual(before);
    }
    // Not interrupted, the same import goes through.
    const exchange = cityOn(storage);
    await exchange.applyImport(await prepared(exchange, county.bytes), NOW);
    expect((await storage.listBy('tasks', 'officeCode', '150627')).length).toBe(YIQI.tasks.length);
  });
});

describe('an import aborted inside IndexedDB’s own transaction (Dexie)', () => {
  it('leaves the database exactly as it was when the Nth row of the commit fails', async () => {
    const county = await countyBundle();
    const db = new LocalDatabase(`crash-native-${++n}`);
    const storage = new DexieStorage(db);
    await new TrustService(storage).trust({ officeCode: '150627', publicKey: county.identity.publicKey }, NOW);
    const exchange = cityOn(storage);
    // Where each store's latest row is (kept beside the rows, written in the same transaction) stays too.
    const state = async () => ({ ...(await everything(storage)), latest: await db.latest.toArray() });
    await storage.transaction((tx) => tx.bulkPut('departments', [{ id: '150600-d', officeCode: '150600', name: '市局', aliases: [], kind: 'department', _stamps: {}, _deleted: null, _updated: '000000000000001:000000:city' }]));
    const before = await state();
    expect(before.latest).toEqual([{ store: 'departments', key: '150600-d', stamp: '000000000000001:000000:city' }]);
    for (const limit of [1, Math.floor(county.count / 2), county.count]) {
      let rows = 0;
      const fail = () => {
        rows += 1;
        if (rows === limit) throw new Injected(`aborted at row ${limit}`);
      };
      for (const t of db.tables) t.hook('creating', fail);
      try {
        await expect(exchange.applyImport(await prepared(exchange, county.bytes), NOW)).rejects.toBeTruthy();
      } finally {
        for (const t of db.tables) t.hook('creating').unsubscribe(fail);
      }
      expect(rows).toBeGreaterThanOrEqual(limit);
      expect(await state()).toEqual(before);
    }
  });
});
