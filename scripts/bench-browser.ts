import { launchChromium } from '../test/e2e/support/browser';
import { serveBuiltApp } from '../test/e2e/support/app-server';
import { addSyntheticTasks, startSeeded } from './bench-tasks';

/**
 * Start-up (a reload to 工作总览 on the seeded plan), then the task list in a real Chromium with
 * `count` synthetic tasks added to the seeded plan: time to show it after a reload, time for a search keystroke to narrow it, and frame times while scrolling.
 */
export async function benchBrowser(count: number): Promise<{ name: string; ms: number; target: number }[]> {
  const app = await serveBuiltApp();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await startSeeded(page, app.url);
    // Start-up: a reload of the seeded plan until 工作总览 shows its figures (median of 5).
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s0 = Date.now();
      await page.reload();
      await page.getByRole('heading', { name: '工作总览' }).waitFor();
      starts.push(Date.now() - s0);
    }
    starts.sort((a, b) => a - b);
    const startMs = starts[2];
    await addSyntheticTasks(page, count);
    const start = Date.now();
    await page.goto(`${app.url}#/tasks`);
    await page.reload();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-count"]')?.textContent) >= n, count);
    await page.locator('.ant-table-row').first().waitFor();
    const showMs = Date.now() - start;

    const search = page.getByLabel('搜索任务');
    const before = await page.getByTestId('task-visible-count').textContent();
    const t0 = Date.now();
    await search.fill('秸秆');
    await page.waitForFunction((b) => document.querySelector('[data-testid="task-visible-count"]')?.textContent !== b, before);
    const searchMs = Date.now() - t0;
    await search.fill('');

    const frames = await page.evaluate(async () => {
      const body = document.querySelector('.ant-table-tbody-virtual-holder') ?? document.querySelector('.ant-table-body');
      if (!body) return [] as number[];
      const deltas: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 60; i++) {
        body.scrollTop += 400;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    });
    frames.sort((a, b) => a - b);
    const p95 = frames.length ? frames[Math.floor(frames.length * 0.95)] : NaN;
    return [
      { name: 'browser: reload to 工作总览 (seeded plan)', ms: startMs, target: 1500 },
      { name: `browser: show ${count.toLocaleString()} tasks after reload`, ms: showMs, target: 3000 },
      { name: 'browser: search keystroke to narrowed list', ms: searchMs, target: 300 },
      { name: 'browser: scroll frame time, 95th percentile', ms: p95, target: 50 },
    ];
  } finally {
    await browser.close();
    await app.close();
  }
}
