import type { ZodType } from 'zod';
import { exchangeMetaOf, type ExchangeMeta } from '../exchange/records';
import { ProgressEntrySchema, IndicatorValueSchema, type ProgressEntry, type IndicatorValue } from '../domain/progress';
import type { Office } from '../domain/office';
import type { PlanRecords } from '../seed/load-seed';
import type { PlanData } from '../ledger/plan-data';
import { formatStamp, type HybridClock } from '../sync/hlc';
import { TABLE_LABELS } from '../ledger/table-labels';
import { diffFields, stampAll, unstamp, type Stamped } from '../sync/stamped';
import { PLAN_SCHEMAS, type PlanRecordTypes, type PlanTableName } from '../ledger/plan-tables';
import type { AuditEntry, LogTableName, StoragePort, StorageWriter } from './storage';
import { ValidationError, type Change, type PlanCreate, type PlanEdit, type RecordRef, type RecordTable } from './change';

/** The revision stamp of seeded records: older than any edit, and the same on every device. */
export const SEED_STAMP = formatStamp(0, 0, 'seed');

/** Fields that say which record this is and whose: no edit may change them. */
const KEY_FIELDS = ['id', 'officeCode'] as const;

function validate<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(what, r.error.issues.map((i) => `${i.path.join('.') || '记录'} ${i.message}`));
  return r.data;
}

const LOG_SCHEMAS: Record<LogTableName, ZodType<{ id: string }>> = { progress: ProgressEntrySchema, indicatorValues: IndicatorValueSchema };

/**
 * Every change a clerk makes goes through here, whatever the storage: it validates against the
 * domain schema, stamps the changed fields with the device's clock, records one audit entry per
 * changed field, and returns the inverse change (undo), all in one transaction so a failed write
 * leaves nothing behind. It also reads an office's records back as plain data.
 */
export class LedgerService {
  constructor(
    readonly storage: StoragePort,
    readonly clock: HybridClock,
    private readonly actor: () => string = () => '本机',
  ) {}

  /** An audit row from this device; writers outside the service (imports) name their own actor. */
  audit(entry: Omit<AuditEntry, 'at' | 'deviceId' | 'actor'>, actor: string = this.actor(), at: Date = new Date()): AuditEntry {
    return { ...entry, at: at.toISOString(), deviceId: this.clock.deviceId, actor };
  }

  /** Loads a plan's records. Re-loading the same plan replaces nothing a clerk has edited. */
  async loadPlan(plan: PlanRecords): Promise<{ added: number; kept: number }> {
    // Every installation seeds a plan with the same stamp, so two laptops that loaded the same
    // plan agree on it and their first exchange carries only what the clerks changed.
    const stamp = SEED_STAMP;
    return this.storage.transaction(async (tx) => {
      let added = 0;
      let kept = 0;
      if (!(await tx.get('offices', plan.office.code))) await tx.bulkPut('offices', [stampAll<Office>(plan.office, stamp)]);
      const tables: [PlanTableName, { id: string }[]][] = [
        ['departments', plan.departments],
        ['leaders', plan.leaders],
        ['tasks', plan.tasks],
        ['projects', plan.projects],
        ['indicators', plan.indicators],
      ];
      for (const [name, records] of tables) {
        const existing = new Set((await tx.getMany(name, records.map((r) => r.id))).filter((r) => r !== undefined).map((r) => r.id));
        const fresh = records.filter((r) => !existing.has(r.id));
        kept += records.length - fresh.length;
        added += fresh.length;
        const rows = fresh.map((r) => stampAll(validate(PLAN_SCHEMAS[name] as ZodType<object>, r, `${TABLE_LABELS[name]} ${r.id}`), stamp));
        await tx.bulkPut(name, rows as Stamped<PlanRecordTypes[typeof name]>[]);
      }
      await tx.bulkPut('audit', [this.audit({ table: 'offices', recordId: plan.office.code, field: '*', action: 'seed', before: null, after: { added }, stamp })]);
      return { added, kept };
    });
  }

