/**
 * Open conflicts as a clerk reads them: which record and field, and for each kept write who made
 * it (本机, or the office and laptop named from the import history and the trust list), when, and which one is shown
 * now. Also the set of records with an open conflict, for the "有冲突" marks on every page, and the
 * city's view over the county offices it oversees.
 *
 * Who may settle a conflict for good is the office that owns the record. A conflict in another
 * office's records (the city's copy of a county office's data) is settled here only locally: the
 * city keeps one of the writes that are already there, without a write of its own (see
 * {@link keepExistingWrite}), so nothing of the city's ever stands in the county office's data and
 * the county office's own later decision replaces the city's choice without a new conflict.
 */
import { parseStamp } from '../../sync/hlc';
import { formatMomentZh } from '../../domain/time';
import { divisionName } from '../../domain/divisions';
import { normaliseRecord, openConflicts, settleField } from '../../exchange/merge';
import { keyFieldOf, type ConflictValue, type StoredRecord } from '../../exchange/records';
import type { ImportRecord } from '../../exchange/history';
import { sameFingerprint } from '../../exchange/identity';
import type { TrustEntry } from '../../exchange/trust';
import { fieldLabel } from '../../views/field-labels';
import { recordLabel } from '../../views/record-label';
import { TABLE_LABELS } from '../../views/table-labels';
import { PLAN_SCHEMAS, type PlanTableName } from '../../views/plan-tables';
import type { StorageReader } from '../storage';
import { trustedKeys } from '../trust/trust-service';

const PLAN_TABLES = Object.keys(PLAN_SCHEMAS) as PlanTableName[];

/** Tables whose records can hold a conflict: the plan tables, and the office record itself (its plan periods). */
export type ConflictTable = PlanTableName | 'offices';

/** One of the concurrent writes of a conflicting field, as shown. */
export interface ConflictSide {
  /** The write's stamp: what a choice names. */
  stamp: string;
  /** 本机: written on this computer; 对方: arrived in a bundle from another one. */
  who: '本机' | '对方';
  /** e.g. 本机, 伊金霍洛旗 · 第2台电脑（设备 3fa0…）, 伊金霍洛旗 · 张三的笔记本（设备 3fa0…）, 对方（设备 9c1e…）. */
  label: string;
  deviceId: string;
  /** The office whose bundle brought this device's writes here (import history), when known. */
  officeCode?: string;
  /** When the write was made, in the UI's one date style (Beijing time). */
  at: string;
  millis: number;
  /** Absent when this write cleared the field. */
  value?: unknown;
  cleared: boolean;
  /** The value the record shows now (the latest write). */
  current: boolean;
}

export interface ConflictView {
  /** table/id/field: unique among open conflicts. */
  key: string;
  /** The office the record belongs to. */
  officeCode: string;
  officeName: string;
  /** True when the record belongs to this workspace's office; false for a county office's record kept at the city. */
  own: boolean;
  table: ConflictTable;
  tableLabel: string;
  id: string;
  /** What a clerk calls the record (a task: 领域 序号 名称). */
  title: string;
  field: string;
  fieldLabel: string;
  /** Every kept write, oldest first. */
  sides: ConflictSide[];
}

/** Where the record ids with open conflicts are, for the marks; and how many conflicts each office has. */
export interface ConflictMarks {
  recordIds: ReadonlySet<string>;
  byOffice: ReadonlyMap<string, number>;
}

/** Which office each device id's bundles came from, from the import history (latest merged import wins). */
export function devicesFromHistory(history: readonly ImportRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of history) if (r.deviceId && r.officeCode && r.outcome === 'merged') out.set(r.deviceId, r.officeCode);
  for (const r of history) if (r.deviceId && r.officeCode && !out.has(r.deviceId)) out.set(r.deviceId, r.officeCode);
  return out;
}

/** The shortest prefix (at least 4 characters) that tells the given device ids apart. */
function shortDeviceNames(deviceIds: readonly string[]): Map<string, string> {
  const unique = [...new Set(deviceIds)];
  let n = 4;
  while (n < 64 && new Set(unique.map((d) => d.slice(0, n))).size < unique.length) n += 1;
  return new Map(unique.map((d) => [d, d.length > n ? `${d.slice(0, n)}…` : d]));
}

/** A trust-list entry as far as naming a laptop goes. */
export type LaptopKey = Pick<TrustEntry, 'officeCode' | 'label'> & { fingerprint?: string };

/**
 * What a clerk calls each laptop whose files came here: the label the receiving office gave its key
 * when registering it (e.g. 张三的笔记本), else its place among that office's laptops in the order
 * their files first arrived (第1台电脑, 第2台电脑…). Keyed by device id.
 */
