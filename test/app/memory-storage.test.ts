import { MemoryStorage } from '../../shared/app/memory-storage';
import { stampAll } from '../../shared/sync/stamped';

/**
 * The memory storage's indexes (listings by a field, the latest row, the next audit number) follow
 * every write, inside a transaction as after it: cases the other adapters' engines cover for them.
 */
const dept = (id: string, officeCode: string, stamp: string) => ({ ...stampAll({ id, officeCode, name: `部门${id}`, aliases: [], kind: 'department' as const }, stamp), _updated: stamp });
const at = (n: number) => `${String(n).padStart(15, '0')}:000000:dev`;
const audit = { table: '*', recordId: 'import:1', field: '*', action: 'merge' as const, before: null, after: null, at: '', stamp: '', deviceId: 'd', actor: '导入' };

describe('memory storage indexes', () => {
  it('a row rewritten is found only by the value it holds now; audit numbers continue after the highest', async () => {
    const s = new MemoryStorage();
    await s.transaction((tx) => tx.bulkPut('audit', [{ ...audit, recordId: 'r1' }]));
    const [first] = await s.listAll('audit');
    await s.transaction((tx) => tx.bulkPut('audit', [{ ...first, recordId: 'r2' }]));
    expect(await s.listBy('audit', 'recordId', 'r1')).toEqual([]);
    expect((await s.listBy('audit', 'recordId', 'r2')).map((r) => r.seq)).toEqual([first.seq]);
    await s.transaction((tx) => tx.bulkPut('audit', [{ ...audit, seq: 7 }]));
    await s.transaction((tx) => tx.bulkPut('audit', [audit]));
    expect((await s.listAll('audit')).map((r) => r.seq)).toEqual([1, 7, 8]);
  });

  it('a cleared table inside a transaction: its stored rows are neither listed nor the latest, nor numbered from', async () => {
    const s = new MemoryStorage();
    await s.transaction(async (tx) => {
      await tx.bulkPut('departments', [dept('a', '150627', at(9))]);
      await tx.bulkPut('audit', [audit, audit, audit]);
    });
    await s.transaction(async (tx) => {
      await tx.clear('departments');
      await tx.clear('audit');
      expect(await tx.latest('departments')).toBeUndefined();
      expect(await tx.listBy('departments', 'officeCode', '150627')).toEqual([]);
      await tx.bulkPut('departments', [dept('b', '150627', at(2))]);
      await tx.bulkPut('audit', [audit]);
      expect((await tx.latest('departments'))?.id).toBe('b');
    });
    expect((await s.listAll('audit')).map((r) => r.seq)).toEqual([1]);
    expect((await s.listBy('departments', 'officeCode', '150627')).map((r) => r.id)).toEqual(['b']);
  });
});
