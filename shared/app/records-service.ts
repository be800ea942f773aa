import type { ZodType } from 'zod';
import { BUNDLE_TABLES, exchangeMetaOf, ownerFieldOf, type StoredRecord } from '../exchange/records';
import { ProgressEntrySchema, IndicatorValueSchema, type ProgressEntry, type IndicatorValue } from '../domain/progress';
import { OfficeSchema, type Office } from '../domain/office';
import { planById, planIdOf } from '../domain/plan-period';
import type { PlanRecords } from '../seed/load-seed';
import type { PlanData } from '../views/plan-data';
import { formatStamp, type HybridClock } from '../sync/hlc';
import { TABLE_LABELS } from '../views/table-labels';
import { diffFields, stampAll, unstamp, type Stamped } from '../sync/stamped';
import { PLAN_SCHEMAS, type PlanRecordTypes, type PlanTableName } from '../views/plan-tables';
import type { AuditEntry, LogTableName, StoragePort, StorageWriter, StoreRows } from './storage';
import { storedLookup } from './record-lookup';
import { namesRecord, recordHistory } from './audit';
import type { RecordLookup } from '../views/record-label';
import { ValidationError, type Change, type LogAppend, type PlanCreate, type PlanEdit, type RecordRef, type RecordTable } from './change';
import { checkIndicatorValue, indicatorValueOptions, issuesZh, zhErrorMap } from '../domain/validation';
import { FIELD_LABELS } from '../views/field-labels';
import type { Indicator } from '../domain/indicator';
import type { Task } from '../domain/task';

/** The revision stamp of seeded records: older than any edit, and the same on every device. */
export const SEED_STAMP = formatStamp(0, 0, 'seed');

/** Fields that say which record this is and whose: no edit may change them. */
const KEY_FIELDS = ['id', 'officeCode'] as const;
/** The last stamp this device wrote, shared by the windows of one profile (stampedTransaction). */
export const CLOCK_KEY = 'device.lastStamp';

function validate<T>(schema: ZodType<T>, value: unknown, what: string, table?: RecordTable): T {
  const r = schema.safeParse(value, { errorMap: zhErrorMap });
  if (!r.success) throw new ValidationError(what, issuesZh(r.error.issues, FIELD_LABELS, table));
  return r.data;
}

/**
 * A report's claim that a task is finished (a department's form: 完成日期 and 完成依据): only on a
 * task, only saying 100 and 已完成, only from one of the task's lead units. It never completes the
 * task; the office confirms it in 完成情况 (the task shows 待确认完成 until then).
 */
async function checkCompletionClaim(tx: StorageWriter, entry: ProgressEntry): Promise<void> {
  if (!entry.completionClaim) return;
  const problems: string[] = [];
  if (entry.subjectKind !== 'task') problems.push('只有任务可以报告完成（完成日期和完成依据），项目请填写建设状态');
  else if (entry.percent !== 100 || entry.status !== 'done') problems.push('报告任务完成时，完成进度应为 100、状态应为“已完成”');
  if (entry.subjectKind === 'task' && !problems.length) {
    const task = (await tx.get('tasks', entry.subjectId)) as Stamped<Task> | undefined;
    if (task && !(entry.departmentId && task.leads.some((l) => l.departmentId === entry.departmentId))) problems.push('只有任务的牵头单位可以报告任务完成；配合单位的报告是本单位的配合情况');
  }
  if (problems.length) throw new ValidationError(TABLE_LABELS.progress, problems);
}

/** Rules that need another record: an indicator value against its indicator's unit; a report's claim of completion against its task. */
async function crossCheck(tx: StorageWriter, a: LogAppend): Promise<void> {
  if (a.table === 'progress') return checkCompletionClaim(tx, a.record);
  if (a.table !== 'indicatorValues' || a.record.value.kind !== 'number') return;
  const indicator = (await tx.get('indicators', a.record.indicatorId)) as Stamped<Indicator> | undefined;
  if (!indicator) return;
  const problem = checkIndicatorValue(a.record.value.value, indicator.unit, indicatorValueOptions(indicator), `${indicator.name} 的实际值`);
  if (problem) throw new ValidationError(TABLE_LABELS.indicatorValues, [problem]);
}

