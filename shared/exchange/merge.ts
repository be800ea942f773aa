/**
 * Pure merge of stamped records (plan tables and append-only logs alike). The rules, written out
 * in shared/exchange/README.md ("Merge rules"):
 *
 * Fields. Every write of a field is identified by its stamp (a "dot"; stamps are unique). A copy of
 * a record holds, per field, the set of writes no other write it knows of has overwritten: normally
 * one, several when devices wrote the field concurrently. It also knows, per device, the newest
 * stamp of that device it has merged (`_seen`, plus the stamps it holds). A device always sees its
 * own earlier writes and stamps only grow, so "knows device D up to stamp t" means every write of D
 * at or before t was seen by the writer of what this copy holds.
 * Merging two copies keeps a write if both hold it, or if the other copy has never seen it; a write
 * the other copy has seen but no longer holds was overwritten knowingly and is dropped.
 * This is a multi-value register with a version-vector context, so the merge is idempotent,
 * commutative and associative, and a concurrent write is never dropped.
 * - The current value is the write with the latest stamp ("later stamp wins").
 * - Two or more kept writes with different values are a conflict (`_conflicts`): concurrent by
 *   construction, i.e. from different devices, neither writer having seen the other's write.
 * - Resolving a conflict is an ordinary local write with a new stamp: that write has seen every
 *   conflicting value, so merges drop them. A stored conflict entry whose stamps no longer include
 *   the field's current stamp was overwritten locally and is treated as resolved.
 *
 * Deletion. Deleted/live is one more last-writer-wins register: a deleted record's stamp is its
 * deletion stamp, a live record's stamp is `_updated` (its latest field write or restore). The later
 * stamp wins, a tie goes to the deletion. So a deletion later than every write and restore it
 * competes with wins; an edit or a restore stamped after the deletion brings the record back
 * ("resurrects"): an edit made on a laptop that had not yet seen the deletion is not thrown away.
 * Fields of a deleted record keep merging, so restoring it later shows the latest values.
 *
 * Append-only tables: rows are never edited, so the same rules reduce to the union by id, with
 * tombstones (undo of an append) merged as above.
 */
import type { RecordRef as GenericRecordRef } from '../views/record-ref';
import { canonicalJson } from './canonical-json';
import { sameValue } from '../sync/stamped';
import { BundleError } from './errors';
import { checkRecordBounds, DEFAULT_LIMITS, type BundleLimits } from './limits';
import { TABLE_LABELS } from '../views/table-labels';
import {
  isMetaKey,
  keyFieldOf,
  KEY_FIELDS,
  BUNDLE_TABLES,
  type BundleTableName,
  type BundleTables,
  type ConflictValue,
  type FieldConflict,
  type StoredRecord,
} from './records';

interface Dot {
  stamp: string;
  /** False when the write left the field unset (optional field cleared). */
  present: boolean;
  value: unknown;
}

/** A field with no stamp (data older than the envelope) counts as written before anything else. */
const NO_STAMP = '';

function deviceOf(stamp: string): string {
  // Stamp format "%015d:%06d:deviceId" (shared/sync/hlc.ts); the device id may not contain ':'.
  const i = stamp.indexOf(':', stamp.indexOf(':') + 1);
  return i < 0 ? '' : stamp.slice(i + 1);
}

type Knowledge = Map<string, string>;

function learn(k: Knowledge, stamp: string | null | undefined): void {
  if (!stamp) return;
  const device = deviceOf(stamp);
  if (!device) return;
  const known = k.get(device);
  if (known === undefined || stamp > known) k.set(device, stamp);
}

/** What the copy has seen, per device: `_seen` plus every stamp it carries. */
function knowledgeOf(r: StoredRecord): Knowledge {
  const k: Knowledge = new Map();
  for (const s of Object.values(r._seen ?? {})) learn(k, s);
  // A record's fields mostly share one stamp (written together): each distinct stamp learnt once.
  let last: string | undefined;
  for (const s of Object.values(r._stamps ?? {})) {
    if (s === last) continue;
    learn(k, s);
    last = s;
  }
  learn(k, r._updated);
  learn(k, r._deleted);
  for (const c of r._conflicts ?? []) for (const v of c.values) learn(k, v.stamp);
  for (const list of Object.values(r._siblings ?? {})) for (const s of list) learn(k, s);
  return k;
}

