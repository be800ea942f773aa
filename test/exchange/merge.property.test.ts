import fc from 'fast-check';
import { canonicalJson } from '../../shared/exchange/canonical-json';
import { mergeRecords, normaliseRecord, openConflicts } from '../../shared/exchange/merge';
import type { StoredRecord } from '../../shared/exchange/records';
import { FIELDS, World, type Replica } from './replicas';

const DEVICES = ['a', 'b', 'c'];
const IDS = ['r1', 'r2'];

type Op =
  | { t: 'create'; d: number; id: string; v1: number; v2: number; dt: number }
  | { t: 'edit'; d: number; id: string; f: 0 | 1; v: number | null; dt: number }
  | { t: 'delete' | 'restore'; d: number; id: string; dt: number }
  | { t: 'sync'; from: number; to: number; dt: number };

const device = fc.integer({ min: 0, max: DEVICES.length - 1 });
const id = fc.constantFrom(...IDS);
const dt = fc.integer({ min: 0, max: 2 });
const value = fc.integer({ min: 0, max: 2 });

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ t: fc.constant('create' as const), d: device, id, v1: value, v2: value, dt }) },
  {
    weight: 6,
    arbitrary: fc.record({ t: fc.constant('edit' as const), d: device, id, f: fc.constantFrom(0 as const, 1 as const), v: fc.option(value, { nil: null }), dt }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constantFrom('delete' as const, 'restore' as const), d: device, id, dt }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), from: device, to: device, dt }) },
);

/** Clock skews between laptops, a few milliseconds either way, so stamp order differs from real order. */
const skews = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: DEVICES.length, maxLength: DEVICES.length });

function run(ops: readonly Op[], skew: readonly number[]): World {
  const world = new World(DEVICES, skew);
  for (const o of ops) {
    world.advance(o.dt);
    if (o.t === 'sync') {
      world.sync(world.replicas[o.from], world.replicas[o.to]);
      continue;
    }
    const r = world.replicas[o.d];
    if (o.t === 'create') world.create(r, o.id, { f1: o.v1, f2: o.v2 });
    else if (o.t === 'edit') world.edit(r, o.id, FIELDS[o.f], o.v === null ? undefined : o.v);
    else world.setDeleted(r, o.id, o.t === 'delete');
  }
  return world;
}

const recordsOf = (r: Replica): StoredRecord[] => [...r.records.values()];

/** What a person can observe (current values, deletion, conflicts) plus the kept writes: the whole merge state. */
function state(records: readonly StoredRecord[]): string {
  return canonicalJson(
    [...records].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)).map((r) => normaliseRecord(r)),
  );
}

const merge = (x: readonly StoredRecord[], y: readonly StoredRecord[]) => mergeRecords(x, y, { table: 'departments' }).records;

const histories = fc.tuple(fc.array(op, { maxLength: 40 }), skews);

describe('mergeRecords (properties)', () => {
  it('is idempotent: merging a copy into itself, or the same bundle twice, changes nothing', () => {
    fc.assert(
      fc.property(histories, ([ops, skew]) => {
        const [a, b] = run(ops, skew).replicas.map(recordsOf);
        expect(state(merge(a, a))).toBe(state(a));
        const once = merge(a, b);
        expect(state(merge(once, b))).toBe(state(once));
        expect(mergeRecords(once, b, { table: 'departments' }).writes.length).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('is commutative: the order two copies are merged in does not matter', () => {
    fc.assert(
      fc.property(histories, ([ops, skew]) => {
        const [a, b] = run(ops, skew).replicas.map(recordsOf);
        expect(state(merge(a, b))).toBe(state(merge(b, a)));
      }),
      { numRuns: 300 },
    );
  });

  it('is associative: merging three copies gives the same result however they are grouped', () => {
    fc.assert(
      fc.property(histories, ([ops, skew]) => {
        const [a, b, c] = run(ops, skew).replicas.map(recordsOf);
        expect(state(merge(merge(a, b), c))).toBe(state(merge(a, merge(b, c))));
      }),
      { numRuns: 300 },
    );
  });

  it('loses no concurrent write: each copy keeps exactly the writes nobody overwrote knowingly', () => {
    fc.assert(
      fc.property(histories, ([ops, skew]) => {
        const world = run(ops, skew);
        for (const r of world.replicas) {
          for (const [id, rec] of r.records) {
            const record = normaliseRecord(rec);
            for (const field of ['id', ...FIELDS]) {
              const expected = world.expectedDots(r, id, field);
              const conflict = openConflicts(record).find((c) => c.field === field);
              const kept = conflict ? conflict.values.map((v) => v.stamp) : (record._siblings?.[field] ?? [record._stamps[field]]);
              expect(kept).toEqual(expected.map((w) => w.stamp));
              // The later stamp wins as the current value.
              const latest = expected[expected.length - 1];
              expect(record[field]).toEqual(latest.present ? latest.value : undefined);
              // A conflict is shown exactly when the concurrent writes disagree.
              const distinct = new Set(expected.map((w) => (w.present ? JSON.stringify(w.value) : '∅')));
              expect(Boolean(conflict)).toBe(distinct.size > 1);
            }
            const last = world.expectedDeleted(r, id);
            expect(record._deleted).toBe(last?.deleted ? last.stamp : null);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('ends with every laptop in the same state once all have exchanged', () => {
    fc.assert(
      fc.property(histories, ([ops, skew]) => {
        const world = run(ops, skew);
        const [a, b, c] = world.replicas;
        // A ring twice round: everyone sees everything.
        for (let i = 0; i < 2; i++) {
          world.sync(a, b);
          world.sync(b, c);
          world.sync(c, a);
        }
        expect(state(recordsOf(a))).toBe(state(recordsOf(b)));
        expect(state(recordsOf(b))).toBe(state(recordsOf(c)));
      }),
      { numRuns: 200 },
    );
  });
});
