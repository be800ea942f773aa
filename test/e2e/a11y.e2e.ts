import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { expectSaved, openMenu, setUpDefaultOffice } from './support/ui';

/**
 * Every page at 1366×768 (a common office laptop): an axe-core check with no serious or critical
 * violations, nothing essential off-screen, and a task edited from the keyboard alone.
 */
const suite = e2eSuite(__filename);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.ZWC_A11Y_SHOTS;

const PAGES: { menu: string; ready: (page: Page) => Promise<unknown> }[] = [
  { menu: '工作总览', ready: (p) => p.getByText('报送率').first().waitFor() },
  { menu: '任务清单', ready: (p) => p.getByTestId('task-title').first().waitFor() },
  { menu: '项目清单', ready: (p) => p.getByTestId('project-title').first().waitFor() },
  { menu: '指标体系', ready: (p) => p.locator('[data-testid^="value-"]').first().waitFor() },
  { menu: '月度调度', ready: (p) => p.getByText('月度调度').first().waitFor() },
  { menu: '单位与领导', ready: (p) => p.getByRole('table').first().waitFor() },
  { menu: '数据交换', ready: (p) => p.getByTestId('export-bundle').waitFor() },
  { menu: '回收站', ready: (p) => p.getByText('回收站').first().waitFor() },
];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  // The app's CSP (script-src 'self') refuses inline <script> tags, as it should: axe's source is
  // evaluated through the browser's DevTools protocol instead, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE}\n;void 0`);
  const result = (await page.evaluate(() => (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }))) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}), ${v.nodes.length} 处，如 ${v.nodes.slice(0, 3).map((n) => (n as { failureSummary?: string }).failureSummary + " @ " + n.target.join(' ')).join(' | ')}`);
}

async function freshOffice(): Promise<Page> {
  const page = await suite.profile('clerk', { width: 1366, height: 768 });
  await setUpDefaultOffice(page, suite.url);
  return page;
}

/** True when the element lies wholly inside the window. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
  });
}

describe('every page at 1366×768 (Chromium)', () => {
  it('has no serious or critical axe-core violations on any page', async () => {
    const page = await freshOffice();
    const found: string[] = [];
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    for (const p of PAGES) {
      await openMenu(page, p.menu);
      await p.ready(page);
      for (const v of await axeViolations(page)) found.push(`${p.menu}: ${v}`);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${p.menu}.png` });
    }
    await openMenu(page, '任务清单');
    await page.getByTestId('task-title').first().click();
    await page.getByTestId('task-drawer-title').waitFor();
    // Colours are measured once the drawer has finished sliding and fading in.
    await page.locator('.ant-drawer-content-wrapper').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await page.locator('.ant-drawer-mask').evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    for (const v of await axeViolations(page)) found.push(`任务详情: ${v}`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/任务详情.png` });
    expect(found).toEqual([]);
  });

  it('shows the 进度 and 状态 columns and the table scrollbar inside the window', async () => {
    const page = await freshOffice();
    await openMenu(page, '任务清单');
    await page.getByTestId('task-title').first().waitFor();
    expect(await onScreen(page, '.ant-table-thead th:has-text("进度")')).toBe(true);
    expect(await onScreen(page, '.ant-table-thead th:has-text("状态")')).toBe(true);
    expect(await onScreen(page, '.ant-table-tbody .ant-tag')).toBe(true);
    // The table ends (with its horizontal scrollbar) above the bottom of the window.
    const bottom = await page.locator('.ant-table').first().evaluate((el) => el.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(768);
  });

  it('shows the 指标体系 达标情况 column and a reason in full inside the window', async () => {
    const page = await freshOffice();
    await openMenu(page, '指标体系');
    await page.getByTestId('value-1').click();
    await page.getByLabel('实际值').fill('95');
    await page.getByTestId('attainment-preview').waitFor();
    await page.getByTestId('indicator-value-form').getByRole('button', { name: '保存' }).click();
    await page.getByTestId('indicator-value-form').waitFor({ state: 'detached' });
    const reason = '[data-testid="attainment-1"] [data-testid="attainment-reason"]';
    await page.locator(reason).filter({ hasText: '95' }).waitFor();
    expect(await onScreen(page, '.ant-table-thead th:has-text("达标情况")')).toBe(true);
    expect(await onScreen(page, '.ant-table-thead th:has-text("年实际")')).toBe(true);
    expect(await onScreen(page, reason)).toBe(true);
    // Wrapped, not cut off: nothing of the text lies beyond the element's box.
    expect(await page.locator(reason).evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true);
  });

  it('a task can be opened, edited, saved, closed and undone with the keyboard alone', async () => {
    const page = await freshOffice();
    await openMenu(page, '任务清单');
    await page.getByTestId('task-title').first().waitFor();
    await page.getByLabel('搜索任务').focus();
    // Tab from the search box reaches a task row's title.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'task-title');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('task-drawer-title').waitFor();
    await page.getByLabel('本月进展').focus();
    await page.keyboard.type('键盘填报的进展');
    await page.keyboard.press('Tab');
    await page.getByLabel('完成进度', { exact: true }).focus();
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await page.getByTestId('progress-history').getByText('键盘填报的进展').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('task-drawer-title').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await expectSaved(page, '已撤销');
  });
});
