/**
 * Issue 24: files a trusted county can make must never take the city down. Workspace-wide limits,
 * stack-free merges, stamps refused at verify, one key one office.
 */
import { generateIdentity, type Identity } from '../../shared/exchange/identity';
import { mergeRecords, mergeTables } from '../../shared/exchange/merge';
import { DEFAULT_LIMITS, limitsWith } from '../../shared/exchange/limits';
import { BundleError } from '../../shared/exchange/errors';
import { verifyBundle, type VerifyContext, type VerifyResult } from '../../shared/exchange/verify';
import { HybridClock, counterAtLimit, MAX_COUNTER } from '../../shared/sync/hlc';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { TrustService } from '../../shared/app/trust/trust-service';
import type { StoredRecord } from '../../shared/exchange/records';
import { department, stamp, stored, OFFICE } from './fixtures';
import { signedTables } from './hostile-bundles';

const NOW = new Date('2026-11-02T09:30:00+08:00');
const T = NOW.getTime() - 86_400_000;

let county: Identity;
beforeAll(async () => {
  county = await generateIdentity(true);
});

function ctx(extra: Partial<VerifyContext> = {}): VerifyContext {
  return { trust: [{ officeCode: OFFICE, publicKey: county.publicKey }], now: NOW, ...extra };
}

function refusal(result: VerifyResult): { code: string; message: string } {
  if (result.ok) throw new Error('expected the bundle to be refused');
  return result.error;
}

function withConflict(n: number, device = 'dev'): StoredRecord {
  const row = stored(department('c1'), stamp(T));
  const values = Array.from({ length: n }, (_, i) => ({ value: `名称${i}`, stamp: stamp(T, `${device}${i}`) }));
  const last = values[n - 1];
  const seen = Object.fromEntries(values.map((v, i) => [`${device}${i}`, v.stamp]));
  return { ...row, name: last.value, _stamps: { ...row._stamps, name: last.stamp }, _conflicts: [{ field: 'name', values }], _seen: seen, _updated: stamp(T + 1) };
}

describe('per-record caps, refused while reading with the record named', () => {
  it('refuses a record with more conflict values than the cap, in well under a second', async () => {
    const bytes = await signedTables(county, { departments: [withConflict(100_000)] }, { now: NOW });
    const started = Date.now();
    const error = refusal(await verifyBundle(bytes, ctx()));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.code).toBe('over-limit');
    expect(error.message).toContain('单位 150627-c1');
    expect(error.message).toContain(`冲突取值超过每条记录 ${DEFAULT_LIMITS.maxConflictValues} 个`);
  });

  it('accepts a record with a few conflict values', async () => {
    const result = await verifyBundle(await signedTables(county, { departments: [withConflict(3)] }, { now: NOW }), ctx());
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
  });

  it('refuses a record whose _seen names more devices than the cap', async () => {
    const row = stored(department('s1'), stamp(T));
    const seen = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`dev${i}`, stamp(T - 1, `dev${i}`)]));
    const error = refusal(await verifyBundle(await signedTables(county, { departments: [{ ...row, _seen: seen }] }, { now: NOW }), ctx()));
    expect(error.code).toBe('over-limit');
    expect(error.message).toContain('_seen');
    expect(error.message).toContain('单位 150627-s1');
  });

  it('refuses a device id __proto__ rather than dropping it from _seen', async () => {
    const row = stored(department('p1'), stamp(T));
    const bytes = await signedTables(county, { departments: [{ ...row, _stamps: { ...row._stamps, name: stamp(T, '__proto__') } }] }, { now: NOW });
    expect(refusal(await verifyBundle(bytes, ctx())).code).toBe('invalid-payload');
  });

  it('a merge that would cross a cap throws an over-limit BundleError naming the record', () => {
    const local = withConflict(150);
    const incoming = withConflict(150, 'other');
    const run = () => mergeRecords([local], [incoming], { table: 'departments', limits: limitsWith({ maxSeenDevices: 1000 }) });
    expect(run).toThrow(BundleError);
    expect(run).toThrow(/单位 150627-c1.*冲突取值/);
  });
});