function covers(k: Knowledge, stamp: string): boolean {
  if (stamp === NO_STAMP) return true;
  const known = k.get(deviceOf(stamp));
  return known !== undefined && known >= stamp;
}

function valueKey(d: Dot): string {
  if (!d.present) return '∅';
  try {
    return canonicalJson(d.value);
  } catch {
    return JSON.stringify(d.value) ?? 'undefined';
  }
}

function currentDot(r: StoredRecord, field: string): Dot {
  const value = r[field];
  return { stamp: r._stamps?.[field] ?? NO_STAMP, present: value !== undefined, value };
}

/** The writes of a field the copy holds (see the module comment). */
function dotsOf(r: StoredRecord, field: string): Dot[] {
  const current = currentDot(r, field);
  // Key fields (id, code, officeCode) never take a value from a conflict entry: a record's key and
  // owner are fixed when it is made (validatePayload refuses such entries; this holds regardless).
  const conflict = KEY_FIELDS.has(field) ? undefined : r._conflicts?.find((c) => c.field === field);
  if (conflict && conflict.values.some((v) => v.stamp === current.stamp)) {
    return conflict.values.map((v) =>
      v.stamp === current.stamp ? current : { stamp: v.stamp, present: 'value' in v && v.value !== undefined, value: v.value },
    );
  }
  const siblings = r._siblings?.[field];
  if (siblings && siblings.includes(current.stamp)) return siblings.map((stamp) => ({ ...current, stamp }));
  return [current];
}

