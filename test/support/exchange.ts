/**
 * The exchange as the tests drive it, on a laptop's IndexedDB (fake-indexeddb): thin calls into
 * the core's services (shared/app), so the tests read as the clerk's steps and exercise the very
 * code the app and `zwc` run.
 */
import type { DexieRecordsService } from '../../renderer/src/db/repository';
import { DexieStorage } from '../../renderer/src/db/dexie-storage';
import type { LocalDatabase } from '../../renderer/src/db/schema';
import { workspaceOver, type Workspace } from '../../shared/app/workspace';
import { officeTables, openConflictsIn, type PreparedImport, type Receiver } from '../../shared/app/exchange/exchange-service';
import { deviceIdentity as identityIn } from '../../shared/app/trust/device-identity';
import { importHistory as historyIn, EXCHANGE_KEYS, TrustService, type TrustedKey } from '../../shared/app/trust/trust-service';
import { writeSetting } from '../../shared/app/settings';
import { TrustListSchema } from '../../shared/exchange/trust';
import type { PlanTableName } from '../../shared/views/plan-tables';

export type { PreparedImport, Receiver, TrustedKey };

const workspaces = new WeakMap<DexieRecordsService, Workspace>();
function ws(repo: DexieRecordsService): Workspace {
  let w = workspaces.get(repo);
  if (!w) workspaces.set(repo, (w = workspaceOver(repo.storage, repo)));
  return w;
}
const storageOf = (db: LocalDatabase) => new DexieStorage(db);

export const exportBundle = (repo: DexieRecordsService, officeCode: string, period: string, now?: Date) => ws(repo).exchange.exportBundle(officeCode, period, now);
export const prepareImport = (repo: DexieRecordsService, receiver: Receiver, file: { name: string; data: Uint8Array }, now?: Date) =>
  ws(repo).exchange.prepareImport(receiver, file, now);
export const applyImport = (repo: DexieRecordsService, prepared: Extract<PreparedImport, { kind: 'ready' }>, now?: Date) => ws(repo).exchange.applyImport(prepared, now);
export const resolveOpenConflict = (repo: DexieRecordsService, table: PlanTableName, id: string, field: string, value: unknown) =>
  ws(repo).exchange.resolveConflict(table, id, field, value);
export const readOfficeTables = (db: LocalDatabase, officeCode: string) => officeTables(storageOf(db), officeCode);
export const listOpenConflicts = (db: LocalDatabase, officeCode: string) => openConflictsIn(storageOf(db), officeCode);
export const trustKey = (db: LocalDatabase, entry: { officeCode: string; publicKey: string; label?: string }, now?: Date) => new TrustService(storageOf(db)).trust(entry, now);
export const revokeKey = (db: LocalDatabase, publicKey: string, officeCode: string, now?: Date) => new TrustService(storageOf(db)).revoke(publicKey, officeCode, now);
export const deviceIdentity = (db: LocalDatabase) => identityIn(storageOf(db));
export const importHistory = (db: LocalDatabase) => historyIn(storageOf(db));
/** Writes a whole trust list at once (test set-up). */
export const saveTrustedKeys = (db: LocalDatabase, keys: readonly TrustedKey[]) => storageOf(db).transaction((tx) => writeSetting(tx, EXCHANGE_KEYS.trust, TrustListSchema.parse(keys)));
