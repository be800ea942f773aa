/**
 * Import figures over the memory storage and Dexie on fake-indexeddb (not a test; run with
 * `npx tsx test/exchange/measure-import.ts [tasks] [reports-per-task-periods]`). Synthetic data
 * (test/support/synthetic.ts). Prints, per storage: verify+preview, write, audit rows, the same file
 * again, and an unchanged snapshot with a higher sequence. The full bench is scripts/bench*.ts.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { RecordsService } from '../../shared/app/records-service';
import { ExchangeService } from '../../shared/app/exchange/exchange-service';
import { TrustService } from '../../shared/app/trust/trust-service';
import { HybridClock } from '../../shared/sync/hlc';
import type { StoragePort } from '../../shared/app/storage';
import { DexieStorage } from '../../renderer/src/db/dexie-storage';
import { LocalDatabase } from '../../renderer/src/db/schema';
import { createBundle } from '../../shared/exchange/bundle-format';
import { generateIdentity } from '../../shared/exchange/identity';
import { verifyBundle } from '../../shared/exchange/verify';
import { emptyTables, type StoredRecord } from '../../shared/exchange/records';
import { formatStamp } from '../../shared/sync/hlc';
import { stampAll } from '../../shared/sync/stamped';
import { syntheticDepartments, syntheticProgress, syntheticTasks } from '../support/synthetic';

const OFFICE = '150627';
const CITY = { officeCode: '150600', level: 'city' as const };

async function bundles(tasks: number) {
  const deps = syntheticDepartments(OFFICE, 40);
  const t = syntheticTasks(OFFICE, tasks, deps);
  const periods = Array.from({ length: 6 }, (_, i) => `2024-0${i + 1}`);
  const p = syntheticProgress(t, periods);
  const stamp = formatStamp(Date.UTC(2024, 6, 1), 0, 'benchA');
  const s = <T extends object>(r: T) => stampAll(r, stamp) as unknown as StoredRecord;
  const records = { ...emptyTables(), departments: deps.map(s), tasks: t.map(s), progress: p.map(s) };
  const identity = await generateIdentity();
  const limits = { maxPayloadBytes: 256 * 1024 * 1024, maxValues: 16_000_000, maxRecords: 1_000_000 };
  const base = { records, identity, officeCode: OFFICE, deviceId: 'benchA', period: '2024-06', kind: 'snapshot' as const, now: new Date(Date.UTC(2024, 6, 2)), limits };
  const first = await createBundle({ ...base, sequence: 1 });
  const second = await createBundle({ ...base, sequence: 2 });
  return { first, second, identity, count: deps.length + t.length + p.length, limits };
}

async function ms<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await fn();
  return [Math.round(performance.now() - start), out];
}

interface Figures {
  verify: number;
  write: number;
  audit: number;
  again: number;
  againCode: string;
  verify2: number;
  verifyOnly: number;
  write2: number;
  writes2: number;
  audit2: number;
}

async function once(storage: StoragePort, b: Awaited<ReturnType<typeof bundles>>): Promise<Figures> {
  const records = new RecordsService(storage, new HybridClock('city1', () => Date.UTC(2024, 6, 3)));
  const ws = { exchange: new ExchangeService(storage, records, () => Promise.reject(new Error('no export here'))) };
  await new TrustService(storage).trust({ officeCode: OFFICE, publicKey: b.identity.publicKey });
  const now = new Date(Date.UTC(2024, 6, 3));
  const file = (data: Uint8Array, n: number) => ({ name: `f${n}.zwb`, data });
  const [verify, prepared] = await ms(() => ws.exchange.prepareImport(CITY, file(b.first, 1), now));
  if (prepared.kind !== 'ready') throw new Error(`not ready: ${JSON.stringify(prepared).slice(0, 300)}`);
  const [write] = await ms(() => ws.exchange.applyImport(prepared, now));
  const audit = (await storage.listAll('audit')).length;
  const [again, refused] = await ms(() => ws.exchange.prepareImport(CITY, file(b.first, 1), now));
  const [verify2, prepared2] = await ms(() => ws.exchange.prepareImport(CITY, file(b.second, 2), now));
  if (prepared2.kind !== 'ready') throw new Error('second not ready');
  const [write2] = await ms(() => ws.exchange.applyImport(prepared2, now));
  const trust = [{ officeCode: OFFICE, publicKey: b.identity.publicKey }];
  const [verifyOnly] = await ms(() => verifyBundle(b.second, { trust, now }));
  const audit2 = (await storage.listAll('audit')).length - audit;
  const againCode = refused.kind === 'ready' ? 'ready?' : refused.refusal.code;
  return { verify, write, audit, again, againCode, verify2, verifyOnly, write2, writes2: Object.values(prepared2.writes).flat().length, audit2 };
}

/** The fastest of `runs` runs, each on a fresh storage (the machine is shared: the minimum is the least disturbed). */
async function measure(name: string, make: () => StoragePort, b: Awaited<ReturnType<typeof bundles>>, runs = 3) {
  const all: Figures[] = [];
  for (let i = 0; i < runs; i++) all.push(await once(make(), b));
  const min = (k: keyof Figures) => Math.min(...all.map((f) => Number(f[k])));
  const f = all[0];
  console.log(
    `${name} (${b.count} records, ${(b.first.length / 1024 / 1024).toFixed(1)} MB), min of ${runs}: into empty verify+merge ${min('verify')} ms, write ${min('write')} ms, audit rows ${f.audit}; ` +
      `same file again ${min('again')} ms (${f.againCode}); ` +
      `unchanged snapshot seq 2: verify+merge ${min('verify2')} ms (verify alone ${min('verifyOnly')} ms), write ${min('write2')} ms, records written ${f.writes2}, audit rows ${f.audit2}`,
  );
}

async function main() {
  const tasks = Number(process.argv[2] ?? 10_000);
  const dexieTasks = Number(process.argv[3] ?? 2_000);
  const big = await bundles(tasks);
  await measure('memory', () => new MemoryStorage(), big);
  const small = await bundles(dexieTasks);
  let n = 0;
  await measure('dexie/fake-indexeddb', () => new DexieStorage(new LocalDatabase(`measure-${Date.now()}-${++n}`)), small);
}

void main();
