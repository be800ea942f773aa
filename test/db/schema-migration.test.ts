import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { LocalDatabase, RELEASED_SCHEMAS, currentStores } from '../../renderer/src/db/schema';
import { DexieStorage } from '../../renderer/src/db/dexie-storage';
import { formatStamp, HybridClock } from '../../shared/sync/hlc';
import { RecordsService } from '../../shared/app/records-service';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST_FIELDS, type AuditEntry } from '../../shared/app/storage';

/**
 * A database written by every released schema opens under the current one with every row kept and
 * the indexes the storage port queries by working (including the import row's record ids).
 */
const STAMP = formatStamp(Date.UTC(2026, 0, 1), 0, 'old');
const task = { id: '150627-task-1', officeCode: '150627', domain: 'industrial', title: '旧任务', _stamps: { title: STAMP }, _deleted: null, _updated: STAMP };
const progress = { id: '150627-pe-1', officeCode: '150627', subjectId: '150627-task-1', period: '2026-01', _stamps: {}, _deleted: null, _updated: STAMP };
const audit: AuditEntry = { table: 'tasks', recordId: '150627-task-1', field: 'title', action: 'update', before: 'a', after: '旧任务', at: '2026-01-01T00:00:00.000Z', stamp: STAMP, deviceId: 'old', actor: '本机' };

