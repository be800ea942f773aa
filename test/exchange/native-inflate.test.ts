import { DecompressionStream } from 'node:stream/web';
import { gzipSync } from 'fflate';
import { gunzipPayload, gzipPayload, inflatePayload, type DecompressionStreamClass } from '../../shared/exchange/bundle-format';
import { concatBytes } from '../../shared/exchange/bytes';
import { BundleError } from '../../shared/exchange/errors';
import { limitsWith } from '../../shared/exchange/limits';

/** The payload inflated by the platform's DecompressionStream, with the same limits and refusals as the fflate path. */
const NATIVE = DecompressionStream as unknown as DecompressionStreamClass;
const json = (text: string) => new TextEncoder().encode(text);
const payload = json(JSON.stringify({ tables: { tasks: Array.from({ length: 2000 }, (_, i) => ({ id: `150627-t-${i}`, title: '任务'.repeat(5) })) } }));

async function refusal(p: Promise<unknown>): Promise<BundleError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof BundleError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

describe('inflatePayload on the native DecompressionStream', () => {
  it('gives the same bytes as the fflate path', async () => {
    const gz = gzipPayload(payload);
    expect(await inflatePayload(gz, limitsWith({}), NATIVE)).toEqual(gunzipPayload(gz));
  });

  it('refuses a payload past the decompressed byte limit while inflating (a gzip bomb)', async () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024).fill(0x20), { level: 9 });
    const e = await refusal(inflatePayload(bomb, limitsWith({ maxPayloadBytes: 1024 * 1024 }), NATIVE));
    expect(e.code).toBe('too-large');
  });

  it('refuses a payload whose gzip trailer states more than the limit before inflating it, and one that understates it while inflating', async () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024).fill(0x20), { level: 9 });
    const limits = limitsWith({ maxPayloadBytes: 1024 * 1024 });
    const stated = await refusal(inflatePayload(bomb, limits, NATIVE));
    expect(stated.message).toContain('声明解压后有 64 MB');
    expect(() => gunzipPayload(bomb, limits)).toThrow(/声明解压后有 64 MB/);
    // The trailer lies (1 KB): the limit still stops it as it comes out.
    const lying = bomb.slice();
    new DataView(lying.buffer).setUint32(lying.length - 4, 1024, true);
    for (const e of [await refusal(inflatePayload(lying, limits, NATIVE)), await refusal(Promise.resolve().then(() => gunzipPayload(lying, limits)))]) {
      expect(e.code).toBe('too-large');
      expect(e.message).toContain('解压后超过 1 MB');
    }
  });

  it('refuses a trailer one byte short or long of the output, within the limit (the output is collected into a buffer of the stated length)', async () => {
    const gz = gzipPayload(payload);
    for (const delta of [-1, 1, -payload.length + 10]) {
      const off = gz.slice();
      new DataView(off.buffer).setUint32(off.length - 4, payload.length + delta, true);
      const e = await refusal(inflatePayload(off, limitsWith({}), NATIVE));
      expect(e.code).toBe('invalid-payload');
      expect(e.message).toContain('无法解压');
    }
  });

  it('takes a trailer claiming more than deflate can produce for damage, not size', async () => {
    const damaged = gzipPayload(payload).slice();
    new DataView(damaged.buffer).setUint32(damaged.length - 4, 0xfffffff0, true);
    expect((await refusal(inflatePayload(damaged, limitsWith({}), NATIVE))).code).toBe('invalid-payload');
    expect((await refusal(Promise.resolve().then(() => gunzipPayload(damaged, limitsWith({}))))).code).toBe('invalid-payload');
  });

  it('refuses JSON past the nesting limit as it comes out', async () => {
    const deep = gzipPayload(json('['.repeat(200) + ']'.repeat(200)));
    const e = await refusal(inflatePayload(deep, limitsWith({}), NATIVE));
    expect(e.code).toBe('over-limit');
  });

  it('refuses a damaged checksum, a second gzip member and bytes that are not gzip', async () => {
    const gz = gzipPayload(payload);
    const bad = gz.slice();
    bad[bad.length - 6] ^= 0xff; // CRC-32 in the trailer
    expect((await refusal(inflatePayload(bad, limitsWith({}), NATIVE))).code).toBe('invalid-payload');
    const two = concatBytes([gzipPayload(json('{"tables":')), gzipPayload(json('{}}'))]);
    expect((await refusal(inflatePayload(two, limitsWith({}), NATIVE))).code).toBe('invalid-payload');
    expect((await refusal(inflatePayload(json('not gzip at all, certainly'), limitsWith({}), NATIVE))).code).toBe('invalid-payload');
  });

  it('falls back to fflate where the platform has no DecompressionStream', async () => {
    const gz = gzipPayload(payload);
    expect(await inflatePayload(gz, limitsWith({}), undefined)).toEqual(gunzipPayload(gz));
  });
});
