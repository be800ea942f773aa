/**
 * Import speed in one Chromium run (issue 29): the page (scripts/bench-page.ts, bundled here with
 * esbuild) is served from a temporary folder with the bundles; every case runs in a new browser
 * context, i.e. a fresh origin storage, and each figure is the median of its runs.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBenchPage } from './bench-build';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/browser';
import { startStaticServer } from './static-server';
import { generateIdentity } from '../shared/exchange/identity';
import { bundleOf, half, LARGE_LIMITS, largeOffice, realisticOffice, recordCount } from './bench-data';
import { median, plain, within, type Figure } from './bench-report';
import type { BenchPage } from './bench-page';

type Result = Record<string, number | string>;
type CaseName = keyof BenchPage;

export interface ImportBenchOptions {
  taskCount: number;
  runs: number;
}

async function buildPage(dir: string): Promise<void> {
  await buildBenchPage('scripts/bench-page.ts', join(dir, 'page.js'), { raise: true });
  mkdirSync(join(dir, 'seeds'));
  copyFileSync('seeds/150600-ordos.json', join(dir, 'seeds/150600-ordos.json'));
}

export async function benchImport(options: ImportBenchOptions): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zwc-bench-'));
  const started = Date.now();
  try {
    await buildPage(dir);
    const identity = await generateIdentity();
    const publicKey = identity.publicKey;
    const large = largeOffice(options.taskCount);
    const real = realisticOffice();
    const files: Record<string, Uint8Array | string> = {
      'large-records.json': JSON.stringify(large),
      'real-records.json': JSON.stringify(real),
      'large-1.zwb': await bundleOf(large, identity, '150627', 'benchLarge', 1, LARGE_LIMITS),
      'large-2.zwb': await bundleOf(large, identity, '150627', 'benchLarge', 2, LARGE_LIMITS),
      'large-half.zwb': await bundleOf(half(large), identity, '150627', 'benchLarge', 1, LARGE_LIMITS),
      'real-1.zwb': await bundleOf(real, identity, '150627', 'benchReal', 1),
      'real-2.zwb': await bundleOf(real, identity, '150627', 'benchReal', 2),
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
    console.log(`import bench: large office ${recordCount(large).toLocaleString()} records, realistic office ${recordCount(real).toLocaleString()} records; data made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const { server, url } = await startStaticServer(dir);
    const browser = await launchChromium();
    try {
      return await cases(browser, url, publicKey, options, recordCount(large));
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runCase<N extends CaseName>(browser: Browser, url: string, name: N, arg: Parameters<BenchPage[N]>): Promise<Result> {
  const context = await browser.newContext(); // its own origin storage: nothing of another case
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'bench ready', undefined, { timeout: 20_000 }).catch((e: unknown) => {
      throw new Error(`bench page did not start: ${errors.join('; ') || String(e)}`);
    });
    return await page.evaluate(([n, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => Promise<Result>> }).bench[n](...a), [name, arg] as [string, unknown[]]);
  } finally {
    await context.close();
  }
}

/** Runs a case `runs` times, each on a fresh origin, and gives the median of every field. */
async function medianOf<N extends CaseName>(browser: Browser, url: string, runs: number, name: N, ...arg: Parameters<BenchPage[N]>): Promise<Record<string, number>> {
  const samples: Result[] = [];
  for (let i = 0; i < runs; i++) samples.push(await runCase(browser, url, name, arg));
  const out: Record<string, number> = {};
  for (const key of Object.keys(samples[0])) {
    const values = samples.map((s) => s[key]);
    if (typeof values[0] === 'number') out[key] = median(values as number[]);
    else if (values.some((v) => v !== values[0])) throw new Error(`${name}: ${key} differs between runs: ${values.join(', ')}`);
  }
  const text = Object.entries(out)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(', ');
  console.log(`  ${name}(${JSON.stringify(arg[0]).slice(0, 60)}): ${text} ms`);
  return out;
}

