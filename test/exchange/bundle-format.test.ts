import { gzipSync } from 'fflate';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { createBundle, gunzipPayload, gzipPayload, readBundle, validatePayload } from '../../shared/exchange/bundle-format';
import { BundleError } from '../../shared/exchange/errors';
import { generateIdentity } from '../../shared/exchange/identity';
import { emptyTables } from '../../shared/exchange/records';
import { department, stamp, stored, OFFICE } from './fixtures';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof BundleError) return e.code;
    throw e;
  }
  throw new Error('expected a BundleError');
}

describe('payload compression', () => {
  const json = canonicalJsonBytes({ tables: emptyTables(), pad: 'x'.repeat(10_000) });

  it('is deterministic and round-trips', () => {
    expect(gzipPayload(json)).toEqual(gzipPayload(json));
    expect(gunzipPayload(gzipPayload(json))).toEqual(json);
  });

  it('stops decompressing at the limit, whatever the file claims', () => {
    expect(codeOf(() => gunzipPayload(gzipPayload(json), 1000))).toBe('too-large');
  });

  it('refuses several gzip members, a wrong checksum and data that is not gzip', () => {
    const gz = gzipPayload(json);
    const two = new Uint8Array([...gz, ...gz]);
    expect(codeOf(() => gunzipPayload(two))).toBe('invalid-payload');
    const badCrc = gz.slice();
    badCrc[badCrc.length - 8] ^= 0xff;
    expect(codeOf(() => gunzipPayload(badCrc))).toBe('invalid-payload');
    expect(codeOf(() => gunzipPayload(new TextEncoder().encode('{"tables":{}} and more bytes')))).toBe('invalid-payload');
    // Any conforming gzip writer will do for other readers and writers, not only ours.
    expect(gunzipPayload(gzipSync(json, { level: 1 }))).toEqual(json);
  });
});

describe('payload validation', () => {
  it('checks the counts the manifest declares and refuses unknown tables', () => {
    const tables = { ...emptyTables(), departments: [stored(department('d1'), stamp(1))] };
    const counts = { offices: 0, departments: 2, leaders: 0, tasks: 0, projects: 0, indicators: 0, progress: 0, indicatorValues: 0 };
    expect(() => validatePayload({ tables }, { counts })).toThrow('清单写明 2 条，实际 1 条');
    expect(() => validatePayload({ tables: { ...tables, secrets: [] } })).toThrow('secrets');
    expect(() => validatePayload({ tables: { departments: [stored(department('d1'), stamp(1)), stored(department('d1'), stamp(2))] } })).toThrow('出现两次');
  });

  it('refuses a record without a required field, with its stamp gone too, after a valid one of the same table', () => {
    const whole = stored(department('d1'), stamp(5));
    const { name: _name, ...rest } = whole;
    const { name: _stamp, ...stamps } = whole._stamps;
    const nameless = { ...rest, id: `${OFFICE}-d2`, _stamps: stamps };
    expect(() => validatePayload({ tables: { departments: [whole, nameless] } })).toThrow(`单位 ${OFFICE}-d2：name`);
    // Without _deleted (required, null when alive) likewise.
    const { _deleted: _d, ...alive } = stored(department('d3'), stamp(5));
    expect(() => validatePayload({ tables: { departments: [whole, alive] } })).toThrow(`单位 ${OFFICE}-d3：_deleted`);
  });

  it('checks the envelope: _updated is the latest stamp and conflict values fit the schema', () => {
    const row = stored(department('d1'), stamp(5));
    expect(() => validatePayload({ tables: { departments: [{ ...row, _updated: stamp(1) }] } })).toThrow('_updated');
    const conflict = { ...row, _conflicts: [{ field: 'kind', values: [{ value: 'bureau', stamp: stamp(2, 'b') }, { value: 'department', stamp: stamp(5) }] }] };
    expect(() => validatePayload({ tables: { departments: [conflict] } })).toThrow('冲突字段 kind');
    expect(() => validatePayload({ tables: { departments: [{ ...row, _secret: 1 }] } })).toThrow('_secret');
  });
});

describe('createBundle / readBundle', () => {
  it('writes a delta with its since stamp and reads it back', async () => {
    const identity = await generateIdentity();
    const bytes = await createBundle({
      records: { departments: [stored(department('d1'), stamp(9))] },
      identity,
      officeCode: OFFICE,
      deviceId: 'laptopA',
      sequence: 2,
      period: '2026-10',
      kind: 'delta',
      since: stamp(5),
      now: new Date('2026-11-01T00:00:00Z'),
    });
    const read = readBundle(bytes);
    expect(read.manifest).toMatchObject({ kind: 'delta', since: stamp(5), sequence: 2 });
    expect(read.manifest.bundleId).toMatch(/^[0-9a-f-]{36}$/);
    expect(read.payload.tables.departments).toHaveLength(1);
    await expect(
      createBundle({ records: {}, identity, officeCode: OFFICE, deviceId: 'laptopA', sequence: 1, period: '2026-10', kind: 'delta', now: new Date() }),
    ).rejects.toThrow('since');
  });
});
