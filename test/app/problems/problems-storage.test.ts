import 'fake-indexeddb/auto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dexie from 'dexie';
import { LocalDatabase, RELEASED_SCHEMAS, currentStores } from '../../../renderer/src/db/schema';
import { OFFICE_KEYED_STORES } from '../../../renderer/src/db/office-keys';
import { DexieStorage } from '../../../renderer/src/db/dexie-storage';
import { closeCliStorage, openCliStorage } from '../../../cli/storage/open';
import { FileStorage } from '../../../cli/file-storage';
import { stampAll } from '../../../shared/sync/stamped';
import type { StoragePort } from '../../../shared/app/storage';
import type { Problem } from '../../../shared/domain/problem';

/** The 'problems' store on every storage: a database of every released schema gains it on upgrade. */
const STAMP = '000000000000001:000000:dev';
const problem = (id: string, officeCode = '150627'): Problem => ({
  id,
  officeCode,
  subjectKind: 'task',
  subjectId: `${officeCode}-task-001`,
  text: '台账不全',
  raisedOn: '2025-11-10',
  raisedBy: { name: '旗工信局' },
  kind: 'general',
  responsibleId: null,
  due: '2025-12-10',
  dueChanges: [],
  followUps: [],
  closing: null,
  reopenings: [],
});

async function roundTrip(storage: StoragePort): Promise<void> {
  await storage.transaction((tx) => tx.bulkPut('problems', [stampAll(problem('150627-problem-b'), STAMP), stampAll(problem('150627-problem-a'), STAMP), stampAll(problem('150621-problem-c', '150621'), STAMP)]));
  expect((await storage.listBy('problems', 'officeCode', '150627')).map((r) => r.id)).toEqual(['150627-problem-a', '150627-problem-b']);
  expect((await storage.get('problems', '150621-problem-c'))?.text).toBe('台账不全');
}

jest.setTimeout(30_000);
afterAll(() => closeCliStorage(), 30_000);

describe('the problems store', () => {
  it('is listed by office through its keys in the current Dexie schema, like the other record stores', () => {
    expect(currentStores().problems).toBe(currentStores().tasks);
    expect(OFFICE_KEYED_STORES).toContain('problems');
  });

  // Every released version before the one that brought the store (version 3 has it).
  const without = RELEASED_SCHEMAS.filter((_, i) => !RELEASED_SCHEMAS.slice(0, i + 1).some((stores) => 'problems' in stores));
  it('was brought by a released version', () => expect(without.length).toBeLessThan(RELEASED_SCHEMAS.length));
  without.forEach((_, i) => {
    it(`is added to a database of released Dexie version ${i + 1}, its other rows kept`, async () => {
      const name = `problems-from-${i + 1}`;
      const old = new Dexie(name);
      RELEASED_SCHEMAS.slice(0, i + 1).forEach((stores, j) => old.version(j + 1).stores(stores));
      await old.open();
      await old.table('departments').put(stampAll({ id: '150627-d', officeCode: '150627', name: '旗工信局', aliases: [], kind: 'department' }, STAMP));
      expect(old.tables.map((t) => t.name)).not.toContain('problems');
      old.close();
      const db = new LocalDatabase(name);
      await db.open();
      const storage = new DexieStorage(db);
      expect((await storage.listBy('departments', 'officeCode', '150627')).map((r) => r.id)).toEqual(['150627-d']);
      await roundTrip(storage);
      db.close();
    });
  });

  it('works in the command line’s PGlite store and its older file store', async () => {
    await roundTrip(await openCliStorage(mkdtempSync(join(tmpdir(), 'zwc-problems-pg-'))));
    await roundTrip(FileStorage.open(mkdtempSync(join(tmpdir(), 'zwc-problems-file-'))));
  });
});
