import Dexie, { type Table } from 'dexie';
import type { Stamped } from '../../../shared/sync/stamped';
import type { Department } from '../../../shared/domain/department';
import type { Leader } from '../../../shared/domain/leader';
import type { Task } from '../../../shared/domain/task';
import type { Project } from '../../../shared/domain/project';
import type { Indicator } from '../../../shared/domain/indicator';
import type { ProgressEntry, IndicatorValue } from '../../../shared/domain/progress';
import type { Office } from '../../../shared/domain/office';

export type { AuditEntry, SettingRow } from '../../../shared/app/storage';
import { LIST_FIELDS, PRIMARY_KEYS, STORE_NAMES, type AuditEntry, type SettingRow, type StoreName } from '../../../shared/app/storage';

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
];

/** List fields holding several values (an import's record ids): indexed entry by entry. */
const MULTI_ENTRY = new Set(['recordIds']);

/**
 * Version 3: an index only where the storage port queries by it, i.e. the store's key, its
 * LIST_FIELDS (shared/app/storage.ts) and `_updated` for `latest`. Dropped: departments.name,
 * tasks.domain, progress.period and [subjectId+period], indicatorValues.year, audit.table and
 * audit.at (nothing read by them, every write paid for them); added: audit.*recordIds (an import's
 * one row, found from each record it changed).
 */
export function currentStores(): Record<StoreName, string> {
  const out = {} as Record<StoreName, string>;
  for (const name of STORE_NAMES) {
    const key = name === 'audit' ? `++${PRIMARY_KEYS[name]}` : PRIMARY_KEYS[name];
    const list: readonly string[] = LIST_FIELDS[name];
    const stamped = name !== 'settings' && name !== 'audit' ? ['_updated'] : [];
    out[name] = [key, ...list.map((f) => (MULTI_ENTRY.has(f) ? `*${f}` : f)), ...stamped].join(', ');
  }
  return out;
}

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

  constructor(name: string = DB_NAME) {
    super(name);
    RELEASED_SCHEMAS.forEach((stores, i) => this.version(i + 1).stores(stores));
    this.version(RELEASED_SCHEMAS.length + 1).stores(currentStores());
  }
}

export type { PlanTableName } from '../../../shared/views/plan-tables';
export type { LogTableName } from '../../../shared/app/storage';