  /** Applies a change atomically and returns the change that undoes it. */
  async apply(change: Change): Promise<Change> {
    return this.storage.transaction(async (tx) => {
      const inverse: Required<Omit<Change, 'label'>> = { creates: [], edits: [], appends: [], deletes: [], restores: [] };
      for (const c of change.creates ?? []) {
        await this.insert(tx, c.table, validate(PLAN_SCHEMAS[c.table] as ZodType<{ id: string }>, c.record, `新${TABLE_LABELS[c.table]}`));
        inverse.deletes.push({ table: c.table, id: c.record.id });
      }
      for (const e of change.edits ?? []) {
        const before = await this.updateInTransaction(tx, e);
        if (Object.keys(before).length) inverse.edits.push({ table: e.table, id: e.id, patch: before } as PlanEdit);
      }
      for (const a of change.appends ?? []) {
        await this.insert(tx, a.table, validate(LOG_SCHEMAS[a.table], a.record, TABLE_LABELS[a.table]));
        inverse.deletes.push({ table: a.table, id: a.record.id });
      }
      for (const d of change.deletes ?? []) if (await this.setDeleted(tx, d, true)) inverse.restores.push(d);
      for (const r of change.restores ?? []) if (await this.setDeleted(tx, r, false)) inverse.deletes.push(r);
      return { label: `撤销：${change.label}`, ...inverse };
    });
  }

  private async insert(tx: StorageWriter, name: RecordTable, record: { id: string }): Promise<void> {
    if (await tx.get(name, record.id)) throw new ValidationError(TABLE_LABELS[name], [`编号 ${record.id} 已存在`]);
    const stamp = this.clock.tick();
    await tx.bulkPut(name, [stampAll(record, stamp)] as never[]);
    await tx.bulkPut('audit', [this.audit({ table: name, recordId: record.id, field: '*', action: 'create', before: null, after: record, stamp })]);
  }

  /** Returns the previous values of the fields that changed. */
  private async updateInTransaction(tx: StorageWriter, edit: PlanEdit): Promise<Record<string, unknown>> {
    const { table: name, id, patch } = edit;
    const row = (await tx.get(name, id)) as Stamped<PlanRecordTypes[typeof name]> | undefined;
    if (!row || row._deleted !== null) throw new ValidationError(TABLE_LABELS[name], [`找不到记录 ${id}，可能已被删除`]);
    const current = unstamp(row);
    for (const key of KEY_FIELDS) {
      const asked = (patch as Record<string, unknown>)[key];
      if (asked !== undefined && asked !== (current as Record<string, unknown>)[key]) {
        throw new ValidationError(`${TABLE_LABELS[name]} ${id}`, [`${key === 'id' ? '编号' : '所属单位'}不能修改`]);
      }
    }
    const changes = diffFields(current, patch);
    if (changes.length === 0) return {};
    const next = validate(PLAN_SCHEMAS[name] as ZodType<object>, { ...current, ...patch }, `${TABLE_LABELS[name]} ${id}`);
    const stamp = this.clock.tick();
    const stamps = { ...row._stamps };
    for (const c of changes) stamps[c.field] = stamp;
    // Keep the exchange's bookkeeping (open conflicts, what each device's writes were seen at).
    await tx.bulkPut(name, [{ ...exchangeMetaOf(row as unknown as ExchangeMeta), ...next, _stamps: stamps, _deleted: null, _updated: stamp }] as never[]);
    await tx.bulkPut(
      'audit',
      changes.map((c) => this.audit({ table: name, recordId: id, field: c.field, action: 'update', before: c.before, after: c.after, stamp })),
    );
    return Object.fromEntries(changes.map((c) => [c.field, c.before]));
  }