const LOG_SCHEMAS: Record<LogTableName, ZodType<{ id: string }>> = { progress: ProgressEntrySchema, indicatorValues: IndicatorValueSchema };

/**
 * Records of a closed plan period are read-only: its assessment was made from them. Checks each
 * record a change touches (a report, through the task, project or indicator it is about).
 */
class ClosedPlanGuard {
  private offices = new Map<string, Office | undefined>();
  constructor(private readonly tx: StorageWriter) {}

  private async office(code: string): Promise<Office | undefined> {
    if (!this.offices.has(code)) {
      const row = await this.tx.get('offices', code);
      this.offices.set(code, row ? (unstamp(row) as Office) : undefined);
    }
    return this.offices.get(code);
  }

  async check(table: RecordTable, record: unknown): Promise<void> {
    if (!record || typeof record !== 'object') return;
    const r = record as { officeCode?: string; planId?: string; subjectKind?: string; subjectId?: string; indicatorId?: string };
    let subject: { planId?: string } | undefined = r;
    if (table === 'progress' && r.subjectId) subject = (await this.tx.get(r.subjectKind === 'project' ? 'projects' : 'tasks', r.subjectId)) ?? undefined;
    if (table === 'indicatorValues' && r.indicatorId) subject = (await this.tx.get('indicators', r.indicatorId)) ?? undefined;
    if (!subject || !r.officeCode || table === 'departments' || table === 'leaders') return;
    const office = await this.office(r.officeCode);
    if (!office) return;
    const plan = planById(office, planIdOf(subject, office));
    if (plan?.status === 'closed') throw new ValidationError(`${TABLE_LABELS[table]}`, [`${plan.title}已结束并完成终期评估，其记录只读`]);
  }
}

/** Refuses a write to a record of a closed plan (its final assessment was made from these records). */
export async function assertPlanOpen(tx: StorageWriter, table: RecordTable, record: unknown): Promise<void> {
  await new ClosedPlanGuard(tx).check(table, record);
}

/** A plan table's stored rows as the pages see them: the live ones, without their revision envelope. */
function liveRecords<K extends PlanTableName>(rows: StoreRows[K][]): PlanRecordTypes[K][] {
  return (rows as Stamped<PlanRecordTypes[K]>[]).filter((r) => r._deleted === null).map((r) => unstamp(r));
}

/** The plan tables readPlan reads (all but problems, which the pages read on their own). */
const PLAN_READ = ['departments', 'leaders', 'tasks', 'projects', 'indicators'] as const;

/**
 * Every change a clerk makes goes through here, whatever the storage: it validates against the
 * domain schema, stamps the changed fields with the device's clock, records one audit entry per
 * changed field, and returns the inverse change (undo), all in one transaction so a failed write
 * leaves nothing behind. It also reads an office's records back as plain data.
 */
export class RecordsService {
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

  /**
   * A write transaction whose stamps continue after every stamp this device wrote, in this window or
   * another of the same profile (the storage serialises writers across windows): the clock catches
   * up with the last stamp kept in settings first and leaves its own there after.
   */
  async stampedTransaction<T>(work: (tx: StorageWriter) => Promise<T>): Promise<T> {
    return this.storage.transaction(async (tx) => {
      const kept = (await tx.get('settings', CLOCK_KEY))?.value;
      if (typeof kept === 'string') this.clock.catchUp(kept);
      const before = this.clock.last;
      const result = await work(tx);
      if (this.clock.last !== before) await tx.bulkPut('settings', [{ key: CLOCK_KEY, value: this.clock.last }]);
      return result;
    });
  }

