import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/browser';
import { startStaticServer } from './static-server';
import { syntheticDepartments, syntheticTasks } from '../test/support/synthetic';
import { stampAll } from '../shared/sync/stamped';
import { formatStamp } from '../shared/sync/hlc';

/** Starts the app at `url` on the seeded plan (开始使用) and waits until it shows the office. */
export async function startSeeded(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByTestId('office-name').waitFor();
}

/**
 * Adds `count` synthetic tasks (and their 40 departments) to the seeded plan, written straight into
 * the page's IndexedDB in one transaction: the bench's and its tools' large task list.
 */
export async function addSyntheticTasks(page: Page, count: number): Promise<void> {
  const departments = syntheticDepartments('150627', 40);
  const stamp = formatStamp(Date.now(), 0, 'bench');
  const tasks = syntheticTasks('150627', count, departments).map((t) => stampAll(t, stamp));
  const deps = departments.map((d) => stampAll(d, stamp));
  await page.evaluate(
    ({ tasks, deps }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('zero-waste-ledger');
        open.onsuccess = () => {
          const tx = open.result.transaction(['tasks', 'departments'], 'readwrite');
          for (const t of tasks) tx.objectStore('tasks').put(t);
          for (const d of deps) tx.objectStore('departments').put(d);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { tasks, deps },
  );
}

/**
 * The set-up of the task-list measuring tools (test/ui-bench): the built renderer in `dir` served,
 * Chromium, a 1440×900 page on the seeded plan with `count` synthetic tasks, gone to 任务清单; all
 * closed once `measure` is done.
 */
export async function withTaskListPage(dir: string, count: number, measure: (page: Page, browser: Browser, url: string) => Promise<void>): Promise<void> {
  const { server, url } = await startStaticServer(dir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await startSeeded(page, url);
    await addSyntheticTasks(page, count);
    await page.goto(`${url}#/tasks`);
    await measure(page, browser, url);
  } finally {
    await browser.close();
    await new Promise<void>((ok) => (server as Server).close(() => ok()));
  }
}
