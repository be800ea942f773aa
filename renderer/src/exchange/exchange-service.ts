import { createBundle, BUNDLE_EXTENSION } from '../../../shared/exchange/bundle-format';
import { BUNDLE_TABLES, emptyTables, keyFieldOf, maxStampOf, type BundleTableName, type BundleTables, type StoredRecord } from '../../../shared/exchange/records';
import { KeyFieldMismatchError, mergeTables, openConflicts, resolveConflict, type MergePreview } from '../../../shared/exchange/merge';
import { fingerprintOf, publicKeyBytes } from '../../../shared/exchange/identity';
import { isRevoked } from '../../../shared/exchange/trust';
import { type LocalOwners, type Receiver } from '../../../shared/exchange/rules';
import { recordImport, verifyBundle, type VerifiedBundle } from '../../../shared/exchange/verify';
import type { BundleRefusal } from '../../../shared/exchange/errors';
import type { ImportRecord } from '../../../shared/exchange/history';
import type { FieldConflict } from '../../../shared/exchange/records';
import { divisionName } from '../../../shared/domain/divisions';
import type { KeyVaultApi } from '../../../shared/platform/desktop-api';
import type { PlanTableName } from '../../../shared/ledger/plan-tables';
import { PLAN_SCHEMAS } from '../../../shared/ledger/plan-tables';
import type { LedgerRepository } from '../db/repository';
import type { LedgerDb } from '../db/schema';
import {
  appendImportHistory,
  deviceIdentity,
  nextSequence,
  saveSeenDevices,
  saveTrustedKeys,
  seenDevices,
  trustedKeys,
  type TrustedKey,
} from './exchange-store';

export type { Receiver } from '../../../shared/exchange/rules';

/** Every stored row of one office, envelope included: what a snapshot bundle carries. */
export async function readOfficeTables(db: LedgerDb, officeCode: string): Promise<BundleTables> {
  const tables = emptyTables();
  const office = await db.offices.get(officeCode);
  tables.offices = office ? [office as unknown as StoredRecord] : [];
  for (const name of BUNDLE_TABLES) {
    if (name === 'offices') continue;
    tables[name] = (await db.table(name).where('officeCode').equals(officeCode).toArray()) as StoredRecord[];
  }
  return tables;
}

export interface ExportedBundle {
  bytes: Uint8Array;
  fileName: string;
  sequence: number;
  recordCount: number;
}

/** A signed snapshot of this office's records for the period. */
export async function exportBundle(repo: LedgerRepository, officeCode: string, period: string, vault?: KeyVaultApi, now: Date = new Date()): Promise<ExportedBundle> {
  const identity = await deviceIdentity(repo.db, vault, now);
  const records = await readOfficeTables(repo.db, officeCode);
  const sequence = await nextSequence(repo.db);
  const deviceId = repo.clock.deviceId;
  const bytes = await createBundle({ records, identity, officeCode, deviceId, sequence, period, kind: 'snapshot', now });
  const fileName = `${divisionName(officeCode)}-${officeCode}-${period}-${deviceId}-${sequence}${BUNDLE_EXTENSION}`;
  return { bytes, fileName, sequence, recordCount: BUNDLE_TABLES.reduce((n, t) => n + records[t].length, 0) };
}

export type PreparedImport =
  | { kind: 'ready'; fileName: string; bundle: VerifiedBundle; preview: MergePreview; writes: BundleTables }
  | { kind: 'untrusted'; fileName: string; refusal: BundleRefusal; officeCode: string; publicKey: string; fingerprint: string }
  | { kind: 'refused'; fileName: string; refusal: BundleRefusal };

/** Which office stores each key in this database: the importer refuses to touch another office's rows. */
export function localOwnersOf(db: LedgerDb): LocalOwners {
  return async (table, keys) => {
    const rows = (await db.table(table).bulkGet([...keys])) as (Record<string, unknown> | undefined)[];
    return rows.map((r) => {
      const owner = r?.[table === 'offices' ? 'code' : 'officeCode'];
      return r === undefined ? undefined : typeof owner === 'string' ? owner : '';
    });
  };
}

/**
 * Checks a file and works out what importing it would change. Nothing is written: the clerk sees
 * the preview (or the refusal) and decides. Every check is verifyBundle's, shared with `zwc`.
 */
