import type { ZodType } from 'zod';
import { exchangeMetaOf, type ExchangeMeta } from '../../../shared/exchange/records';
import { ProgressEntrySchema, IndicatorValueSchema, type ProgressEntry, type IndicatorValue } from '../../../shared/domain/progress';
import type { Office } from '../../../shared/domain/office';
import type { PlanRecords } from '../../../shared/seed/load-seed';
import { formatStamp, HybridClock } from '../../../shared/sync/hlc';
import { TABLE_LABELS as RECORD_TABLE_LABELS } from '../../../shared/ledger/table-labels';
import { diffFields, stampAll, unstamp, type Stamped } from '../../../shared/sync/stamped';
import { PLAN_SCHEMAS, type PlanEdit, type PlanRecordTypes, type PlanTableName } from '../../../shared/ledger/plan-tables';
import type { AuditEntry, LedgerDb, LogTableName } from './schema';

export type { PlanEdit };

/** The revision stamp of seeded records: older than any edit, and the same on every device. */
export const SEED_STAMP = formatStamp(0, 0, 'seed');
export type StoredTable = PlanTableName | LogTableName;

export const TABLE_LABELS: Record<StoredTable, string> = RECORD_TABLE_LABELS;

export interface RecordRef {
  table: StoredTable;
  id: string;
}

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
}

export class ValidationError extends Error {
  constructor(
    readonly what: string,
    readonly issues: string[],
  ) {
    super(`${what}：${issues.join('；')}`);
    this.name = 'ValidationError';
  }
}

function validate<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(what, r.error.issues.map((i) => `${i.path.join('.') || '记录'} ${i.message}`));
  return r.data;
}

const LOG_SCHEMAS: Record<LogTableName, ZodType<{ id: string }>> = { progress: ProgressEntrySchema, indicatorValues: IndicatorValueSchema };

function tablesOf(change: Change): StoredTable[] {
  return [
    ...new Set<StoredTable>([
      ...(change.creates ?? []).map((c) => c.table),
      ...(change.edits ?? []).map((e) => e.table),
      ...(change.appends ?? []).map((a) => a.table),
      ...(change.deletes ?? []).map((d) => d.table),
      ...(change.restores ?? []).map((r) => r.table),
    ]),
  ];
}

/**
 * Every write to the local database goes through here: it validates against the domain schema,
 * stamps the changed fields with the device's clock, and records one audit entry per changed
 * field, all in one transaction so a failed write leaves nothing behind.
 */
export class LedgerRepository {
  constructor(
    readonly db: LedgerDb,
    readonly clock: HybridClock,
    private readonly actor: () => string = () => '本机',
  ) {}

  /** An audit row from this device; writers outside the repository (imports) name their own actor. */
  audit(entry: Omit<AuditEntry, 'at' | 'deviceId' | 'actor'>, actor: string = this.actor(), at: Date = new Date()): AuditEntry {
    return { ...entry, at: at.toISOString(), deviceId: this.clock.deviceId, actor };
  }

  /** Loads a plan's records. Re-loading the same plan replaces nothing a clerk has edited. */
  async loadPlan(plan: PlanRecords): Promise<{ added: number; kept: number }> {
    // Every installation seeds a plan with the same stamp, so two laptops that loaded the same
    // plan agree on it and their first exchange carries only what the clerks changed.
    const stamp = SEED_STAMP;
    let added = 0;
    let kept = 0;
    const db = this.db;
    await db.transaction('rw', [db.offices, db.departments, db.leaders, db.tasks, db.projects, db.indicators, db.audit], async () => {
      if (!(await db.offices.get(plan.office.code))) await db.offices.put(stampAll<Office>(plan.office, stamp));
      const tables: [PlanTableName, { id: string }[]][] = [
        ['departments', plan.departments],
        ['leaders', plan.leaders],
        ['tasks', plan.tasks],
        ['projects', plan.projects],
        ['indicators', plan.indicators],
      ];
      for (const [name, records] of tables) {
        const table = db.table(name);
        const existing = new Set((await table.where('officeCode').equals(plan.office.code).primaryKeys()) as string[]);
        const fresh = records.filter((r) => !existing.has(r.id));
        kept += records.length - fresh.length;
        added += fresh.length;
        await table.bulkPut(fresh.map((r) => stampAll(validate(PLAN_SCHEMAS[name] as ZodType<object>, r, `${TABLE_LABELS[name]} ${r.id}`), stamp)));
      }
      await db.audit.add(
        this.audit({ table: 'offices', recordId: plan.office.code, field: '*', action: 'seed', before: null, after: { added }, stamp }),
      );
    });
    return { added, kept };
  }