function compareDots(a: Dot, b: Dot): number {
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? -1 : 1;
  // Equal stamps with different values only happen with damaged data; still decide the same way everywhere.
  const ka = valueKey(a);
  const kb = valueKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function mergeField(left: Dot[], right: Dot[], kl: Knowledge, kr: Knowledge): Dot[] {
  const leftStamps = new Set(left.map((d) => d.stamp));
  const rightStamps = new Set(right.map((d) => d.stamp));
  const kept: Dot[] = [];
  for (const d of left) if (rightStamps.has(d.stamp) || !covers(kr, d.stamp)) kept.push(d);
  for (const d of right) if (!leftStamps.has(d.stamp) && !covers(kl, d.stamp)) kept.push(d);
  // Each side claiming to have overwritten the other's write is impossible with honest stamps;
  // keep the latest write rather than lose the field.
  if (kept.length === 0) kept.push([...left, ...right].sort(compareDots)[left.length + right.length - 1]);
  kept.sort(compareDots);
  return kept.filter((d, i) => i === 0 || d.stamp !== kept[i - 1].stamp);
}

function fieldsOf(r: StoredRecord): string[] {
  const out = new Set<string>();
  for (const k of Object.keys(r)) if (!isMetaKey(k) && r[k] !== undefined) out.add(k);
  for (const k of Object.keys(r._stamps ?? {})) out.add(k);
  return [...out];
}

function maxStamp(a: string, b: string): string {
  return a > b ? a : b;
}

function livenessOf(r: StoredRecord): { deleted: boolean; stamp: string } {
  return r._deleted !== null && r._deleted !== undefined ? { deleted: true, stamp: r._deleted } : { deleted: false, stamp: r._updated };
}

/** Thrown when two copies of "one record" disagree on its key or owner: never merged, whatever the stamps say. */
export class KeyFieldMismatchError extends Error {
  constructor(readonly field: string) {
    super(`两份记录的主键字段 ${field} 不同，不能合并`);
    this.name = 'KeyFieldMismatchError';
  }
}

/**
 * Merges two copies of one record (same key, same owner). Pure; the result does not share arrays
 * with the inputs. Key fields are never changed by a merge: copies that differ in one are refused.
 */
export function mergeRecord(local: StoredRecord, incoming: StoredRecord): StoredRecord {
  for (const field of KEY_FIELDS) {
    if ((field in local || field in incoming) && local[field] !== incoming[field]) throw new KeyFieldMismatchError(field);
  }
  const kl = knowledgeOf(local);
  const kr = knowledgeOf(incoming);
  const out: Record<string, unknown> = {};
  const stamps: Record<string, string> = {};
  const conflicts: FieldConflict[] = [];
  const siblings: Record<string, string[]> = {};

  const fields = [...new Set([...fieldsOf(local), ...fieldsOf(incoming)])].sort();
  for (const field of fields) {
    const kept = mergeField(dotsOf(local, field), dotsOf(incoming, field), kl, kr);
    const winner = kept[kept.length - 1];
    if (winner.present) out[field] = winner.value;
    if (winner.stamp !== NO_STAMP) stamps[field] = winner.stamp;
    if (kept.length < 2) continue;
    if (new Set(kept.map(valueKey)).size > 1) {
      conflicts.push({ field, values: kept.map((d): ConflictValue => (d.present ? { value: d.value, stamp: d.stamp } : { stamp: d.stamp })) });
    } else {
      siblings[field] = kept.map((d) => d.stamp);
    }
  }

  const seen: Record<string, string> = {};
  const knowledge = new Map(kl);
  for (const stamp of kr.values()) learn(knowledge, stamp);
  for (const device of [...knowledge.keys()].sort()) seen[device] = knowledge.get(device) as string;

  const ll = livenessOf(local);
  const lr = livenessOf(incoming);
  const live = ll.stamp === lr.stamp ? (ll.deleted ? ll : lr) : ll.stamp > lr.stamp ? ll : lr;

  const merged: StoredRecord = {
    ...out,
    _stamps: stamps,
    _deleted: live.deleted ? live.stamp : null,
    _updated: maxStamp(local._updated, incoming._updated),
    _seen: seen,
  };
  if (conflicts.length) merged._conflicts = conflicts;
  if (Object.keys(siblings).length) merged._siblings = siblings;
  return merged;
}

/** learn() into a record's `_seen` as it is being built. */
function learnInto(seen: Record<string, string>, stamp: string | null | undefined): void {
  if (!stamp) return;
  const device = deviceOf(stamp);
  if (!device) return;
  // hasOwn: a device may be called "constructor" (any [A-Za-z0-9_-] name is allowed).
  if (!hasOwn(seen, device) || stamp > seen[device]) seen[device] = stamp;
}

/** A record in the form a merge leaves it: resolved conflict entries dropped, `_seen` filled in. */
export function normaliseRecord(r: StoredRecord): StoredRecord {
  if (r._conflicts !== undefined || r._siblings !== undefined) return mergeRecord(r, r);
  // Without conflicts or siblings every field holds one write, its own: what mergeRecord(r, r)
  // returns (as a value; key order is not part of a record), built directly in one pass over the
  // record and one over its stamps: each record of a first import goes through here.
  const out: Record<string, unknown> = {};
  for (const field in r) {
    if (!hasOwn(r, field) || isMetaKey(field)) continue;
    const value = r[field];
    if (value !== undefined) out[field] = value;
  }
  const stamps: Record<string, string> = {};
  const seen: Record<string, string> = {};
  const given = r._seen;
  if (given) for (const device in given) if (hasOwn(given, device)) learnInto(seen, given[device]);
  const own = r._stamps;
  let last: string | undefined;
  if (own) {
    for (const field in own) {
      if (!hasOwn(own, field)) continue;
      const stamp = own[field];
      if (stamp === NO_STAMP || stamp === undefined) continue;
      stamps[field] = stamp;
      // A record's fields mostly share one stamp (written together): each distinct stamp learnt once.
      if (stamp !== last) learnInto(seen, stamp);
      last = stamp;
    }
  }
  learnInto(seen, r._updated);
  learnInto(seen, r._deleted);
  out._stamps = stamps;
  out._deleted = r._deleted !== null && r._deleted !== undefined ? r._deleted : null;
  out._updated = r._updated;
  out._seen = seen;
  return out as StoredRecord;
}

/** Conflicts a person still has to resolve. Entries overwritten by a later local write are not open. */
export function openConflicts(r: StoredRecord): FieldConflict[] {
  return (r._conflicts ?? []).filter((c) => c.values.some((v) => v.stamp === r._stamps?.[c.field]));
}

/**
 * Resolves a conflict by writing the chosen value with a fresh stamp. It must be a new write even
 * when the chosen value is the current one: only a write that has seen every conflicting value
 * settles the conflict on the other devices too.
 */
export function resolveConflict(r: StoredRecord, field: string, value: unknown, stamp: string): StoredRecord {
  if (!(stamp > r._updated)) throw new Error(`新修订戳 ${stamp} 应晚于记录的最后修订 ${r._updated}`);
  if (KEY_FIELDS.has(field)) throw new Error(`主键字段 ${field} 不能修改`);
  const knowledge = knowledgeOf(r);
  const seen: Record<string, string> = {};
  for (const device of [...knowledge.keys()].sort()) seen[device] = knowledge.get(device) as string;
  const next: StoredRecord = { ...r, _stamps: { ...r._stamps, [field]: stamp }, _updated: stamp, _seen: seen };
  if (value === undefined) delete next[field];
  else next[field] = value;
  settleField(next, r, field);
  return next;
}

/** Drops `field`'s open conflict and sibling stamps from `next` (a copy of `r` being settled), keeping the other fields'. */
export function settleField(next: StoredRecord, r: StoredRecord, field: string): void {
  const conflicts = (r._conflicts ?? []).filter((c) => c.field !== field);
  if (conflicts.length) next._conflicts = conflicts;
  else delete next._conflicts;
  if (r._siblings?.[field]) {
    const { [field]: _dropped, ...rest } = r._siblings;
    if (Object.keys(rest).length) next._siblings = rest;
    else delete next._siblings;
  }
}

/** A record a merge preview points at. */
export type RecordRef = GenericRecordRef<BundleTableName>;

/** One field's value before and after the merge, for "字段：旧值 → 新值" in the preview. */
export interface FieldChange {
  field: string;
  /** Undefined when the field was unset. */
  before: unknown;
  after: unknown;
}

export interface ChangedRecord extends RecordRef {
  /**
   * Data fields whose current value changed, except fields the merge puts in conflict: those are
   * listed once, under `conflicts`.
   */
  fields: string[];
  /** The same fields with their values before and after, in the same order. */
  changes: FieldChange[];
  /** Set when the merge deleted a live record or brought a deleted one back. */
  liveness?: 'deleted' | 'restored';
}

export interface ConflictRef extends RecordRef {
  field: string;
  values: ConflictValue[];
}

/** What importing would do, for the preview a clerk sees before applying. */
export interface MergePreview {
  /** Records new to this copy (possibly arriving already deleted: see `deleted`). */
  added: (RecordRef & { deleted: boolean })[];
  /** Records whose values change or which are deleted or restored; a record whose only news is a conflict is under `conflicts` alone. */
  changed: ChangedRecord[];
  /** Conflicts the merge opens or widens (not ones this copy already had). */
  conflicts: ConflictRef[];
  unchanged: RecordRef[];
}

export interface MergeResult {
  /** Every record after the merge, local and incoming, sorted by key. */
  records: StoredRecord[];
  /** The records that differ from the local copy and must be written (includes bookkeeping-only changes). */
  writes: StoredRecord[];
  preview: MergePreview;
}

export interface MergeOptions {
  /** Names the table in the preview and picks the key field (offices are keyed by `code`). */
  table: BundleTableName;
  /**
   * Bounds on what the merge may leave stored (conflict values and `_seen` per record, records in
   * the table): a merge that would cross one throws a BundleError ('over-limit') naming the record,
   * so a run of files within their own limits can still never grow a workspace without bound.
   */
  limits?: BundleLimits;
}

function emptyPreview(): MergePreview {
  return { added: [], changed: [], conflicts: [], unchanged: [] };
}


function conflictSignature(c: FieldConflict): string {
  return c.values
    .map((v) => v.stamp)
    .sort()
    .join('|');
}

function previewOne(table: BundleTableName, id: string, before: StoredRecord, after: StoredRecord, preview: MergePreview): void {
  const wasDeleted = before._deleted !== null;
  const isDeleted = after._deleted !== null;
  const liveness = wasDeleted === isDeleted ? undefined : isDeleted ? 'deleted' : 'restored';
  const had = new Map(openConflicts(before).map((c) => [c.field, conflictSignature(c)]));
  const fresh = openConflicts(after).filter((c) => had.get(c.field) !== conflictSignature(c));
  for (const c of fresh) preview.conflicts.push({ table, id, field: c.field, values: c.values });
  // A field in conflict is news once, as a conflict, not also as an update.
  const inConflict = new Set(fresh.map((c) => c.field));
  const fields = [...new Set([...fieldsOf(before), ...fieldsOf(after)])].filter((f) => !inConflict.has(f) && !sameValue(before[f], after[f])).sort();
  const changes = fields.map((field): FieldChange => ({ field, before: before[field], after: after[field] }));
  if (fields.length || liveness) preview.changed.push({ table, id, fields, changes, ...(liveness ? { liveness } : {}) });
  else if (!fresh.length) preview.unchanged.push({ table, id });
}

function keyOf(r: StoredRecord, keyField: string): string {
  const key = r[keyField];
  if (typeof key !== 'string' || key === '') throw new Error(`记录缺少主键 ${keyField}`);
  return key;
}

/** A table's stored rows by key, as an import reads them once (shared/app/exchange-service.ts LocalView). */
export type HeldRecords = ReadonlyMap<string, StoredRecord>;

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * True when merging `incoming` into `held` (the stored copy of the same key) can change nothing:
 * the same last stamp, then field by field the same record, envelope and bookkeeping included,
 * except a `_seen` the stored copy already covers (a record exported without `_seen` is held here in
 * its merged form, which has one). No canonical JSON, no merge. Safe on unvalidated input: anything
 * it does not recognise is not held, and goes through validation and the merge.
 */
export function alreadyHeld(held: StoredRecord, incoming: Readonly<Record<string, unknown>>): boolean {
  if (held._updated !== incoming._updated) return false;
  let fields = 0;
  for (const k in incoming) {
    if (!hasOwn(incoming, k) || k === '_seen') continue;
    if (!hasOwn(held, k) || !sameValue(held[k], incoming[k])) return false;
    fields++;
  }
  for (const k in held) if (hasOwn(held, k) && k !== '_seen' && held[k] !== undefined) fields--;
  if (fields !== 0) return false;
  const seen = incoming._seen;
  if (seen === undefined) return true;
  if (typeof seen !== 'object' || seen === null || Array.isArray(seen)) return false;
  let knowledge: Knowledge | undefined;
  for (const device in seen) {
    if (!hasOwn(seen, device)) continue;
    const stamp = (seen as Record<string, unknown>)[device];
    if (typeof stamp !== 'string') return false;
    const known = held._seen && hasOwn(held._seen, device) ? held._seen[device] : undefined;
    if (known !== undefined && known >= stamp) continue;
    knowledge ??= knowledgeOf(held);
    if (!(deviceOf(stamp) === device && covers(knowledge, stamp))) return false;
  }
  return true;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1] < keys[i])) return false;
  return true;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rows by key (duplicates of one key merged with each other). */
