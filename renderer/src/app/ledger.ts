import { LedgerDb } from '../db/schema';
import { LedgerRepository } from '../db/repository';
import { deviceIdOf, lastClockState } from '../db/settings';
import { HybridClock } from '../../../shared/sync/hlc';

/** Opens the local database and the repository every write goes through. */
export async function openLedger(db: LedgerDb = new LedgerDb()): Promise<LedgerRepository> {
  await db.open();
  const deviceId = await deviceIdOf(db);
  const clock = new HybridClock(deviceId, Date.now, await lastClockState(db));
  return new LedgerRepository(db, clock);
}

export type StorageState = 'persisted' | 'refused' | 'unsupported';

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistentStorage(): Promise<StorageState> {
  if (!navigator.storage?.persist) return 'unsupported';
  if (await navigator.storage.persisted()) return 'persisted';
  return (await navigator.storage.persist()) ? 'persisted' : 'refused';
}
