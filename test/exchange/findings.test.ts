/**
 * Issue 9's findings, one test each, on the shared exchange code and the command line. The same
 * findings on a real database (the app's import) are in test/db/exchange-service.test.ts.
 */
import { gzipSync } from 'fflate';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { sha256Hex } from '../../shared/exchange/bytes';
import { encodeContainer, gzipPayload } from '../../shared/exchange/bundle-format';
import { generateIdentity, signBytes, type Identity } from '../../shared/exchange/identity';
import { mergeRecord, resolveConflict } from '../../shared/exchange/merge';
import { emptyTables, type BundleTables, type StoredRecord } from '../../shared/exchange/records';
import { DEFAULT_LIMITS } from '../../shared/exchange/limits';
import { recordImport, verifyBundle, type VerifyContext, type VerifyResult } from '../../shared/exchange/verify';
import { EXIT } from '../../cli/zwc';
import { zwcAt } from '../support/cli';
import { department, office, stamp, stored, OFFICE } from './fixtures';

const NOW = new Date('2026-11-02T09:30:00+08:00');
const T = NOW.getTime() - 86_400_000;

let county: Identity;
let other: Identity;

beforeAll(async () => {
  county = await generateIdentity(true);
  other = await generateIdentity(true);
});

/** A correctly signed bundle around any payload text: what a trusted but hostile office can send. */
async function signedRaw(identity: Identity, payloadJson: Uint8Array, manifestPatch: Record<string, unknown> = {}, counts: Record<string, number> = {}): Promise<Uint8Array> {
  const gz = gzipSync(payloadJson, { level: 9, mtime: 0 });
  const manifest = {
    formatVersion: 1,
    bundleId: globalThis.crypto.randomUUID(),
    officeCode: OFFICE,
    deviceId: 'laptopA',
    publicKey: identity.publicKey,
    sequence: 1,
    period: '2026-10',
    createdAt: NOW.toISOString(),
    kind: 'snapshot',
    payloadBytes: gz.length,
    payloadSha256: await sha256Hex(gz),
    counts: { ...Object.fromEntries(Object.keys(emptyTables()).map((t) => [t, 0])), ...counts },
    ...manifestPatch,
  };
  const signature = await signBytes(identity, canonicalJsonBytes(manifest));
  return encodeContainer(canonicalJsonBytes({ manifest, signature }), gz);
}

async function signed(identity: Identity, tables: Partial<BundleTables>, manifestPatch: Record<string, unknown> = {}): Promise<Uint8Array> {
  const full = { ...emptyTables(), ...tables };
  const counts = Object.fromEntries(Object.entries(full).map(([t, rows]) => [t, rows.length]));
  return signedRaw(identity, canonicalJsonBytes({ tables: full }), manifestPatch, counts);
}

function refusal(result: VerifyResult): { code: string; message: string } {
  if (result.ok) throw new Error('expected the bundle to be refused');
  return result.error;
}

function ctx(extra: Partial<VerifyContext> = {}): VerifyContext {
  return { trust: [{ officeCode: OFFICE, publicKey: county.publicKey }, { officeCode: '150621', publicKey: other.publicKey }], now: NOW, ...extra };
}

describe('finding 1: a signed bundle cannot name another office’s records', () => {
  it('refuses a record whose id is in another office’s namespace, even with this office’s officeCode', async () => {
    const task = stored(department('x', { id: '150600-dep-001' }), stamp(T));
    const error = refusal(await verifyBundle(await signed(county, { departments: [task] }), ctx()));
    expect(error.code).toBe('wrong-office');
    expect(error.message).toContain('150600-dep-001');
    expect(error.message).toContain('记录编号须以本单位代码开头');
  });

  it('refuses an id without any office namespace (the old task-<uuid> form)', async () => {
    const error = refusal(await verifyBundle(await signed(county, { departments: [stored(department('x', { id: 'dep-1234' }), stamp(T))] }), ctx()));
    expect(error.code).toBe('wrong-office');
  });

  it('refuses a record whose id is stored locally under another office', async () => {
    const mine = stored(department('d1'), stamp(T));
    const localOwners: VerifyContext['localOwners'] = async (_table, keys) => keys.map((k) => (k === mine.id ? '150600' : undefined));
    const error = refusal(await verifyBundle(await signed(county, { departments: [mine] }), ctx({ localOwners })));
    expect(error.code).toBe('foreign-record');
    expect(error.message).toContain('鄂尔多斯市');
  });

  it('refuses a conflict entry on a key field, and the merge never changes a key whatever the entries say', async () => {
    const row = stored(department('d1'), stamp(T));
    const sneaky = { ...row, _conflicts: [{ field: 'id', values: [{ value: row.id, stamp: stamp(T) }, { value: '150600-dep-001', stamp: stamp(T + 1, 'x') }] }], _updated: stamp(T + 1, 'x') };
    const error = refusal(await verifyBundle(await signed(county, { departments: [sneaky as StoredRecord] }), ctx()));
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toContain('主键字段 id 不能有冲突');
    // Even if such a record reached the merge, it keeps its key.
    expect(mergeRecord(row, sneaky as StoredRecord).id).toBe(row.id);
    expect(() => mergeRecord(row, { ...row, officeCode: '150600' })).toThrow('主键字段 officeCode');
    expect(() => resolveConflict(row, 'id', '150600-dep-001', stamp(T + 5))).toThrow('主键字段 id 不能修改');
  });
});

