/**
 * The app's side of the bundle fuzzer: the city's real database (fake-indexeddb) importing each
 * case through prepareImport/applyImport, and checking that a refused case left every table, every
 * setting and the audit log exactly as they were, and that an accepted one touched no other
 * office's rows.
 */
import 'fake-indexeddb/auto';
import { isDeepStrictEqual } from 'node:util';
import { LocalDatabase } from '../../renderer/src/db/schema';
import { openLocalDatabase } from '../../renderer/src/app/local-database';
import type { DexieRecordsService } from '../../renderer/src/db/repository';
import { applyImport, prepareImport, saveTrustedKeys } from '../support/exchange';
import { fingerprintOf } from '../../shared/exchange/identity';
import { BUNDLE_TABLES } from '../../shared/exchange/records';
import { boundProblem, CITY, heapGrowthMb, heapUsed, NOW, type FuzzCase, type Outcome, type World } from './fuzz';
import type { TrustEntry } from '../../shared/exchange/trust';
import { BUNDLE_ERROR_CODES } from '../../shared/exchange/errors';

const CHINESE = /[\u4e00-\u9fff]/;
let n = 0;

async function contents(repo: DexieRecordsService) {
  const out: Record<string, unknown> = {};
  for (const t of [...BUNDLE_TABLES, 'settings'] as const) out[t] = await repo.db.table(t).toArray();
  out.audit = await repo.db.audit.count();
  return out;
}

export interface DbReceiver {
  repo: DexieRecordsService;
  run(c: FuzzCase): Promise<Outcome>;
}

export async function makeDbReceiver(w: World): Promise<DbReceiver> {
  n += 1;
  const repo = await openLocalDatabase(new LocalDatabase(`fuzz-${process.pid}-${n}`));
  await repo.loadPlan(w.cityPlan);
  await saveTrustedKeys(
    repo.db,
    await Promise.all(w.trust.map(async (t) => ({ ...t, fingerprint: await fingerprintOf(t.publicKey), addedAt: NOW.toISOString() }))),
  );
  const receiver = { officeCode: CITY, level: 'city' as const };
  const trustList = async (list: readonly TrustEntry[]) =>
    saveTrustedKeys(repo.db, await Promise.all(list.map(async (t) => ({ ...t, fingerprint: await fingerprintOf(t.publicKey), addedAt: NOW.toISOString() }))));
  const first = await prepareImport(repo, receiver, { name: 'first.zwb', data: w.first }, NOW);
  if (first.kind !== 'ready') throw new Error(`the city refused the base bundle: ${first.refusal.message}`);
  await applyImport(repo, first, NOW);

  const runOne = async (c: FuzzCase): Promise<Omit<Outcome, 'heapMb'>> => {
      const start = performance.now();
      try {
        const before = await contents(repo);
        const prepared = await prepareImport(repo, receiver, { name: `${c.name}.zwb`, data: c.bytes }, NOW);
        if (prepared.kind !== 'ready') {
          const { code, message } = prepared.refusal;
          let problem: string | null = null;
          if (!BUNDLE_ERROR_CODES.includes(code)) problem = `unknown refusal code ${code}`;
          else if (!CHINESE.test(message)) problem = `refusal without a Chinese message: ${message}`;
          else if (c.expect.kind === 'accept') problem = `expected acceptance, refused [${code}] ${message}`;
          else if (c.expect.kind === 'refuse' && c.expect.codes && !c.expect.codes.includes(code)) problem = `expected ${c.expect.codes.join('|')}, got [${code}] ${message}`;
          if (!problem && !isDeepStrictEqual(before, await contents(repo))) problem = `the database changed although [${code}] refused the file`;
          return { name: c.name, result: code, problem, ms: performance.now() - start };
        }
        let problem: string | null = c.expect.kind === 'refuse' ? 'accepted a bundle that must be refused' : null;
        const signer = prepared.bundle.manifest.officeCode;
        await applyImport(repo, prepared, NOW);
        const after = await contents(repo);
        for (const t of BUNDLE_TABLES) {
          const owner = t === 'offices' ? 'code' : 'officeCode';
          const others = (rows: unknown) => (rows as Record<string, unknown>[]).filter((r) => r[owner] !== signer);
          if (!problem && !isDeepStrictEqual(others(before[t]), others(after[t]))) problem = `${signer}'s bundle changed another office's ${t}`;
        }
        if (!problem && c.check) {
          const tables = Object.fromEntries(BUNDLE_TABLES.map((t) => [t, after[t]])) as Parameters<NonNullable<FuzzCase['check']>>[0];
          problem = c.check(tables);
        }
        return { name: c.name, result: 'accepted', problem, ms: performance.now() - start };
      } catch (e) {
        return { name: c.name, result: 'CRASH', problem: `crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, ms: performance.now() - start };
      }
  };

  return {
    repo,
    async run(c) {
      // A case with its own trust list (a key registered for two offices) runs under it, then the world's is put back.
      if (c.trust) await trustList(c.trust);
      const heap0 = heapUsed();
      const outcome: Outcome = { ...(await runOne(c)), heapMb: heapGrowthMb(heap0) };
      if (c.trust) await trustList(w.trust);
      outcome.problem ??= boundProblem(outcome);
      return outcome;
    },
  };
}
