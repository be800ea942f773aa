import { createBundle, BUNDLE_EXTENSION } from '../../exchange/bundle-format';
import { BUNDLE_TABLES, emptyTables, keyFieldOf, maxStampOf, ownerFieldOf, type BundleTableName, type BundleTables, type FieldConflict, type StoredRecord } from '../../exchange/records';
import { KeyFieldMismatchError, mergeTables, openConflicts, resolveConflict, type MergePreview } from '../../exchange/merge';
import type { LocalOwners, Receiver } from '../../exchange/rules';
import { verifyBundle } from '../../exchange/verify';
import { BundleError, refusalOf, type BundleRefusal } from '../../exchange/errors';
import type { ImportRecord } from '../../exchange/history';
import { divisionName } from '../../domain/divisions';
import { PLAN_SCHEMAS, type PlanTableName } from '../../views/plan-tables';
import { namedRecord, recordLookup, type RecordLookup } from '../../views/record-label';
import { assertPlanOpen, type RecordsService } from '../records-service';
import type { ImportedChange, StoragePort, StorageReader } from '../storage';
import { importAuditRow } from '../audit';
import type { DeviceIdentity } from '../trust/device-identity';
import { appendImportHistory, importHistory, nextSequence, recordSeenImport, seenDevice, seenOfFile, trustedKeys } from '../trust/trust-service';
import { seenKey } from '../../exchange/trust';
import { conflictMarks, conflictViews, keepExistingWrite, officesToWatch, subordinateOfficeCodes, type ConflictMarks, type ConflictTable, type ConflictView } from './conflicts';
import { workspaceSettings } from '../settings';
import { mergeOrder, nameCandidates, nameMismatch, officeNamedIn, officeOf, peekManifest, type BatchEntry, type BatchItem, type BatchResult, type PreparedImport } from './import-batch';
import { mergeIncomingRegister, previewIncomingRegister, registerForExport } from '../printing/issued-sheets';

export type { Receiver } from '../../exchange/rules';
export type { PreparedImport } from './import-batch';

export interface ExportedBundle {
  bytes: Uint8Array;
  fileName: string;
  sequence: number;
  recordCount: number;
}

export interface OpenConflict extends FieldConflict {
  table: PlanTableName;
  id: string;
  title: string;
}

/** What is known of a refused file beyond its refusal: the office and month its manifest (or name) states. */
export interface KnownOfFile {
  officeCode?: string | null;
  period?: string | null;
}

const PLAN_TABLES = Object.keys(PLAN_SCHEMAS) as PlanTableName[];

function historyEntry(prepared: PreparedImport, outcome: ImportRecord['outcome'], at: Date, known: KnownOfFile = {}): ImportRecord {
  if (prepared.kind === 'ready') {
    const m = prepared.bundle.manifest;
    return {
      at: at.toISOString(),
      bundleId: m.bundleId,
      officeCode: m.officeCode,
      deviceId: m.deviceId,
      sequence: m.sequence,
      period: m.period,
      fingerprint: prepared.bundle.fingerprint,
      fileName: prepared.fileName,
      outcome,
      counts: { added: prepared.preview.added.length, changed: prepared.preview.changed.length, conflicts: prepared.preview.conflicts.length },
    };
  }
  const d = prepared.refusal.detail;
  return {
    at: at.toISOString(),
    bundleId: d.bundleId ?? '',
    officeCode: d.officeCode ?? known.officeCode ?? '',
    deviceId: d.deviceId ?? '',
    sequence: d.sequence ?? 0,
    period: known.period ?? '',
    fingerprint: d.fingerprint ?? '',
    fileName: prepared.fileName,
    outcome,
    reason: prepared.refusal.message,
  };
}

