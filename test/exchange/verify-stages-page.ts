/**
 * A measuring page (not a test): verifyBundle against its floor in one Chromium page, both warmed
 * once, then the verify's stages timed one by one. Built and driven by run-verify-stages.ts.
 */
import { verifyFloor } from '../../scripts/bench-page-parts';
import { verifyBundle } from '../../shared/exchange/verify';
import { checkNoForeignRecords, checkStampsNotFuture, receiverOf } from '../../shared/exchange/rules';
import { checkRecordsBelongTo, decodeContainer, inflatePayload, parseManifest, validatePayload } from '../../shared/exchange/bundle-format';
import { JsonLimitScanner, limitsWith, type BundleLimits } from '../../shared/exchange/limits';
import { concatBytes } from '../../shared/exchange/bytes';

const now = () => performance.now();


async function inflateChunks(gz: Uint8Array): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(c) {
      for (let i = 0; i < gz.length; i += 16384) c.enqueue(gz.slice(i, i + 16384));
      c.close();
    },
  });
  const r = input.pipeThrough(new DecompressionStream('gzip')).getReader();
  for (;;) {
    const { done, value } = await r.read();
    if (done) break;
    out.push(value);
  }
  return out;
}

async function stages(path: string, officeCode: string, publicKey: string, reps: number, limitOverrides: Partial<BundleLimits>): Promise<Record<string, number>[]> {
  const data = new Uint8Array(await (await fetch(path)).arrayBuffer());
  const limits = limitsWith(limitOverrides);
  const ctx = { trust: [{ officeCode, publicKey }], receiver: receiverOf('150600'), localOwners: async (_t: unknown, keys: readonly string[]) => keys.map(() => undefined), now: new Date(), limits: limitOverrides };
  const out: Record<string, number>[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const t: Record<string, number> = {};
    let s = now();
    const lap = (k: string) => {
      const n = now();
      t[k] = Math.round(n - s);
      s = n;
    };
    const r = await verifyBundle(data, ctx);
    if (!r.ok) throw new Error(r.error.message);
    lap('app');
    await verifyFloor(data);
    lap('floor');
    const { header, payload: gz } = decodeContainer(data);
    const manifest = parseManifest(header.manifest);
    lap('container');
    await inflatePayload(gz, limits);
    lap('inflatePayload');
    const chunks = await inflateChunks(gz);
    lap('inflate');
    const scanner = new JsonLimitScanner(limits);
    for (const c of chunks) scanner.push(c);
    scanner.finish();
    lap('scan');
    const all = concatBytes(chunks);
    lap('concat');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(all);
    lap('decodeFatal');
    new TextDecoder().decode(all);
    lap('decodeLoose');
    const json: unknown = JSON.parse(text);
    lap('parse');
    const p = validatePayload(json, manifest, limits);
    lap('validate');
    checkRecordsBelongTo(p, officeCode);
    lap('belong');
    await checkNoForeignRecords(p, officeCode, ctx.localOwners);
    lap('foreign');
    checkStampsNotFuture(p, undefined, new Date());
    lap('future');
    out.push(t);
  }
  return out;
}

/** As the bench does it: one untimed app verify and floor, then `timed` runs the app's verify once. */
let prepared: (() => Promise<number>) | undefined;
async function prepare(path: string, officeCode: string, publicKey: string, limitOverrides: Partial<BundleLimits>): Promise<void> {
  const data = new Uint8Array(await (await fetch(path)).arrayBuffer());
  const ctx = { trust: [{ officeCode, publicKey }], receiver: receiverOf('150600'), localOwners: async (_t: unknown, keys: readonly string[]) => keys.map(() => undefined), now: new Date(), limits: limitOverrides };
  const app = async () => {
    const t0 = now();
    const r = await verifyBundle(data, ctx);
    if (!r.ok) throw new Error(r.error.message);
    return now() - t0;
  };
  await app();
  await verifyFloor(data);
  prepared = app;
}
async function timed(): Promise<number> {
  if (!prepared) throw new Error('prepare first');
  performance.clearMarks();
  const ms = await prepared();
  const marks = performance.getEntriesByType('mark');
  console.log(marks.map((m, i) => `${m.name} +${(m.startTime - (i ? marks[i - 1].startTime : m.startTime)).toFixed(2)}`).join('\n'));
  return ms;
}

(globalThis as unknown as { stages: typeof stages; prepare: typeof prepare; timed: typeof timed }).stages = stages;
(globalThis as unknown as { prepare: typeof prepare }).prepare = prepare;
(globalThis as unknown as { timed: typeof timed }).timed = timed;
document.title = 'stages ready';
