import type { ZodType } from 'zod';
import { ProgressEntrySchema, IndicatorValueSchema, type ProgressEntry, type IndicatorValue } from '../../../shared/domain/progress';
import type { Office } from '../../../shared/domain/office';
import type { PlanRecords } from '../../../shared/seed/load-seed';
import { HybridClock } from '../../../shared/sync/hlc';
import { diffFields, stampAll, unstamp, type Stamped } from '../../../shared/sync/stamped';
import type { AuditEntry, LedgerDb } from './schema';
import { PLAN_SCHEMAS, type PlanEdit, type PlanRecordTypes, type PlanTableName } from '../../../shared/ledger/plan-tables';
export type { PlanEdit };

export const TABLE_LABELS: Record<PlanTableName | 'progress' | 'indicatorValues', string> = {
  departments: '单位',
  leaders: '领导',
  tasks: '任务',
  projects: '项目',
  indicators: '指标',
  progress: '进展',
  indicatorValues: '指标值',
};

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

  private audit(entry: Omit<AuditEntry, 'at' | 'deviceId' | 'actor'>): AuditEntry {
    return { ...entry, at: new Date().toISOString(), deviceId: this.clock.deviceId, actor: this.actor() };
  }

  /** Loads a plan's records. Re-loading the same plan replaces nothing a clerk has edited. */
  async loadPlan(plan: PlanRecords): Promise<{ added: number; kept: number }> {
    const stamp = this.clock.tick();
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

  async list<K extends PlanTableName>(name: K, officeCode: string, includeDeleted = false): Promise<PlanRecordTypes[K][]> {
    const rows = (await this.db.table(name).where('officeCode').equals(officeCode).toArray()) as Stamped<PlanRecordTypes[K]>[];
    return rows.filter((r) => includeDeleted || r._deleted === null).map((r) => unstamp(r));
  }

  async get<K extends PlanTableName>(name: K, id: string): Promise<PlanRecordTypes[K] | undefined> {
    const row = (await this.db.table(name).get(id)) as Stamped<PlanRecordTypes[K]> | undefined;
    return row && row._deleted === null ? unstamp(row) : undefined;
  }

  async create<K extends PlanTableName>(name: K, record: PlanRecordTypes[K]): Promise<void> {
    const valid = validate(PLAN_SCHEMAS[name], record, `新${TABLE_LABELS[name]}`) as PlanRecordTypes[K] & { id: string };
    const stamp = this.clock.tick();
    await this.db.transaction('rw', this.db.table(name), this.db.audit, async () => {
      if (await this.db.table(name).get(valid.id)) throw new ValidationError(`新${TABLE_LABELS[name]}`, [`编号 ${valid.id} 已存在`]);
      await this.db.table(name).add(stampAll(valid, stamp));
      await this.db.audit.add(this.audit({ table: name, recordId: valid.id, field: '*', action: 'create', before: null, after: valid, stamp }));
    });
  }

  /** Applies a partial edit. Returns the fields that really changed (none: nothing is written). */
  async update<K extends PlanTableName>(name: K, id: string, patch: Partial<PlanRecordTypes[K]>): Promise<string[]> {
    return this.db.transaction('rw', this.db.table(name), this.db.audit, () => this.updateInTransaction(name, id, patch));
  }

  /**
   * Several edits and deletions that stand or fall together (merging two departments moves every
   * reference, then deletes one of them).
   */
  async batch(edits: readonly PlanEdit[], deletions: readonly { table: PlanTableName; id: string }[] = []): Promise<void> {
    const tables = [...new Set([...edits.map((e) => e.table), ...deletions.map((d) => d.table)])].map((t) => this.db.table(t));
    await this.db.transaction('rw', [...tables, this.db.audit], async () => {
      for (const e of edits) await this.updateInTransaction(e.table, e.id, e.patch as Partial<PlanRecordTypes[typeof e.table]>);
      for (const d of deletions) await this.setDeletedInTransaction(d.table, d.id, true);
    });
  }

  private async updateInTransaction<K extends PlanTableName>(name: K, id: string, patch: Partial<PlanRecordTypes[K]>): Promise<string[]> {
    const table = this.db.table(name);
    const row = (await table.get(id)) as Stamped<PlanRecordTypes[K]> | undefined;
    if (!row || row._deleted !== null) throw new ValidationError(TABLE_LABELS[name], [`找不到记录 ${id}，可能已被删除`]);
    const current = unstamp(row);
    const changes = diffFields(current, patch);
    if (changes.length === 0) return [];
    const next = validate(PLAN_SCHEMAS[name], { ...current, ...patch }, `${TABLE_LABELS[name]} ${id}`);
    const stamp = this.clock.tick();
    const stamps = { ...row._stamps };
    for (const c of changes) stamps[c.field] = stamp;
    await table.put({ ...next, _stamps: stamps, _deleted: null, _updated: stamp });
    await this.db.audit.bulkAdd(
      changes.map((c) => this.audit({ table: name, recordId: id, field: c.field, action: 'update', before: c.before, after: c.after, stamp })),
    );
    return changes.map((c) => c.field);
  }

  /** Deletes by tombstone: the record stays, hidden, and can be restored from the bin. */
  async remove(name: PlanTableName, id: string): Promise<void> {
    await this.setDeleted(name, id, true);
  }

  async restore(name: PlanTableName, id: string): Promise<void> {
    await this.setDeleted(name, id, false);
  }

  private async setDeleted(name: PlanTableName, id: string, deleted: boolean): Promise<void> {
    await this.db.transaction('rw', this.db.table(name), this.db.audit, () => this.setDeletedInTransaction(name, id, deleted));
  }

  private async setDeletedInTransaction(name: PlanTableName, id: string, deleted: boolean): Promise<void> {
    const table = this.db.table(name);
    const row = (await table.get(id)) as Stamped<{ id: string }> | undefined;
    if (!row) throw new ValidationError(TABLE_LABELS[name], [`找不到记录 ${id}`]);
    if ((row._deleted !== null) === deleted) return;
    const stamp = this.clock.tick();
    await table.put({ ...row, _deleted: deleted ? stamp : null, _updated: stamp });
    await this.db.audit.add(
      this.audit({ table: name, recordId: id, field: '*', action: deleted ? 'delete' : 'restore', before: null, after: null, stamp }),
    );
  }

  /** Deleted records of an office, for the bin. */
  async deleted<K extends PlanTableName>(name: K, officeCode: string): Promise<{ record: PlanRecordTypes[K]; deletedAt: string }[]> {
    const rows = (await this.db.table(name).where('officeCode').equals(officeCode).toArray()) as Stamped<PlanRecordTypes[K]>[];
    return rows.filter((r) => r._deleted !== null).map((r) => ({ record: unstamp(r), deletedAt: r._deleted as string }));
  }

  async addProgress(entry: ProgressEntry): Promise<void> {
    const valid = validate(ProgressEntrySchema, entry, '进展');
    await this.appendLog('progress', valid);
  }

  async addIndicatorValue(value: IndicatorValue): Promise<void> {
    const valid = validate(IndicatorValueSchema, value, '指标值');
    await this.appendLog('indicatorValues', valid);
  }

  private async appendLog(name: 'progress' | 'indicatorValues', record: { id: string }): Promise<void> {
    const stamp = this.clock.tick();
    await this.db.transaction('rw', this.db.table(name), this.db.audit, async () => {
      if (await this.db.table(name).get(record.id)) throw new ValidationError(TABLE_LABELS[name], [`编号 ${record.id} 已存在`]);
      await this.db.table(name).add(stampAll(record, stamp));
      await this.db.audit.add(this.audit({ table: name, recordId: record.id, field: '*', action: 'create', before: null, after: record, stamp }));
    });
  }

  async progressFor(officeCode: string): Promise<ProgressEntry[]> {
    const rows = await this.db.progress.where('officeCode').equals(officeCode).toArray();
    return rows.map((r) => unstamp(r));
  }

  async indicatorValuesFor(officeCode: string): Promise<IndicatorValue[]> {
    const rows = await this.db.indicatorValues.where('officeCode').equals(officeCode).toArray();
    return rows.map((r) => unstamp(r));
  }

  async auditOf(recordId: string): Promise<AuditEntry[]> {
    return this.db.audit.where('recordId').equals(recordId).sortBy('seq');
  }
}
