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
import type { AuditEntry, SettingRow } from '../../../shared/app/storage';

export const DB_NAME = 'zero-waste-ledger';

/**
 * The local database. Plan records are stored inside a revision envelope (shared/sync/stamped.ts)
 * so that bundles can be merged field by field; progress entries, indicator values and the audit
 * trail are append-only.
 */
export class LedgerDb extends Dexie {
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
    this.version(1).stores({
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
    });
    // Offices carry revision stamps too: the clock resumes after the latest of them.
    this.version(2).stores({ offices: 'code, parentCode, _updated' });
  }
}

export type { PlanTableName } from '../../../shared/ledger/plan-tables';
export type { LogTableName } from '../../../shared/app/storage';
