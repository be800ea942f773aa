/**
 * Storage envelope that lets two copies of a record merge field by field later: every field has
 * the stamp of its last write; a deletion is a tombstone stamp, never a removed row.
 */
export type StampMeta = {
  /** Stamp of the last write of each field. */
  _stamps: Record<string, string>;
  /** Tombstone: the stamp of the deletion, or null while the record is live. */
  _deleted: string | null;
  /** The highest stamp on the record, indexed so changes since a point can be found. */
  _updated: string;
};

/** One of the concurrent writes of a field. `value` is absent when that write cleared the field. */
export type ConflictValue = {
  value?: unknown;
  stamp: string;
};

/** A field that two or more devices changed to different values without seeing each other's write. */
export type FieldConflict = {
  field: string;
  /** Every concurrent write, oldest stamp first; the newest is the record's current value. */
  values: ConflictValue[];
};

/** The merge's bookkeeping (shared/exchange/merge.ts says what each means). */
export type ExchangeMeta = {
  /** Open conflicts, one entry per field, only where the concurrent values differ. */
  _conflicts?: FieldConflict[];
  /**
   * Concurrent writes of the same value (two laptops seeded the same plan), by field: their stamps,
   * current one included. Not a conflict and never shown; kept so later merges stay exact.
   */
  _siblings?: Record<string, string[]>;
  /** Per device, the newest stamp of that device whose effects this copy of the record includes. */
  _seen?: Record<string, string>;
};

/**
 * The one stored row of every record table: the record, its revision envelope and the merge's
 * bookkeeping. The same row is what a bundle carries (shared/exchange/records.ts: StoredRecord is
 * this row for a record whose table is not known).
 */
export type Stamped<T> = T & StampMeta & ExchangeMeta;

/**
 * Every envelope key, including the exchange's merge bookkeeping (shared/exchange/records.ts).
 * Anything starting with "_" that is not listed here is data.
 */
export const RECORD_META_KEYS: readonly string[] = ['_stamps', '_deleted', '_updated', '_conflicts', '_siblings', '_seen'];
const META_KEYS = new Set(RECORD_META_KEYS);

export function isMetaKey(key: string): boolean {
  return META_KEYS.has(key);
}

/** The record's own fields, without envelope or bookkeeping. */
export function withoutMeta(stored: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stored)) if (!META_KEYS.has(k)) out[k] = v;
  return out;
}

export function stampAll<T extends object>(record: T, stamp: string): Stamped<T> {
  const stamps: Record<string, string> = {};
  for (const key of Object.keys(record)) stamps[key] = stamp;
  return { ...record, _stamps: stamps, _deleted: null, _updated: stamp };
}

/** The plain record, without the envelope. */
export function unstamp<T extends object>(stored: Stamped<T>): T {
  return withoutMeta(stored) as T;
}

/** Structural equality for JSON-like values, used to skip writes that change nothing. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields a patch really changes. `id` and the envelope cannot be patched. */
export function diffFields<T extends object>(current: T, patch: Partial<T>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, after] of Object.entries(patch)) {
    if (field === 'id' || META_KEYS.has(field)) continue;
    const before = (current as Record<string, unknown>)[field];
    if (!sameValue(before, after)) changes.push({ field, before, after });
  }
  return changes;
}
