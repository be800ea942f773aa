/**
 * A/B of the realistic office's verify against its floor (not a test), in one Chromium:
 * `flock /tmp/zwc-browser.lock npx tsx test/exchange/run-verify-ab.ts BASE_DIR [pairs] [tasks]`.
 * BASE_DIR is a copy of the project to compare with (e.g. `git archive HEAD | tar -x -C DIR`, with
 * node_modules linked in); B is this working tree. Each pair runs A then B (then B then A in the
 * next pair), each on a fresh browser context, as the bench's verifyVsFloor does; medians printed.
 * With tasks > 0 the large synthetic office is compared as well.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBenchPage } from '../../scripts/bench-build';
import { launchChromium } from '../e2e/support/browser';
import { startStaticServer } from '../../scripts/static-server';
import { generateIdentity } from '../../shared/exchange/identity';
import { bundleOf, LARGE_LIMITS, largeOffice, realisticOffice } from '../../scripts/bench-data';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** CPU time on each Chromium renderer's main thread so far (ns), by pid, from /proc/<pid>/schedstat. */
function rendererCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (!readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      out.set(Number(d), Number(readFileSync(`/proc/${d}/schedstat`, 'utf8').split(' ')[0]));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
/** The largest main-thread CPU time any renderer spent between two readings (ms): the page's. */
function cpuSince(before: Map<number, number>): number {
  let most = 0;
  for (const [pid, ns] of rendererCpu()) most = Math.max(most, ns - (before.get(pid) ?? ns));
  return most / 1e6;
}

async function main() {
  const base = resolve(process.argv[2] ?? '');
  const pairs = Number(process.argv[3] ?? 6);
  const tasks = Number(process.argv[4] ?? 0);
  const dir = mkdtempSync(join(tmpdir(), 'zwc-ab-'));
  try {
    for (const [name, root] of [['a', base], ['b', process.cwd()]] as const) {
      mkdirSync(join(dir, name));
      copyFileSync('test/exchange/verify-ab-page.ts', join(root, 'test/exchange/verify-ab-page.ts'));
      await buildBenchPage(join(root, 'test/exchange/verify-ab-page.ts'), join(dir, name, 'page.js'), { raise: true, title: 'ab' });
    }
    const identity = await generateIdentity();
    const files = ['real.zwb'];
    writeFileSync(join(dir, 'real.zwb'), await bundleOf(realisticOffice(), identity, '150627', 'benchReal', 1));
    if (tasks > 0) {
      writeFileSync(join(dir, 'large.zwb'), await bundleOf(largeOffice(tasks), identity, '150627', 'benchLarge', 1, LARGE_LIMITS));
      files.push('large.zwb');
    }
    const { server, url } = await startStaticServer(dir);
    const browser = await launchChromium();
    try {
      for (const file of files) {
        const got: Record<string, { app: number[]; floor: number[]; ratio: number[] }> = { a: { app: [], floor: [], ratio: [] }, b: { app: [], floor: [], ratio: [] } };
        for (let p = 0; p < pairs; p++) {
          for (const name of p % 2 ? ['b', 'a'] : ['a', 'b']) {
            const context = await browser.newContext();
            const page = await context.newPage();
            page.on('console', (m) => {
              if (m.text().startsWith('MARKS ')) console.log(`${name} ${m.text()}`);
            });
            await page.goto(`${url}${name}/index.html`);
            await page.waitForFunction(() => document.title === 'ab ready');
            if (process.env.CPU) {
              // CPU=1: the page's main-thread CPU time for each of three app and floor verifies after the warm-up
              // (each on its own call, so the figure is the verify's and not the machine's other load).
              type OncePage = { prepareOnce: (f: string, o: string, k: string) => Promise<void>; runOnce: (w: string) => Promise<number> };
              await page.evaluate(([f, k]) => (window as unknown as OncePage).prepareOnce(f, '150627', k), [`/${file}`, identity.publicKey] as const);
              const cpu: Record<string, number[]> = { app: [], floor: [] };
              const cdp = process.env.PROFILE ? await context.newCDPSession(page) : undefined;
              if (cdp) {
                await cdp.send('Profiler.enable');
                await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
                await cdp.send('Profiler.start');
              }
              for (let round = 0; round < 3; round++) {
                for (const which of ['app', 'floor']) {
                  const before = rendererCpu();
                  await page.evaluate((w) => (window as unknown as OncePage).runOnce(w), which);
                  cpu[which].push(cpuSince(before));
                }
              }
              if (cdp) writeFileSync(`${process.env.PROFILE}-${file}-${name}-${p}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
              await context.close();
              const app = median(cpu.app);
              const floor = median(cpu.floor);
              got[name].app.push(app);
              got[name].floor.push(floor);
              got[name].ratio.push(app / floor);
              console.log(`${file} ${name}: cpu app ${app.toFixed(1)} (${cpu.app.map((x) => x.toFixed(1)).join(' ')}) floor ${floor.toFixed(1)} ratio ${(app / floor).toFixed(2)}`);
              continue;
            }
            type Page = { verifyVsFloor: (f: string, o: string, k: string, split?: boolean) => Promise<Record<string, number>>; rounds: () => Promise<Record<string, number>> };
            const profiling = process.env.PROFILE;
            let r = await page.evaluate(([f, k, s]) => (window as unknown as Page).verifyVsFloor(f, '150627', k, s), [`/${file}`, identity.publicKey, !!profiling] as const);
            if (profiling) {
              // PROFILE=prefix: the three timed rounds recorded by Chromium's profiler (prefix-<file>-<build>-<pair>.cpuprofile).
              const cdp = await context.newCDPSession(page);
              await cdp.send('Profiler.enable');
              await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
              await cdp.send('Profiler.start');
              r = await page.evaluate(() => (window as unknown as Page).rounds());
              writeFileSync(`${profiling}-${file}-${name}-${p}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
            }
            await context.close();
            got[name].app.push(r.app);
            got[name].floor.push(r.floor);
            got[name].ratio.push(r.app / r.floor);
            console.log(`${file} ${name}: app ${r.app.toFixed(1)} (${[r.app0, r.app1, r.app2].map((x) => x.toFixed(1)).join(' ')}) floor ${r.floor.toFixed(1)} ratio ${(r.app / r.floor).toFixed(2)}`);
          }
        }
        for (const name of ['a', 'b']) {
          const g = got[name];
          console.log(
            `${file} ${name.toUpperCase()}: app median ${median(g.app).toFixed(1)} ms, floor ${median(g.floor).toFixed(1)} ms, ratio median ${median(g.ratio).toFixed(2)} (${Math.min(...g.ratio).toFixed(2)}–${Math.max(...g.ratio).toFixed(2)})`,
          );
        }
      }
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