async function cases(browser: Browser, url: string, publicKey: string, o: ImportBenchOptions, largeCount: number): Promise<Figure[]> {
  const office = { officeCode: '150627', publicKey };
  await runCase(browser, url, 'floor', ['/large-records.json']); // warm-up: browser, disk, page
  const runs = o.runs;
  const floor = (await medianOf(browser, url, runs, 'floor', '/large-records.json')).total;
  const dexie = (await medianOf(browser, url, runs, 'dexie', '/large-records.json')).total;
  const pouch = (await medianOf(browser, url, runs, 'pouchBulk', '/large-records.json')).total;
  const repl = (await medianOf(browser, url, runs, 'pouchReplication', '/large-records.json')).total;
  const empty = await medianOf(browser, url, runs, 'appImport', { before: [], timed: '/large-1.zwb', again: true, after: ['/large-2.zwb'], ...office });
  const halfFull = await medianOf(browser, url, runs, 'appImport', { before: ['/large-half.zwb'], timed: '/large-2.zwb', ...office });
  const allThere = await medianOf(browser, url, runs, 'appImport', { before: ['/large-1.zwb'], timed: '/large-2.zwb', ...office });
  const verify = await medianOf(browser, url, runs, 'verifyVsFloor', '/large-1.zwb', '150627', publicKey);
  const realFloor = (await medianOf(browser, url, runs, 'floor', '/real-records.json')).total;
  const real = await medianOf(browser, url, runs, 'appImport', { before: [], timed: '/real-1.zwb', again: true, after: ['/real-2.zwb'], ...office });
  const realVerify = await medianOf(browser, url, runs, 'verifyVsFloor', '/real-1.zwb', '150627', publicKey);

  const g = `browser import, large office (${largeCount.toLocaleString()} records, bundle limits raised; one Chromium, fresh origin per case, median of ${runs})`;
  const vsFloor = (ms: number) => ({ floor: ms / floor, 'PouchDB repl.': ms / repl });
  const split = (label: string, r: Record<string, number>): Figure[] => [
    plain(g, `  ${label}: verify`, r.verify),
    plain(g, `  ${label}: merge`, r.merge),
    plain(g, `  ${label}: write`, r.write),
  ];
  const total = empty.total;
  return [
    plain(g, 'raw IndexedDB put (the floor)', floor),
    { ...plain(g, 'Dexie bulkPut into the app schema', dexie), ratios: vsFloor(dexie) },
    { ...plain(g, 'PouchDB bulkDocs (new_edits:false)', pouch), ratios: vsFloor(pouch) },
    { ...plain(g, 'PouchDB replication-shaped (revsDiff+bulkDocs+checkpoint)', repl), ratios: vsFloor(repl) },
    {
      group: g,
      name: 'app import into an empty database',
      ms: total,
      ratios: vsFloor(total),
      target: '≤ 1.5× floor, ≤ ⅓ PouchDB repl.',
      met: total <= 1.5 * floor && total * 3 <= repl,
    },
    ...split('empty', empty),
    { ...plain(g, 'app import into a half-full database', halfFull.total), ratios: vsFloor(halfFull.total) },
    ...split('half-full', halfFull),
    { ...plain(g, 'app import, every record already there (unchanged snapshot)', allThere.total), ratios: vsFloor(allThere.total) },
    ...split('all there', allThere),
    { ...within(g, 'the same file again (already imported)', empty.again, 10), ratios: { floor: empty.again / floor } },
    { ...within(g, 'unchanged monthly snapshot, higher sequence', empty.after0, 1000), ratios: { floor: empty.after0 / floor } },
    plain(g, 'verify floor (native gunzip + SHA-256 + Ed25519 + JSON.parse)', verify.floor),
    { group: g, name: 'app verify (nothing stored)', ms: verify.app, ratios: { 'verify floor': verify.app / verify.floor }, target: '≤ 1.5× verify floor', met: verify.app <= 1.5 * verify.floor },
    ...realistic(real, realFloor, realVerify),
  ];
}

function realistic(r: Record<string, number>, floor: number, verify: Record<string, number>): Figure[] {
  const g = 'browser import, realistic office (伊金霍洛旗 plan + a year of monthly reports)';
  return [
    plain(g, 'raw IndexedDB put (the floor)', floor),
    { ...plain(g, 'app import into an empty database', r.total), ratios: { floor: r.total / floor } },
    plain(g, '  verify', r.verify),
    plain(g, '  merge', r.merge),
    plain(g, '  write', r.write),
    within(g, 'the same file again (already imported)', r.again, 10),
    within(g, 'unchanged monthly snapshot, higher sequence', r.after0, 50),
    { group: g, name: 'app verify (nothing stored)', ms: verify.app, ratios: { 'verify floor': verify.app / verify.floor }, target: '≤ 1.5× verify floor', met: verify.app <= 1.5 * verify.floor },
  ];
}
