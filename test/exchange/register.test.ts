import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { createBundle, decodeContainer, encodeContainer, gunzipPayload, gzipPayload, readBundle, validatePayload } from '../../shared/exchange/bundle-format';
import { sha256Hex } from '../../shared/exchange/bytes';
import { generateIdentity, signBytes, type Identity } from '../../shared/exchange/identity';
import { limitsWith } from '../../shared/exchange/limits';
import { verifyBundle } from '../../shared/exchange/verify';
import type { IssuedSheet } from '../../shared/domain/issued-sheet';
import { department, office, stamp, stored, OFFICE } from './fixtures';

/** The issued-sheet register in a bundle (format version 2): shape, limits, ownership, compatibility. */

const sheet = (n: number, extra: Partial<IssuedSheet> = {}): IssuedSheet => ({
  number: `伊无废交〔2026〕${n}号`,
  kind: 'assignment',
  year: 2026,
  seq: n,
  departmentId: `${OFFICE}-dept-${n}`,
  departmentName: '旗生态环境局',
  issuedOn: '2026-11-05',
  taskIds: [`${OFFICE}-task-007`],
  projectIds: [],
  recordedAt: '2026-11-05T01:00:00.000Z',
  receipt: null,
  ...extra,
});

const records = () => ({ offices: [stored(office(), stamp(1))], departments: [stored(department('d1'), stamp(2))] });

async function bundle(identity: Identity, register?: { officeCode: string; series: number; sheets: IssuedSheet[] }, limits?: Parameters<typeof limitsWith>[0]) {
  return createBundle({ records: records(), identity, officeCode: OFFICE, deviceId: 'laptopA', sequence: 1, period: '2026-11', kind: 'snapshot', now: new Date('2026-11-05T02:00:00Z'), register, limits });
}

/** The same file with its payload (and manifest) changed, signed again by the same key. */
async function altered(identity: Identity, bytes: Uint8Array, change: (json: Record<string, unknown>) => void, manifestPatch: Record<string, unknown> = {}) {
  const { header, payload } = decodeContainer(bytes);
  const json = JSON.parse(new TextDecoder().decode(gunzipPayload(payload))) as Record<string, unknown>;
  change(json);
  const gz = gzipPayload(canonicalJsonBytes(json));
  const manifest = { ...header.manifest, payloadBytes: gz.length, payloadSha256: await sha256Hex(gz), ...manifestPatch };
  return encodeContainer(canonicalJsonBytes({ manifest, signature: await signBytes(identity, canonicalJsonBytes(manifest)) }), gz);
}

describe('the register in a bundle', () => {
  let id: Identity;
  let trust: { officeCode: string; publicKey: string }[];
  beforeAll(async () => {
    id = await generateIdentity();
    trust = [{ officeCode: OFFICE, publicKey: id.publicKey }];
  });

  it('is written as format version 2 with its count in the manifest, and read back', async () => {
    const bytes = await bundle(id, { officeCode: OFFICE, series: 2, sheets: [sheet(1), sheet(2, { series: 2, number: '伊无废交〔2026〕2-1号', seq: 1 })] });
    const read = readBundle(bytes);
    expect(read.manifest).toMatchObject({ formatVersion: 2, issuedSheets: 2 });
    expect(read.payload.register?.series).toBe(2);
    expect(read.payload.register?.sheets.map((s) => s.number)).toEqual(['伊无废交〔2026〕1号', '伊无废交〔2026〕2-1号']);
    const verified = await verifyBundle(bytes, { trust });
    expect(verified.ok && verified.payload.register?.sheets).toHaveLength(2);
  });

  it('is left out when there is nothing to carry, so the file stays version 1 for older software', async () => {
    const bytes = await bundle(id, { officeCode: OFFICE, series: 1, sheets: [] });
    const read = readBundle(bytes);
    expect(read.manifest.formatVersion).toBe(1);
    expect('issuedSheets' in read.manifest).toBe(false);
    expect(read.payload.register).toBeUndefined();
    // A laptop numbered 2 with no sheet yet still says so: version 2 with 0 sheets.
    expect(readBundle(await bundle(id, { officeCode: OFFICE, series: 2, sheets: [] })).manifest).toMatchObject({ formatVersion: 2, issuedSheets: 0 });
  });

  it('refuses a register in a version 1 file, and a version 2 manifest without its count', async () => {
    const v1 = await bundle(id);
    const smuggled = await altered(id, v1, (j) => void (j.register = { officeCode: OFFICE, series: 1, sheets: [sheet(1)] }));
    const r = await verifyBundle(smuggled, { trust });
    expect(!r.ok && r.error.code).toBe('invalid-payload');
    const noCount = await altered(id, v1, () => undefined, { formatVersion: 2 });
    const m = await verifyBundle(noCount, { trust });
    expect(!m.ok && m.error.code).toBe('invalid-manifest');
    expect(!m.ok && m.error.message).toContain('issuedSheets');
  });

  it('checks the count against the manifest and refuses more sheets than the limit while reading', async () => {
    const v2 = await bundle(id, { officeCode: OFFICE, series: 1, sheets: [sheet(1), sheet(2)] });
    const dropped = await altered(id, v2, (j) => void (j.register as { sheets: unknown[] }).sheets.pop());
    const r = await verifyBundle(dropped, { trust });
    expect(!r.ok && r.error.message).toContain('清单写明 2 份，实际 1 份');
    const over = await verifyBundle(v2, { trust, limits: { maxSheets: 1 } });
    expect(!over.ok && over.error.code).toBe('over-limit');
    // A writer refuses what its receiver would.
    await expect(bundle(id, { officeCode: OFFICE, series: 1, sheets: [sheet(1), sheet(2)] }, { maxSheets: 1 })).rejects.toThrow('发文登记超过 1 份');
  });

  it('refuses text over the register’s sizes and a sheet of the wrong shape, naming the sheet', () => {
    const tables = { offices: [stored(office(), stamp(1))] };
    expect(() => validatePayload({ tables, register: { officeCode: OFFICE, series: 1, sheets: [sheet(1, { departmentName: '局'.repeat(201) })] } })).toThrow(
      /发文登记 伊无废交〔2026〕1号：departmentName/,
    );
    expect(() => validatePayload({ tables, register: { officeCode: OFFICE, series: 1, sheets: [{ ...sheet(1), colour: 'red' }] } })).toThrow('发文登记');
    expect(() => validatePayload({ tables, register: { officeCode: OFFICE, series: 100, sheets: [] } })).toThrow('本机编号应为 1—99 的整数');
    expect(() => validatePayload({ tables, register: [] })).toThrow('发文登记：不是对象');
  });

  it('is written only by a key trusted for its own office', async () => {
    await expect(bundle(id, { officeCode: '150600', series: 1, sheets: [sheet(1)] })).rejects.toThrow('发文登记（属于 150600）');
    await expect(bundle(id, { officeCode: OFFICE, series: 1, sheets: [sheet(1, { departmentId: '150621-dept-1' })] })).rejects.toThrow('150621-dept-1 不以 150627- 开头');
    const v2 = await bundle(id, { officeCode: OFFICE, series: 1, sheets: [sheet(1)] });
    const other = await altered(id, v2, (j) => void ((j.register as { sheets: IssuedSheet[] }).sheets[0].projectIds = ['150600-project-1']));
    const r = await verifyBundle(other, { trust });
    expect(!r.ok && r.error.code).toBe('wrong-office');
  });
});