export async function prepareImport(
  repo: LedgerRepository,
  receiver: Receiver,
  file: { name: string; data: Uint8Array },
  now: Date = new Date(),
): Promise<PreparedImport> {
  const trust = await trustedKeys(repo.db);
  const result = await verifyBundle(file.data, { trust, seen: await seenDevices(repo.db), receiver, localOwners: localOwnersOf(repo.db), now });
  if (!result.ok) {
    const { detail } = result.error;
    // Only a key nobody registered can be trusted on the spot; a key registered to another office cannot.
    const unknownKey = result.error.code === 'untrusted-key' && detail.publicKey && !trust.some((t) => t.publicKey === detail.publicKey);
    if (unknownKey && detail.officeCode && detail.publicKey && detail.fingerprint) {
      return { kind: 'untrusted', fileName: file.name, refusal: result.error, officeCode: detail.officeCode, publicKey: detail.publicKey, fingerprint: detail.fingerprint };
    }
    return { kind: 'refused', fileName: file.name, refusal: result.error };
  }
  const local = await readOfficeTables(repo.db, result.manifest.officeCode);
  try {
    const merged = mergeTables(local, result.payload.tables);
    return { kind: 'ready', fileName: file.name, bundle: result, preview: merged.preview, writes: merged.writes };
  } catch (e) {
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

/** Registers a key as trusted for an office, after the clerk compared its fingerprint. */
export async function trustKey(db: LedgerDb, entry: { officeCode: string; publicKey: string; label?: string }, now: Date = new Date()): Promise<TrustedKey> {
  publicKeyBytes(entry.publicKey);
  const keys = await trustedKeys(db);
  if (isRevoked(keys, entry.publicKey)) throw new Error('该密钥已被吊销，不能再登记为可信；请让对方生成新密钥');
  if (keys.some((k) => k.publicKey === entry.publicKey && k.officeCode === entry.officeCode)) {
    throw new Error('该密钥已经登记为可信');
  }
  const key: TrustedKey = {
    officeCode: entry.officeCode,
    publicKey: entry.publicKey,
    ...(entry.label ? { label: entry.label } : {}),
    fingerprint: await fingerprintOf(entry.publicKey),
    addedAt: now.toISOString(),
  };
  await saveTrustedKeys(db, [...keys.filter((k) => !(k.publicKey === entry.publicKey && k.officeCode === entry.officeCode)), key]);
  return key;
}

/** A lost or replaced laptop: its key is refused from now on, even for files it signed before. */
export async function revokeKey(db: LedgerDb, publicKey: string, officeCode: string, now: Date = new Date()): Promise<void> {
  const keys = await trustedKeys(db);
  await saveTrustedKeys(
    db,
    keys.map((k) => (k.publicKey === publicKey && k.officeCode === officeCode ? { ...k, revoked: true, revokedAt: now.toISOString() } : k)),
  );
}

function historyEntry(prepared: PreparedImport, outcome: ImportRecord['outcome'], at: Date): ImportRecord {
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
    officeCode: d.officeCode ?? '',
    deviceId: d.deviceId ?? '',
    sequence: d.sequence ?? 0,
    period: '',
    fingerprint: d.fingerprint ?? '',
    fileName: prepared.fileName,
    outcome,
    reason: prepared.refusal.message,
  };
}

/** Keeps a refused (or already imported) file in the history, so the clerk can say why later. */
export async function recordRefusal(db: LedgerDb, prepared: Exclude<PreparedImport, { kind: 'ready' }>, now: Date = new Date()): Promise<void> {
  const outcome = prepared.kind !== 'untrusted' && prepared.refusal.level === 'noop' ? 'already-imported' : 'refused';
  await appendImportHistory(db, historyEntry(prepared, outcome, now));
}

/** Writes a previewed merge in one transaction: every record, the audit trail, and the history. */
export async function applyImport(repo: LedgerRepository, prepared: Extract<PreparedImport, { kind: 'ready' }>, now: Date = new Date()): Promise<ImportRecord> {
  const { db, clock } = repo;
  const written = BUNDLE_TABLES.flatMap((t) => prepared.writes[t]);
  const latest = maxStampOf(written);
  // Before writing: a sender whose clock runs a day ahead would otherwise drag every later edit along.
  if (latest) clock.receive(latest);
  const entry = historyEntry(prepared, 'merged', now);
  const m = prepared.bundle.manifest;
  const tables = BUNDLE_TABLES.map((t) => db.table(t));
  await db.transaction('rw', [...tables, db.settings, db.audit], async () => {
    for (const t of BUNDLE_TABLES) if (prepared.writes[t].length) await db.table(t).bulkPut(prepared.writes[t]);
    const stamp = clock.tick();
    const after = { bundleId: m.bundleId, from: `${divisionName(m.officeCode)} ${m.deviceId}`, sequence: m.sequence };
    const audit = BUNDLE_TABLES.flatMap((t) =>
      prepared.writes[t].map((r) => repo.audit({ table: t, recordId: String(r[keyFieldOf(t)]), field: '*', action: 'merge', before: null, after, stamp }, '导入', now)),
    );
    if (audit.length) await db.audit.bulkAdd(audit);
    await saveSeenDevices(db, recordImport(await seenDevices(db), m));
    await appendImportHistory(db, entry);
  });
  return entry;
}

export interface OpenConflict extends FieldConflict {
  table: PlanTableName;
  id: string;
  title: string;
}

const PLAN_TABLES = Object.keys(PLAN_SCHEMAS) as PlanTableName[];

/** What a clerk calls a record: a task's title, a unit's name, a report by its month and text. */
export function recordLabel(r: Record<string, unknown>): string {
  for (const key of ['title', 'name']) if (typeof r[key] === 'string' && r[key]) return r[key] as string;
  if (typeof r.thisMonth === 'string' && r.thisMonth) return `${String(r.period)} 进展：${r.thisMonth}`;
  return String(r.id ?? r.code);
}

/** Fields two laptops changed at the same time, waiting for a person to choose. */
export async function listOpenConflicts(db: LedgerDb, officeCode: string): Promise<OpenConflict[]> {
  const out: OpenConflict[] = [];
  for (const table of PLAN_TABLES) {
    const rows = (await db.table(table).where('officeCode').equals(officeCode).toArray()) as StoredRecord[];
    for (const r of rows) for (const c of openConflicts(r)) out.push({ ...c, table, id: String(r.id), title: recordLabel(r) });
  }
  return out;
}

/** Keeps the chosen value with a new stamp, which closes the conflict on every laptop that merges it. */
export async function resolveOpenConflict(repo: LedgerRepository, table: PlanTableName, id: string, field: string, value: unknown): Promise<void> {
  const { db, clock } = repo;
  await db.transaction('rw', [db.table(table), db.audit], async () => {
    const row = (await db.table(table).get(id)) as StoredRecord | undefined;
    if (!row) throw new Error(`找不到记录 ${id}`);
    const stamp = clock.tick();
    const before = row[field];
    await db.table(table).put(resolveConflict(row, field, value, stamp));
    await db.audit.add(repo.audit({ table, recordId: id, field, action: 'update', before, after: value, stamp }, '处理冲突'));
  });
}

export type { BundleTableName };