export function laptopLabels(history: readonly ImportRecord[], keys: readonly LaptopKey[] = []): Map<string, string> {
  const devices = devicesFromHistory(history);
  const firstSeen = new Map<string, string>();
  const fingerprint = new Map<string, string>();
  for (const r of history) {
    if (!r.deviceId) continue;
    if (!firstSeen.has(r.deviceId) || r.at < (firstSeen.get(r.deviceId) ?? '')) firstSeen.set(r.deviceId, r.at);
    if (r.fingerprint && (r.outcome === 'merged' || !fingerprint.has(r.deviceId))) fingerprint.set(r.deviceId, r.fingerprint);
  }
  const byOffice = new Map<string, string[]>();
  for (const [deviceId, officeCode] of devices) byOffice.set(officeCode, [...(byOffice.get(officeCode) ?? []), deviceId]);
  const out = new Map<string, string>();
  for (const [officeCode, list] of byOffice) {
    list.sort((a, b) => (firstSeen.get(a) ?? '').localeCompare(firstSeen.get(b) ?? '') || a.localeCompare(b));
    list.forEach((deviceId, i) => {
      const fp = fingerprint.get(deviceId);
      const named = fp ? keys.find((k) => k.officeCode === officeCode && k.fingerprint && sameFingerprint(k.fingerprint, fp)) : undefined;
      const label = named?.label?.trim();
      // Older versions labelled a key trusted on first import "office · device id": that names nothing a clerk knows.
      out.set(deviceId, label && !label.endsWith(deviceId) ? label : `第${i + 1}台电脑`);
    });
  }
  return out;
}

/** The sides of one conflict: who (office, laptop, device), when, which is current. */
export function conflictSides(
  values: readonly ConflictValue[],
  currentStamp: string | undefined,
  ctx: { deviceId: string; devices: ReadonlyMap<string, string>; laptops?: ReadonlyMap<string, string> },
): ConflictSide[] {
  const parsed = values.map((v) => ({ v, s: parseStamp(v.stamp) }));
  const names = shortDeviceNames(parsed.filter((p) => p.s.deviceId !== ctx.deviceId).map((p) => p.s.deviceId));
  return parsed.map(({ v, s }) => {
    const mine = s.deviceId === ctx.deviceId;
    const officeCode = mine ? undefined : ctx.devices.get(s.deviceId);
    const device = `设备 ${names.get(s.deviceId) ?? s.deviceId}`;
    const laptop = ctx.laptops?.get(s.deviceId) ?? '电脑';
    const label = mine ? '本机' : officeCode ? `${divisionName(officeCode)} · ${laptop}（${device}）` : `对方（${device}）`;
    const cleared = !('value' in v) || v.value === undefined;
    return {
      stamp: v.stamp,
      who: mine ? '本机' : '对方',
      label,
      deviceId: s.deviceId,
      ...(officeCode ? { officeCode } : {}),
      at: formatMomentZh(s.millis),
      millis: s.millis,
      ...(cleared ? {} : { value: v.value }),
      cleared,
      current: v.stamp === currentStamp,
    };
  });
}

async function rowsOf(storage: StorageReader, table: PlanTableName, officeCode: string): Promise<StoredRecord[]> {
  return storage.listBy(table, 'officeCode', officeCode);
}

/** The office's own record (keyed by its code), as a row among the plan tables' rows. */
async function officeRows(storage: StorageReader, officeCode: string): Promise<StoredRecord[]> {
  const office: StoredRecord | undefined = await storage.get('offices', officeCode);
  return office ? [office] : [];
}

/** Every record of an office that can hold a conflict, table by table: the office record first. */
async function conflictRowsOf(storage: StorageReader, officeCode: string): Promise<[ConflictTable, StoredRecord[]][]> {
  const out: [ConflictTable, StoredRecord[]][] = [['offices', await officeRows(storage, officeCode)]];
  for (const table of PLAN_TABLES) out.push([table, await rowsOf(storage, table, officeCode)]);
  return out;
}

async function officeNameOf(storage: StorageReader, officeCode: string): Promise<string> {
  const office = await storage.get('offices', officeCode);
  return typeof office?.name === 'string' && office.name ? office.name : divisionName(officeCode);
}

/** The county offices a city keeps records of here (offices stored with the city as parent). */
export async function subordinateOfficeCodes(storage: StorageReader, cityCode: string): Promise<string[]> {
  const rows = await storage.listBy('offices', 'parentCode', cityCode);
  return rows
    .filter((o) => o._deleted === null && o.code !== cityCode)
    .map((o) => o.code)
    .sort();
}