/** The records a merge changes, as its audit row names them: a new record as "*", else the fields whose value changed. */
export function importedChanges(preview: MergePreview): ImportedChange[] {
  // A first import adds records only, each once (a table's keys are distinct): nothing to gather.
  if (!preview.changed.length && !preview.conflicts.length) return preview.added.map((r) => ({ table: r.table, id: r.id, fields: ['*'] }));
  const byRecord = new Map<string, ImportedChange>();
  const add = (table: string, id: string, fields: readonly string[]) => {
    const key = `${table}\u0000${id}`;
    const known = byRecord.get(key);
    if (!known) {
      byRecord.set(key, { table, id, fields: [...fields] });
      return;
    }
    for (const f of fields) if (!known.fields.includes(f)) known.fields.push(f);
  };
  for (const r of preview.added) add(r.table, r.id, ['*']);
  for (const r of preview.changed) add(r.table, r.id, r.liveness ? [...r.fields, '*'] : r.fields);
  for (const c of preview.conflicts) add(c.table, c.id, [c.field]);
  return [...byRecord.values()];
}

/** One table's stored rows of one office, envelope included. */
async function officeTable(storage: StorageReader, table: BundleTableName, officeCode: string): Promise<StoredRecord[]> {
  if (table === 'offices') {
    const office = await storage.get('offices', officeCode);
    return office ? [office] : [];
  }
  return storage.listBy(table, 'officeCode', officeCode);
}

/** Every stored row of one office, envelope included: what a snapshot bundle carries. */
export async function officeTables(storage: StorageReader, officeCode: string): Promise<BundleTables> {
  const tables = emptyTables();
  for (const name of BUNDLE_TABLES) tables[name] = await officeTable(storage, name, officeCode);
  return tables;
}

/** Fields two laptops changed at the same time in one office's records, waiting for a person to choose. */
export async function openConflictsIn(storage: StorageReader, officeCode: string): Promise<OpenConflict[]> {
  const out: OpenConflict[] = [];
  for (const table of PLAN_TABLES) {
    const rows: StoredRecord[] = await storage.listBy(table, 'officeCode', officeCode);
    for (const r of rows) for (const c of openConflicts(r)) out.push({ ...c, table, id: String(r.id), title: namedRecord(r, table) });
  }
  return out;
}

/**
 * This laptop's records as one import reads them: each table of the importing office once (by its
 * owner index), by key, serving the owner check, the recognition of unchanged records before
 * validation, and the merge; keys the office does not hold are looked up in one bulk get per table
 * (a key stored under another office is refused by the owner check).
 */
class LocalView {
  private readonly read = new Map<string, Promise<Map<string, StoredRecord>>>();
  constructor(private readonly storage: StorageReader) {}

  private table(table: BundleTableName, officeCode: string): Promise<Map<string, StoredRecord>> {
    const key = `${officeCode}:${table}`;
    let rows = this.read.get(key);
    if (!rows) {
      const keyField = keyFieldOf(table);
      rows = officeTable(this.storage, table, officeCode).then((list) => new Map(list.map((r) => [String(r[keyField]), r])));
      this.read.set(key, rows);
    }
    return rows;
  }

  /** The office's rows of every table, by key. */
  readonly held = async (officeCode: string): Promise<Record<BundleTableName, Map<string, StoredRecord>>> => {
    // Asked together: each is one read of the office's index, and none waits on another.
    const lists = await Promise.all(BUNDLE_TABLES.map((t) => this.table(t, officeCode)));
    const out = {} as Record<BundleTableName, Map<string, StoredRecord>>;
    BUNDLE_TABLES.forEach((t, i) => (out[t] = lists[i]));
    return out;
  };

  readonly owners: LocalOwners = async (table, keys, officeCode) => {
    const held = await this.table(table, officeCode);
    const others = keys.filter((k) => !held.has(k));
    const found = new Map<string, string>();
    // An empty table (one indexed read tells) holds no key of anyone: nothing to look up.
    if (others.length && (await this.storage.latest(table)) !== undefined) {
      const rows = (await this.storage.getMany(table, others)) as (Record<string, unknown> | undefined)[];
      rows.forEach((r, i) => {
        const owner = r?.[ownerFieldOf(table)];
        if (r !== undefined) found.set(others[i], typeof owner === 'string' ? owner : '');
      });
    }
    return keys.map((k) => (held.has(k) ? officeCode : found.get(k)));
  };
}

