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

  it('a failed save puts back what each write replaced: rows, listings by field and the latest row as before', async () => {
    class Failing extends MemoryStorage {
      fail = false;
      protected override async committed(): Promise<void> {
        if (this.fail) throw new Error('保存失败');
      }
    }
    const s = new Failing();
    await s.transaction((tx) => tx.bulkPut('departments', [dept('a', '150627', at(5)), dept('b', '150627', at(3))]));
    s.fail = true;
    await expect(s.transaction((tx) => tx.bulkPut('departments', [dept('a', '150628', at(9)), dept('c', '150628', at(8))]))).rejects.toThrow('保存失败');
    expect((await s.listBy('departments', 'officeCode', '150627')).map((r) => r.id)).toEqual(['a', 'b']);
    expect(await s.listBy('departments', 'officeCode', '150628')).toEqual([]);
    expect(await s.get('departments', 'c')).toBeUndefined();
    expect((await s.latest('departments'))?._updated).toBe(at(5));
  });
});

describe('memory storage rows', () => {
  it('a record is read back as written, a copy of its own each time, whatever the writer does with its row afterwards', async () => {
    const s = new MemoryStorage();
    const row = dept('a', '150627', at(1));
    await s.transaction((tx) => tx.bulkPut('departments', [row]));
    (row.aliases as string[]).push('改了引用');
    const read = await s.get('departments', 'a');
    expect(read).toEqual(dept('a', '150627', at(1)));
    read?.aliases.push('又改了');
    expect((await s.listBy('departments', 'officeCode', '150627'))[0].aliases).toEqual([]);
  });

  it('the settings keep a key object as IndexedDB does (the browser’s signing key cannot be written as text)', async () => {
    const s = new MemoryStorage();
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    await s.transaction((tx) => tx.bulkPut('settings', [{ key: 'exchange.identity', value: { privateKey: pair.privateKey } }]));
    const kept = (await s.get('settings', 'exchange.identity'))?.value as { privateKey: CryptoKey };
    expect(kept.privateKey).toBeInstanceOf(CryptoKey);
    const signature = await crypto.subtle.sign({ name: 'Ed25519' }, kept.privateKey, new Uint8Array([1, 2, 3]));
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, pair.publicKey, signature, new Uint8Array([1, 2, 3]))).toBe(true);
  });
});
