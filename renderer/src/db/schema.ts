import Dexie, { type Table, type Transaction } from 'dexie';
import { BUNDLE_TABLES, ownerFieldOf, type BundleTableName } from '../../../shared/exchange/records';
import type { Stamped } from '../../../shared/sync/stamped';
import type { Department } from '../../../shared/domain/department';
import type { Leader } from '../../../shared/domain/leader';
import type { Task } from '../../../shared/domain/task';
import type { Project } from '../../../shared/domain/project';
import type { Indicator } from '../../../shared/domain/indicator';
import type { ProgressEntry, IndicatorValue } from '../../../shared/domain/progress';
import type { Office } from '../../../shared/domain/office';

export type { AuditEntry, SettingRow } from '../../../shared/app/storage';
import { LIST_FIELDS, PRIMARY_KEYS, STORE_NAMES, type AuditEntry, type SettingRow, type StampedStoreName, type StoreName } from '../../../shared/app/storage';
import { idBelongsTo } from '../../../shared/exchange/ownership';
import { isOfficeKeyed, officeOf, OFFICE_KEYED_STORES, STRAYS_SCHEMA, STRAYS_STORE, type StrayRow } from './office-keys';

export const DB_NAME = 'zero-waste-ledger';

/**
 * Every schema this app has released, oldest first: Dexie upgrades a database from whichever it
 * holds (test/db/schema-migration.test.ts opens each one and upgrades it).
 */
export const RELEASED_SCHEMAS: readonly Record<string, string>[] = [
  {
    settings: 'key',
    offices: 'code, parentCode',
    departments: 'id, officeCode, name, _updated',
    leaders: 'id, officeCode, _updated',
    tasks: 'id, officeCode, domain, _updated',
    projects: 'id, officeCode, _updated',
    indicators: 'id, officeCode, _updated',
    progress: 'id, officeCode, subjectId, period, [subjectId+period], _updated',
    indicatorValues: 'id, officeCode, indicatorId, year, _updated',
    audit: '++seq, recordId, table, at',
  },
  // Offices carry revision stamps too: the clock resumes after the latest of them.
  { offices: 'code, parentCode, _updated' },
  // An index only where the storage port queries by it: dropped departments.name, tasks.domain,
  // progress.period and [subjectId+period], indicatorValues.year, audit.table and audit.at; an
  // import's one audit row found from each record it changed through *recordIds.
  {
    settings: 'key',
    offices: 'code, parentCode, _updated',
    departments: 'id, officeCode, _updated',
    leaders: 'id, officeCode, _updated',
    tasks: 'id, officeCode, _updated',
    projects: 'id, officeCode, _updated',
    indicators: 'id, officeCode, _updated',
    problems: 'id, officeCode, _updated',
    progress: 'id, officeCode, subjectId, _updated',
    indicatorValues: 'id, officeCode, indicatorId, _updated',
    audit: '++seq, recordId, *recordIds',
  },
  // An index only where the storage port queries by it (see UPGRADES[4]); `latest` in place of `_updated`.
  {
    settings: 'key',
    offices: 'code, parentCode',
    departments: 'id, officeCode',
    leaders: 'id, officeCode',
    tasks: 'id, officeCode',
    projects: 'id, officeCode',
    indicators: 'id, officeCode',
    problems: 'id, officeCode',
    progress: 'id, officeCode',
    indicatorValues: 'id, officeCode',
    audit: '++seq, recordId, officeCode',
    latest: 'store',
  },
];

/** The stores that keep revision stamps (`latest` is asked of them). */
export const STAMPED_STORES = STORE_NAMES.filter((n): n is StampedStoreName => n !== 'settings' && n !== 'audit');

/**
 * Where each stamped store's latest row is (its key and stamp): kept by DexieStorage in the same
 * IndexedDB transaction as the rows, in place of an `_updated` index on every record. A store
 * without a row here is empty.
 */
export interface LatestRow {
  store: string;
  key: string;
  stamp: string;
}
export const LATEST_STORE = 'latest';

/**
 * Version 5 (the current one): an index only where a query cannot be answered by the key. Changed
 * from 4: no `officeCode` index on the stores keyed by record id; an office's records are the
 * range of keys in its namespace, and the few outside it are named in `strays` (office-keys.ts).
 * Version 4 left out the `_updated` index (`latest` reads the `latest` store instead), audit's
 * *recordIds (an import's row is indexed by its office) and the unread progress.subjectId and
 * indicatorValues.indicatorId indexes.
 */
