import type { HybridClock } from '../../../shared/sync/hlc';
import { LedgerService } from '../../../shared/app/ledger-service';
import { DexieStorage } from './dexie-storage';
import type { LedgerDb } from './schema';

export { SEED_STAMP } from '../../../shared/app/ledger-service';
export { ValidationError, type Change, type PlanCreate, type LogAppend, type PlanEdit, type RecordRef } from '../../../shared/app/change';

/**
 * The core's ledger service on this renderer's IndexedDB. `db` stays visible to the adapter layer
 * (renderer/src/db) and the tests only; the UI holds the workspace's services, never this.
 */
export class LedgerRepository extends LedgerService {
  constructor(
    readonly db: LedgerDb,
    clock: HybridClock,
    actor?: () => string,
  ) {
    super(new DexieStorage(db), clock, actor);
  }
}