  /** Applies a change atomically and returns the change that undoes it. */
  async apply(change: Change): Promise<Change> {
    const tables = tablesOf(change).map((t) => this.db.table(t));
    return this.db.transaction('rw', [...tables, this.db.audit], async () => {
      const inverse: Required<Omit<Change, 'label'>> = { creates: [], edits: [], appends: [], deletes: [], restores: [] };
      for (const c of change.creates ?? []) {
        await this.insert(c.table, validate(PLAN_SCHEMAS[c.table] as ZodType<{ id: string }>, c.record, `新${TABLE_LABELS[c.table]}`));
        inverse.deletes.push({ table: c.table, id: c.record.id });
      }
      for (const e of change.edits ?? []) {
        const before = await this.updateInTransaction(e);
        if (Object.keys(before).length) inverse.edits.push({ table: e.table, id: e.id, patch: before } as PlanEdit);
      }
      for (const a of change.appends ?? []) {
        await this.insert(a.table, validate(LOG_SCHEMAS[a.table], a.record, TABLE_LABELS[a.table]));
        inverse.deletes.push({ table: a.table, id: a.record.id });
      }
      for (const d of change.deletes ?? []) if (await this.setDeleted(d, true)) inverse.restores.push(d);
      for (const r of change.restores ?? []) if (await this.setDeleted(r, false)) inverse.deletes.push(r);
      return { label: `撤销：${change.label}`, ...inverse };
    });
  }

  private async insert(name: StoredTable, record: { id: string }): Promise<void> {
    const table = this.db.table(name);
    if (await table.get(record.id)) throw new ValidationError(TABLE_LABELS[name], [`编号 ${record.id} 已存在`]);
    const stamp = this.clock.tick();
    await table.add(stampAll(record, stamp));
    await this.db.audit.add(this.audit({ table: name, recordId: record.id, field: '*', action: 'create', before: null, after: record, stamp }));
  }

  /** Returns the previous values of the fields that changed. */
  private async updateInTransaction(edit: PlanEdit): Promise<Record<string, unknown>> {
    const { table: name, id, patch } = edit;
    const table = this.db.table(name);
    const row = (await table.get(id)) as Stamped<PlanRecordTypes[typeof name]> | undefined;
    if (!row || row._deleted !== null) throw new ValidationError(TABLE_LABELS[name], [`找不到记录 ${id}，可能已被删除`]);
    const current = unstamp(row);
    const changes = diffFields(current, patch);
    if (changes.length === 0) return {};
    const next = validate(PLAN_SCHEMAS[name] as ZodType<object>, { ...current, ...patch }, `${TABLE_LABELS[name]} ${id}`);
    const stamp = this.clock.tick();
    const stamps = { ...row._stamps };
    for (const c of changes) stamps[c.field] = stamp;
    // Keep the exchange's bookkeeping (open conflicts, what each device's writes were seen at).
    await table.put({ ...exchangeMetaOf(row as unknown as ExchangeMeta), ...next, _stamps: stamps, _deleted: null, _updated: stamp });
    await this.db.audit.bulkAdd(
      changes.map((c) => this.audit({ table: name, recordId: id, field: c.field, action: 'update', before: c.before, after: c.after, stamp })),
    );
    return Object.fromEntries(changes.map((c) => [c.field, c.before]));
  }

