/**
 * verifyBundle's stages in Chromium (not a test): `flock /tmp/zwc-browser.lock npx tsx
 * test/exchange/run-verify-stages.ts [tasks] [reps]`. Builds verify-stages-page.ts, serves the large
 * synthetic office's bundle and the realistic office's, and prints each repetition's figures.
 * With PROFILE=prefix, each office's run is also recorded by Chromium's profiler (prefix-large.zwb.cpuprofile …).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBenchPage } from '../../scripts/bench-build';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumExecutable, launchChromium } from '../e2e/support/browser';
import { startStaticServer } from '../../scripts/static-server';
import { generateIdentity } from '../../shared/exchange/identity';
import { bundleOf, LARGE_LIMITS, largeOffice, realisticOffice } from '../../scripts/bench-data';

async function main() {
  const tasks = Number(process.argv[2] ?? 10_000);
  const reps = Number(process.argv[3] ?? 4);
  const dir = mkdtempSync(join(tmpdir(), 'zwc-stages-'));
  try {
    await buildBenchPage('test/exchange/verify-stages-page.ts', join(dir, 'page.js'), { title: 'stages' });
    const identity = await generateIdentity();
    writeFileSync(join(dir, 'large.zwb'), await bundleOf(largeOffice(tasks), identity, '150627', 'benchLarge', 1, LARGE_LIMITS));
    writeFileSync(join(dir, 'real.zwb'), await bundleOf(realisticOffice(), identity, '150627', 'benchReal', 1));
    const { server, url } = await startStaticServer(dir);
    // JSFLAGS: V8 flags for the page (e.g. --trace-deopt), printed with DEBUG=pw:browser.
    const browser = process.env.JSFLAGS
      ? await chromium.launch({ executablePath: chromiumExecutable(), args: [...CHROMIUM_ARGS, `--js-flags=${process.env.JSFLAGS}`], headless: true })
      : await launchChromium();
    try {
      for (const file of ['/large.zwb', '/real.zwb']) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForFunction(() => document.title === 'stages ready');
        const profile = process.env.PROFILE ? await context.newCDPSession(page) : undefined;
        if (profile) {
          await profile.send('Profiler.enable');
          await profile.send('Profiler.setSamplingInterval', { interval: 200 });
          await profile.send('Profiler.start');
        }
        const rows = await page.evaluate(
          ([f, k, n, l]) => (window as unknown as { stages: (...a: unknown[]) => Promise<Record<string, number>[]> }).stages(f, '150627', k, n, l),
          [file, identity.publicKey, reps, LARGE_LIMITS] as const,
        );
        if (profile && process.env.PROFILE) writeFileSync(`${process.env.PROFILE}-${file.slice(1)}.cpuprofile`, JSON.stringify((await profile.send('Profiler.stop')).profile));
        console.log(file);
        for (const r of rows) console.log('  ' + JSON.stringify(r));
        await context.close();
        // As the bench: a fresh page, one warm-up of the app and the floor, then one timed app verify (profiled with PROFILE).
        const fresh = await browser.newContext();
        const second = await fresh.newPage();
        second.on('console', (m) => console.log(m.text()));
        await second.goto(url);
        await second.waitForFunction(() => document.title === 'stages ready');
        type Page = { prepare: (...a: unknown[]) => Promise<void>; timed: () => Promise<number> };
        await second.evaluate(([f, k, l]) => (window as unknown as Page).prepare(f, '150627', k, l), [file, identity.publicKey, LARGE_LIMITS] as const);
        const cdp = process.env.PROFILE ? await fresh.newCDPSession(second) : undefined;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 20 });
          await cdp.send('Profiler.start');
        }
        const ms = await second.evaluate(() => (window as unknown as Page).timed());
        for (let k = 0; k < Number(process.env.AGAIN ?? 0); k++) console.log(`  again: ${(await second.evaluate(() => (window as unknown as Page).timed())).toFixed(1)} ms`);
        if (cdp && process.env.PROFILE) writeFileSync(`${process.env.PROFILE}-timed-${file.slice(1)}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
        console.log(`  after one warm-up: app ${ms.toFixed(1)} ms`);
        await fresh.close();
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
