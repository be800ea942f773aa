import type { Stamped } from '../sync/stamped';
import type { Office } from '../domain/office';
import type { ProgressEntry, IndicatorValue } from '../domain/progress';
import type { PlanRecordTypes } from '../views/plan-tables';

/**
 * The storage port: the one thing the application core needs from a database. The renderer plugs
 * in IndexedDB (Dexie), the command line a file on disk, the tests both; every service is written
 * against this interface only, so each behaves the same on all of them.
 */

/** A record an import changed: its table, its key, and the fields whose value changed ("*": the record is new to this copy). */
export interface ImportedChange {
  table: string;
  id: string;
  fields: string[];
}

/**
 * One row of the audit trail: a field of a record changed from one value to another; or one import,
 * naming every record it changed (`changes`, shared/app/audit.ts).
 */
export type AuditEntry = {
  /** Assigned by the store, increasing in the order rows were written. */
  seq?: number;
  table: string;
  recordId: string;
  /** Field name, or "*" for creating, deleting or restoring the whole record. */
  field: string;
  action: 'create' | 'update' | 'delete' | 'restore' | 'seed' | 'merge';
  before: unknown;
  after: unknown;
  at: string;
  stamp: string;
  deviceId: string;
  actor: string;
  /** An import's row: the records it changed. */
  changes?: ImportedChange[];
  /**
   * An import's row: the office whose records it changed (a bundle carries one office's records
   * only). Indexed: a record's history lists its office's import rows and keeps those naming it,
   * one index entry per import instead of one per record it changed.
   */
  officeCode?: string;
  /**
   * The ids in `changes`, as import rows written before `officeCode` carried them (Dexie schema 3;
   * no longer indexed nor written): read past, never relied on.
   */
  recordIds?: string[];
};

export type SettingRow = {
  key: string;
  value: unknown;
};

export type LogTableName = 'progress' | 'indicatorValues';

/** What each store holds. Plan and log records sit in their revision envelope. */
/** The port's key order, as IndexedDB orders keys: numbers by value, strings by UTF-16 code unit. */
export function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

export interface StoreRows {
  settings: SettingRow;
  offices: Stamped<Office>;
  departments: Stamped<PlanRecordTypes['departments']>;
  leaders: Stamped<PlanRecordTypes['leaders']>;
  tasks: Stamped<PlanRecordTypes['tasks']>;
  projects: Stamped<PlanRecordTypes['projects']>;
  indicators: Stamped<PlanRecordTypes['indicators']>;
  problems: Stamped<PlanRecordTypes['problems']>;
  progress: Stamped<ProgressEntry>;
  indicatorValues: Stamped<IndicatorValue>;
  audit: AuditEntry;
}
export type StoreName = keyof StoreRows;
export type StampedStoreName = Exclude<StoreName, 'settings' | 'audit'>;

/**
 * A row of a record table as code that does not know the table's type holds it: the exchange's
 * merge output, a conflict's record, a backup's rows. Every such row was checked against its
 * table's schema where it came in (a bundle, a backup file) or was written by the ledger.
 */
export type AnyStampedRow = Stamped<Record<string, unknown>>;

/**
 * What a store takes in a write: its own rows, and for a record table also an AnyStampedRow, so
 * code that picks the table at run time writes without a cast.
 */
export type WritableRow<N extends StoreName> = N extends StampedStoreName ? StoreRows[N] | AnyStampedRow : StoreRows[N];

export const STORE_NAMES: readonly StoreName[] = [
  'settings',
  'offices',
  'departments',
  'leaders',
  'tasks',
  'projects',
  'indicators',
  'problems',
  'progress',
  'indicatorValues',
  'audit',
];

/** The field each store is keyed by. */
export const PRIMARY_KEYS: { [N in StoreName]: string } = {
  settings: 'key',
  offices: 'code',
  departments: 'id',
  leaders: 'id',
  tasks: 'id',
  projects: 'id',
  indicators: 'id',
  problems: 'id',
  progress: 'id',
  indicatorValues: 'id',
  audit: 'seq',
};

/**
 * The fields a store can be listed by (the indexes an adapter should keep): only those a query of
 * the core lists by, since every write pays for each (progress.subjectId and
 * indicatorValues.indicatorId were indexed and never read by: 42,000 index entries for a large
 * office's reports, dropped with schema version 4).
 */
export const LIST_FIELDS = {
  offices: ['parentCode'],
  departments: ['officeCode'],
  leaders: ['officeCode'],
  tasks: ['officeCode'],
  projects: ['officeCode'],
  indicators: ['officeCode'],
  problems: ['officeCode'],
  progress: ['officeCode'],
  indicatorValues: ['officeCode'],
  audit: ['recordId', 'officeCode'],
  settings: [],
} as const satisfies { [N in StoreName]: readonly string[] };
export type ListField<N extends StoreName> = (typeof LIST_FIELDS)[N][number];

export interface StorageReader {
  get<N extends StoreName>(store: N, key: string | number): Promise<StoreRows[N] | undefined>;
  /** Rows by key, in the order asked, undefined where there is none. */
  getMany<N extends StoreName>(store: N, keys: readonly (string | number)[]): Promise<(StoreRows[N] | undefined)[]>;
  /** Rows whose field equals the value (a list field: contains it), in key order. */
  listBy<N extends StoreName>(store: N, field: ListField<N>, value: string): Promise<StoreRows[N][]>;
  /** Every row, in key order. */
  listAll<N extends StoreName>(store: N): Promise<StoreRows[N][]>;
  /** The row written last (highest revision stamp), where the store keeps stamps. */
  latest<N extends StampedStoreName>(store: N): Promise<StoreRows[N] | undefined>;
}

export interface StorageWriter extends StorageReader {
  /**
   * Inserts or replaces rows by their key; audit rows get the next sequence number. The rows become
   * the storage's: the caller hands them over and changes neither them nor anything they hold
   * afterwards (an adapter may keep them as given until the commit instead of copying 50,000 rows);
   * what the transaction reads back is a copy.
   */
  bulkPut<N extends StoreName>(store: N, rows: readonly WritableRow<N>[]): Promise<void>;
  /**
   * Removes every row of the store, as part of the transaction (restoring a backup replaces the
   * whole workspace at once). Rows put after it in the same transaction are kept.
   */
  clear(store: StoreName): Promise<void>;
}

export interface StoragePort extends StorageReader {
  /**
   * Runs the work atomically: every write inside is kept if it resolves, none if it throws. The
   * work may only wait on the transaction's own calls (IndexedDB ends a transaction that waits
   * on anything else).
   */
  transaction<T>(work: (tx: StorageWriter) => Promise<T>): Promise<T>;
}