function emptyHeld(): Record<BundleTableName, Map<string, StoredRecord>> {
  return Object.fromEntries(BUNDLE_TABLES.map((t) => [t, new Map<string, StoredRecord>()])) as Record<BundleTableName, Map<string, StoredRecord>>;
}

function mapValues(tables: Record<BundleTableName, Map<string, StoredRecord>>): BundleTables {
  return Object.fromEntries(BUNDLE_TABLES.map((t) => [t, [...tables[t].values()]])) as BundleTables;
}

/** A lookup built the first time the preview asks it something (most imports are never looked into). */
function lazyLookup(build: () => RecordLookup): RecordLookup {
  let lookup: RecordLookup | undefined;
  return { find: (table, id) => (lookup ??= build()).find(table, id) };
}

/**
 * Exchange between laptops and offices, written once for the app and the command line: export a
 * signed snapshot, check a file and preview what it changes, merge it in one transaction with its
 * audit trail and history, and let a person settle conflicts.
 */
export class ExchangeService {
  constructor(
    private readonly storage: StoragePort,
    private readonly records: RecordsService,
    /** This installation's signing key (created on first use). */
    readonly identity: () => Promise<DeviceIdentity>,
  ) {}

  /** Every stored row of one office, envelope included: what a snapshot bundle carries. */
  officeTables(officeCode: string): Promise<BundleTables> {
    return officeTables(this.storage, officeCode);
  }

  /** Which office stores each key here: the importer refuses to touch another office's rows. */
  localOwners(): LocalOwners {
    return new LocalView(this.storage).owners;
  }

  /** A signed snapshot of this office's records for the period. */
  async exportBundle(officeCode: string, period: string, now: Date = new Date()): Promise<ExportedBundle> {
    // A city keeps its county offices' records (and its own choices in their conflicts): it only
    // ever signs its own office's records, never another office's data as if it were that office's.
    const own = (await workspaceSettings(this.storage))?.officeCode;
    if (own !== undefined && own !== officeCode) throw new Error(`本机只能导出本单位（${divisionName(own)}）的数据，不能导出 ${divisionName(officeCode)} 的数据`);
    const identity = await this.identity();
    const records = await this.officeTables(officeCode);
    const register = await registerForExport(this.storage, officeCode);
    const sequence = await nextSequence(this.storage);
    const deviceId = this.records.clock.deviceId;
    const bytes = await createBundle({ records, identity, officeCode, deviceId, sequence, period, kind: 'snapshot', now, register });
    const fileName = `${divisionName(officeCode)}-${officeCode}-${period}-${deviceId}-${sequence}${BUNDLE_EXTENSION}`;
    return { bytes, fileName, sequence, recordCount: BUNDLE_TABLES.reduce((n, t) => n + records[t].length, 0) };
  }