function rowsByKey(rows: readonly StoredRecord[], keyField: string): Map<string, StoredRecord> {
  const out = new Map<string, StoredRecord>();
  for (const r of rows) {
    const key = keyOf(r, keyField);
    const earlier = out.get(key);
    out.set(key, earlier ? mergeRecord(earlier, r) : r);
  }
  return out;
}

/**
 * Merges incoming records into local ones (one table). Local records without an incoming copy are
 * kept as they are; duplicates of one key within `incoming` are merged with each other first.
 * `local` may be the table's rows already by key (read once per import): it is not copied.
 */
export function mergeRecords(local: readonly StoredRecord[] | HeldRecords, incoming: readonly StoredRecord[], options: MergeOptions): MergeResult {
  const { table } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const maxStored = limits.maxStoredRecords ?? DEFAULT_LIMITS.maxStoredRecords;
  const keyField = keyFieldOf(table);
  const localByKey: HeldRecords = local instanceof Map ? local : rowsByKey(local as readonly StoredRecord[], keyField);

  const arriving = rowsByKey(incoming, keyField);
  const keys = [...arriving.keys()];
  // A bundle's records come sorted by key (createBundle): sorted again only when they are not.
  if (!isSorted(keys)) keys.sort(byText);

  const preview = emptyPreview();
  const writes: StoredRecord[] = [];
  const merged = new Map<string, StoredRecord>();
  let stored = localByKey.size;
  for (const key of keys) {
    const r = arriving.get(key) as StoredRecord;
    const before = localByKey.get(key);
    // The copy this laptop already holds, recognised by its stamp and then compared field by field
    // (no canonical JSON): merging a record with itself changes nothing, so it is neither merged nor written.
    if (before && alreadyHeld(before, r)) {
      preview.unchanged.push({ table, id: key });
      continue;
    }
    const after = before ? mergeRecord(before, r) : normaliseRecord(r);
    checkRecordBounds(after, limits, `合并后 ${TABLE_LABELS[table]} ${key.slice(0, 80)}`);
    merged.set(key, after);
    if (!before && ++stored > maxStored) {
      throw new BundleError(
        'over-limit',
        `合并后本机${TABLE_LABELS[table]}将超过 ${maxStored.toLocaleString('en-US')} 条的上限（每个单位每张表），已拒绝。请联系对方核查导出的文件`,
      );
    }
    if (!before) {
      preview.added.push({ table, id: key, deleted: after._deleted !== null });
      if (after._conflicts) for (const c of openConflicts(after)) preview.conflicts.push({ table, id: key, field: c.field, values: c.values });
      writes.push(after);
      continue;
    }
    previewOne(table, key, before, after, preview);
    if (!sameValue(before, after)) writes.push(after);
  }
  for (const key of localByKey.keys()) if (!arriving.has(key)) preview.unchanged.push({ table, id: key });

  let records: StoredRecord[] | undefined;
  return {
    // Every record after the merge, sorted: built only when asked for (an import needs the writes alone).
    get records() {
      if (!records) {
        const all = new Map(localByKey);
        for (const [k, r] of merged) all.set(k, r);
        records = [...all].sort(([a], [b]) => byText(a, b)).map(([, r]) => r);
      }
      return records;
    },
    writes,
    preview,
  };
}

