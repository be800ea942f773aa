/**
 * A small model of several laptops editing copies of the same records and exchanging them, used by
 * the merge tests. Local writes behave as renderer/src/db/repository.ts does (stamp the changed
 * field, bump `_updated`, tombstone on delete), carrying the exchange bookkeeping over as merge.ts
 * requires. Alongside, it records the ground truth: for every write, which writes its author had
 * seen, so tests can say exactly which writes are concurrent.
 */
import { HybridClock } from '../../shared/sync/hlc';
import { sameValue, stampAll } from '../../shared/sync/stamped';
import { mergeRecord } from '../../shared/exchange/merge';
import { maxStampOf, type StoredRecord } from '../../shared/exchange/records';

export const FIELDS = ['f1', 'f2'] as const;
export type Field = (typeof FIELDS)[number];

export interface FieldWrite {
  id: string;
  field: string;
  present: boolean;
  value: unknown;
  stamp: string;
  /** Stamps of the writes to this record the author had seen when writing. */
  past: ReadonlySet<string>;
}

export interface LivenessEvent {
  stamp: string;
  deleted: boolean;
}

export interface Replica {
  device: string;
  clock: HybridClock;
  records: Map<string, StoredRecord>;
  /** Ground truth: every field write (by stamp) this replica has seen, per record. */
  seen: Map<string, Set<string>>;
  liveness: Map<string, Map<string, LivenessEvent>>;
}

export class World {
  time = 1_000_000;
  readonly writes = new Map<string, FieldWrite>();
  readonly replicas: Replica[];

  constructor(devices: readonly string[], skews: readonly number[] = []) {
    this.replicas = devices.map((device, i) => ({
      device,
      clock: new HybridClock(device, () => this.time + (skews[i] ?? 0)),
      records: new Map(),
      seen: new Map(),
      liveness: new Map(),
    }));
  }

  advance(ms: number): void {
    this.time += ms;
  }

  private noteWrite(r: Replica, w: Omit<FieldWrite, 'past'>): void {
    const seen = r.seen.get(w.id) ?? new Set<string>();
    this.writes.set(w.stamp + '/' + w.field, { ...w, past: new Set(seen) });
    r.seen.set(w.id, seen);
  }

  private noteLiveness(r: Replica, id: string, e: LivenessEvent): void {
    const events = r.liveness.get(id) ?? new Map<string, LivenessEvent>();
    events.set(e.stamp, e);
    r.liveness.set(id, events);
  }

  private markSeen(r: Replica, id: string, keys: string[]): void {
    const seen = r.seen.get(id) ?? new Set<string>();
    for (const k of keys) seen.add(k);
    r.seen.set(id, seen);
  }

  /** Creates a record on a laptop that does not have it (two laptops may create the same id: seeding). */
  create(r: Replica, id: string, values: Partial<Record<Field, unknown>>): boolean {
    if (r.records.has(id)) return false;
    const stamp = r.clock.tick();
    const plain: Record<string, unknown> = { id };
    for (const f of FIELDS) if (values[f] !== undefined) plain[f] = values[f];
    r.records.set(id, stampAll(plain, stamp));
    const keys: string[] = [];
    for (const field of ['id', ...FIELDS]) {
      this.noteWrite(r, { id, field, present: plain[field] !== undefined, value: plain[field], stamp });
      keys.push(stamp + '/' + field);
    }
    this.markSeen(r, id, keys);
    this.noteLiveness(r, id, { stamp, deleted: false });
    return true;
  }

  /** An edit as the repository makes it: only when the record is live and the value really changes. */
  edit(r: Replica, id: string, field: Field, value: unknown): boolean {
    const row = r.records.get(id);
    if (!row || row._deleted !== null || sameValue(row[field], value)) return false;
    const stamp = r.clock.tick();
    const next: StoredRecord = { ...row, _stamps: { ...row._stamps, [field]: stamp }, _deleted: null, _updated: stamp };
    if (value === undefined) delete next[field];
    else next[field] = value;
    r.records.set(id, next);
    this.noteWrite(r, { id, field, present: value !== undefined, value, stamp });
    this.markSeen(r, id, [stamp + '/' + field]);
    this.noteLiveness(r, id, { stamp, deleted: false });
    return true;
  }

  setDeleted(r: Replica, id: string, deleted: boolean): boolean {
    const row = r.records.get(id);
    if (!row || (row._deleted !== null) === deleted) return false;
    const stamp = r.clock.tick();
    r.records.set(id, { ...row, _deleted: deleted ? stamp : null, _updated: stamp });
    this.noteLiveness(r, id, { stamp, deleted });
    return true;
  }

  /** `to` imports everything `from` has, as an importer would: merge, then let its clock catch up. */
  sync(from: Replica, to: Replica): void {
    if (from === to) return;
    for (const [id, rec] of from.records) {
      const mine = to.records.get(id);
      to.records.set(id, mine ? mergeRecord(mine, rec) : rec);
      this.markSeen(to, id, [...(from.seen.get(id) ?? [])]);
      for (const e of from.liveness.get(id)?.values() ?? []) this.noteLiveness(to, id, e);
    }
    const max = maxStampOf(from.records.values());
    if (max) to.clock.receive(max);
  }

  /** The writes of a field no other seen write has overwritten: exactly what must be kept. */
  expectedDots(r: Replica, id: string, field: string): FieldWrite[] {
    const seen = [...(r.seen.get(id) ?? [])].map((k) => this.writes.get(k)).filter((w): w is FieldWrite => !!w && w.field === field);
    return seen
      .filter((w) => !seen.some((other) => other.past.has(w.stamp + '/' + field)))
      .sort((a, b) => (a.stamp < b.stamp ? -1 : 1));
  }

  expectedDeleted(r: Replica, id: string): LivenessEvent | undefined {
    const events = [...(r.liveness.get(id)?.values() ?? [])].sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
    return events[events.length - 1];
  }
}
