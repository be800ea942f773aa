/**
 * The first search keystroke after 任务清单 shows `count` synthetic tasks, `runs` times (a reload before each): the
 * bench's figure (scripts/bench-browser.ts: Playwright's fill to the changed count, wall clock) and the part inside
 * the page (the input event to the first frame after the count changed), each as a median.
 * `flock /tmp/zwc-browser.lock npx tsx test/ui-bench/first-keystroke.ts [dist dir] [tasks] [runs]`
 */
import { median } from '../../scripts/bench-report';
import { withTaskListPage } from '../../scripts/bench-tasks';

declare global {
  interface Window {
    __zwcKeystroke?: Promise<number>;
    __zwcFrames?: string[];
  }
}

async function main() {
  const dir = process.argv[2] ?? 'dist/renderer';
  const count = Number(process.argv[3] ?? 10_000);
  const runs = Number(process.argv[4] ?? 7);
  await withTaskListPage(dir, count, async (page) => {
    const wall: number[] = [];
    const inPage: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.reload();
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-count"]')?.textContent) >= n, count);
      await page.locator('.ant-table-row').first().waitFor();
      await page.evaluate(() => {
        // What ran in the long frames (Long Animation Frames) while the keystroke waited, for a slow run.
        window.__zwcFrames = [];
        let typed = Infinity;
        document.addEventListener('input', () => (typed = performance.now()), { capture: true, once: true });
        new PerformanceObserver((list) => {
          for (const f of list.getEntries() as (PerformanceEntry & { scripts?: { invoker: string; duration: number; sourceFunctionName: string }[] })[]) {
            if (f.startTime + f.duration < typed - 100) continue;
            const scripts = (f.scripts ?? []).map((x) => `${x.invoker}${x.sourceFunctionName ? ` ${x.sourceFunctionName}` : ''} ${x.duration.toFixed(0)}`).join('; ');
            window.__zwcFrames?.push(`${(f.startTime - typed).toFixed(0)}+${f.duration.toFixed(0)}: ${scripts}`);
          }
        }).observe({ type: 'long-animation-frame', buffered: true });
        window.__zwcKeystroke = new Promise<number>((resolve) => {
          const shown = document.querySelector('[data-testid="task-visible-count"]');
          const before = shown?.textContent;
          document.addEventListener(
            'input',
            () => {
              const t0 = performance.now();
              const seen = new MutationObserver(() => {
                if (document.querySelector('[data-testid="task-visible-count"]')?.textContent === before) return;
                seen.disconnect();
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
              });
              seen.observe(document.body, { subtree: true, childList: true, characterData: true });
            },
            { capture: true, once: true },
          );
        });
      });
      const search = page.getByLabel('搜索任务');
      const before = await page.getByTestId('task-visible-count').textContent();
      const t0 = Date.now();
      await search.fill('秸秆');
      await page.waitForFunction((b) => document.querySelector('[data-testid="task-visible-count"]')?.textContent !== b, before);
      wall.push(Date.now() - t0);
      inPage.push(await page.evaluate(() => window.__zwcKeystroke ?? Promise.resolve(NaN)));
      if (process.env.ZWC_FRAMES) console.log(`run ${i}: ${wall[i]} / ${inPage[i].toFixed(0)} ms\n  ${(await page.evaluate(() => window.__zwcFrames ?? [])).join('\n  ')}`);
      await search.fill('');
    }
    console.log(`first keystroke, bench's way (fill to changed count): median ${median(wall)} ms  runs: ${wall.join(', ')}`);
    console.log(`first keystroke, in the page (input event to the frame after): median ${median(inPage).toFixed(0)} ms  runs: ${inPage.map((v) => v.toFixed(0)).join(', ')}`);
  });
}

void main();