  /** Tombstones or revives a record; false when it already was in that state. */
  private async setDeleted(tx: StorageWriter, ref: RecordRef, deleted: boolean): Promise<boolean> {
    const row = (await tx.get(ref.table, ref.id)) as Stamped<{ id: string }> | undefined;
    if (!row) throw new ValidationError(TABLE_LABELS[ref.table], [`找不到记录 ${ref.id}`]);
    if ((row._deleted !== null) === deleted) return false;
    const stamp = this.clock.tick();
    await tx.bulkPut(ref.table, [{ ...row, _deleted: deleted ? stamp : null, _updated: stamp }] as never[]);
    await tx.bulkPut('audit', [this.audit({ table: ref.table, recordId: ref.id, field: '*', action: deleted ? 'delete' : 'restore', before: null, after: null, stamp })]);
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
  async remove(name: RecordTable, id: string): Promise<Change> {
    return this.apply({ label: `删除${TABLE_LABELS[name]}`, deletes: [{ table: name, id }] });
  }
  async restore(name: RecordTable, id: string): Promise<Change> {
    return this.apply({ label: `恢复${TABLE_LABELS[name]}`, restores: [{ table: name, id }] });
  }
  async addProgress(entry: ProgressEntry): Promise<Change> {
    return this.apply({ label: '填报进展', appends: [{ table: 'progress', record: entry }] });
  }
  async addIndicatorValue(value: IndicatorValue): Promise<Change> {
    return this.apply({ label: '填报指标值', appends: [{ table: 'indicatorValues', record: value }] });
  }

  async list<K extends PlanTableName>(name: K, officeCode: string): Promise<PlanRecordTypes[K][]> {
    const rows = (await this.storage.listBy(name, 'officeCode', officeCode)) as Stamped<PlanRecordTypes[K]>[];
    return rows.filter((r) => r._deleted === null).map((r) => unstamp(r));
  }

  async get<K extends PlanTableName>(name: K, id: string): Promise<PlanRecordTypes[K] | undefined> {
    const row = (await this.storage.get(name, id)) as Stamped<PlanRecordTypes[K]> | undefined;
    return row && row._deleted === null ? unstamp(row) : undefined;
  }

  /** Deleted records of an office, newest deletion first, for the bin. */
  async deleted(name: RecordTable, officeCode: string): Promise<{ record: { id: string }; deletedAt: string }[]> {
    const rows = (await this.storage.listBy(name, 'officeCode', officeCode)) as Stamped<{ id: string }>[];
    return rows
      .filter((r) => r._deleted !== null)
      .map((r) => ({ record: unstamp(r), deletedAt: r._deleted as string }))
      .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  async progressFor(officeCode: string): Promise<ProgressEntry[]> {
    const rows = await this.storage.listBy('progress', 'officeCode', officeCode);
    return rows.filter((r) => r._deleted === null).map((r) => unstamp(r));
  }

  async indicatorValuesFor(officeCode: string): Promise<IndicatorValue[]> {
    const rows = await this.storage.listBy('indicatorValues', 'officeCode', officeCode);
    return rows.filter((r) => r._deleted === null).map((r) => unstamp(r));
  }

  /** The audit trail of one record, oldest first. */
  async auditOf(recordId: string): Promise<AuditEntry[]> {
    return this.storage.listBy('audit', 'recordId', recordId);
  }

  /** Everything one office keeps, as the pages, reports and exports read it. */
  async readPlan(officeCode: string): Promise<PlanData> {
    const office = await this.storage.get('offices', officeCode);
    if (!office) throw new Error(`本地数据库中没有单位 ${officeCode} 的记录`);
    const [departments, leaders, tasks, projects, indicators, progress, indicatorValues] = await Promise.all([
      this.list('departments', officeCode),
      this.list('leaders', officeCode),
      this.list('tasks', officeCode),
      this.list('projects', officeCode),
      this.list('indicators', officeCode),
      this.progressFor(officeCode),
      this.indicatorValuesFor(officeCode),
    ]);
    const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
    return {
      office: { code: office.code, name: office.name, level: office.level, parentCode: office.parentCode, ...(office.shortName ? { shortName: office.shortName } : {}) },
      departments,
      leaders,
      tasks: tasks.sort(byOrder),
      projects: projects.sort(byOrder),
      indicators: indicators.sort(byOrder),
      progress,
      indicatorValues,
    };
  }
}
