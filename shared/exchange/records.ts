/**
 * The stored record as it travels in a bundle: the domain fields, the revision envelope of
 * shared/sync/stamped.ts, and the bookkeeping the merge adds (see merge.ts for what each means).
 */
import { withoutMeta, type ExchangeMeta, type Stamped } from '../sync/stamped';

export type { ConflictValue, FieldConflict, ExchangeMeta } from '../sync/stamped';

/** A stored row of any record table (shared/sync/stamped.ts), as code that does not know the table reads it. */
export type StoredRecord = Stamped<Record<string, unknown>>;

export { RECORD_META_KEYS, isMetaKey } from '../sync/stamped';

/** The domain record without envelope or bookkeeping, e.g. to validate it against its zod schema. */
export function plainFields(record: Record<string, unknown>): Record<string, unknown> {
  return withoutMeta(record);
}

/**
 * The bookkeeping a local write must carry over unchanged. A local edit that rebuilds the row
 * from the plain record must spread this back in, otherwise open conflicts vanish silently and
 * later merges report conflicts that are not real.
 */
export function exchangeMetaOf(record: ExchangeMeta): ExchangeMeta {
  const out: ExchangeMeta = {};
  if (record._conflicts !== undefined) out._conflicts = record._conflicts;
  if (record._siblings !== undefined) out._siblings = record._siblings;
  if (record._seen !== undefined) out._seen = record._seen;
  return out;
}

/** All the record tables a bundle can carry, in the order they are written. */
export const BUNDLE_TABLES = ['offices', 'departments', 'leaders', 'tasks', 'projects', 'indicators', 'progress', 'indicatorValues', 'problems'] as const;
export type BundleTableName = (typeof BUNDLE_TABLES)[number];
export type BundleTables = Record<BundleTableName, StoredRecord[]>;

/**
 * Tables added after bundles were first exchanged (问题清单): written only when they hold records and
 * their count then, so a bundle without any stays readable by offices on older software; a bundle
 * without one has none.
 */
export const OPTIONAL_BUNDLE_TABLES: ReadonlySet<BundleTableName> = new Set<BundleTableName>(['problems']);

/** Progress entries and indicator values are never edited, only appended (and tombstoned by undo). */
export const APPEND_ONLY_TABLES: ReadonlySet<BundleTableName> = new Set<BundleTableName>(['progress', 'indicatorValues']);

/** Offices are keyed by their division code; every other table by `id`. */
export function keyFieldOf(table: BundleTableName): 'code' | 'id' {
  return table === 'offices' ? 'code' : 'id';
}

export function emptyTables(): BundleTables {
  return { offices: [], departments: [], leaders: [], tasks: [], projects: [], indicators: [], progress: [], indicatorValues: [], problems: [] };
}

/** The highest stamp anywhere in the records: the importer feeds it to HybridClock.receive. */
export function maxStampOf(records: Iterable<StoredRecord>): string | null {
  let max: string | null = null;
  for (const r of records) if (max === null || r._updated > max) max = r._updated;
  return max;
}

/** The field naming the office a record belongs to: `code` for offices, `officeCode` otherwise. */
export function ownerFieldOf(table: BundleTableName): 'code' | 'officeCode' {
  return table === 'offices' ? 'code' : 'officeCode';
}

/**
 * Fields no merge, conflict entry or patch may change: the key and the owning office. A record's
 * identity and owner are fixed when it is created (see ownership.ts).
 */
export function keyFieldsOf(table: BundleTableName): readonly string[] {
  return table === 'offices' ? OFFICE_KEY_FIELDS : RECORD_KEY_FIELDS;
}
const OFFICE_KEY_FIELDS: readonly string[] = ['code'];
const RECORD_KEY_FIELDS: readonly string[] = ['id', 'officeCode'];

/** Key fields of any table (`code`, `id`, `officeCode`), for code that does not know the table. */
export const KEY_FIELDS: ReadonlySet<string> = new Set(['code', 'id', 'officeCode']);