export function currentStores(): Record<StoreName, string> {
  const out = {} as Record<StoreName, string>;
  for (const name of STORE_NAMES) {
    const key = name === 'audit' ? `++${PRIMARY_KEYS[name]}` : PRIMARY_KEYS[name];
    const list: readonly string[] = LIST_FIELDS[name];
    out[name] = [key, ...list.filter((f) => !(f === 'officeCode' && isOfficeKeyed(name)))].join(', ');
  }
  return out;
}

/** The database's stores: the port's, where each stamped store's latest row is, and the strays. */
export function localStores(): Record<string, string> {
  return { ...currentStores(), [LATEST_STORE]: 'store', [STRAYS_STORE]: STRAYS_SCHEMA };
}

/** The latest of two rows: the higher stamp, on equal stamps the higher key (as an `_updated` index's last entry). */
export function laterOf(a: LatestRow | undefined, b: LatestRow): LatestRow {
  return !a || b.stamp > a.stamp || (b.stamp === a.stamp && b.key > a.key) ? b : a;
}

/** Version 4's upgrade: where each stamped store's latest row is, read once from every row. */
async function latestOfEveryStore(tx: Transaction): Promise<void> {
  for (const store of STAMPED_STORES) {
    let best: LatestRow | undefined;
    await tx.table(store).each((row: { _updated?: unknown }, cursor) => {
      if (typeof row._updated === 'string') best = laterOf(best, { store, key: String(cursor.primaryKey), stamp: row._updated });
    });
    if (best) await tx.table<LatestRow, string>(LATEST_STORE).put(best);
  }
}

/** The record tables an import row may name, by their stored name. */
function isRecordTable(name: string): name is BundleTableName {
  return (BUNDLE_TABLES as readonly string[]).includes(name);
}

/**
 * Version 4's upgrade: every import row written under version 3 gets the office whose records it
 * changed (the owner of the first of them still stored), so a record's history keeps finding it.
 */
export async function officeOfImportRows(tx: Transaction): Promise<void> {
  const audit = tx.table<AuditEntry, number>('audit');
  const rows = await audit.where('recordId').startsWith('import:').toArray();
  for (const row of rows) {
    if (row.officeCode !== undefined || !row.changes) continue;
    let officeCode: string | undefined;
    for (const c of row.changes) {
      if (!isRecordTable(c.table)) continue;
      const record = (await tx.table(c.table).get(c.id)) as Record<string, unknown> | undefined;
      const owner = record?.[ownerFieldOf(c.table)];
      if (typeof owner === 'string') {
        officeCode = owner;
        break;
      }
    }
    const { recordIds: _ids, ...rest } = row;
    await audit.put(officeCode === undefined ? rest : { ...rest, officeCode });
  }
}

/** Version 5's upgrade: every record outside its office's namespace named in `strays`, read once from every row. */
async function strayRecords(tx: Transaction): Promise<void> {
  const strays: StrayRow[] = [];
  for (const store of OFFICE_KEYED_STORES) {
    await tx.table(store).each((row: unknown, cursor) => {
      const officeCode = officeOf(row);
      const key = String(cursor.primaryKey);
      if (officeCode !== undefined && !idBelongsTo(key, officeCode)) strays.push({ store, key, officeCode });
    });
  }
  if (strays.length) await tx.table<StrayRow>(STRAYS_STORE).bulkPut(strays);
}

/** Data changes run when a database is upgraded to a version, by version number. */
const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  4: async (tx) => {
    await officeOfImportRows(tx);
    await latestOfEveryStore(tx);
  },
  5: strayRecords,
};

/**
 * The local database. Plan records are stored inside a revision envelope (shared/sync/stamped.ts)
 * so that bundles can be merged field by field; progress entries, indicator values and the audit
 * trail are append-only.
 */
export class LocalDatabase extends Dexie {
  settings!: Table<SettingRow, string>;
  offices!: Table<Stamped<Office>, string>;
  departments!: Table<Stamped<Department>, string>;
  leaders!: Table<Stamped<Leader>, string>;
  tasks!: Table<Stamped<Task>, string>;
  projects!: Table<Stamped<Project>, string>;
  indicators!: Table<Stamped<Indicator>, string>;
  progress!: Table<Stamped<ProgressEntry>, string>;
  indicatorValues!: Table<Stamped<IndicatorValue>, string>;
  audit!: Table<AuditEntry, number>;
  latest!: Table<LatestRow, string>;
  strays!: Table<StrayRow, [string, string]>;

  constructor(name: string = DB_NAME) {
    super(name);
    const versions = [...RELEASED_SCHEMAS, localStores()];
    versions.forEach((stores, i) => {
      const version = this.version(i + 1).stores(stores);
      const upgrade = UPGRADES[i + 1];
      if (upgrade) version.upgrade(upgrade);
    });
  }
}

export type { PlanTableName } from '../../../shared/views/plan-tables';
export type { LogTableName } from '../../../shared/app/storage';
