/**
 * `npm run fuzz`: the bundle fuzzer of issue 9 at full size, with figures.
 *
 *   npx tsx scripts/fuzz-bundles.ts [--cases 10000] [--db 1000] [--files 600] [--seed 9]
 *
 * --cases mutated bundles go through the command line's path (verify + merge, test/exchange/fuzz.ts);
 * --db more through the app's import on a fake-indexeddb database (test/exchange/fuzz-db.ts), which
 * must be unchanged after every refusal; --files returned forms and files (test/exchange/fuzz-files.ts:
 * tampered seals, zip differentials, row bombs, FIFOs, control characters). Every case must keep
 * its bound (CASE_BOUNDS: 2 s, 300 MB of heap growth). Prints cases, refusals by reason, outcomes by
 * mutation, the slowest case, the largest heap growth of a case and the peak memory; exits 1 if any
 * case crashed, broke a rule or a bound.
 */
import { getHeapStatistics } from 'node:v8';
import { CASE_BOUNDS, makeCase, makeWorld, runPure, type Outcome } from '../test/exchange/fuzz';
import { makeDbReceiver } from '../test/exchange/fuzz-db';
import { makeFileCase, makeFileWorld, runFile } from '../test/exchange/fuzz-files';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v < 0) throw new Error(`--${name} must be a whole number`);
  return v;
}

function table(title: string, rows: [string, number][]): void {
  console.log(`\n${title}`);
  for (const [k, n] of rows.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) console.log(`  ${k.padEnd(34)} ${String(n).padStart(7)}`);
}

function count(outcomes: Outcome[], key: (o: Outcome) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const o of outcomes) m.set(key(o), (m.get(key(o)) ?? 0) + 1);
  return [...m];
}

async function main(): Promise<number> {
  const cases = option('cases', 10_000);
  const dbCases = option('db', 1_000);
  const fileCases = option('files', 600);
  const seed = option('seed', 9);
  let peakRss = process.memoryUsage().rss;
  let peakHeap = getHeapStatistics().used_heap_size;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();

  const world = await makeWorld();
  const outcomes: (Outcome & { path: 'zwc' | 'app' | 'forms' })[] = [];
  for (let i = 0; i < cases; i++) {
    outcomes.push({ ...(await runPure(world, await makeCase(world, seed, i))), path: 'zwc' });
    sample();
    if ((i + 1) % 1000 === 0) process.stderr.write(`  ${i + 1}/${cases} (verify + merge)\n`);
  }
  if (dbCases) {
    const db = await makeDbReceiver(world);
    for (let i = 0; i < dbCases; i++) {
      outcomes.push({ ...(await db.run(await makeCase(world, seed + 1, i, i + 2))), path: 'app' });
      sample();
      if ((i + 1) % 250 === 0) process.stderr.write(`  ${i + 1}/${dbCases} (app database)\n`);
    }
  }
  if (fileCases) {
    const files = await makeFileWorld();
    for (let i = 0; i < fileCases; i++) {
      outcomes.push({ ...(await runFile(files, await makeFileCase(files, seed, i))), path: 'forms' });
      sample();
      if ((i + 1) % 200 === 0) process.stderr.write(`  ${i + 1}/${fileCases} (returned forms and files)\n`);
    }
  }
  clearInterval(timer);
  sample();

  const total = outcomes.length;
  // A returned form read (its rows previewed) is the files' acceptance.
  const isAccepted = (o: Outcome) => o.result === 'accepted' || o.result === ('read' as Outcome['result']);
  const accepted = outcomes.filter(isAccepted).length;
  const failures = outcomes.filter((o) => o.problem);
  const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);

  const heaviest = outcomes.reduce((a, b) => (b.heapMb > a.heapMb ? b : a));
  console.log(`bundle and form fuzz, seed ${seed}: ${total} cases (${cases} through verify + merge as zwc merge does, ${dbCases} through the app's import on a database, ${fileCases} returned forms and files)`);
  console.log(`accepted ${accepted}, refused ${total - accepted - outcomes.filter((o) => o.result === 'CRASH').length}, crashed ${outcomes.filter((o) => o.result === 'CRASH').length}, rule broken ${failures.length}`);
  table('refusals by reason', count(outcomes.filter((o) => !isAccepted(o)), (o) => o.result));
  table('cases by mutation', count(outcomes, (o) => o.name));
  console.log(`\nslowest case: ${slowest.name} (${slowest.path}) ${slowest.ms.toFixed(1)} ms → ${slowest.result}`);
  console.log(`median ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms, 99th percentile ${ms[Math.floor(ms.length * 0.99)].toFixed(1)} ms per case`);
  console.log(`largest heap growth of one case: ${heaviest.name} (${heaviest.path}) ${heaviest.heapMb.toFixed(0)} MB`);
  console.log(`bounds per case: ${CASE_BOUNDS.ms} ms and ${CASE_BOUNDS.heapMb} MB of heap growth; broken: ${outcomes.filter((o) => o.ms > CASE_BOUNDS.ms || o.heapMb > CASE_BOUNDS.heapMb).length}`);
  console.log(`peak memory: heap ${(peakHeap / 1024 / 1024).toFixed(0)} MB, rss ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(`total time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const f of failures.slice(0, 20)) console.log(`FAILED ${f.name} (${f.path}) → ${f.result}: ${f.problem}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