/** The offices whose conflicts a workspace shows: its own, and at a city every county office it oversees. */
export async function officesToWatch(storage: StorageReader, officeCode: string, level: 'city' | 'county'): Promise<string[]> {
  return level === 'city' ? [officeCode, ...(await subordinateOfficeCodes(storage, officeCode))] : [officeCode];
}

export interface ConflictContext {
  /** This workspace's office. */
  officeCode: string;
  /** This workspace's device id. */
  deviceId: string;
  history: readonly ImportRecord[];
}

/** The open conflicts of the given offices, as shown: the workspace's own office first, then by office code. */
export async function conflictViews(storage: StorageReader, offices: readonly string[], ctx: ConflictContext): Promise<ConflictView[]> {
  const devices = devicesFromHistory(ctx.history);
  const laptops = laptopLabels(ctx.history, await trustedKeys(storage));
  const out: ConflictView[] = [];
  const ordered = [...new Set(offices)].sort((a, b) => (a === ctx.officeCode ? -1 : b === ctx.officeCode ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const officeCode of ordered) {
    const officeName = await officeNameOf(storage, officeCode);
    for (const [table, rows] of await conflictRowsOf(storage, officeCode)) {
      for (const r of rows) {
        if (r._deleted !== null) continue;
        for (const c of openConflicts(r)) {
          const id = String(r[keyFieldOf(table)]);
          out.push({
            key: `${table}/${id}/${c.field}`,
            officeCode,
            officeName,
            own: officeCode === ctx.officeCode,
            table,
            tableLabel: TABLE_LABELS[table],
            id,
            title: recordLabel(r, table),
            field: c.field,
            fieldLabel: fieldLabel(c.field, table),
            sides: conflictSides(c.values, r._stamps?.[c.field], { deviceId: ctx.deviceId, devices, laptops }),
          });
        }
      }
    }
  }
  return out;
}

/** Adds one office's records with an open conflict, from its tables as read, and its count of conflicts. */
function addMarks(into: { recordIds: Set<string>; byOffice: Map<string, number> }, officeCode: string, tables: Iterable<readonly [ConflictTable, readonly StoredRecord[]]>): void {
  let count = 0;
  for (const [table, rows] of tables) {
    for (const r of rows) {
      if (r._deleted !== null) continue;
      const open = openConflicts(r).length;
      if (!open) continue;
      into.recordIds.add(String(r[keyFieldOf(table)]));
      count += open;
    }
  }
  if (count) into.byOffice.set(officeCode, (into.byOffice.get(officeCode) ?? 0) + count);
}

/** One office's records with an open conflict, from its tables as already read (the store's read of the plan). */
export function marksOf(officeCode: string, tables: Iterable<readonly [ConflictTable, readonly StoredRecord[]]>): ConflictMarks {
  const marks = { recordIds: new Set<string>(), byOffice: new Map<string, number>() };
  addMarks(marks, officeCode, tables);
  return marks;
}

/** The records with an open conflict among the given offices, and the count per office: one office's rows held at a time. */
export async function conflictMarks(storage: StorageReader, offices: readonly string[]): Promise<ConflictMarks> {
  const marks = { recordIds: new Set<string>(), byOffice: new Map<string, number>() };
  for (const officeCode of new Set(offices)) addMarks(marks, officeCode, await conflictRowsOf(storage, officeCode));
  return marks;
}

/**
 * Settles a conflict on this copy only, by keeping one of the writes already there (named by its
 * stamp) and dropping the others as seen: no new stamp, so no write of this computer enters the
 * record. For another office's records (a county office's data at the city): the owner's later
 * decision, which has seen both writes, replaces this choice without a new conflict, and an old
 * bundle imported again does not reopen it.
 */
export function keepExistingWrite(r: StoredRecord, field: string, stamp: string): StoredRecord {
  const conflict = openConflicts(r).find((c) => c.field === field);
  const chosen = conflict?.values.find((v) => v.stamp === stamp);
  if (!conflict || !chosen) throw new Error('这处冲突已处理或已变化，请刷新后再选');
  // normaliseRecord fills `_seen` with every stamp the copy holds, the dropped writes included.
  const seen = normaliseRecord(r)._seen;
  const next: StoredRecord = { ...r, _stamps: { ...r._stamps, [field]: stamp } };
  if (seen) next._seen = seen;
  if (!('value' in chosen) || chosen.value === undefined) delete next[field];
  else next[field] = chosen.value;
  settleField(next, r, field);
  return next;
}
