/**
 * A Chromium trace of 任务清单 from the reload that shows `count` synthetic tasks to the first search keystroke's
 * narrowed list (the set-up and keystroke of scripts/bench-browser.ts): every main-thread task of 5 ms or more, with
 * when it ran relative to the keystroke and what it spent its time in.
 * `flock /tmp/zwc-browser.lock npx tsx test/ui-bench/trace-search.ts [dist dir] [tasks]`
 */
import { readFileSync } from 'node:fs';
import { withTaskListPage } from '../../scripts/bench-tasks';

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: Record<string, unknown> } }

async function main() {
  const dir = process.argv[2] ?? 'dist/renderer';
  const count = Number(process.argv[3] ?? 10_000);
  await withTaskListPage(dir, count, async (page, browser) => {
    const path = '/tmp/zwc-search-trace.json';
    await browser.startTracing(page, { path, categories: ['devtools.timeline', 'blink.user_timing', 'v8', 'disabled-by-default-devtools.timeline'] });
    await page.reload();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-count"]')?.textContent) >= n, count);
    await page.locator('.ant-table-row').first().waitFor();
    await page.evaluate(() => performance.mark('zwc-list-shown'));
    const search = page.getByLabel('搜索任务');
    const before = await page.getByTestId('task-visible-count').textContent();
    const t0 = Date.now();
    await page.evaluate(() => performance.mark('zwc-keystroke'));
    await search.fill('秸秆');
    await page.waitForFunction((b) => document.querySelector('[data-testid="task-visible-count"]')?.textContent !== b, before);
    const ms = Date.now() - t0;
    await page.evaluate(() => performance.mark('zwc-narrowed'));
    await new Promise((r) => setTimeout(r, 500));
    await browser.stopTracing();
    console.log(`keystroke to narrowed list: ${ms} ms`);
    report(JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] });
  });
}

function report({ traceEvents: ev }: { traceEvents: TraceEvent[] }) {
  const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ev.some((m) => m.pid === e.pid && m.name === 'zwc-keystroke'));
  if (!main) return console.log('no renderer main thread found');
  const on = ev.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  const mark = (n: string) => on.find((e) => e.name === n)?.ts ?? ev.find((e) => e.name === n)?.ts ?? 0;
  const k = mark('zwc-keystroke');
  console.log(`list shown at ${((mark('zwc-list-shown') - k) / 1000).toFixed(0)} ms, narrowed seen at ${((mark('zwc-narrowed') - k) / 1000).toFixed(0)} ms (relative to the keystroke)`);
  const tasks = on.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur ?? 0) >= 5000 && e.ts >= mark('zwc-list-shown') - 2_000_000);
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    const inside = on.filter((e) => e.ph === 'X' && e.ts >= t.ts && e.ts < end && e !== t);
    const by = new Map<string, number>();
    for (const e of inside) {
      const d = e.args?.data;
      const what = e.name === 'FunctionCall' && d ? `FunctionCall ${String(d.functionName || '?')} ${String(d.url ?? '').split('/').pop()}:${String(d.lineNumber ?? '')}` : e.name === 'EventDispatch' && d ? `EventDispatch ${String(d.type)}` : e.name;
      by.set(what, (by.get(what) ?? 0) + (e.dur ?? 0));
    }
    const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([w, d]) => `${w} ${(d / 1000).toFixed(1)}`).join(' | ');
    console.log(`${((t.ts - k) / 1000).toFixed(0).padStart(6)} ms  ${((t.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${top}`);
  }
}

void main();
