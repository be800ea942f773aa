import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../shared/app/workspace';
import { setUpWorkspace } from '../../shared/app/setup/setup';
import { receiverOf } from '../../shared/exchange/rules';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { auditActionText, importedFieldsOf } from '../../shared/app/audit';
import type { StoragePort } from '../../shared/app/storage';
import { DexieStorage } from '../../renderer/src/db/dexie-storage';
import { LocalDatabase } from '../../renderer/src/db/schema';
import { BUNDLE_TABLES, keyFieldOf } from '../../shared/exchange/records';
import { officeTables } from '../../shared/app/exchange/exchange-service';

/**
 * An import writes one audit row naming the records it changed (not one row per record), each
 * record's history shows it as "合并导入（来自 …）", and a file that changes nothing writes no record
 * and no audit row. On the memory storage and on Dexie (fake-indexeddb).
 */
const seed = (file: string) => loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', file), 'utf8')));
const YIQI = seed('150627-yijinhuoluo.json');
const TASK = '150627-task-007';
const AT = Date.parse('2026-11-20T02:03:00Z');
const LATER = new Date(Date.parse('2026-11-21T01:00:00Z'));

let n = 0;
const storages: [string, () => StoragePort][] = [
  ['memory storage', () => new MemoryStorage()],
  ['Dexie on fake-indexeddb', () => new DexieStorage(new LocalDatabase(`import-audit-${++n}`))],
];

async function workspace(storage: StoragePort, id: string, seeded: boolean): Promise<Workspace> {
  const bytes = new TextEncoder().encode(id.padEnd(8, '0').slice(0, 8));
  const ws = await openWorkspace(storage, { random: () => bytes, now: () => AT });
  if (seeded) await setUpWorkspace(ws, YIQI, 'plan', new Date(AT));
  return ws;
}

async function importInto(to: Workspace, from: Workspace) {
  const out = await from.exchange.exportBundle('150627', '2026-11', LATER);
  const file = { name: out.fileName, data: out.bytes };
  const receiver = receiverOf('150627');
  let prepared = await to.exchange.prepareImport(receiver, file, LATER);
  if (prepared.kind === 'untrusted') {
    await to.trust.trust({ officeCode: prepared.officeCode, publicKey: prepared.publicKey });
    prepared = await to.exchange.prepareImport(receiver, file, LATER);
  }
  if (prepared.kind !== 'ready') throw new Error(`not imported: ${prepared.kind === 'refused' ? prepared.refusal.message : prepared.kind}`);
  await to.exchange.applyImport(prepared, LATER);
  return prepared;
}

describe.each(storages)('import audit on the %s', (_, make) => {
  it('writes one row naming every record the import changed, shown in each record’s history', async () => {
    const a = await workspace(new MemoryStorage(), 'aaaa1111', true);
    const storage = make();
    const b = await workspace(storage, 'bbbb2222', true);
    await a.records.update('tasks', TASK, { title: '甲改过的名称' });
    const auditBefore = (await storage.listAll('audit')).length;
    const prepared = await importInto(b, a);
    expect(prepared.preview.changed.map((c) => c.id)).toEqual([TASK]);

    const rows = (await storage.listAll('audit')).slice(auditBefore);
    expect(rows).toHaveLength(1);
    expect(rows[0].action).toBe('merge');
    expect(rows[0].changes).toEqual([{ table: 'tasks', id: TASK, fields: ['title'] }]);
    expect(rows[0].officeCode).toBe('150627');
    expect(rows[0]).not.toHaveProperty('recordIds');

    const history = await b.records.auditOf(TASK);
    const line = history[history.length - 1];
    expect(auditActionText(line)).toMatch(/^合并导入（来自 伊金霍洛旗 [0-9a-f]+）$/);
    expect(importedFieldsOf(line)).toEqual(['title']);
    expect(line).not.toHaveProperty('changes');
    // Another record is not in that import's line.
    expect((await b.records.auditOf('150627-task-001')).some((r) => r.action === 'merge')).toBe(false);
  });

  it('names every added record in one row when importing into an empty workspace', async () => {
    const a = await workspace(new MemoryStorage(), 'aaaa1111', true);
    const storage = make();
    const city = await workspace(storage, 'cccc3333', false);
    await importInto(city, a);
    const rows = await storage.listAll('audit');
    expect(rows.filter((r) => r.action === 'merge')).toHaveLength(1);
    const tables = await officeTables(storage, '150627');
    const keys = BUNDLE_TABLES.flatMap((t) => tables[t].map((r) => String(r[keyFieldOf(t)])));
    expect(new Set(rows.find((r) => r.action === 'merge')?.changes?.map((c) => c.id))).toEqual(new Set(keys));
    // Every record it added shows the import in its history.
    for (const id of keys) expect((await city.records.auditOf(id)).map((r) => r.action)).toEqual(['merge']);
  });

  it('writes no record and no audit row for a file that changes nothing', async () => {
    const a = await workspace(new MemoryStorage(), 'aaaa1111', true);
    const storage = make();
    const b = await workspace(storage, 'bbbb2222', true);
    await a.records.update('tasks', TASK, { title: '甲改过的名称' });
    await importInto(b, a);
    const tables = async () => Object.fromEntries(await Promise.all([...BUNDLE_TABLES, 'audit' as const].map(async (t) => [t, await storage.listAll(t)])));
    const before = await tables();
    const again = await importInto(b, a); // a newer snapshot (next sequence) of the same records
    expect(Object.values(again.writes).flat()).toEqual([]);
    expect(await tables()).toEqual(before);
    expect((await b.exchange.history()).filter((h) => h.outcome === 'merged')).toHaveLength(2);
  });
});