describe('finding 2: one office cannot block another office’s device', () => {
  it('keeps sequences per office and key: a huge sequence under another key does not make the real device stale', async () => {
    // 150621 (trusted for itself) claims 150627's device id with sequence 2^53-1.
    const attack = await signed(other, { offices: [stored(office('150621'), stamp(T))] }, { officeCode: '150621', deviceId: 'laptopA', sequence: Number.MAX_SAFE_INTEGER });
    const first = await verifyBundle(attack, ctx({ seen: {} }));
    if (!first.ok) throw new Error(first.error.message);
    const seen = recordImport({}, first.manifest);
    const genuine = await signed(county, { departments: [stored(department('d1'), stamp(T))] }, { sequence: 2 });
    expect((await verifyBundle(genuine, ctx({ seen }))).ok).toBe(true);
  });

  it('binds a device id to the key that first signed for it', async () => {
    const genuine = await verifyBundle(await signed(county, {}, { sequence: 1 }), ctx({ seen: {} }));
    if (!genuine.ok) throw new Error(genuine.error.message);
    const seen = recordImport({}, genuine.manifest);
    // A second key trusted for the same office claims the same device.
    const second = await generateIdentity();
    const trust = [...ctx().trust, { officeCode: OFFICE, publicKey: second.publicKey }];
    const error = refusal(await verifyBundle(await signed(second, {}, { sequence: 99 }), ctx({ seen, trust })));
    expect(error.code).toBe('device-key-mismatch');
    // Once the first key is revoked (laptop key replaced), the new key may take the device over.
    const revoked = [...trust.map((t) => (t.publicKey === county.publicKey ? { ...t, revoked: true } : t))];
    expect((await verifyBundle(await signed(second, {}, { sequence: 99 }), ctx({ seen, trust: revoked }))).ok).toBe(true);
  });
});

describe('finding 3: limits are checked while decompressing, fast and with bounded memory', () => {
  async function timed(bytes: Uint8Array, extra: Partial<VerifyContext> = {}): Promise<{ code: string; ms: number }> {
    const start = performance.now();
    const result = await verifyBundle(bytes, ctx(extra));
    return { code: refusal(result).code, ms: performance.now() - start };
  }

  it('refuses [{},{},…] past the record and value limits in well under a second', async () => {
    const n = 4_000_000;
    const text = `{"tables":{"tasks":[${'{},'.repeat(n - 1)}{}]}}`;
    const bytes = await signedRaw(county, new TextEncoder().encode(text));
    expect(bytes.length).toBeLessThan(100_000);
    const { code, ms } = await timed(bytes);
    expect(code).toBe('over-limit');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses deep nesting, a huge array, a long string and a gzip bomb', async () => {
    const deep = await signedRaw(county, new TextEncoder().encode(`{"tables":{"tasks":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}}`));
    expect((await timed(deep)).code).toBe('over-limit');
    const wide = await signedRaw(county, new TextEncoder().encode(`{"tables":{"tasks":[[${'0,'.repeat(200_000)}0]]}}`));
    expect((await timed(wide)).code).toBe('over-limit');
    const long = await signedRaw(county, new TextEncoder().encode(`{"tables":{"tasks":["${'x'.repeat(100_000)}"]}}`));
    expect((await timed(long)).code).toBe('over-limit');
    // Past the payload limit by 16 MB: refused at the chunk that crosses it, however large it would grow.
    const bomb = await signedRaw(county, new Uint8Array(DEFAULT_LIMITS.maxPayloadBytes + 16 * 1024 * 1024).fill(0x20));
    const { code, ms } = await timed(bomb);
    expect(code).toBe('too-large');
    expect(ms).toBeLessThan(1000);
  });

  it('caps the problems it collects and reports', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `${OFFICE}-x${i}` }));
    const error = refusal(await verifyBundle(await signed(county, { departments: rows as unknown as StoredRecord[] }), ctx()));
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toContain('至少 100 处');
    expect(error.message.length).toBeLessThan(2000);
  });
});

