/**
 * An incoming record equal to the copy stored here (issue 29): recognised by its stamp and a field
 * by field compare, neither validated again nor merged nor written; never when anything differs,
 * and never before the bundle's signature and payload hash are verified.
 */
import fc from 'fast-check';
import { canonicalJson, canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { sha256Hex } from '../../shared/exchange/bytes';
import { createBundle, encodeContainer, gzipPayload } from '../../shared/exchange/bundle-format';
import { generateIdentity, signBytes, type Identity } from '../../shared/exchange/identity';
import { alreadyHeld, mergeRecord, mergeRecords, normaliseRecord } from '../../shared/exchange/merge';
import { emptyTables, type BundleTables, type StoredRecord } from '../../shared/exchange/records';
import { verifyBundle, type VerifyContext } from '../../shared/exchange/verify';
import { OFFICE, department, office, stamp, stored } from './fixtures';
import { FIELDS, World } from './replicas';

const NOW = new Date('2026-11-02T09:30:00+08:00');
let county: Identity;
let trust: VerifyContext['trust'];

beforeAll(async () => {
  county = await generateIdentity();
  trust = [{ officeCode: OFFICE, publicKey: county.publicKey }];
});

function tables(): Partial<BundleTables> {
  return { offices: [stored(office(), stamp(1))], departments: [stored(department('d1'), stamp(1)), stored(department('d2'), stamp(2))] };
}

const heldOf = (t: Partial<BundleTables>) => async () => ({
  offices: new Map((t.offices ?? []).map((r) => [String(r.code), normaliseRecord(r)])),
  departments: new Map((t.departments ?? []).map((r) => [String(r.id), normaliseRecord(r)])),
});

/** A signed bundle around any records, skipping createBundle's own checks (what a hostile sender can make). */
async function forge(t: Partial<BundleTables>, opts: { badHash?: boolean } = {}): Promise<Uint8Array> {
  const full = { ...emptyTables(), ...t };
  const gz = gzipPayload(canonicalJsonBytes({ tables: full }));
  const counts = Object.fromEntries(Object.entries(full).map(([name, rows]) => [name, rows.length]));
  const manifest = {
    formatVersion: 1,
    bundleId: '3f1d7a52-2c4e-4b8a-9f61-0d2e5b7c9a10',
    officeCode: OFFICE,
    deviceId: 'laptopA',
    publicKey: county.publicKey,
    sequence: 3,
    period: '2026-10',
    createdAt: NOW.toISOString(),
    kind: 'snapshot',
    payloadBytes: gz.length,
    payloadSha256: opts.badHash ? '0'.repeat(64) : await sha256Hex(gz),
    counts,
  };
  const signature = await signBytes(county, canonicalJsonBytes(manifest));
  return encodeContainer(canonicalJsonBytes({ manifest, signature }), gz);
}

describe('alreadyHeld', () => {
  it('recognises a record exported without _seen in the merged form it is stored in', () => {
    const r = stored(department('d1'), stamp(5));
    expect(r._seen).toBeUndefined();
    expect(alreadyHeld(normaliseRecord(r), r)).toBe(true);
    expect(alreadyHeld(r, r)).toBe(true);
  });

  it('does not recognise a record that differs in a value, a stamp, a field or a deletion', () => {
    const r = normaliseRecord(stored(department('d1'), stamp(5)));
    expect(alreadyHeld(r, { ...r, name: '别的名字' })).toBe(false);
    expect(alreadyHeld(r, { ...r, _stamps: { ...r._stamps, name: stamp(4) } })).toBe(false);
    expect(alreadyHeld(r, { ...r, extra: 1 })).toBe(false);
    expect(alreadyHeld(r, { ...r, _deleted: stamp(5) })).toBe(false);
    expect(alreadyHeld(r, { ...r, _updated: stamp(6), name: r.name })).toBe(false);
    const { aliases: _dropped, ...lacking } = r;
    expect(alreadyHeld(r, lacking)).toBe(false);
  });

  it('does not recognise a _seen that knows more than the stored copy, or is not an object of stamps', () => {
    const r = normaliseRecord(stored(department('d1'), stamp(5)));
    expect(alreadyHeld(r, { ...r, _seen: { laptopB: stamp(9, 'laptopB') } })).toBe(false);
    expect(alreadyHeld(r, { ...r, _seen: { laptopA: stamp(9) } })).toBe(false);
    expect(alreadyHeld(r, { ...r, _seen: ['x'] })).toBe(false);
    expect(alreadyHeld(r, { ...r, _seen: { laptopA: 5 } })).toBe(false);
    expect(alreadyHeld(r, { ...r, _seen: { laptopA: stamp(2) } })).toBe(true);
  });

  it('whenever a copy is recognised, merging it changes nothing (any history of three laptops)', () => {
    const op = fc.record({ d: fc.integer({ min: 0, max: 2 }), kind: fc.constantFrom('edit', 'delete', 'restore', 'sync'), to: fc.integer({ min: 0, max: 2 }), v: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const world = new World(['a', 'b', 'c']);
        for (const r of world.replicas) world.create(r, 'r1', { f1: 0, f2: 0 });
        for (const o of ops) {
          world.advance(1);
          const r = world.replicas[o.d];
          if (o.kind === 'edit') world.edit(r, 'r1', FIELDS[o.v % 2], o.v);
          else if (o.kind === 'sync') world.sync(r, world.replicas[o.to]);
          else world.setDeleted(r, 'r1', o.kind === 'delete');
        }
        for (const x of world.replicas) {
          for (const y of world.replicas) {
            const held = x.records.get('r1') as StoredRecord;
            const incoming = y.records.get('r1') as StoredRecord;
            for (const h of [held, normaliseRecord(held)]) {
              if (alreadyHeld(h, incoming)) expect(canonicalJson(normaliseRecord(mergeRecord(h, incoming)))).toBe(canonicalJson(normaliseRecord(h)));
            }
            // A copy without conflicts is always recognised in the merged form it is stored in.
            if (!incoming._conflicts && !incoming._siblings) expect(alreadyHeld(normaliseRecord(incoming), incoming)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('normaliseRecord knows a device whatever its name, "constructor" and "toString" included', () => {
    const r = { ...stored(department('d1'), stamp(5, 'constructor')), _seen: { toString: stamp(3, 'toString') } } as StoredRecord;
    const n = normaliseRecord(r);
    expect(n).toEqual(mergeRecord(r, r));
    expect(n._seen).toEqual({ constructor: stamp(5, 'constructor'), toString: stamp(3, 'toString') });
  });

  it('normaliseRecord without conflicts is exactly mergeRecord(r, r) (any history of three laptops)', () => {
    const op = fc.record({ d: fc.integer({ min: 0, max: 2 }), kind: fc.constantFrom('edit', 'clear', 'delete', 'restore', 'sync'), to: fc.integer({ min: 0, max: 2 }), v: fc.integer({ min: 0, max: 2 }) });
    let fast = 0;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const world = new World(['a', 'b', 'c']);
        for (const r of world.replicas) world.create(r, 'r1', { f1: 0, f2: 0 });
        for (const o of ops) {
          world.advance(1);
          const r = world.replicas[o.d];
          if (o.kind === 'edit' || o.kind === 'clear') world.edit(r, 'r1', FIELDS[o.v % 2], o.kind === 'clear' ? undefined : o.v);
          else if (o.kind === 'sync') world.sync(r, world.replicas[o.to]);
          else world.setDeleted(r, 'r1', o.kind === 'delete');
        }
        for (const x of world.replicas) {
          const r = x.records.get('r1') as StoredRecord;
          const { _conflicts: _c, _siblings: _s, ...plain } = r;
          for (const rec of [r, plain as StoredRecord, { ...plain, _seen: undefined } as StoredRecord]) {
            if (rec._conflicts === undefined && rec._siblings === undefined) fast++;
            expect(normaliseRecord(rec)).toEqual(mergeRecord(rec, rec));
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(fast).toBeGreaterThan(300);
  });

  it('an unchanged snapshot merges into no write, all unchanged, whether the local rows come as a list or by key', () => {
    const incoming = [stored(department('d1'), stamp(1)), stored(department('d2'), stamp(2))];
    const local = incoming.map(normaliseRecord);
    for (const l of [local, new Map(local.map((r) => [String(r.id), r]))]) {
      const result = mergeRecords(l, incoming, { table: 'departments' });
      expect(result.writes).toEqual([]);
      expect(result.preview.unchanged.map((u) => u.id)).toEqual(['150627-d1', '150627-d2']);
      expect(result.records.map((r) => r.id)).toEqual(['150627-d1', '150627-d2']);
    }
  });
});

describe('validation skips only records equal to their stored copy, after the signature and hash', () => {
  it('a record equal to its stored copy is not validated again; the rest are', async () => {
    // Stored here with a field no bundle may carry (data from an older version, say): the same copy coming back changes nothing.
    const odd: StoredRecord = { ...normaliseRecord(stored(department('d1'), stamp(1))), legacy: '旧字段' };
    const t = { ...tables(), departments: [odd, stored(department('d2'), stamp(2))] };
    const bytes = await forge(t);
    const held = async () => ({ departments: new Map([[String(odd.id), odd]]) });
    const withHeld = await verifyBundle(bytes, { trust, now: NOW, held });
    expect(withHeld.ok).toBe(true);
    const without = await verifyBundle(bytes, { trust, now: NOW });
    expect(without.ok).toBe(false);
    if (!without.ok) expect(without.error.message).toContain('150627-d1');
  });

  it('a record changed in any field (same stamp) is validated and refused when bad', async () => {
    const t = tables();
    const held = heldOf(t);
    const departments = t.departments ?? [];
    const tampered = { ...departments[0], name: '单位\u202e名' };
    const bytes = await forge({ ...t, departments: [tampered, departments[1]] });
    const result = await verifyBundle(bytes, { trust, now: NOW, held });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/控制字符|方向/);
  });

  it('the stored copies are not asked for before the payload hash is verified', async () => {
    const held = jest.fn(heldOf(tables()));
    const result = await verifyBundle(await forge(tables(), { badHash: true }), { trust, now: NOW, held });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('payload-hash');
    expect(held).not.toHaveBeenCalled();
    const good = await verifyBundle(await createBundle({ records: tables(), identity: county, officeCode: OFFICE, deviceId: 'laptopA', sequence: 1, period: '2026-10', kind: 'snapshot', now: NOW }), { trust, now: NOW, held });
    expect(good.ok).toBe(true);
    expect(held).toHaveBeenCalledTimes(1);
  });

  it('a duplicate of a stored record in one file is still refused', async () => {
    const t = tables();
    const departments = t.departments ?? [];
    const bytes = await forge({ ...t, departments: [departments[0], departments[0], departments[1]] });
    const result = await verifyBundle(bytes, { trust, now: NOW, held: heldOf(t) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('同一记录出现两次');
  });
});
