import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStorage } from '../../cli/file-storage';
import { closeCliStorage, takeMigration, openCliStorage } from '../../cli/storage/open';
import { getManySql, latestSql } from '../../cli/storage/pglite-storage';
import { stampAll } from '../../shared/sync/stamped';
import { openWorkspace } from '../../shared/app/workspace';
import { setUpWorkspace } from '../../shared/app/setup/setup';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { zwcAt } from '../support/cli';

/** The command line's PGlite store on disk: what survives reopening, and the one-time migration from workspace.json. */
const dept = (id: string) => stampAll({ id, officeCode: '150627', name: `部门${id}`, aliases: [], kind: 'department' as const }, '000000000000001:000000:dev');
const audit = { table: 'tasks', recordId: 'r', field: '*', action: 'create' as const, before: null, after: { 标题: '旧' }, at: '', stamp: '', deviceId: 'd', actor: '本机' };
const fresh = () => mkdtempSync(join(tmpdir(), 'zwc-pg-'));

// Making the first database (initdb, once per machine) takes seconds on a busy machine.
jest.setTimeout(30_000);
afterAll(() => closeCliStorage(), 30_000);

describe('PGlite workspace storage', () => {
  it('keeps committed transactions after closing and reopening, and nothing of a failed one', async () => {
    const dir = fresh();
    const s = await openCliStorage(dir);
    expect(await openCliStorage(dir)).toBe(s); // one instance per folder and process
    await s.transaction((tx) => tx.bulkPut('departments', [dept('a')]));
    await expect(
      s.transaction(async (tx) => {
        await tx.bulkPut('departments', [dept('b')]);
        throw new Error('x');
      }),
    ).rejects.toThrow('x');
    await closeCliStorage(dir);
    const again = await openCliStorage(dir);
    expect(again).not.toBe(s);
    expect((await again.listAll('departments')).map((r) => r.id)).toEqual(['a']);
    expect(existsSync(join(dir, 'db', 'PG_VERSION'))).toBe(true);
  });

  it('migrates an old workspace.json once: every row in one transaction, the file renamed', async () => {
    const dir = fresh();
    const old = FileStorage.open(dir);
    await old.transaction(async (tx) => {
      await tx.bulkPut('departments', [dept('a'), dept('b')]);
      await tx.bulkPut('audit', [audit, { ...audit, field: 'title' }]);
      await tx.bulkPut('settings', [{ key: 'office', value: { code: '150627', nested: [1, '二'] } }]);
    });
    const s = await openCliStorage(dir);
    expect(takeMigration(dir)).toEqual({ rows: 5, renamedTo: join(dir, 'workspace.json.migrated') });
    expect(existsSync(join(dir, 'workspace.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json.migrated'), 'utf8')).tables.departments).toHaveLength(2);
    expect((await s.listAll('departments')).map((r) => r.id)).toEqual(['a', 'b']);
    expect(await s.get('settings', 'office')).toEqual({ key: 'office', value: { code: '150627', nested: [1, '二'] } });
    expect((await s.listBy('audit', 'recordId', 'r')).map((r) => [r.seq, r.field, r.after])).toEqual([
      [1, '*', { 标题: '旧' }],
      [2, 'title', { 标题: '旧' }],
    ]);
    // numbering goes on after the migrated rows
    await s.transaction((tx) => tx.bulkPut('audit', [{ ...audit, field: 'later' }]));
    expect((await s.listBy('audit', 'recordId', 'r')).map((r) => r.seq)).toEqual([1, 2, 3]);
    // interrupted after the commit, before the rename: the same file is only renamed on the next open
    await closeCliStorage(dir);
    copyFileSync(join(dir, 'workspace.json.migrated'), join(dir, 'workspace.json'));
    await openCliStorage(dir);
    expect(existsSync(join(dir, 'workspace.json'))).toBe(false);
    expect((await (await openCliStorage(dir)).listBy('audit', 'recordId', 'r')).map((r) => r.seq)).toEqual([1, 2, 3]);
    // reopened: nothing migrated again
    await closeCliStorage(dir);
    expect((await (await openCliStorage(dir)).listAll('departments')).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('refuses a damaged workspace.json by name before creating anything, and a second one beside a database', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'workspace.json'), '{broken');
    await expect(openCliStorage(dir)).rejects.toThrow('工作区文件已损坏');
    expect(existsSync(join(dir, 'db'))).toBe(false);

    const used = fresh();
    await (await openCliStorage(used)).transaction((tx) => tx.bulkPut('departments', [dept('kept')]));
    await closeCliStorage(used);
    const other = FileStorage.open(used);
    await other.transaction((tx) => tx.bulkPut('departments', [dept('other')]));
    await expect(openCliStorage(used)).rejects.toThrow('既有数据库');
    expect(existsSync(join(used, 'workspace.json'))).toBe(true);
  });

  it('an older database is brought to the indexes the core reads by: no pending list, no index of a field no longer listed; the latest row read off its index', async () => {
    const dir = fresh();
    const s = await openCliStorage(dir);
    await s.db.exec(`
      drop index "departments_has_officeCode";
      create index "departments_has_officeCode" on "departments" using gin ((row->'officeCode') jsonb_path_ops);
      create index "departments_has_name" on "departments" using gin ((row->'name') jsonb_path_ops);`);
    await s.transaction((tx) => tx.bulkPut('departments', [dept('a'), { ...dept('b'), _updated: '000000000000009:000000:dev' }]));
    await closeCliStorage(dir);
    const again = await openCliStorage(dir);
    const indexes = await again.db.query<{ name: string; options: string[] | null }>(
      `select c.relname as name, c.reloptions as options from pg_class c join pg_index i on i.indexrelid = c.oid where i.indrelid = '"departments"'::regclass order by 1`,
    );
    expect(indexes.rows).toEqual([
      { name: 'departments_by_updated', options: null },
      { name: 'departments_has_officeCode', options: ['fastupdate=off'] },
      { name: 'departments_pkey', options: null },
    ]);
    expect((await again.listBy('departments', 'officeCode', '150627')).map((r) => r.id)).toEqual(['a', 'b']);
    expect((await again.latest('departments'))?.id).toBe('b');
    // New WAL segments are not written whole with zeros (that held up every tenth import by ~40 ms).
    expect((await again.db.query<{ wal_init_zero: string }>('show wal_init_zero')).rows[0].wal_init_zero).toBe('off');
    await again.db.exec('set enable_seqscan = off; set enable_sort = off;');
    const plan = (await again.db.query<{ 'QUERY PLAN': string }>(`explain ${latestSql('departments')}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
    await again.db.exec('reset enable_seqscan; reset enable_sort;');
    expect(plan).toContain('Index Scan Backward using departments_by_updated');
    expect(plan).not.toContain('Sort');
  });

  it('import rows written before they carried their office get it, in an older database and from an old workspace.json', async () => {
    const importRow = (bundleId: string, ids: string[]) => ({
      ...audit,
      table: '*',
      recordId: `import:${bundleId}`,
      action: 'merge' as const,
      after: { bundleId, from: '伊金霍洛旗 laptopA', sequence: 1 },
      changes: ids.map((id) => ({ table: id === '150627' ? 'offices' : 'departments', id, fields: ['*'] })),
      recordIds: ids,
    });
    // An older database: rows as they were written, the one-time step not yet taken.
    const dir = fresh();
    const s = await openCliStorage(dir);
    await s.transaction(async (tx) => {
      await tx.bulkPut('departments', [dept('150627-dep-a')]);
      await tx.bulkPut('audit', [importRow('b1', ['150627-dep-a', '150627'])]);
    });
    await s.db.exec(`delete from zwc_meta where key = 'importRowsHaveOffice'`);
    expect(await s.listBy('audit', 'officeCode', '150627')).toEqual([]);
    await closeCliStorage(dir);
    const again = await openCliStorage(dir);
    const [row] = await again.listBy('audit', 'officeCode', '150627');
    expect(row).toMatchObject({ recordId: 'import:b1', officeCode: '150627' });
    expect(row.recordIds).toBeUndefined();
    const ws = await openWorkspace(again);
    expect((await ws.records.auditOf('150627-dep-a')).map((r) => r.recordId)).toEqual(['150627-dep-a']);
    // An old workspace file's rows, copied in after the database was made.
    const dir2 = fresh();
    const old = FileStorage.open(dir2);
    await old.transaction(async (tx) => {
      await tx.bulkPut('departments', [dept('150627-dep-b')]);
      await tx.bulkPut('audit', [importRow('b2', ['150627-dep-b'])]);
    });
    const migrated = await openCliStorage(dir2);
    expect((await migrated.listBy('audit', 'officeCode', '150627')).map((r) => r.recordId)).toEqual(['import:b2']);
    expect((await (await openWorkspace(migrated)).records.auditOf('150627-dep-b')).map((r) => r.action)).toEqual(['merge']);
  });

  it("looks up keys through the key index, not a scan of every office's rows", async () => {
    const s = await openCliStorage(fresh());
    await s.db.exec(`insert into "tasks" (k, row) select 'o' || g, jsonb_build_object('id', 'o' || g, 'officeCode', '150627') from generate_series(1, 9000) g`);
    await s.db.exec(`insert into "audit" (k, row) select g, jsonb_build_object('seq', g) from generate_series(1, 9000) g`);
    const plan = async (store: 'tasks' | 'audit', keys: unknown[]) =>
      (await s.db.query<{ 'QUERY PLAN': string }>(`explain ${getManySql(store)}`, [JSON.stringify(keys)])).rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(await plan('tasks', ['o5', 'new-1', 'new-2'])).toContain('tasks_pkey');
    expect(await plan('tasks', ['o5', 'new-1', 'new-2'])).not.toContain('Seq Scan');
    expect(await plan('audit', [5, 6])).toContain('audit_pkey');
    expect((await s.getMany('tasks', ['new-1', 'o5', 'o9000'])).map((r) => r?.id)).toEqual([undefined, 'o5', 'o9000']);
    expect((await s.getMany('audit', [9000, 1, 9001])).map((r) => r?.seq)).toEqual([9000, 1, undefined]);
  });

  it('writes a large batch and reads it back by key, by list field and whole', async () => {
    const s = await openCliStorage(fresh());
    const rows = Array.from({ length: 5000 }, (_, i) => dept(`d${String(i).padStart(5, '0')}`));
    await s.transaction((tx) => tx.bulkPut('departments', rows));
    expect(await s.listBy('departments', 'officeCode', '150627')).toHaveLength(5000);
    expect((await s.getMany('departments', ['d04999', 'nope', 'd00000'])).map((r) => r?.id)).toEqual(['d04999', undefined, 'd00000']);
    expect((await s.counts()).departments).toBe(5000);
  });

  it('zwc migrates an old workspace folder on its first command, tells the clerk, and works on the migrated data', async () => {
    const dir = fresh();
    const old = await openWorkspace(FileStorage.open(dir));
    await setUpWorkspace(old, loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8'))), 'plan', new Date());
    const tasks = (await old.records.readPlan('150627')).tasks.map((t) => t.id);
    const zwc = zwcAt(new Date());
    const first = await zwc('--workspace', dir, 'keys');
    expect(first.code).toBe(0);
    expect(first.err).toContain('迁入数据库');
    expect(existsSync(join(dir, 'workspace.json.migrated'))).toBe(true);
    const again = await zwc('--workspace', dir, 'keys');
    expect(again.err).not.toContain('迁入数据库');
    const migrated = await openWorkspace(await openCliStorage(dir));
    expect((await migrated.records.readPlan('150627')).tasks.map((t) => t.id)).toEqual(tasks);
    expect(tasks.length).toBeGreaterThan(50);
  });
});