export interface TablesMergeResult {
  tables: BundleTables;
  writes: BundleTables;
  preview: MergePreview;
}

/** Appends every item of `items` to `out`, however many (no spread into a call, no stack limit). */
export function appendAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** mergeRecords over every table of a bundle; the previews are concatenated in table order. */
export function mergeTables(
  local: Partial<Record<BundleTableName, readonly StoredRecord[] | HeldRecords>>,
  incoming: Partial<BundleTables>,
  limits: BundleLimits = DEFAULT_LIMITS,
): TablesMergeResult {
  const results = {} as Record<BundleTableName, MergeResult>;
  const writes = {} as BundleTables;
  const preview = emptyPreview();
  for (const table of BUNDLE_TABLES) {
    const result = mergeRecords(local[table] ?? [], incoming[table] ?? [], { table, limits });
    results[table] = result;
    writes[table] = result.writes;
    // Loops, not push(...list): spreading a list of 125k+ references overflows the call stack.
    appendAll(preview.added, result.preview.added);
    appendAll(preview.changed, result.preview.changed);
    appendAll(preview.conflicts, result.preview.conflicts);
    appendAll(preview.unchanged, result.preview.unchanged);
  }
  let tables: BundleTables | undefined;
  return {
    get tables() {
      tables ??= Object.fromEntries(BUNDLE_TABLES.map((t) => [t, results[t].records])) as BundleTables;
      return tables;
    },
    writes,
    preview,
  };
}
