import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { sha256Hex } from '../../shared/exchange/bytes';
import {
  FORMAT_VERSION,
  createBundle,
  decodeContainer,
  encodeContainer,
  gzipPayload,
  readBundle,
  DEFAULT_MAX_BUNDLE_BYTES,
  type BundleManifest,
} from '../../shared/exchange/bundle-format';
import { fingerprintOf, generateIdentity, signBytes, type Identity } from '../../shared/exchange/identity';
import { emptyTables, type BundleTables, type StoredRecord } from '../../shared/exchange/records';
import { recordImport, verifyBundle, type VerifyContext, type VerifyResult } from '../../shared/exchange/verify';
import { OFFICE, department, office, progressEntry, stamp, stored } from './fixtures';

const NOW = new Date('2026-11-02T09:30:00+08:00');
const BUNDLE_ID = '3f1d7a52-2c4e-4b8a-9f61-0d2e5b7c9a10';

let county: Identity;
let stranger: Identity;
let trust: VerifyContext['trust'];

function records(): Partial<BundleTables> {
  return {
    offices: [stored(office(), stamp(1))],
    departments: [stored(department('d1'), stamp(1)), stored(department('d2'), stamp(2))],
    progress: [stored(progressEntry('p1'), stamp(3))],
  };
}

function bundle(extra: { sequence?: number; bundleId?: string; identity?: Identity } = {}): Promise<Uint8Array> {
  return createBundle({
    records: records(),
    identity: extra.identity ?? county,
    officeCode: OFFICE,
    deviceId: 'laptopA',
    sequence: extra.sequence ?? 3,
    period: '2026-10',
    kind: 'snapshot',
    now: NOW,
    bundleId: extra.bundleId ?? BUNDLE_ID,
  });
}

/** Builds a signed container around any manifest and payload, skipping createBundle's own checks. */
async function forge(identity: Identity, tables: Partial<BundleTables>, manifestPatch: Record<string, unknown> = {}): Promise<Uint8Array> {
  const full = { ...emptyTables(), ...tables };
  const gz = gzipPayload(canonicalJsonBytes({ tables: full }));
  const counts = Object.fromEntries(Object.entries(full).map(([t, rows]) => [t, rows.length]));
  const manifest = {
    formatVersion: 1,
    bundleId: BUNDLE_ID,
    officeCode: OFFICE,
    deviceId: 'laptopA',
    publicKey: identity.publicKey,
    sequence: 3,
    period: '2026-10',
    createdAt: NOW.toISOString(),
    kind: 'snapshot',
    payloadBytes: gz.length,
    payloadSha256: await sha256Hex(gz),
    counts,
    ...manifestPatch,
  };
  const signature = await signBytes(identity, canonicalJsonBytes(manifest));
  return encodeContainer(canonicalJsonBytes({ manifest, signature }), gz);
}

function refusal(result: VerifyResult): { code: string; message: string; level: string } {
  if (result.ok) throw new Error('expected the bundle to be refused');
  return result.error;
}

beforeAll(async () => {
  county = await generateIdentity();
  stranger = await generateIdentity();
  trust = [{ officeCode: OFFICE, publicKey: county.publicKey, label: '测试旗 笔记本A' }];
});