  /** Tombstones or revives a record; false when it already was in that state. */
  private async setDeleted(ref: RecordRef, deleted: boolean): Promise<boolean> {
    const table = this.db.table(ref.table);
    const row = (await table.get(ref.id)) as Stamped<{ id: string }> | undefined;
    if (!row) throw new ValidationError(TABLE_LABELS[ref.table], [`找不到记录 ${ref.id}`]);
    if ((row._deleted !== null) === deleted) return false;
    const stamp = this.clock.tick();
    await table.put({ ...row, _deleted: deleted ? stamp : null, _updated: stamp });
    await this.db.audit.add(
      this.audit({ table: ref.table, recordId: ref.id, field: '*', action: deleted ? 'delete' : 'restore', before: null, after: null, stamp }),
    );
    return true;
  }

  // Conveniences over apply() for single writes.
  async create<K extends PlanTableName>(name: K, record: PlanRecordTypes[K]): Promise<Change> {
    return this.apply({ label: `新增${TABLE_LABELS[name]}`, creates: [{ table: name, record } as PlanCreate] });
  }
  async update<K extends PlanTableName>(name: K, id: string, patch: Partial<PlanRecordTypes[K]>): Promise<string[]> {
    const inverse = await this.apply({ label: `修改${TABLE_LABELS[name]}`, edits: [{ table: name, id, patch } as PlanEdit] });
    return Object.keys(inverse.edits?.[0]?.patch ?? {});
  }
  async remove(name: StoredTable, id: string): Promise<Change> {
    return this.apply({ label: `删除${TABLE_LABELS[name]}`, deletes: [{ table: name, id }] });
  }
  async restore(name: StoredTable, id: string): Promise<Change> {
    return this.apply({ label: `恢复${TABLE_LABELS[name]}`, restores: [{ table: name, id }] });
  }
  async addProgress(entry: ProgressEntry): Promise<Change> {
    return this.apply({ label: '填报进展', appends: [{ table: 'progress', record: entry }] });
  }
  async addIndicatorValue(value: IndicatorValue): Promise<Change> {
    return this.apply({ label: '填报指标值', appends: [{ table: 'indicatorValues', record: value }] });
  }

  async list<K extends PlanTableName>(name: K, officeCode: string): Promise<PlanRecordTypes[K][]> {
    const rows = (await this.db.table(name).where('officeCode').equals(officeCode).toArray()) as Stamped<PlanRecordTypes[K]>[];
    return rows.filter((r) => r._deleted === null).map((r) => unstamp(r));
  }

  async get<K extends PlanTableName>(name: K, id: string): Promise<PlanRecordTypes[K] | undefined> {
    const row = (await this.db.table(name).get(id)) as Stamped<PlanRecordTypes[K]> | undefined;
    return row && row._deleted === null ? unstamp(row) : undefined;
  }

  /** Deleted records of an office, newest deletion first, for the bin. */
  async deleted(name: StoredTable, officeCode: string): Promise<{ record: { id: string }; deletedAt: string }[]> {
    const rows = (await this.db.table(name).where('officeCode').equals(officeCode).toArray()) as Stamped<{ id: string }>[];
    return rows
      .filter((r) => r._deleted !== null)
      .map((r) => ({ record: unstamp(r), deletedAt: r._deleted as string }))
      .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  async progressFor(officeCode: string): Promise<ProgressEntry[]> {
    const rows = await this.db.progress.where('officeCode').equals(officeCode).toArray();
    return rows.filter((r) => r._deleted === null).map((r) => unstamp(r));
  }

  async indicatorValuesFor(officeCode: string): Promise<IndicatorValue[]> {
    const rows = await this.db.indicatorValues.where('officeCode').equals(officeCode).toArray();
    return rows.filter((r) => r._deleted === null).map((r) => unstamp(r));
  }

  async auditOf(recordId: string): Promise<AuditEntry[]> {
    return this.db.audit.where('recordId').equals(recordId).sortBy('seq');
  }
}
