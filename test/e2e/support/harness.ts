import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { serveBuiltApp } from './app-server';

/** How long one user-visible step may take before the test fails with the locator's own message. */
const STEP_TIMEOUT_MS = 30_000;
const ARTIFACTS = 'test-results';

interface Profile {
  label: string;
  context: BrowserContext;
  page: Page;
  log: string[];
  errors: string[];
}

declare const __zwcTest: { name: string; failed: boolean } | undefined;

export interface E2ESuite {
  /** The built app's address. */
  readonly url: string;
  /**
   * A new browser profile (its own IndexedDB, keys and downloads), closed after the test: every
   * test starts from a fresh machine and leaves nothing behind for the next one.
   */
  profile(label?: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * One browser and one app server per test file; one or more fresh profiles per test. A failed
 * test leaves, for every profile it used, a screenshot and the page's console and errors in
 * test-results/, named after the file and the test. Page errors fail the test that raised them.
 */
export function e2eSuite(testFile: string): E2ESuite {
  let browser: Browser | undefined;
  let app: { url: string; close: () => Promise<void> } | undefined;
  let profiles: Profile[] = [];

  beforeAll(async () => {
    app = await serveBuiltApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    const current = typeof __zwcTest === 'undefined' ? undefined : __zwcTest;
    const errors = profiles.flatMap((p) => p.errors.map((e) => `${p.label}: ${e}`));
    try {
      if (current?.failed || errors.length) await saveArtifacts(testFile, current?.name ?? 'unknown', profiles);
    } finally {
      const closing = profiles;
      profiles = [];
      for (const p of closing) await p.context.close().catch(() => undefined);
    }
    expect(errors).toEqual([]);
  });

  return {
    get url() {
      if (!app) throw new Error('app server not started');
      return app.url;
    },
    async profile(label = `profile-${profiles.length + 1}`, viewport = { width: 1440, height: 900 }) {
      if (!browser) throw new Error('browser not started');
      // Reduced motion, as a clerk may set it: dialogs appear at once. With antd's zoom-in a click could
      // pass Playwright's stability check while the dialog sat still before zooming, then miss it.
      const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
      context.setDefaultTimeout(STEP_TIMEOUT_MS);
      const page = await context.newPage();
      // ZWC_E2E_CPU_SLOWDOWN=6: the page runs six times slower (as on a slow laptop or a busy CI machine),
      // to bring out the races such a machine shows. Off unless set.
      const slowdown = Number(process.env.ZWC_E2E_CPU_SLOWDOWN ?? 1);
      if (slowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      const p: Profile = { label, context, page, log: [], errors: [] };
      const stamp = () => new Date().toISOString().slice(11, 23);
      page.on('console', (m) => p.log.push(`${stamp()} console.${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => {
        p.errors.push(e.message);
        p.log.push(`${stamp()} pageerror: ${e.stack ?? e.message}`);
      });
      page.on('requestfailed', (r) => p.log.push(`${stamp()} requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
      profiles.push(p);
      return page;
    },
  };
}

function slug(text: string): string {
  return text.replace(/[\\/:*?"<>|\s›]+/g, '-').replace(/-+/g, '-').slice(0, 120);
}

async function saveArtifacts(testFile: string, testName: string, profiles: Profile[]): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const base = join(ARTIFACTS, `${basename(testFile).replace(/\.e2e\.ts$/, '')}--${slug(testName)}`);
  for (const p of profiles) {
    const name = `${base}--${p.label}`;
    await p.page.screenshot({ path: `${name}.png`, fullPage: true, timeout: 10_000 }).catch((e: unknown) => p.log.push(`screenshot failed: ${String(e)}`));
    writeFileSync(`${name}.log`, [`test: ${testName}`, `page: ${p.page.url()}`, '', ...p.log, ''].join('\n'));
  }
  console.warn(`[e2e] 失败现场 / failure artifacts: ${base}--*.png, *.log`);
}
