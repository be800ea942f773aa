/**
 * The browser side of the import write bench (scripts/bench-write.ts): where the app's write of a
 * 52k-record import into an empty database goes, case by case on the same rows, each on a fresh
 * origin. Not part of `npm run bench`; a tool for the write path (renderer/src/db).
 */
import Dexie from 'dexie';
import { LocalDatabase, currentStores } from '../renderer/src/db/schema';
import { openLocalDatabase } from '../renderer/src/app/local-database';
import { workspaceOver, type Workspace } from '../shared/app/workspace';
import { setUpWorkspace } from '../shared/app/setup/setup';
import { loadSeedPlan } from '../shared/seed/load-seed';
import { receiverOf } from '../shared/exchange/rules';
import { emptyTables, type BundleTables } from '../shared/exchange/records';
import { bytesOf, dexie, floor, jsonOf, now, tablesWithRows } from './bench-page-parts';
import { mergeTables } from '../shared/exchange/merge';
import { importAuditRow } from '../shared/app/audit';
import { importedChanges } from '../shared/app/exchange/exchange-service';

/**
 * The pieces of the app's commit on the rows a first import writes (merge output, `_seen` filled
 * in): cloning them, Dexie bulkPut of them alone, and the import's one audit row alone.
 */
async function parts(records: string): Promise<Record<string, number>> {
  const tables = await jsonOf<BundleTables>(records);
  const merged = mergeTables(emptyTables(), tables);
  const rows = merged.writes;
  const names = tablesWithRows(rows);
  const t0 = now();
  for (const n of names) for (const r of rows[n]) structuredClone(r);
  const clone = now() - t0;
  const db = new LocalDatabase('bench-parts');
  await db.open();
  const t1 = now();
  await db.transaction('rw', names, async () => {
    for (const n of names) await db.table(n).bulkPut(rows[n]);
  });
  const put = now() - t1;
  const changes = importedChanges(merged.preview);
  const base = { at: new Date().toISOString(), stamp: 'x', deviceId: 'd', actor: '导入' };
  const row = importAuditRow({ bundleId: 'b', from: 'f', sequence: 1 }, '150627', changes, base);
  if (!row) throw new Error('no audit row');
  const t2 = now();
  await db.transaction('rw', db.audit, () => db.audit.bulkAdd([row]));
  const audit = now() - t2;
  db.close();
  return { clone, put, audit };
}

/** The app schema's stores with some indexes left out: what each index costs on the same rows. */
const VARIANTS: Record<string, (stores: string) => string> = {
  app: (s) => s,
  noUpdated: (s) => s.replace(', _updated', ''),
  keysOnly: (s) => s.split(',')[0],
};

/** Dexie bulkPut of the rows a first import writes into the app schema's variant. */
async function schema(records: string, variant: string, suffix = ''): Promise<Record<string, number>> {
  const rows = mergeTables(emptyTables(), await jsonOf<BundleTables>(records)).writes;
  const names = tablesWithRows(rows);
  const stores = Object.fromEntries(Object.entries(currentStores()).map(([k, v]) => [k, VARIANTS[variant](v)]));
  const db = new Dexie(`bench-schema-${variant}${suffix}`);
  db.version(1).stores(stores);
  await db.open();
  const t0 = now();
  await db.transaction('rw', names, async () => {
    for (const n of names) await db.table(n).bulkPut(rows[n]);
  });
  const ms = now() - t0;
  db.close();
  return { total: ms };
}

/** Each variant of the schema in turn, twice, in one page (the same conditions for all): the index costs side by side. */
async function schemas(records: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const round of [0, 1]) {
    const order = round ? Object.keys(VARIANTS).reverse() : Object.keys(VARIANTS);
    for (const v of order) {
      const { total } = await schema(records, v, `-${round}`);
      out[v] = (out[v] ?? 0) + total / 2;
    }
  }
  return out;
}

async function cityWorkspace(officeCode: string, publicKey: string): Promise<{ ws: Workspace; db: LocalDatabase }> {
  const db = new LocalDatabase('bench-app');
  const repo = await openLocalDatabase(db);
  const ws = workspaceOver(repo.storage, repo);
  const city = loadSeedPlan(await jsonOf('/seeds/150600-ordos.json'));
  await setUpWorkspace(ws, city, 'empty', new Date());
  await ws.trust.trust({ officeCode, publicKey }, new Date());
  return { ws, db };
}

/**
 * The app's write (applyImport) of a bundle into an empty database, split at the moment the
 * storage opens its IndexedDB transaction: work (the transaction's work: puts into pending rows,
 * the audit row, settings) and commit (the IndexedDB transaction).
 */
async function appWrite(bundle: string, officeCode: string, publicKey: string): Promise<Record<string, number>> {
  const { ws, db } = await cityWorkspace(officeCode, publicKey);
  const data = await bytesOf(bundle);
  const at = new Date();
  const prepared = await ws.exchange.prepareImport(receiverOf('150600'), { name: bundle, data }, at);
  if (prepared.kind !== 'ready') throw new Error(`${bundle}: ${prepared.kind}`);
  let opened = 0;
  const open: LocalDatabase['transaction'] = db.transaction.bind(db);
  Object.assign(db, {
    transaction: (...a: Parameters<typeof open>) => {
      opened = now();
      return (open as (...x: unknown[]) => unknown)(...a);
    },
  });
  const t0 = now();
  await ws.exchange.applyImport(prepared, at);
  const t1 = now();
  return { write: t1 - t0, work: opened - t0, commit: t1 - opened };
}

const api = { floor, dexie, parts, schema, schemas, appWrite };
export type WriteBenchPage = typeof api;
(globalThis as unknown as { bench: WriteBenchPage }).bench = api;
document.title = 'bench ready';