  /** Applies a change atomically and returns the change that undoes it. */
  async apply(change: Change): Promise<Change> {
    return this.stampedTransaction(async (tx) => {
      const inverse: Required<Omit<Change, 'label'>> = { creates: [], edits: [], appends: [], deletes: [], restores: [], officeEdits: [] };
      const guard = new ClosedPlanGuard(tx);
      for (const c of change.creates ?? []) await guard.check(c.table, c.record);
      for (const e of change.edits ?? []) await guard.check(e.table, await tx.get(e.table, e.id));
      for (const a of change.appends ?? []) await guard.check(a.table, a.record);
      for (const r of [...(change.deletes ?? []), ...(change.restores ?? [])]) await guard.check(r.table, await tx.get(r.table, r.id));
      for (const o of change.officeEdits ?? []) {
        const before = await this.updateOfficeInTransaction(tx, o.code, o.patch);
        if (Object.keys(before).length) inverse.officeEdits.push({ code: o.code, patch: before });
      }
      for (const c of change.creates ?? []) {
        await this.insert(tx, c.table, validate(PLAN_SCHEMAS[c.table] as ZodType<{ id: string }>, c.record, `新${TABLE_LABELS[c.table]}`, c.table));
        inverse.deletes.push({ table: c.table, id: c.record.id });
      }
      for (const e of change.edits ?? []) {
        const before = await this.updateInTransaction(tx, e);
        if (Object.keys(before).length) inverse.edits.push({ table: e.table, id: e.id, patch: before } as PlanEdit);
      }
      for (const a of change.appends ?? []) {
        const record = validate(LOG_SCHEMAS[a.table], a.record, TABLE_LABELS[a.table], a.table);
        await crossCheck(tx, a);
        await this.insert(tx, a.table, record);
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
    await tx.bulkPut(name, [stampAll(record, stamp)]);
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
    const next = validate(PLAN_SCHEMAS[name] as ZodType<object>, { ...current, ...patch }, `${TABLE_LABELS[name]} ${id}`, name);
    const stamp = this.clock.tick();
    const stamps = { ...row._stamps };
    for (const c of changes) stamps[c.field] = stamp;
    // Keep the exchange's bookkeeping (open conflicts, what each device's writes were seen at).
    await tx.bulkPut(name, [{ ...exchangeMetaOf(row), ...next, _stamps: stamps, _deleted: null, _updated: stamp }]);
    await tx.bulkPut(
      'audit',
      changes.map((c) => this.audit({ table: name, recordId: id, field: c.field, action: 'update', before: c.before, after: c.after, stamp })),
    );
    return Object.fromEntries(changes.map((c) => [c.field, c.before]));
  }

  /** Edits the office record (its plan periods); its code never changes. Returns the previous values. */
  private async updateOfficeInTransaction(tx: StorageWriter, code: string, patch: Partial<Office>): Promise<Partial<Office>> {
    const row = await tx.get('offices', code);
    if (!row) throw new ValidationError('单位', [`找不到单位 ${code}`]);
    if (patch.code !== undefined && patch.code !== code) throw new ValidationError(`单位 ${code}`, ['区划代码不能修改']);
    const current = unstamp(row) as Office;
    const changes = diffFields(current, patch);
    if (changes.length === 0) return {};
    const next = validate(OfficeSchema, { ...current, ...patch }, `单位 ${code}`);
    const stamp = this.clock.tick();
    const stamps = { ...row._stamps };
    for (const c of changes) stamps[c.field] = stamp;
    await tx.bulkPut('offices', [{ ...exchangeMetaOf(row), ...next, _stamps: stamps, _deleted: null, _updated: stamp } as Stamped<Office>]);
    await tx.bulkPut('audit', changes.map((c) => this.audit({ table: 'offices', recordId: code, field: c.field, action: 'update', before: c.before, after: c.after, stamp })));
    return Object.fromEntries(changes.map((c) => [c.field, c.before])) as Partial<Office>;
  }

  /** Tombstones or revives a record; false when it already was in that state. */
  private async setDeleted(tx: StorageWriter, ref: RecordRef, deleted: boolean): Promise<boolean> {
    const row = (await tx.get(ref.table, ref.id)) as Stamped<{ id: string }> | undefined;
    if (!row) throw new ValidationError(TABLE_LABELS[ref.table], [`找不到记录 ${ref.id}`]);
    if ((row._deleted !== null) === deleted) return false;
    const stamp = this.clock.tick();
    await tx.bulkPut(ref.table, [{ ...row, _deleted: deleted ? stamp : null, _updated: stamp }]);
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
    return liveRecords<K>(await this.storage.listBy(name, 'officeCode', officeCode));
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

  /**
   * The audit trail of one record, oldest first: its own rows and the rows of the imports that
   * changed it, found among the import rows of the record's office (each names its records).
   */
  async auditOf(recordId: string): Promise<AuditEntry[]> {
    const [own, offices] = await Promise.all([this.storage.listBy('audit', 'recordId', recordId), this.officesOf(recordId)]);
    const imports = (await Promise.all([...offices].map((code) => this.storage.listBy('audit', 'officeCode', code)))).flat().filter((r) => namesRecord(r, recordId));
    return recordHistory(own, imports, recordId);
  }

  /** The office (or offices, should two tables use the id) whose stored record has this id. */
  private async officesOf(recordId: string): Promise<Set<string>> {
    const out = new Set<string>();
    for (const t of BUNDLE_TABLES) {
      const row: StoredRecord | undefined = await this.storage.get(t, recordId);
      const owner = row?.[ownerFieldOf(t)];
      if (typeof owner === 'string') out.add(owner);
    }
    return out;
  }

  /** What the bin and the audit trail name records by: one office's records, deleted ones too. */
  async lookup(officeCode: string): Promise<RecordLookup> {
    return storedLookup(this.storage, officeCode);
  }

  /** Everything one office keeps, as the pages, reports and exports read it. */
  async readPlan(officeCode: string): Promise<PlanData> {
    return (await this.readStoredPlan(officeCode)).plan;
  }

  /**
   * The plan as readPlan gives it, and the stored rows of the office record and of every plan table
   * (problems too) it was read from, envelopes and deleted rows included: for what else is worked
   * out from the same read (the 有冲突 marks: conflicts.ts marksOf) instead of reading every record twice.
   */
  async readPlanRows(officeCode: string): Promise<{ plan: PlanData; rows: [PlanTableName | 'offices', StoredRecord[]][] }> {
    const [{ plan, office, tables }, problems] = await Promise.all([this.readStoredPlan(officeCode), this.storage.listBy('problems', 'officeCode', officeCode)]);
    const rows: [PlanTableName | 'offices', StoredRecord[]][] = [['offices', [office]], ...PLAN_READ.map((t): [PlanTableName, StoredRecord[]] => [t, tables[t]]), ['problems', problems]];
    return { plan, rows };
  }

  /** The plan, with the stored rows its office record and plan tables were read from. */
  private async readStoredPlan(officeCode: string) {
    const [office, departments, leaders, tasks, projects, indicators, progress, indicatorValues] = await Promise.all([
      this.storage.get('offices', officeCode),
      this.storage.listBy('departments', 'officeCode', officeCode),
      this.storage.listBy('leaders', 'officeCode', officeCode),
      this.storage.listBy('tasks', 'officeCode', officeCode),
      this.storage.listBy('projects', 'officeCode', officeCode),
      this.storage.listBy('indicators', 'officeCode', officeCode),
      this.progressFor(officeCode),
      this.indicatorValuesFor(officeCode),
    ]);
    if (!office) throw new Error(`本地数据库中没有单位 ${officeCode} 的记录`);
    const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
    const plan: PlanData = {
      office: unstamp(office) as Office,
      departments: liveRecords<'departments'>(departments),
      leaders: liveRecords<'leaders'>(leaders),
      tasks: liveRecords<'tasks'>(tasks).sort(byOrder),
      projects: liveRecords<'projects'>(projects).sort(byOrder),
      indicators: liveRecords<'indicators'>(indicators).sort(byOrder),
      progress,
      indicatorValues,
    };
    return { plan, office, tables: { departments, leaders, tasks, projects, indicators } };
  }
}