  /**
   * Checks a file and works out what importing it would change. Nothing is written: the clerk sees
   * the preview (or the refusal) and decides. Every check is verifyBundle's, shared with `zwc`.
   */
  async prepareImport(receiver: Receiver, file: { name: string; data: Uint8Array }, now: Date = new Date()): Promise<PreparedImport> {
    const trust = await trustedKeys(this.storage);
    // One read of this laptop's records per import: the office's rows (by its index) serve both the
    // owner check and the merge; only keys the office does not hold are looked up one bulk get a table.
    const view = new LocalView(this.storage);
    // What was merged from the file's laptop only (not from every laptop of every office held).
    const { key, seen } = await seenOfFile(this.storage, file.data);
    const checks = { trust, receiver, localOwners: view.owners, held: view.held, absorbed: true, now };
    let result = await verifyBundle(file.data, { ...checks, seen });
    // That laptop was named by the header as read before verifying: a signed manifest naming another is checked again against its own.
    if (result.ok && seenKey(result.manifest.officeCode, result.manifest.deviceId) !== key) {
      result = await verifyBundle(file.data, { ...checks, seen: await seenDevice(this.storage, result.manifest.officeCode, result.manifest.deviceId) });
    }
    if (!result.ok) {
      const { detail } = result.error;
      // Only a key nobody registered can be trusted on the spot; a key registered to another office cannot.
      const unknownKey = result.error.code === 'untrusted-key' && detail.publicKey && !trust.some((t) => t.publicKey === detail.publicKey);
      if (unknownKey && detail.officeCode && detail.publicKey && detail.fingerprint) {
        return { kind: 'untrusted', fileName: file.name, refusal: result.error, officeCode: detail.officeCode, publicKey: detail.publicKey, fingerprint: detail.fingerprint };
      }
      return { kind: 'refused', fileName: file.name, refusal: result.error };
    }
    // A payload merged before (result.absorbed) carries no records: nothing here is read for it.
    const local = result.absorbed ? emptyHeld() : await view.held(result.manifest.officeCode);
    const incoming = result.payload.register;
    const register =
      incoming && result.manifest.officeCode === receiver.officeCode
        ? await previewIncomingRegister(this.storage, incoming, result.manifest.deviceId, this.records.clock.deviceId)
        : null;
    try {
      const merged = mergeTables(local, result.payload.tables);
      return { kind: 'ready', fileName: file.name, bundle: result, preview: merged.preview, writes: merged.writes, lookup: lazyLookup(() => recordLookup(result.payload.tables, mapValues(local))), register };
    } catch (e) {
      // A merge that would cross a workspace-wide limit (conflict values or _seen of a record, records
      // of the office in a table) is a refusal like any other: shown, and kept in the history.
      if (e instanceof BundleError) {
        const m = result.manifest;
        const detail = { officeCode: m.officeCode, deviceId: m.deviceId, bundleId: m.bundleId, sequence: m.sequence, fingerprint: result.fingerprint, ...e.detail };
        return { kind: 'refused', fileName: file.name, refusal: { ...refusalOf(e), detail } };
      }
      if (!(e instanceof KeyFieldMismatchError)) throw e;
      const refusal: BundleRefusal = {
        code: 'foreign-record',
        message: `交换文件中的记录与本机同编号的记录主键字段（${e.field}）不同，此文件不能导入`,
        level: 'refused',
        detail: { officeCode: result.manifest.officeCode },
      };
      return { kind: 'refused', fileName: file.name, refusal };
    }
  }

  /** Keeps a refused (or already imported) file in the history, so the clerk can say why later. */
  async recordRefusal(prepared: Exclude<PreparedImport, { kind: 'ready' }>, now: Date = new Date(), known: KnownOfFile = {}): Promise<ImportRecord> {
    const outcome = prepared.kind !== 'untrusted' && prepared.refusal.level === 'noop' ? 'already-imported' : 'refused';
    const entry = historyEntry(prepared, outcome, now, known);
    await this.storage.transaction((tx) => appendImportHistory(tx, entry));
    return entry;
  }

  /**
   * Checks many files at once (several chosen, a folder, a drop): each under its own name, with the
   * office and month it states and whether its file name names another office. Nothing is written.
   */
  async prepareMany(receiver: Receiver, entries: readonly BatchEntry[], now: Date = new Date()): Promise<BatchItem[]> {
    const candidates = nameCandidates(receiver);
    const out: BatchItem[] = [];
    for (const e of entries) {
      const nameOffice = officeNamedIn(e.name, candidates);
      if (!('data' in e)) {
        out.push({ fileName: e.name, data: null, prepared: null, unreadable: e.refusal, officeCode: nameOffice?.code ?? null, period: null, nameOffice, nameWarning: null });
        continue;
      }
      const peek = peekManifest(e.data);
      const prepared = await this.prepareImport(receiver, e, now);
      const officeCode = officeOf(prepared) ?? peek.officeCode ?? nameOffice?.code ?? null;
      const period = prepared.kind === 'ready' ? prepared.bundle.manifest.period : peek.period;
      out.push({ fileName: e.name, data: e.data, prepared, officeCode, period, nameOffice, nameWarning: nameMismatch(e.name, nameOffice, officeCode) });
    }
    return out;
  }

