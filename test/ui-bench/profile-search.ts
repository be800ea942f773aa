/**
 * Where a search keystroke's time goes on 任务清单 with `count` synthetic tasks: the same set-up and keystroke as
 * scripts/bench-browser.ts, with Chromium's CPU profile around the keystroke, summed by function (self and total time).
 * `flock /tmp/zwc-browser.lock npx tsx test/ui-bench/profile-search.ts [dist dir] [tasks] [word] [which keystroke, 0 = first]`
 * (an unminified build reads best: `npx vite build --minify false --outDir /tmp/zwc-prof-dist`).
 */
import { writeFileSync } from 'node:fs';
import { withTaskListPage } from '../../scripts/bench-tasks';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

async function main() {
  const dir = process.argv[2] ?? 'dist/renderer';
  const count = Number(process.argv[3] ?? 10_000);
  const word = process.argv[4] ?? '秸秆';
  const profiled = Number(process.argv[5] ?? 0);
  await withTaskListPage(dir, count, async (page) => {
    await page.reload();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="task-count"]')?.textContent) >= n, count);
    await page.locator('.ant-table-row').first().waitFor();
    const search = page.getByLabel('搜索任务');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const times: number[] = [];
    let profile: Profile | undefined;
    for (let i = 0; i < 3; i++) {
      const before = await page.getByTestId('task-visible-count').textContent();
      if (i === profiled) await cdp.send('Profiler.start');
      const t0 = Date.now();
      await search.fill(word);
      await page.waitForFunction((b) => document.querySelector('[data-testid="task-visible-count"]')?.textContent !== b, before);
      times.push(Date.now() - t0);
      if (i === profiled) profile = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
      const narrowed = await page.getByTestId('task-visible-count').textContent();
      await search.fill('');
      await page.waitForFunction((b) => document.querySelector('[data-testid="task-visible-count"]')?.textContent !== b, narrowed);
    }
    console.log(`keystroke to narrowed list (ms): ${times.join(', ')}`);
    if (profile) {
      writeFileSync('/tmp/zwc-search.cpuprofile', JSON.stringify(profile));
      summarise(profile);
    }
  });
}

function summarise(p: Profile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    const n = byId.get(id)!;
    self.set(label(n), (self.get(label(n)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  });
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${l}`).join('\n');
  console.log('--- self time\n' + top(self, 30));
  console.log('--- total time\n' + top(total, 45));
}

void main();