describe('verifyBundle', () => {
  it('accepts a good bundle and returns its manifest and records', async () => {
    const bytes = await bundle();
    const result = await verifyBundle(bytes, { trust, seen: { '150627/laptopA': { publicKey: county.publicKey, officeCode: OFFICE, highestSequence: 2, bundleIds: ['older'] } } });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.manifest).toMatchObject({ officeCode: OFFICE, sequence: 3, period: '2026-10', kind: 'snapshot', bundleId: BUNDLE_ID });
    expect(result.manifest.counts).toMatchObject({ offices: 1, departments: 2, progress: 1, tasks: 0 });
    expect(result.payload.tables.departments.map((r) => r.id)).toEqual(['150627-d1', '150627-d2']);
    expect(result.fingerprint).toBe(await fingerprintOf(county.publicKey));
    // The file layout: magic, header length, header, payload; the same records give the same bytes.
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('ZWB1');
    expect(Buffer.from(await bundle()).equals(Buffer.from(bytes))).toBe(true);
    expect(readBundle(bytes).manifest.bundleId).toBe(BUNDLE_ID);
  });

  it('refuses a file larger than the limit before reading it', async () => {
    const big = new Uint8Array(DEFAULT_MAX_BUNDLE_BYTES + 1);
    const error = refusal(await verifyBundle(big, { trust }));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('文件太大');
  });

  it('refuses a truncated file as incomplete', async () => {
    const bytes = await bundle();
    const error = refusal(await verifyBundle(bytes.subarray(0, bytes.length - 10), { trust }));
    expect(error.code).toBe('truncated');
    expect(error.message).toContain('文件不完整');
    expect(refusal(await verifyBundle(bytes.subarray(0, 20), { trust })).code).toBe('truncated');
    expect(refusal(await verifyBundle(new TextEncoder().encode('PK\u0003\u0004 not a bundle'), { trust })).code).toBe('bad-container');
  });

  it('asks for an update when the format version is newer', async () => {
    const error = refusal(await verifyBundle(await forge(county, records(), { formatVersion: FORMAT_VERSION + 1 }), { trust }));
    expect(error.code).toBe('unsupported-version');
    expect(error.message).toContain('请更新本软件');
  });

  it('refuses a manifest edited after signing', async () => {
    const bytes = await bundle();
    const { header, payload } = decodeContainer(bytes);
    const edited = { ...header.manifest, period: '2026-11' };
    const tampered = encodeContainer(canonicalJsonBytes({ manifest: edited, signature: header.signature }), payload);
    const error = refusal(await verifyBundle(tampered, { trust }));
    expect(error.code).toBe('bad-signature');
    expect(error.message).toContain('签名不符');
  });

  it('refuses a bundle re-signed by an unknown key, naming its fingerprint so it can be checked and trusted', async () => {
    const bytes = await bundle();
    const { header, payload } = decodeContainer(bytes);
    const manifest = { ...header.manifest, publicKey: stranger.publicKey };
    const resigned = encodeContainer(canonicalJsonBytes({ manifest, signature: await signBytes(stranger, canonicalJsonBytes(manifest)) }), payload);
    const result = await verifyBundle(resigned, { trust });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('untrusted-key');
    const fingerprint = await fingerprintOf(stranger.publicKey);
    expect(result.error.detail.fingerprint).toBe(fingerprint);
    expect(result.error.message).toContain(fingerprint);
    // Once trusted, the same file is accepted; once revoked, refused again.
    expect((await verifyBundle(resigned, { trust: [...trust, { officeCode: OFFICE, publicKey: stranger.publicKey }] })).ok).toBe(true);
    const revoked = refusal(await verifyBundle(resigned, { trust: [{ officeCode: OFFICE, publicKey: stranger.publicKey, revoked: true }] }));
    expect(revoked.code).toBe('revoked-key');
    // A key trusted for another office does not speak for this one.
    expect(refusal(await verifyBundle(resigned, { trust: [{ officeCode: '150600', publicKey: stranger.publicKey }] })).message).toContain('150600');
  });

  it('refuses a payload with a flipped byte', async () => {
    const bytes = (await bundle()).slice();
    bytes[bytes.length - 30] ^= 0x01;
    const error = refusal(await verifyBundle(bytes, { trust }));
    expect(error.code).toBe('payload-hash');
    expect(error.message).toContain('被改动或损坏');
  });

  it('refuses records that do not match the schema, even when signed', async () => {
    const bad = { ...stored(department('d1'), stamp(1)), kind: 'bureau' } as StoredRecord;
    const error = refusal(await verifyBundle(await forge(county, { departments: [bad] }), { trust }));
    expect(error.code).toBe('invalid-payload');
    expect(error.message).toContain('单位 150627-d1');
    const unstamped = { ...stored(department('d2'), stamp(1)), _stamps: {} } as StoredRecord;
    expect(refusal(await verifyBundle(await forge(county, { departments: [unstamped] }), { trust })).message).toContain('没有修订戳');
  });

  it("refuses records of another office, even when signed by this office's key", async () => {
    const foreign = stored(department('d9', { officeCode: '150602' }), stamp(1));
    const error = refusal(await verifyBundle(await forge(county, { departments: [stored(department('d1'), stamp(1)), foreign] }), { trust }));
    expect(error.code).toBe('wrong-office');
    expect(error.message).toContain('150602');
    await expect(
      createBundle({ records: { departments: [foreign] }, identity: county, officeCode: OFFICE, deviceId: 'laptopA', sequence: 1, period: '2026-10', kind: 'snapshot', now: NOW }),
    ).rejects.toThrow('不属于 150627');
  });

  it('treats a replayed bundle as already imported (a no-op)', async () => {
    const bytes = await bundle();
    const first = await verifyBundle(bytes, { trust, seen: {} });
    if (!first.ok) throw new Error(first.error.message);
    const seen = recordImport({}, first.manifest);
    const error = refusal(await verifyBundle(bytes, { trust, seen }));
    expect(error.code).toBe('already-imported');
    expect(error.level).toBe('noop');
  });

  it('refuses an older sequence as stale, and a reused sequence number', async () => {
    const seen = { '150627/laptopA': { publicKey: county.publicKey, officeCode: OFFICE, highestSequence: 5, bundleIds: ['b5'] } };
    const error = refusal(await verifyBundle(await bundle({ sequence: 4, bundleId: '9a0f3c1e-7b2d-4e5f-8a6b-1c2d3e4f5a6b' }), { trust, seen }));
    expect(error.code).toBe('stale');
    expect(error.level).toBe('refused');
    expect(error.message).toContain('旧的');
    const reused = refusal(await verifyBundle(await bundle({ sequence: 5 }), { trust, seen }));
    expect(reused.code).toBe('stale');
    expect((await verifyBundle(await bundle({ sequence: 6 }), { trust, seen })).ok).toBe(true);
  });

  it('checks in the documented order: an unknown key is reported before a damaged payload', async () => {
    const bytes = (await bundle({ identity: stranger })).slice();
    bytes[bytes.length - 30] ^= 0x01;
    expect(refusal(await verifyBundle(bytes, { trust })).code).toBe('untrusted-key');
  });

  it('refuses a manifest of the right version but the wrong shape', async () => {
    const manifest: Partial<BundleManifest> = { kind: 'delta' };
    const error = refusal(await verifyBundle(await forge(county, records(), manifest), { trust }));
    expect(error.code).toBe('invalid-manifest');
    expect(error.message).toContain('since');
  });
});