  /**
   * Takes in a checked batch: every file that passed is checked again and merged in its own
   * transaction (oldest first per laptop, so a merge accounts for the files merged before it); every
   * other file is kept in the import history with its reason, so the city sees it arrived.
   */
  async applyMany(receiver: Receiver, items: readonly BatchItem[], now: Date = new Date()): Promise<BatchResult[]> {
    const results: BatchResult[] = [];
    for (const item of mergeOrder(items)) {
      const known = { officeCode: item.officeCode, period: item.period };
      const base = { fileName: item.fileName, officeCode: item.officeCode, ...(item.period ? { period: item.period } : {}) };
      if (!item.data || !item.prepared) {
        const reason = item.unreadable ?? '文件未能读取';
        await this.storage.transaction((tx) =>
          appendImportHistory(tx, { at: now.toISOString(), bundleId: '', officeCode: item.officeCode ?? '', deviceId: '', sequence: 0, period: '', fingerprint: '', fileName: item.fileName, outcome: 'refused', reason }),
        );
        results.push({ ...base, outcome: 'unreadable', reason });
        continue;
      }
      const prepared = item.prepared.kind === 'ready' ? await this.prepareImport(receiver, { name: item.fileName, data: item.data }, now) : item.prepared;
      if (prepared.kind === 'ready') {
        const entry = await this.applyImport(prepared, now);
        results.push({ ...base, outcome: 'merged', ...(entry.counts ? { counts: entry.counts } : {}) });
      } else {
        const entry = await this.recordRefusal(prepared, now, known);
        results.push({ ...base, outcome: entry.outcome === 'already-imported' ? 'already-imported' : 'refused', reason: prepared.refusal.message });
      }
    }
    return results;
  }

  /**
   * Writes a previewed merge in one transaction: every record, the audit trail, the history, and
   * (from another laptop of this office) the issued-sheet register.
   */
  async applyImport(prepared: Extract<PreparedImport, { kind: 'ready' }>, now: Date = new Date()): Promise<ImportRecord> {
    const clock = this.records.clock;
    const written = BUNDLE_TABLES.flatMap((t) => prepared.writes[t]);
    const latest = maxStampOf(written);
    // Before writing: a sender whose clock runs a day ahead would otherwise drag every later edit along.
    if (latest) clock.receive(latest);
    const entry = historyEntry(prepared, 'merged', now);
    const m = prepared.bundle.manifest;
    await this.records.stampedTransaction(async (tx) => {
      for (const t of BUNDLE_TABLES) if (prepared.writes[t].length) await tx.bulkPut(t, prepared.writes[t]);
      // One audit row for the whole import, naming the records it changed; none when it changed nothing.
      const source = { bundleId: m.bundleId, from: `${divisionName(m.officeCode)} ${m.deviceId}`, sequence: m.sequence };
      const changes = importedChanges(prepared.preview);
      if (changes.length) {
        const { at, deviceId, actor } = this.records.audit({ table: '*', recordId: '', field: '*', action: 'merge', before: null, after: null, stamp: '' }, '导入', now);
        const audit = importAuditRow(source, m.officeCode, changes, { at, deviceId, actor, stamp: clock.tick() });
        if (audit) await tx.bulkPut('audit', [audit]);
      }
      const incoming = prepared.bundle.payload.register;
      if (prepared.register && incoming) await mergeIncomingRegister(tx, incoming, m.deviceId, clock.deviceId, now);
      await recordSeenImport(tx, m);
      await appendImportHistory(tx, entry);
    });
    return entry;
  }

