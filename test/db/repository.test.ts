import 'fake-indexeddb/auto';
import { LocalDatabase } from '../../renderer/src/db/schema';
import { openLocalDatabase } from '../../renderer/src/app/local-database';
import { ValidationError, type DexieRecordsService } from '../../renderer/src/db/repository';
import type { PlanRecords } from '../../shared/seed/load-seed';
import { progress, task } from '../support/factories';

let n = 0;
async function freshRepo(): Promise<DexieRecordsService> {
  n += 1;
  return openLocalDatabase(new LocalDatabase(`test-ledger-${n}`));
}

const plan: PlanRecords = {
  office: { code: '150627', name: '伊金霍洛旗', level: 'county', parentCode: '150600' },
  departments: [{ id: 'd1', officeCode: '150627', name: '测试局', aliases: [], kind: 'department' }],
  leaders: [],
  tasks: [task('2025年底前', { id: 't1', leads: [{ departmentId: 'd1' }] }), task('持续推进', { id: 't2', order: 1 })],
  projects: [],
  indicators: [],
};

describe('DexieRecordsService', () => {
  it('loads a plan once; loading again adds nothing and keeps edits', async () => {
    const repo = await freshRepo();
    expect(await repo.loadPlan(plan)).toEqual({ added: 3, kept: 0 });
    await repo.update('tasks', 't1', { title: '改过的标题' });
    expect(await repo.loadPlan(plan)).toEqual({ added: 0, kept: 3 });
    expect((await repo.get('tasks', 't1'))?.title).toBe('改过的标题');
  });

  it('stamps only the changed fields and audits each change', async () => {
    const repo = await freshRepo();
    await repo.loadPlan(plan);
    const before = await repo.db.tasks.get('t1');
    const changed = await repo.update('tasks', 't1', { title: '新标题', summary: '' });
    expect(changed).toEqual(['title']);
    const after = await repo.db.tasks.get('t1');
    expect((after?._stamps.title ?? '') > (before?._stamps.title ?? '')).toBe(true);
    expect(after?._stamps.summary).toBe(before?._stamps.summary);
    const audit = await repo.auditOf('t1');
    expect(audit.map((a) => [a.action, a.field, a.before, a.after])).toEqual([['update', 'title', '测试任务', '新标题']]);
    expect(await repo.update('tasks', 't1', { title: '新标题' })).toEqual([]);
  });

  it('refuses an invalid edit and leaves the record and the audit trail unchanged', async () => {
    const repo = await freshRepo();
    await repo.loadPlan(plan);
    const before = await repo.db.tasks.get('t1');
    await expect(repo.update('tasks', 't1', { title: '' })).rejects.toBeInstanceOf(ValidationError);
    expect(await repo.db.tasks.get('t1')).toEqual(before);
    expect(await repo.auditOf('t1')).toEqual([]);
  });

  it('deletes by tombstone and restores', async () => {
    const repo = await freshRepo();
    await repo.loadPlan(plan);
    await repo.remove('tasks', 't2');
    expect((await repo.list('tasks', '150627')).map((t) => t.id)).toEqual(['t1']);
    expect((await repo.db.tasks.get('t2'))?._deleted).toMatch(/^\d{15}:/);
    await expect(repo.update('tasks', 't2', { title: 'x' })).rejects.toThrow('已被删除');
    await repo.restore('tasks', 't2');
    expect((await repo.list('tasks', '150627')).map((t) => t.id).sort()).toEqual(['t1', 't2']);
    expect((await repo.auditOf('t2')).map((a) => a.action)).toEqual(['delete', 'restore']);
  });

  it('appends progress entries and refuses a duplicate id or a bad percent', async () => {
    const repo = await freshRepo();
    await repo.loadPlan(plan);
    const entry = progress('2024-05', 40, { subjectId: 't1' });
    await repo.addProgress(entry);
    await expect(repo.addProgress(entry)).rejects.toThrow('已存在');
    await expect(repo.addProgress({ ...entry, id: 'other', percent: 140 })).rejects.toBeInstanceOf(ValidationError);
    expect(await repo.progressFor('150627')).toEqual([entry]);
  });

  it('keeps data across reopening the database, and resumes the clock after stored stamps', async () => {
    n += 1;
    const name = `test-ledger-${n}`;
    const first = await openLocalDatabase(new LocalDatabase(name));
    await first.loadPlan(plan);
    await first.update('tasks', 't1', { title: '第一次' });
    const lastStamp = (await first.db.tasks.get('t1'))?._updated ?? '';
    first.db.close();
    const second = await openLocalDatabase(new LocalDatabase(name));
    expect((await second.get('tasks', 't1'))?.title).toBe('第一次');
    expect(second.clock.deviceId).toBe(first.clock.deviceId);
    expect(second.clock.tick() > lastStamp).toBe(true);
  });
});

describe('undo through inverse changes', () => {
  it('restores an edited record exactly, and audits the undo too', async () => {
    const repo = await freshRepo();
    await repo.loadPlan(plan);
    const original = await repo.get('tasks', 't1');
    const inverse = await repo.apply({ label: '修改任务', edits: [{ table: 'tasks', id: 't1', patch: { title: '改', summary: '新内容' } }] });
    expect(inverse.label).toBe('撤销：修改任务');
    await repo.apply(inverse);
    expect(await repo.get('tasks', 't1')).toEqual(original);
    expect((await repo.auditOf('t1')).length).toBe(4);
  });

  it('undoes a multi-record change (edit + delete) as one', async () => {
    const repo = await freshRepo();
    await repo.loadPlan(plan);
    const inverse = await repo.apply({ label: '合并', edits: [{ table: 'tasks', id: 't2', patch: { leads: [{ departmentId: 'd1' }] } }], deletes: [{ table: 'tasks', id: 't1' }] });
    expect((await repo.list('tasks', '150627')).map((t) => t.id)).toEqual(['t2']);
    await repo.apply(inverse);
    const tasks = await repo.list('tasks', '150627');
    expect(tasks.map((t) => t.id).sort()).toEqual(['t1', 't2']);
    expect(tasks.find((t) => t.id === 't2')?.leads).toEqual([]);
  });

  it('rolls back everything when one part of a change is invalid', async () => {
    const repo = await freshRepo();
    await repo.loadPlan(plan);
    await expect(
      repo.apply({ label: 'x', edits: [{ table: 'tasks', id: 't1', patch: { title: '好的' } }, { table: 'tasks', id: 't2', patch: { title: '' } }] }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await repo.get('tasks', 't1'))?.title).toBe('测试任务');
    expect(await repo.auditOf('t1')).toEqual([]);
  });

  it('undoes a progress report by retracting it', async () => {
    const repo = await freshRepo();
    await repo.loadPlan(plan);
    const inverse = await repo.addProgress(progress('2024-05', 40, { id: 'pe1', subjectId: 't1' }));
    await repo.apply(inverse);
    expect(await repo.progressFor('150627')).toEqual([]);
    expect((await repo.deleted('progress', '150627')).map((d) => d.record.id)).toEqual(['pe1']);
  });
});
