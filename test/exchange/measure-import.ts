/**
 * Import figures over the memory storage and Dexie on fake-indexeddb (not a test; run with
 * `npx tsx test/exchange/measure-import.ts [tasks] [reports-per-task-periods]`). Synthetic data
 * (test/support/synthetic.ts). Prints, per storage: verify+preview, write, audit rows, the same file
 * again, and an unchanged snapshot with a higher sequence. The full bench is scripts/bench*.ts.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../shared/app/workspace';
import type { StoragePort } from '../../shared/app/storage';
import { DexieStorage } from '../../renderer/src/db/dexie-storage';
import { LedgerDb } from '../../renderer/src/db/schema';
import { createBundle } from '../../shared/exchange/bundle-format';
import { generateIdentity } from '../../shared/exchange/identity';
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

async function measure(name: string, storage: StoragePort, b: Awaited<ReturnType<typeof bundles>>) {
  const ws: Workspace = await openWorkspace(storage, { now: () => Date.UTC(2024, 6, 3) });
  await ws.trust.trust({ officeCode: OFFICE, publicKey: b.identity.publicKey });
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
  const audit2 = (await storage.listAll('audit')).length - audit;
  console.log(
    `${name} (${b.count} records, ${(b.first.length / 1024 / 1024).toFixed(1)} MB): into empty verify+merge ${verify} ms, write ${write} ms, audit rows ${audit}; ` +
      `same file again ${again} ms (${refused.kind === 'ready' ? 'ready?' : refused.refusal.code}); ` +
      `unchanged snapshot seq 2: verify+merge ${verify2} ms, write ${write2} ms, records to write ${Object.values(prepared2.writes).flat().length}, audit rows ${audit2}`,
  );
}

async function main() {
  const tasks = Number(process.argv[2] ?? 10_000);
  const dexieTasks = Number(process.argv[3] ?? 2_000);
  const big = await bundles(tasks);
  await measure('memory', new MemoryStorage(), big);
  const small = await bundles(dexieTasks);
  await measure('dexie/fake-indexeddb', new DexieStorage(new LedgerDb(`measure-${Date.now()}`)), small);
}

void main();
