import type { HybridClock } from '../../../shared/sync/hlc';
import { RecordsService } from '../../../shared/app/records-service';
import { DexieStorage } from './dexie-storage';
import type { LocalDatabase } from './schema';

export { SEED_STAMP } from '../../../shared/app/records-service';
export { ValidationError, type Change, type PlanCreate, type LogAppend, type PlanEdit, type RecordRef } from '../../../shared/app/change';

/**
 * The core's records service on this renderer's IndexedDB. `db` stays visible to the adapter layer
 * (renderer/src/db) and the tests only; the UI holds the workspace's services, never this.
 */
export class DexieRecordsService extends RecordsService {
  constructor(
    readonly db: LocalDatabase,
    clock: HybridClock,
    actor?: () => string,
  ) {
    super(new DexieStorage(db), clock, actor);
  }
}
