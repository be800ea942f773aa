/**
 * verifyBundle alone on the large synthetic office, repeated (not a test): for profiling with
 * `node --import tsx --cpu-prof test/exchange/profile-verify.ts [tasks] [runs]`.
 */
import { performance } from 'node:perf_hooks';
import { generateIdentity } from '../../shared/exchange/identity';
import { verifyBundle } from '../../shared/exchange/verify';
import { receiverOf } from '../../shared/exchange/rules';
import { bundleOf, LARGE_LIMITS, largeOffice } from '../../scripts/bench-data';

async function main() {
  const tasks = Number(process.argv[2] ?? 2000);
  const runs = Number(process.argv[3] ?? 5);
  const identity = await generateIdentity();
  const data = await bundleOf(largeOffice(tasks), identity, '150627', 'benchLarge', 1, LARGE_LIMITS);
  const trust = [{ officeCode: '150627', publicKey: identity.publicKey }];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await verifyBundle(data, { trust, receiver: receiverOf('150600'), localOwners: async (_t, keys) => keys.map(() => undefined), limits: LARGE_LIMITS });
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
  }
  console.log(`verify: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
}

void main();
