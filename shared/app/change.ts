import type { ProgressEntry, IndicatorValue } from '../domain/progress';
import type { Office } from '../domain/office';
import type { PlanEdit, PlanRecordTypes, PlanTableName } from '../views/plan-tables';
import type { LogTableName } from './storage';
import type { RecordRef as GenericRecordRef } from '../views/record-ref';

export type { PlanEdit };

/** The tables a clerk's changes write to: plan records and the append-only logs. */
export type RecordTable = PlanTableName | LogTableName;

/** A record a clerk's change points at (a deletion, a restore, a bin row). */
export type RecordRef = GenericRecordRef<RecordTable>;

export type PlanCreate = { [K in PlanTableName]: { table: K; record: PlanRecordTypes[K] } }[PlanTableName];
export type LogAppend = { table: 'progress'; record: ProgressEntry } | { table: 'indicatorValues'; record: IndicatorValue };

/**
 * One user action, applied atomically: what it creates, edits, appends, deletes (tombstones) and
 * restores. Applying it yields its inverse, which is how undo works.
 */
export interface Change {
  /** What the clerk did, in words, e.g. "修改任务 工业固体废物 3". */
  label: string;
  creates?: PlanCreate[];
  edits?: PlanEdit[];
  appends?: LogAppend[];
  deletes?: RecordRef[];
  restores?: RecordRef[];
  /** Edits of the office record itself (its plan periods), by division code. */
  officeEdits?: OfficeEdit[];
}

export interface OfficeEdit {
  code: string;
  patch: Partial<Office>;
}

/** A change refused before anything was written; `issues` say what and where, in Chinese. */
export class ValidationError extends Error {
  constructor(
    readonly what: string,
    readonly issues: string[],
  ) {
    super(`${what}：${issues.join('；')}`);
    this.name = 'ValidationError';
  }
}
