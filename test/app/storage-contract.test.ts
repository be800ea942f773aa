import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoragePort } from '../../shared/app/storage';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { RecordsService } from '../../shared/app/records-service';
import { ValidationError } from '../../shared/app/change';
import { HybridClock } from '../../shared/sync/hlc';
import { stampAll } from '../../shared/sync/stamped';
import { FileStorage, WorkspaceFileError } from '../../cli/file-storage';
import { DexieStorage } from '../../renderer/src/db/dexie-storage';
import { closeCliStorage, openCliStorage } from '../../cli/storage/open';
import { LocalDatabase } from '../../renderer/src/db/schema';
import type { PlanRecords } from '../../shared/seed/load-seed';
import { task } from '../support/factories';

/**
 * One contract, four adapters: every storage the core runs on (IndexedDB in the renderer, PGlite
 * for the command line, the old workspace file it migrates from, memory for tests) must behave the
 * same, atomicity included.
 */
let n = 0;
const adapters: [string, () => Promise<StoragePort>][] = [
  ['memory', async () => new MemoryStorage()],
  ['file', async () => FileStorage.open(mkdtempSync(join(tmpdir(), 'zwc-store-')))],
  ['PGlite', async () => openCliStorage(mkdtempSync(join(tmpdir(), 'zwc-pg-')))],
  [
    'IndexedDB (Dexie)',
    async () => {
      const db = new LocalDatabase(`contract-${++n}`);
      await db.open();
      return new DexieStorage(db);
    },
  ],
];

const dept = (id: string, officeCode = '150627') => stampAll({ id, officeCode, name: `部门${id}`, aliases: [], kind: 'department' as const }, '000000000000001:000000:dev');

const plan: PlanRecords = {
  office: { code: '150627', name: '伊金霍洛旗', level: 'county', parentCode: '150600' },
  departments: [{ id: '150627-dep-1', officeCode: '150627', name: '测试局', aliases: [], kind: 'department' }],
  leaders: [],
  tasks: [task('2025年底前', { id: '150627-task-1', leads: [{ departmentId: '150627-dep-1' }] })],
  projects: [],
  indicators: [],
};

