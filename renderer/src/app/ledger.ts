import { LedgerDb } from '../db/schema';
import { LedgerRepository } from '../db/repository';
import { DexieStorage } from '../db/dexie-storage';
import { deviceIdOf, lastClockState } from '../../../shared/app/settings';
import { HybridClock } from '../../../shared/sync/hlc';

/** Opens the local database and the ledger service every write goes through. */
export async function openLedger(db: LedgerDb = new LedgerDb()): Promise<LedgerRepository> {
  await db.open();
  const storage = new DexieStorage(db);
  const deviceId = await deviceIdOf(storage, (n) => crypto.getRandomValues(new Uint8Array(n)));
  const clock = new HybridClock(deviceId, Date.now, await lastClockState(storage));
  return new LedgerRepository(db, clock);
}
