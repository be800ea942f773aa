import { LocalDatabase } from '../db/schema';
import { DexieRecordsService } from '../db/repository';
import { DexieStorage } from '../db/dexie-storage';
import { deviceIdOf, lastClockState } from '../../../shared/app/settings';
import { HybridClock } from '../../../shared/sync/hlc';

/** Opens the local database and the records service every write goes through. */
export async function openLocalDatabase(db: LocalDatabase = new LocalDatabase()): Promise<DexieRecordsService> {
  await db.open();
  const storage = new DexieStorage(db);
  const deviceId = await deviceIdOf(storage, (n) => crypto.getRandomValues(new Uint8Array(n)));
  const clock = new HybridClock(deviceId, Date.now, await lastClockState(storage));
  return new DexieRecordsService(db, clock);
}
