/**
 * Where the app's import write goes (issue 29), in Chromium, fresh origin per case, medians:
 * `flock /tmp/zwc-browser.lock npx tsx scripts/bench-write.ts [tasks] [runs] [cases]`.
 * Cases: floor, dexie, parts (clone / bulkPut / audit row), app (applyImport: work / commit).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBenchPage } from './bench-build';
import { launchChromium } from '../test/e2e/support/browser';
import { startStaticServer } from './static-server';
import { generateIdentity } from '../shared/exchange/identity';
import { bundleOf, LARGE_LIMITS, largeOffice } from './bench-data';
import { median } from './bench-report';
import type { WriteBenchPage } from './bench-write-page';

type Result = Record<string, number>;

async function main() {
  const taskCount = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 3);
  const wanted = (process.argv[4] ?? 'floor,dexie,parts,app').split(',');
  // BENCH_AB=<another checkout>: every case alternates between that checkout's page (A) and this one's (B).
  const roots = [...(process.env.BENCH_AB ? [process.env.BENCH_AB] : []), '.'];
  const dir = mkdtempSync(join(tmpdir(), 'zwc-bench-write-'));
  try {
    for (const [i, root] of roots.entries()) {
      await buildBenchPage(join(root, 'scripts/bench-write-page.ts'), join(dir, `page${i}.js`), { raise: true, html: `index${i}.html` });
    }
    mkdirSync(join(dir, 'seeds'));
    copyFileSync('seeds/150600-ordos.json', join(dir, 'seeds/150600-ordos.json'));
    const identity = await generateIdentity();
    const large = largeOffice(taskCount);
    writeFileSync(join(dir, 'large-records.json'), JSON.stringify(large));
    writeFileSync(join(dir, 'large-1.zwb'), await bundleOf(large, identity, '150627', 'benchLarge', 1, LARGE_LIMITS));
    const { server, url } = await startStaticServer(dir);
    const browser = await launchChromium();
    try {
      const one = async <N extends keyof WriteBenchPage>(name: N, args: Parameters<WriteBenchPage[N]>, page = roots.length - 1): Promise<Result> => {
        const context = await browser.newContext();
        try {
          const tab = await context.newPage();
          const errors: string[] = [];
          tab.on('pageerror', (e) => errors.push(e.message));
          await tab.goto(new URL(`index${page}.html`, url).href);
          await tab.waitForFunction(() => document.title === 'bench ready', undefined, { timeout: 20_000 }).catch((e: unknown) => {
            throw new Error(`page ${page}: ${errors.join('; ') || String(e)}`);
          });
          // PROFILE=prefix: each case also recorded by Chromium's profiler (prefix-<case>.cpuprofile).
          const cdp = process.env.PROFILE ? await context.newCDPSession(tab) : undefined;
          if (cdp) {
            await cdp.send('Profiler.enable');
            await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
            await cdp.send('Profiler.start');
          }
          const result = await tab.evaluate(([n, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => Promise<Result>> }).bench[n](...a), [name, args] as [string, unknown[]]);
          if (cdp) writeFileSync(`${process.env.PROFILE}-${name}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
          return result;
        } finally {
          await context.close();
        }
      };
      const med = async <N extends keyof WriteBenchPage>(name: N, ...args: Parameters<WriteBenchPage[N]>) => {
        const samples: Result[][] = roots.map(() => []);
        for (let i = 0; i < runs; i++) for (const p of roots.keys()) samples[p].push(await one(name, args, p));
        for (const [p, root] of roots.entries()) {
          const text = Object.keys(samples[p][0])
            .map((k) => `${k} ${median(samples[p].map((s) => s[k])).toFixed(0)} [${samples[p].map((s) => s[k].toFixed(0)).join(' ')}]`)
            .join(', ');
          console.log(`${name}${roots.length > 1 ? ` (${root})` : ''}: ${text} ms`);
        }
      };
      await one('floor', ['/large-records.json']); // warm-up
      if (wanted.includes('floor')) await med('floor', '/large-records.json');
      if (wanted.includes('dexie')) await med('dexie', '/large-records.json');
      if (wanted.includes('parts')) await med('parts', '/large-records.json');
      for (const v of ['app', 'noUpdated', 'keysOnly']) if (wanted.includes(`schema-${v}`)) await med('schema', '/large-records.json', v);
      if (wanted.includes('schemas')) await med('schemas', '/large-records.json');
      if (wanted.includes('app')) await med('appWrite', '/large-1.zwb', '150627', identity.publicKey);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
