import 'fake-indexeddb/auto';
import { LocalDatabase } from '../../renderer/src/db/schema';
import { DexieStorage } from '../../renderer/src/db/dexie-storage';
import { stampAll } from '../../shared/sync/stamped';

/**
 * The Dexie adapter lists an office's records by their key range and names the rest in `strays`
 * (renderer/src/db/office-keys.ts). The contract suite checks what is listed; this checks that
 * `strays` names exactly the records outside their office's namespace after every kind of write.
 */
const dept = (id: string, officeCode = '150627') => stampAll({ id, officeCode, name: `部门${id}`, aliases: [], kind: 'department' as const }, '000000000000001:000000:dev');

let n = 0;
async function opened(): Promise<{ db: LocalDatabase; storage: DexieStorage }> {
  const db = new LocalDatabase(`office-keys-${++n}`);
  await db.open();
  return { db, storage: new DexieStorage(db) };
}
const named = async (db: LocalDatabase) => (await db.strays.toArray()).map((s) => `${s.store}:${s.key}@${s.officeCode}`);

describe('strays: records outside their office’s namespace', () => {
  it('are named when written, and no longer once back inside it or emptied', async () => {
    const { db, storage } = await opened();
    await storage.transaction(async (tx) => {
      await tx.bulkPut('departments', [dept('150627-a'), dept('150627-b', '150203'), dept('legacy')]);
      await tx.bulkPut('tasks', [{ ...dept('t-1'), domain: 'x' } as never]);
    });
    expect(await named(db)).toEqual(['departments:150627-b@150203', 'departments:legacy@150627', 'tasks:t-1@150627']);
    await storage.transaction((tx) => tx.bulkPut('departments', [dept('150627-b'), dept('legacy', '150203')]));
    expect(await named(db)).toEqual(['departments:legacy@150203', 'tasks:t-1@150627']);
    await storage.transaction(async (tx) => {
      await tx.clear('departments');
      await tx.bulkPut('departments', [dept('150203-c', '150203'), dept('again', '150203')]);
    });
    expect(await named(db)).toEqual(['departments:again@150203', 'tasks:t-1@150627']);
    db.close();
  });

  it('a failed transaction names nothing', async () => {
    const { db, storage } = await opened();
    await expect(
      storage.transaction(async (tx) => {
        await tx.bulkPut('departments', [dept('legacy')]);
        throw new Error('中途失败');
      }),
    ).rejects.toThrow('中途失败');
    expect(await named(db)).toEqual([]);
    db.close();
  });

  it('records in their namespace are named none, and listed by their range', async () => {
    const { db, storage } = await opened();
    const rows = Array.from({ length: 500 }, (_, i) => dept(`150627-dep-${String(i).padStart(3, '0')}`));
    await storage.transaction((tx) => tx.bulkPut('departments', rows));
    expect(await db.strays.count()).toBe(0);
    expect((await storage.listBy('departments', 'officeCode', '150627')).length).toBe(500);
    db.close();
  });
});