describe('stamps: a counter at its limit is refused at verify, and the clock never throws on receive', () => {
  it('refuses counter 999999 while checking the file', async () => {
    const row = stored(department('h1'), stamp(T, 'laptopA', MAX_COUNTER));
    const error = refusal(await verifyBundle(await signedTables(county, { departments: [row] }, { now: NOW }), ctx()));
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toContain('计数已到上限');
  });

  it('receiving the largest honest counter carries into the next millisecond', () => {
    const clock = new HybridClock('city', () => T);
    clock.receive(stamp(T, 'x', MAX_COUNTER - 1));
    const next = clock.tick();
    expect(next > stamp(T, 'x', MAX_COUNTER - 1)).toBe(true);
    expect(counterAtLimit(next)).toBe(false);
    clock.receive(stamp(T, 'x', MAX_COUNTER));
    expect(clock.tick() > stamp(T, 'x', MAX_COUNTER)).toBe(true);
  });

  it('tick never writes the last counter', () => {
    const clock = new HybridClock('dev', () => T, { millis: T, counter: MAX_COUNTER - 2 });
    const stamps = [clock.tick(), clock.tick(), clock.tick()];
    expect(stamps.some(counterAtLimit)).toBe(false);
  });
});

describe('stack-free merges and a bound on stored records per office and table', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => stored(department(`m${String(i).padStart(6, '0')}`), stamp(T)));

  it('merges into 130,000 stored records of one table without a stack overflow', () => {
    const local = many(130_000);
    const changed = { ...local[5], name: '改过的名称', _stamps: { ...local[5]._stamps, name: stamp(T + 1) }, _updated: stamp(T + 1) };
    const result = mergeTables({ departments: local }, { departments: [changed] }, limitsWith({ maxStoredRecords: 200_000 }));
    expect(result.preview.unchanged.length).toBe(129_999);
    expect(result.preview.changed).toHaveLength(1);
  });

  it('refuses a merge that adds records past the per-table bound, and still updates existing ones', () => {
    const local = many(10);
    const limits = limitsWith({ maxStoredRecords: 10 });
    expect(() => mergeTables({ departments: local }, { departments: many(11) }, limits)).toThrow(/单位将超过 10 条的上限/);
    const changed = { ...local[0], name: '新名称', _stamps: { ...local[0]._stamps, name: stamp(T + 1) }, _updated: stamp(T + 1) };
    expect(mergeTables({ departments: local }, { departments: [changed] }, limits).writes.departments).toHaveLength(1);
  });
});

describe('one key, one office', () => {
  it('refuses to register a key already trusted for another office, naming it', async () => {
    const trust = new TrustService(new MemoryStorage());
    await trust.trust({ officeCode: '150627', publicKey: county.publicKey }, NOW);
    await expect(trust.trust({ officeCode: '150621', publicKey: county.publicKey }, NOW)).rejects.toThrow(/已登记为 伊金霍洛旗（150627）的可信密钥，不能再登记给 .*（150621）/);
    expect((await trust.list()).map((k) => k.officeCode)).toEqual(['150627']);
  });

  it('a key trusted for two offices (an older list) signs for neither', async () => {
    const bytes = await signedTables(county, { departments: [stored(department('k1'), stamp(T))] }, { now: NOW });
    const error = refusal(
      await verifyBundle(bytes, ctx({ trust: [{ officeCode: OFFICE, publicKey: county.publicKey }, { officeCode: '150621', publicKey: county.publicKey }] })),
    );
    expect(error.code).toBe('untrusted-key');
    expect(error.message).toContain('一把密钥只能属于一个单位');
    expect(error.message).toContain('150621');
  });
});