describe.each(adapters)('storage contract: %s', (_name, open) => {
  it('puts and gets rows by key, copies in and out', async () => {
    const s = await open();
    await s.transaction((tx) => tx.bulkPut('departments', [dept('b'), dept('a')]));
    const a = await s.get('departments', 'a');
    expect(a?.name).toBe('部门a');
    if (a) a.name = '改了引用';
    expect((await s.get('departments', 'a'))?.name).toBe('部门a');
    expect(await s.get('departments', 'zz')).toBeUndefined();
    expect((await s.getMany('departments', ['b', 'zz', 'a'])).map((r) => r?.id)).toEqual(['b', undefined, 'a']);
  });

  it('lists by a field in key order, and every row', async () => {
    const s = await open();
    await s.transaction((tx) => tx.bulkPut('departments', [dept('c'), dept('a'), dept('b', '150203')]));
    expect((await s.listBy('departments', 'officeCode', '150627')).map((r) => r.id)).toEqual(['a', 'c']);
    expect((await s.listAll('departments')).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('finds the latest written row by its stamp', async () => {
    const s = await open();
    await s.transaction((tx) =>
      tx.bulkPut('departments', [
        { ...dept('a'), _updated: '000000000000005:000000:dev' },
        { ...dept('b'), _updated: '000000000000009:000001:dev' },
      ]),
    );
    expect((await s.latest('departments'))?.id).toBe('b');
    expect(await s.latest('tasks')).toBeUndefined();
  });

  it('numbers audit rows in the order they were written', async () => {
    const s = await open();
    const row = { table: 'tasks', recordId: 'r', field: '*', action: 'create' as const, before: null, after: null, at: '', stamp: '', deviceId: 'd', actor: '本机' };
    await s.transaction((tx) => tx.bulkPut('audit', [row, { ...row, field: 'x' }]));
    await s.transaction((tx) => tx.bulkPut('audit', [{ ...row, field: 'y' }]));
    const rows = await s.listBy('audit', 'recordId', 'r');
    expect(rows.map((r) => r.field)).toEqual(['*', 'x', 'y']);
    expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((x, y) => (x ?? 0) - (y ?? 0)));
  });

  it('lists audit rows by the office an import changed: one row per import, none for a row without one', async () => {
    const s = await open();
    const row = { table: '*', recordId: 'import:1', field: '*', action: 'merge' as const, before: null, after: null, at: '', stamp: '', deviceId: 'd', actor: '导入' };
    const changes = Array.from({ length: 3000 }, (_, i) => ({ table: 'tasks', id: `150627-task-${i}`, fields: ['*'] }));
    const own = { ...row, table: 'tasks', recordId: '150627-task-7', field: 'title', action: 'update' as const };
    await s.transaction((tx) => tx.bulkPut('audit', [{ ...row, officeCode: '150627', changes }, { ...row, recordId: 'import:2', officeCode: '150203' }, own, { ...row, recordId: 'import:3', officeCode: '150627' }]));
    expect((await s.listBy('audit', 'officeCode', '150627')).map((r) => r.recordId)).toEqual(['import:1', 'import:3']);
    expect((await s.listBy('audit', 'officeCode', '150627'))[0].changes).toHaveLength(3000);
    expect((await s.listBy('audit', 'officeCode', '150203')).map((r) => r.recordId)).toEqual(['import:2']);
    expect(await s.listBy('audit', 'officeCode', 'nope')).toEqual([]);
  });

  it('keeps the rows a transaction was handed as they were handed; what the transaction reads back is a copy', async () => {
    const s = await open();
    await s.transaction(async (tx) => {
      await tx.bulkPut('departments', [dept('a')]);
      const read = await tx.get('departments', 'a');
      if (!read) throw new Error('not read back');
      read.name = '读回后改动';
      expect((await tx.get('departments', 'a'))?.name).toBe(dept('a').name);
      expect((await tx.listBy('departments', 'officeCode', '150627'))[0].name).toBe(dept('a').name);
    });
    expect((await s.get('departments', 'a'))?.name).toBe(dept('a').name);
  });

  it('finds rows by what they hold now: a rewritten row leaves its old value, and the latest follows a stamp set back', async () => {
    const s = await open();
    await s.transaction((tx) =>
      tx.bulkPut('departments', [
        { ...dept('a'), _updated: '000000000000005:000000:dev' },
        { ...dept('b'), _updated: '000000000000009:000000:dev' },
      ]),
    );
    const moved = { ...dept('b', '150203'), _updated: '000000000000003:000000:dev' };
    await s.transaction((tx) => tx.bulkPut('departments', [moved]));
    expect((await s.listBy('departments', 'officeCode', '150627')).map((r) => r.id)).toEqual(['a']);
    expect((await s.listBy('departments', 'officeCode', '150203')).map((r) => r.id)).toEqual(['b']);
    expect((await s.latest('departments'))?.id).toBe('a');
    const row = { table: '*', recordId: 'import:1', field: '*', action: 'merge' as const, before: null, after: null, at: '', stamp: '', deviceId: 'd', actor: '导入', seq: 1 };
    await s.transaction((tx) => tx.bulkPut('audit', [{ ...row, recordIds: ['x', 'y'] }]));
    await s.transaction((tx) => tx.bulkPut('audit', [{ ...row, seq: undefined, recordId: 'import:2' }]));
    expect((await s.listAll('audit')).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('lists an office’s records whatever their ids: in its namespace, outside it, or in another office’s', async () => {
    const s = await open();
    const ids = async (code: string) => (await s.listBy('departments', 'officeCode', code)).map((r) => r.id);
    await s.transaction((tx) => tx.bulkPut('departments', [dept('150627-a'), dept('150627-b', '150203'), dept('legacy'), dept('150627-'), dept('1506270-x', '1506270')]));
    expect(await ids('150627')).toEqual(['150627-', '150627-a', 'legacy']);
    expect(await ids('150203')).toEqual(['150627-b']);
    expect(await ids('1506270')).toEqual(['1506270-x']);
    // Moved into its namespace, and out of it: listed where it is now, once.
    await s.transaction((tx) => tx.bulkPut('departments', [dept('150627-b'), dept('legacy', '150203')]));
    expect(await ids('150627')).toEqual(['150627-', '150627-a', '150627-b']);
    expect(await ids('150203')).toEqual(['legacy']);
    await s.transaction(async (tx) => {
      await tx.bulkPut('departments', [dept('150627-a', '150203')]);
      expect((await tx.listBy('departments', 'officeCode', '150203')).map((r) => r.id)).toEqual(['150627-a', 'legacy']);
      expect((await tx.listBy('departments', 'officeCode', '150627')).map((r) => r.id)).toEqual(['150627-', '150627-b']);
    });
    expect(await ids('150203')).toEqual(['150627-a', 'legacy']);
    // Emptied and filled again in one transaction: nothing of the old rows is listed.
    await s.transaction(async (tx) => {
      await tx.clear('departments');
      await tx.bulkPut('departments', [dept('150203-c', '150203')]);
    });
    expect(await ids('150203')).toEqual(['150203-c']);
    expect(await ids('150627')).toEqual([]);
  });

  it('a transaction sees its own rewrites in listings and in the latest row', async () => {
    const s = await open();
    const at = (n: number) => `${String(n).padStart(15, '0')}:000000:dev`;
    const stamped = (id: string, officeCode: string, n: number) => ({ ...dept(id, officeCode), _updated: at(n) });
    await s.transaction((tx) => tx.bulkPut('departments', [stamped('a', '150627', 5), stamped('b', '150627', 9)]));
    await s.transaction(async (tx) => {
      await tx.bulkPut('departments', [stamped('b', '150203', 3)]);
      expect((await tx.listBy('departments', 'officeCode', '150627')).map((r) => r.id)).toEqual(['a']);
      expect((await tx.listBy('departments', 'officeCode', '150203')).map((r) => r.id)).toEqual(['b']);
      expect((await tx.latest('departments'))?.id).toBe('a');
      await tx.bulkPut('departments', [stamped('c', '150627', 4)]);
      expect((await tx.listBy('departments', 'officeCode', '150627')).map((r) => r.id)).toEqual(['a', 'c']);
    });
    expect((await s.latest('departments'))?.id).toBe('a');
    await s.transaction((tx) => tx.bulkPut('departments', [stamped('c', '150627', 12)]));
    expect((await s.latest('departments'))?.id).toBe('c');
  });

  it('a failure inside a transaction leaves nothing behind, in any table', async () => {
    const s = await open();
    await s.transaction((tx) => tx.bulkPut('departments', [dept('a')]));
    await expect(
      s.transaction(async (tx) => {
        await tx.bulkPut('departments', [{ ...dept('a'), name: '半途' }, dept('new')]);
        await tx.bulkPut('settings', [{ key: 'k', value: 1 }]);
        expect((await tx.get('departments', 'new'))?.id).toBe('new'); // the transaction sees its own writes
        throw new Error('中途失败');
      }),
    ).rejects.toThrow('中途失败');
    expect((await s.get('departments', 'a'))?.name).toBe('部门a');
    expect(await s.get('departments', 'new')).toBeUndefined();
    expect(await s.get('settings', 'k')).toBeUndefined();
  });

  it('clears a store inside a transaction: replaced whole on success, untouched on failure', async () => {
    const s = await open();
    const row = { table: 'tasks', recordId: 'r', field: '*', action: 'create' as const, before: null, after: null, at: '', stamp: '', deviceId: 'd', actor: '本机' };
    await s.transaction(async (tx) => {
      await tx.bulkPut('departments', [dept('a'), dept('b')]);
      await tx.bulkPut('audit', [row, { ...row, field: 'x' }]);
    });
    await expect(
      s.transaction(async (tx) => {
        await tx.clear('departments');
        expect(await tx.listAll('departments')).toEqual([]);
        throw new Error('中途失败');
      }),
    ).rejects.toThrow('中途失败');
    expect((await s.listAll('departments')).map((d) => d.id)).toEqual(['a', 'b']);
    await s.transaction(async (tx) => {
      await tx.bulkPut('departments', [dept('gone')]);
      await tx.clear('departments');
      await tx.clear('audit');
      await tx.bulkPut('departments', [dept('c')]);
      await tx.bulkPut('audit', [{ ...row, seq: 7, field: 'restored' }]);
      expect(await tx.get('departments', 'a')).toBeUndefined();
      expect((await tx.listBy('departments', 'officeCode', '150627')).map((d) => d.id)).toEqual(['c']);
      expect((await tx.latest('departments'))?.id).toBe('c');
    });
    expect((await s.listAll('departments')).map((d) => d.id)).toEqual(['c']);
    expect((await s.listAll('audit')).map((r) => [r.seq, r.field])).toEqual([[7, 'restored']]);
  });

  it('lets the work await other things (hashing, signing) and still commits whole', async () => {
    const s = await open();
    await s.transaction(async (tx) => {
      await tx.bulkPut('departments', [dept('a')]);
      await crypto.subtle.digest('SHA-256', new Uint8Array(1024));
      await new Promise((ok) => setTimeout(ok, 5));
      await tx.bulkPut('settings', [{ key: 'k', value: (await tx.get('departments', 'a'))?.name }]);
    });
    expect((await s.get('settings', 'k'))?.value).toBe('部门a');
  });

  it('runs the records service the same way: change, undo, key fields that cannot change', async () => {
    const s = await open();
    const records = new RecordsService(s, new HybridClock('dev1'));
    expect(await records.loadPlan(plan)).toEqual({ added: 2, kept: 0 });
    const undo = await records.apply({ label: '改标题', edits: [{ table: 'tasks', id: '150627-task-1', patch: { title: '新标题' } }] });
    expect((await records.get('tasks', '150627-task-1'))?.title).toBe('新标题');
    expect((await records.auditOf('150627-task-1')).map((a) => a.field)).toEqual(['title']);
    await records.apply(undo);
    expect((await records.get('tasks', '150627-task-1'))?.title).toBe(plan.tasks[0].title);
    await expect(records.update('tasks', '150627-task-1', { id: '150203-task-001' })).rejects.toThrow(ValidationError);
    await expect(records.update('tasks', '150627-task-1', { officeCode: '150203' })).rejects.toThrow('所属单位不能修改');
    expect(await records.get('tasks', '150203-task-001')).toBeUndefined();
    // a bad record in the middle of a change writes none of it
    await expect(
      records.apply({ label: '两处', edits: [{ table: 'tasks', id: '150627-task-1', patch: { title: '第一处' } }], creates: [{ table: 'departments', record: { id: '', officeCode: '150627', name: '', aliases: [], kind: 'department' } }] }),
    ).rejects.toThrow(ValidationError);
    expect((await records.get('tasks', '150627-task-1'))?.title).toBe(plan.tasks[0].title);
    expect((await records.readPlan('150627')).tasks).toHaveLength(1);
    // an edit and a deletion in one change, undone as one (IndexedDB must not commit half-way)
    const inverse = await records.apply({ label: '合并', edits: [{ table: 'departments', id: '150627-dep-1', patch: { name: '合并后' } }], deletes: [{ table: 'tasks', id: '150627-task-1' }] });
    expect(await records.list('tasks', '150627')).toEqual([]);
    await records.apply(inverse);
    expect((await records.list('tasks', '150627')).map((t) => t.id)).toEqual(['150627-task-1']);
    expect((await records.get('departments', '150627-dep-1'))?.name).toBe('测试局');
    expect((await records.deleted('tasks', '150627')).length).toBe(0);
  });
});

// Making the first database (initdb, once per machine) takes seconds on a busy machine.
jest.setTimeout(30_000);
afterAll(() => closeCliStorage(), 30_000);

describe('file storage on disk', () => {
  it('keeps committed transactions across reopening and nothing of a failed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwc-store-'));
    const s = FileStorage.open(dir);
    await s.transaction((tx) => tx.bulkPut('departments', [dept('a')]));
    const before = readFileSync(join(dir, 'workspace.json'), 'utf8');
    await expect(
      s.transaction(async (tx) => {
        await tx.bulkPut('departments', [dept('b')]);
        throw new Error('x');
      }),
    ).rejects.toThrow('x');
    expect(readFileSync(join(dir, 'workspace.json'), 'utf8')).toBe(before);
    const again = FileStorage.open(dir);
    expect((await again.listAll('departments')).map((r) => r.id)).toEqual(['a']);
  });

  it('a save past the size limit leaves every listing, the latest row and the audit numbering as they were', async () => {
    const s = FileStorage.open(mkdtempSync(join(tmpdir(), 'zwc-store-')));
    const audit = { table: 'tasks', recordId: 'r', field: '*', action: 'create' as const, before: null, after: null, at: '', stamp: '', deviceId: 'd', actor: '本机' };
    await s.transaction(async (tx) => {
      await tx.bulkPut('departments', [{ ...dept('a'), _updated: '000000000000005:000000:dev' }]);
      await tx.bulkPut('audit', [audit]);
    });
    s.limit = s.bytes + 10;
    await expect(
      s.transaction(async (tx) => {
        await tx.bulkPut('departments', [{ ...dept('a', '150203'), name: '很长的名称'.repeat(20), _updated: '000000000000009:000000:dev' }, dept('b')]);
        await tx.bulkPut('audit', [audit, audit]);
      }),
    ).rejects.toThrow(WorkspaceFileError);
    expect((await s.listBy('departments', 'officeCode', '150627')).map((r) => r.id)).toEqual(['a']);
    expect(await s.listBy('departments', 'officeCode', '150203')).toEqual([]);
    expect((await s.latest('departments'))?._updated).toBe('000000000000005:000000:dev');
    s.limit = Number.MAX_SAFE_INTEGER;
    await s.transaction((tx) => tx.bulkPut('audit', [audit]));
    expect((await s.listAll('audit')).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('refuses a damaged or foreign workspace file with a message naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwc-store-'));
    writeFileSync(join(dir, 'workspace.json'), '{"format":');
    expect(() => FileStorage.open(dir)).toThrow(WorkspaceFileError);
    writeFileSync(join(dir, 'workspace.json'), '{"format":"other","tables":{}}');
    expect(() => FileStorage.open(dir)).toThrow('不是本程序的工作区文件');
  });
});