  history(): Promise<ImportRecord[]> {
    return importHistory(this.storage);
  }

  /** Fields two laptops changed at the same time, waiting for a person to choose. */
  openConflicts(officeCode: string): Promise<OpenConflict[]> {
    return openConflictsIn(this.storage, officeCode);
  }

  /**
   * Open conflicts as shown (本机/对方, when, which is current): this office's, and at a city also
   * those in the records of every county office it oversees.
   */
  async conflictViews(officeCode: string, level: 'city' | 'county'): Promise<ConflictView[]> {
    const offices = await officesToWatch(this.storage, officeCode, level);
    return conflictViews(this.storage, offices, { officeCode, deviceId: this.records.clock.deviceId, history: await this.history() });
  }

  /** The records with an open conflict (for the 有冲突 marks) and the count per office, over the same offices. */
  async conflictMarks(officeCode: string, level: 'city' | 'county'): Promise<ConflictMarks> {
    return conflictMarks(this.storage, await officesToWatch(this.storage, officeCode, level));
  }

  /** The same for the county offices a city oversees only (the city's own marks come with its plan: RecordsService.readPlanRows). */
  async countyConflictMarks(cityCode: string): Promise<ConflictMarks> {
    return conflictMarks(this.storage, await subordinateOfficeCodes(this.storage, cityCode));
  }

  /**
   * Keeps one of a conflict's writes, named by its stamp. In this office's own records it is a new
   * write (resolveConflict), which settles the conflict on every laptop that merges it. In another
   * office's records (a county office's data kept at the city) it is a choice on this copy only,
   * with no write of this computer (keepExistingWrite): the owner's own decision still counts.
   */
  async keepConflictSide(table: ConflictTable, id: string, field: string, stamp: string): Promise<{ local: boolean }> {
    const own = (await workspaceSettings(this.storage))?.officeCode;
    return this.records.stampedTransaction(async (tx) => {
      const row: StoredRecord | undefined = await tx.get(table, id);
      if (!row) throw new Error(`找不到记录 ${id}`);
      const chosen = openConflicts(row)
        .find((c) => c.field === field)
        ?.values.find((v) => v.stamp === stamp);
      if (!chosen) throw new Error('这处冲突已处理或已变化，请刷新后再选');
      const value = 'value' in chosen ? chosen.value : undefined;
      const local = own !== undefined && row[ownerFieldOf(table)] !== own;
      // Keeping the value the record shows only closes the conflict; changing a closed plan's record is refused.
      if (!local && table !== 'offices' && JSON.stringify(value) !== JSON.stringify(row[field])) await assertPlanOpen(tx, table, row);
      const auditStamp = this.records.clock.tick();
      const next = local ? keepExistingWrite(row, field, stamp) : resolveConflict(row, field, value, auditStamp);
      await tx.bulkPut(table, [next]);
      await tx.bulkPut('audit', [
        this.records.audit({ table, recordId: id, field, action: 'update', before: row[field], after: value, stamp: auditStamp }, local ? '处理冲突（仅本机）' : '处理冲突'),
      ]);
      return { local };
    });
  }

  /** Keeps the chosen value with a new stamp, which closes the conflict on every laptop that merges it. */
  async resolveConflict(table: PlanTableName, id: string, field: string, value: unknown): Promise<void> {
    await this.records.stampedTransaction(async (tx) => {
      const row: StoredRecord | undefined = await tx.get(table, id);
      if (!row) throw new Error(`找不到记录 ${id}`);
      const stamp = this.records.clock.tick();
      const before = row[field];
      await tx.bulkPut(table, [resolveConflict(row, field, value, stamp)]);
      await tx.bulkPut('audit', [this.records.audit({ table, recordId: id, field, action: 'update', before, after: value, stamp }, '处理冲突')]);
    });
  }
}