describe('finding 4: strings are Unicode', () => {
  it('refuses an escaped lone surrogate anywhere in the payload, and an encoded one', async () => {
    const row = stored(department('d1'), stamp(T));
    const text = JSON.stringify({ tables: { ...emptyTables(), departments: [{ ...row, name: 'a\ud800b' }] } });
    expect(text).toContain('\\ud800');
    const error = refusal(await verifyBundle(await signedRaw(county, new TextEncoder().encode(text), {}, { departments: 1 }), ctx()));
    expect(error.code).toBe('invalid-text');
    expect(error.message).toContain('代理字符');
    const low = text.replace('\\ud800', '\\udc00');
    expect(refusal(await verifyBundle(await signedRaw(county, new TextEncoder().encode(low), {}, { departments: 1 }), ctx())).code).toBe('invalid-text');
    // A well-formed pair is fine.
    const pair = text.replace('\\ud800', '\\ud83d\\ude00');
    expect((await verifyBundle(await signedRaw(county, new TextEncoder().encode(pair), {}, { departments: 1 }), ctx())).ok).toBe(true);
    const encoded = new Uint8Array([...new TextEncoder().encode(text.replace('\\ud800', 'Z'))]);
    encoded[encoded.indexOf(0x5a)] = 0xed; // starts a UTF-8-encoded surrogate: not UTF-8
    expect(['invalid-text', 'invalid-payload']).toContain(refusal(await verifyBundle(await signedRaw(county, encoded, {}, { departments: 1 }), ctx())).code);
  });
});

describe('finding 5: revocation wins regardless of order', () => {
  it('refuses a key listed both as trusted and as revoked, in either order', async () => {
    const bytes = await signed(county, {});
    const trusted = { officeCode: OFFICE, publicKey: county.publicKey };
    const revoked = { ...trusted, revoked: true };
    expect(refusal(await verifyBundle(bytes, { trust: [trusted, revoked], now: NOW })).code).toBe('revoked-key');
    expect(refusal(await verifyBundle(bytes, { trust: [revoked, trusted], now: NOW })).code).toBe('revoked-key');
    // Revoked under any office: still revoked.
    expect(refusal(await verifyBundle(bytes, { trust: [trusted, { ...revoked, officeCode: '150600' }], now: NOW })).code).toBe('revoked-key');
  });
});