describe('Dexie schema migrations', () => {
  RELEASED_SCHEMAS.forEach((_, i) => {
    const version = i + 1;
    it(`upgrades a database of released version ${version} with every row kept`, async () => {
      const name = `migrate-from-${version}`;
      const old = new Dexie(name);
      RELEASED_SCHEMAS.slice(0, version).forEach((stores, j) => old.version(j + 1).stores(stores));
      await old.open();
      await old.table('tasks').put(task);
      await old.table('progress').put(progress);
      await old.table('audit').add({ ...audit }); // Dexie writes the new key into the object it adds
      await old.table('offices').put({ code: '150627', parentCode: '150600', name: '测试旗', _stamps: {}, _deleted: null, _updated: STAMP });
      // From version 4 on, the app kept each store's latest row beside its rows.
      if ('latest' in RELEASED_SCHEMAS[version - 1]) {
        await old.table('latest').bulkPut([
          { store: 'tasks', key: task.id, stamp: STAMP },
          { store: 'progress', key: progress.id, stamp: STAMP },
          { store: 'offices', key: '150627', stamp: STAMP },
        ]);
      }
      old.close();

      const db = new LocalDatabase(name);
      await db.open();
      expect(db.verno).toBe(RELEASED_SCHEMAS.length + 1);
      const storage = new DexieStorage(db);
      expect(await storage.listBy('tasks', 'officeCode', '150627')).toEqual([task]);
      expect((await storage.listBy('progress', 'officeCode', '150627')).map((r) => r.id)).toEqual(['150627-pe-1']);
      expect((await storage.listBy('audit', 'recordId', '150627-task-1')).map((r) => r.field)).toEqual(['title']);
      // The latest row of each store, found once by the upgrade (no `_updated` index any more), then kept at each commit.
      expect((await storage.latest('offices'))?.code).toBe('150627');
      expect((await storage.latest('tasks'))?.id).toBe('150627-task-1');
      expect(await storage.latest('leaders')).toBeUndefined();
      const later = formatStamp(Date.UTC(2026, 0, 2), 0, 'old');
      await storage.transaction((tx) => tx.bulkPut('tasks', [{ ...task, id: '150627-task-0', _updated: later }]));
      expect((await storage.latest('tasks'))?.id).toBe('150627-task-0');
      // The import row of the new schema is found by the office whose records it changed.
      await storage.transaction((tx) => tx.bulkPut('audit', [{ ...audit, recordId: 'import:x', field: '*', action: 'merge', changes: [{ table: 'tasks', id: '150627-task-1', fields: ['title'] }], officeCode: '150627' }]));
      expect((await storage.listBy('audit', 'officeCode', '150627')).map((r) => r.recordId)).toEqual(['import:x']);
      db.close();
    });
  });

  it('gives an import row of schema 3 the office of the records it names, so each record’s history still shows it', async () => {
    const name = 'migrate-import-rows';
    const old = new Dexie(name);
    RELEASED_SCHEMAS.slice(0, 3).forEach((stores, j) => old.version(j + 1).stores(stores));
    await old.open();
    await old.table('tasks').put(task);
    await old.table('progress').put(progress);
    const importRow = { ...audit, table: '*', recordId: 'import:b1', field: '*', action: 'merge', before: null, after: { bundleId: 'b1', from: '测试旗 laptopA', sequence: 1 } };
    // The first record it names is gone from this copy: the office is read from the next one.
    const changes = [{ table: 'tasks', id: 'gone', fields: ['*'] }, { table: 'progress', id: '150627-pe-1', fields: ['*'] }, { table: 'tasks', id: '150627-task-1', fields: ['title'] }];
    await old.table('audit').add({ ...importRow, changes, recordIds: ['gone', '150627-pe-1', '150627-task-1'] });
    await old.table('audit').add({ ...importRow, recordId: 'import:b2', changes: [{ table: 'tasks', id: 'gone', fields: ['*'] }], recordIds: ['gone'] });
    await old.table('audit').add({ ...audit });
    old.close();

    const db = new LocalDatabase(name);
    await db.open();
    const storage = new DexieStorage(db);
    const [first, second] = await storage.listBy('audit', 'recordId', 'import:b1').then(async (a) => [...a, ...(await storage.listBy('audit', 'recordId', 'import:b2'))]);
    expect(first.officeCode).toBe('150627');
    expect(first.changes).toEqual(changes);
    expect(first).not.toHaveProperty('recordIds');
    expect(second).not.toHaveProperty('officeCode'); // no record it names is held: nothing to find it from
    expect((await storage.listBy('audit', 'officeCode', '150627')).map((r) => r.recordId)).toEqual(['import:b1']);
    const records = new RecordsService(storage, new HybridClock('dev1', () => Date.UTC(2026, 1, 1)));
    expect((await records.auditOf('150627-task-1')).map((r) => [r.action, r.field])).toEqual([
      ['merge', '*'],
      ['update', 'title'],
    ]);
    expect((await records.auditOf('150627-pe-1')).map((r) => r.action)).toEqual(['merge']);
    db.close();
  });

  it('keeps an index only where a query cannot be answered by the key', () => {
    const stores = currentStores();
    // An office's records are the range of keys in its namespace (office-keys.ts): no officeCode index.
    expect(stores.tasks).toBe('id');
    expect(stores.progress).toBe('id');
    expect(stores.offices).toBe('code, parentCode');
    expect(stores.audit).toBe('++seq, recordId, officeCode');
    const db = new LocalDatabase('indexes');
    const indexes = (t: string) => db.table(t).schema.indexes.map((i) => i.name).sort();
    expect(indexes('departments')).toEqual([]);
    expect(indexes('indicatorValues')).toEqual([]);
    expect(indexes('audit')).toEqual(['officeCode', 'recordId']);
  });

  it('names under their office the records of a released database whose ids are outside its namespace', async () => {
    const name = 'migrate-strays';
    const old = new Dexie(name);
    RELEASED_SCHEMAS.forEach((stores, j) => old.version(j + 1).stores(stores));
    await old.open();
    const legacy = { ...task, id: 'task-legacy-1' }; // an id from before namespaces
    const foreign = { ...task, id: '150600-task-9', officeCode: '150627' }; // another office's namespace
    const noOffice = { ...task, id: 'x-1', officeCode: undefined };
    await old.table('tasks').bulkPut([task, legacy, foreign, noOffice, { ...task, id: '150627-' }]);
    await old.table('progress').put({ ...progress, id: 'pe-legacy' });
    old.close();

    const db = new LocalDatabase(name);
    await db.open();
    const storage = new DexieStorage(db);
    expect((await storage.listBy('tasks', 'officeCode', '150627')).map((r) => r.id)).toEqual(['150600-task-9', '150627-', '150627-task-1', 'task-legacy-1']);
    expect(await storage.listBy('tasks', 'officeCode', '150600')).toEqual([]);
    expect((await storage.listBy('progress', 'officeCode', '150627')).map((r) => r.id)).toEqual(['pe-legacy']);
    expect((await db.strays.toArray()).map((s) => [s.store, s.key, s.officeCode])).toEqual([
      ['progress', 'pe-legacy', '150627'],
      ['tasks', '150600-task-9', '150627'],
      ['tasks', '150627-', '150627'],
      ['tasks', 'task-legacy-1', '150627'],
    ]);
    db.close();
  });

  it('every listed field is one the core lists by (a store named, or a table chosen at run time)', () => {
    const used = new Set<string>();
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    for (const file of walk('shared')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/listBy(?:<[^>]*>)?\(\s*('?)(\w+)\1\s*,\s*'(\w+)'/g)) used.add(`${m[1] ? m[2] : '*'}.${m[3]}`);
    }
    for (const [store, fields] of Object.entries(LIST_FIELDS)) {
      for (const field of fields as readonly string[]) expect([`${store}.${field}`, `*.${field}`].some((k) => used.has(k)) ? `${store}.${field}` : `${store}.${field} unused`).toBe(`${store}.${field}`);
    }
  });
});
