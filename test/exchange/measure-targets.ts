/**
 * Issue 29's import targets in Node (not a test; run with
 * `npx tsx test/exchange/measure-targets.ts [large-tasks] [runs]`, profile with
 * `node --import tsx --cpu-prof test/exchange/measure-targets.ts`). The offices are the bench's
 * (scripts/bench-data.ts): a realistic one (the seeded 伊金霍洛旗 plan + a year of reports) and the
 * large synthetic one. Prints, each the fastest of `runs` (the machine is shared):
 *  - verify (nothing stored) against its floor: native gunzip + SHA-256 + one Ed25519 verify + JSON.parse
 *  - an unchanged monthly snapshot (same records, higher sequence): prepare + apply, and what it wrote
 *  - an import into an empty database: prepare, apply
 * over the memory storage and Dexie on fake-indexeddb (the large office on memory only unless
 * MEASURE_DEXIE_LARGE=1: fake-indexeddb is far slower than a browser's IndexedDB).
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { RecordsService } from '../../shared/app/records-service';
import { ExchangeService } from '../../shared/app/exchange/exchange-service';
import { TrustService } from '../../shared/app/trust/trust-service';
import { HybridClock } from '../../shared/sync/hlc';
import type { StoragePort } from '../../shared/app/storage';
import { DexieStorage } from '../../renderer/src/db/dexie-storage';
import { LocalDatabase } from '../../renderer/src/db/schema';
import { generateIdentity, verifySignature } from '../../shared/exchange/identity';
import { verifyBundle } from '../../shared/exchange/verify';
import { receiverOf } from '../../shared/exchange/rules';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { sha256Hex } from '../../shared/exchange/bytes';
import { bundleOf, LARGE_LIMITS, largeOffice, realisticOffice, recordCount } from '../../scripts/bench-data';

const OFFICE = '150627';
const RECEIVER = receiverOf('150600');

async function ms<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await fn();
  return [performance.now() - start, out];
}

/** The floor of verify: what any check of a signed, compressed JSON file must at least do. */
async function verifyFloor(data: Uint8Array): Promise<number> {
  const [t] = await ms(async () => {
    const headerLength = new DataView(data.buffer, data.byteOffset).getUint32(4, false);
    const header = JSON.parse(new TextDecoder().decode(data.subarray(8, 8 + headerLength))) as { manifest: Record<string, unknown>; signature: string };
    const payload = data.slice(8 + headerLength);
    await sha256Hex(payload);
    if (!(await verifySignature(String(header.manifest.publicKey), canonicalJsonBytes(header.manifest), header.signature))) throw new Error('signature');
    const inflated = await new Response(new Blob([payload]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
    JSON.parse(new TextDecoder().decode(inflated));
  });
  return t;
}

interface Files {
  name: string;
  count: number;
  first: Uint8Array;
  second: Uint8Array;
  publicKey: string;
  limits?: typeof LARGE_LIMITS;
}

interface Figures {
  verifyFloor: number;
  verify: number;
  emptyPrepare: number;
  emptyApply: number;
  unchanged: number;
  unchangedWrites: number;
}

async function once(files: Files, storage: StoragePort): Promise<Figures> {
  const records = new RecordsService(storage, new HybridClock('city1'));
  const exchange = new ExchangeService(storage, records, () => Promise.reject(new Error('no export here')));
  await new TrustService(storage).trust({ officeCode: OFFICE, publicKey: files.publicKey });
  const trust = [{ officeCode: OFFICE, publicKey: files.publicKey }];
  const floor = await verifyFloor(files.first);
  const [verify, checked] = await ms(() => verifyBundle(files.first, { trust, receiver: RECEIVER, localOwners: async (_t, keys) => keys.map(() => undefined), limits: files.limits }));
  if (!checked.ok) throw new Error(checked.error.message);
  const file = (data: Uint8Array, n: number) => ({ name: `f${n}.zwb`, data });
  const [emptyPrepare, prepared] = await ms(() => exchange.prepareImport(RECEIVER, file(files.first, 1)));
  if (prepared.kind !== 'ready') throw new Error(`not ready: ${JSON.stringify(prepared).slice(0, 300)}`);
  const [emptyApply] = await ms(() => exchange.applyImport(prepared));
  let writes = -1;
  const [unchanged] = await ms(async () => {
    const again = await exchange.prepareImport(RECEIVER, file(files.second, 2));
    if (again.kind !== 'ready') throw new Error(`second not ready: ${JSON.stringify(again).slice(0, 300)}`);
    writes = Object.values(again.writes).flat().length;
    await exchange.applyImport(again);
  });
  return { verifyFloor: floor, verify, emptyPrepare, emptyApply, unchanged, unchangedWrites: writes };
}

async function measure(label: string, files: Files, make: () => StoragePort, runs: number): Promise<void> {
  const all: Figures[] = [];
  for (let i = 0; i < runs; i++) all.push(await once(files, make()));
  const min = (k: keyof Figures) => Math.min(...all.map((f) => f[k])).toFixed(0);
  console.log(
    `${files.name} (${files.count.toLocaleString()} records, ${(files.first.length / 1024).toFixed(0)} KB) on ${label}, fastest of ${runs}: ` +
      `verify ${min('verify')} ms vs floor ${min('verifyFloor')} ms; into empty: prepare ${min('emptyPrepare')} ms, apply ${min('emptyApply')} ms; ` +
      `unchanged snapshot ${min('unchanged')} ms (${all[0].unchangedWrites} records written)`,
  );
}

async function main() {
  const largeTasks = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 3);
  const identity = await generateIdentity();
  const real = realisticOffice();
  const realFiles: Files = {
    name: 'realistic office',
    count: recordCount(real),
    first: await bundleOf(real, identity, OFFICE, 'benchReal', 1),
    second: await bundleOf(real, identity, OFFICE, 'benchReal', 2),
    publicKey: identity.publicKey,
  };
  let n = 0;
  const dexie = () => new DexieStorage(new LocalDatabase(`measure-${process.pid}-${++n}`));
  await measure('memory', realFiles, () => new MemoryStorage(), runs);
  await measure('dexie/fake-indexeddb', realFiles, dexie, runs);
  if (largeTasks <= 0) return;
  const large = largeOffice(largeTasks);
  const largeFiles: Files = {
    name: 'large office',
    count: recordCount(large),
    first: await bundleOf(large, identity, OFFICE, 'benchLarge', 1, LARGE_LIMITS),
    second: await bundleOf(large, identity, OFFICE, 'benchLarge', 2, LARGE_LIMITS),
    publicKey: identity.publicKey,
    limits: LARGE_LIMITS,
  };
  await measure('memory', largeFiles, () => new MemoryStorage(), runs);
  if (process.env.MEASURE_DEXIE_LARGE === '1') await measure('dexie/fake-indexeddb', largeFiles, dexie, 1);
}

void main();