describe('finding 6 and 4: zwc applies the app’s rules and never prints a stack trace', () => {
  let dir: string;
  const at = (name: string) => join(dir, name);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zwc-findings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const zwc = zwcAt(NOW);

  async function setUp(): Promise<void> {
    await writeFile(at('trust.json'), JSON.stringify([{ officeCode: OFFICE, publicKey: county.publicKey }, { officeCode: '150621', publicKey: other.publicKey }]));
  }

  it('refuses stamps from the future, as the app does', async () => {
    await setUp();
    await writeFile(at('f.zwb'), await signed(county, { departments: [stored(department('d1'), stamp(NOW.getTime() + 3 * 86_400_000))] }));
    const run = await zwc('merge', at('f.zwb'), '--office', OFFICE, '--trust', at('trust.json'), '--out', at('m.json'));
    expect(run.code).toBe(EXIT.refused);
    expect(run.err).toContain('[future-stamp]');
  });

  it('takes only the bundles the office would take (--office, the app’s accepts rule)', async () => {
    await setUp();
    await writeFile(at('b.zwb'), await signed(other, { offices: [stored(office('150621'), stamp(T))] }, { officeCode: '150621' }));
    const asCounty = await zwc('merge', at('b.zwb'), '--office', OFFICE, '--trust', at('trust.json'), '--out', at('m.json'));
    expect(asCounty.code).toBe(EXIT.refused);
    expect(asCounty.err).toContain('只接收本单位其他电脑的文件');
    expect((await zwc('merge', at('b.zwb'), '--office', '150600', '--trust', at('trust.json'), '--out', at('m.json'))).code).toBe(EXIT.ok);
    expect((await zwc('merge', at('b.zwb'), '--trust', at('trust.json'), '--out', at('m.json'))).code).toBe(EXIT.usage);
  });

  it('keeps seen sequences across runs in --state', async () => {
    await setUp();
    await writeFile(at('s2.zwb'), await signed(county, {}, { sequence: 2 }));
    await writeFile(at('s1.zwb'), await signed(county, {}, { sequence: 1 }));
    const first = await zwc('merge', at('s2.zwb'), '--office', OFFICE, '--trust', at('trust.json'), '--out', at('m.json'), '--state', at('state.json'));
    expect(first.code).toBe(EXIT.ok);
    const state = JSON.parse(await readFile(at('state.json'), 'utf8')) as Record<string, { highestSequence: number; publicKey: string }>;
    expect(state[`${OFFICE}/laptopA`]).toMatchObject({ highestSequence: 2, publicKey: county.publicKey });
    const second = await zwc('merge', at('s1.zwb'), '--office', OFFICE, '--trust', at('trust.json'), '--out', at('m.json'), '--state', at('state.json'));
    expect(second.code).toBe(EXIT.refused);
    expect(second.err).toContain('[stale]');
    const again = await zwc('merge', at('s2.zwb'), '--office', OFFICE, '--trust', at('trust.json'), '--out', at('m.json'), '--state', at('state.json'));
    expect(again.out).toContain('[already-imported]');
  });

  it('turns a lone surrogate in the records file into exit 2, and a bug into one sentence without a stack', async () => {
    const key = await zwc('keygen', '--out', at('k.json'), '--device', 'laptopA');
    expect(key.code).toBe(EXIT.ok);
    await writeFile(at('rec.json'), JSON.stringify({ departments: [{ ...department('d1'), name: 'x\ud800' }] }));
    const run = await zwc('bundle', 'create', '--key', at('k.json'), '--office', OFFICE, '--records', at('rec.json'), '--period', '2026-10', '--sequence', '1', '--out', at('x.zwb'));
    expect(run.code).toBe(EXIT.refused);
    expect(run.err).toContain('代理字符');
    expect(run.err).not.toMatch(/\n\s+at /);

    // A bug (here: a clock that throws) is one sentence, exit 70, no stack trace.
    await setUp();
    await writeFile(at('ok.zwb'), await signed(county, {}));
    const broken = zwcAt(() => {
      throw new TypeError('时钟坏了');
    });
    const bug = await broken('bundle', 'verify', at('ok.zwb'), '--trust', at('trust.json'));
    expect(bug.code).toBe(EXIT.internal);
    expect(bug.err).toContain('内部错误');
    expect(bug.err).not.toMatch(/\n\s+at /);
  });

  it('refuses to read a device or a FIFO-like non-file as a bundle', async () => {
    await setUp();
    const run = await zwc('bundle', 'verify', '/dev/zero', '--trust', at('trust.json'));
    expect(run.code).toBe(EXIT.io);
    expect(run.err).toContain('不是普通文件');
  });
});

describe('gzip of the test payloads', () => {
  it('is the writer’s format', () => {
    expect(gzipPayload(new Uint8Array([1]))[0]).toBe(0x1f);
  });
});

describe('ids are made in one place and carry their office', () => {
  it('newRecordId gives <office>-<kind>-<uuid>, which idBelongsTo accepts for that office only', async () => {
    const { newRecordId, idBelongsTo } = await import('../../shared/exchange/ownership');
    const id = newRecordId('150627', 'task');
    expect(id).toMatch(/^150627-task-[0-9a-f-]{36}$/);
    expect(idBelongsTo(id, '150627')).toBe(true);
    expect(idBelongsTo(id, '150600')).toBe(false);
    expect(idBelongsTo('150627-', '150627')).toBe(false);
    expect(() => newRecordId('15062', 'task')).toThrow();
  });
});
