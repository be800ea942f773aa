import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { expectSaved, numberOf, openMenu, setUpDefaultOffice, undoFromNote } from './support/ui';

/**
 * The list pages remember how the clerk left them, 月度调度 reports 本月无新进展 for several tasks
 * and projects at once, and the browser's back button asks before unsaved typing is lost. Each test starts on a
 * fresh laptop with the default plan (伊金霍洛旗).
 */
const suite = e2eSuite(__filename);

async function freshOffice(): Promise<Page> {
  const page = await suite.profile('clerk');
  await setUpDefaultOffice(page, suite.url);
  return page;
}

const titleHeader = (page: Page) => page.locator('.ant-table-thead th.ant-table-column-has-sorters', { hasText: /^任务$/ });
const firstTitle = async (page: Page) => (await page.getByTestId('task-title').first().textContent()) ?? '';
// 序号 ascending is how the list opens; 任务 descending is a sort the clerk chose.
const sortedByTitle = (page: Page) => page.locator('.ant-table-thead th[aria-sort="descending"]', { hasText: /^任务$/ }).waitFor();
const confirmTitle = (page: Page, text: string) => page.locator('.ant-modal-confirm-title', { hasText: text });

describe('conveniences (Chromium)', () => {
  it('keeps the task list sorted and searched when the clerk goes to another page and back, and after a reload', async () => {
    const page = await freshOffice();
    await openMenu(page, '任务清单');
    const byNumber = await firstTitle(page);
    await titleHeader(page).click();
    await page.locator('.ant-table-thead th[aria-sort="ascending"]', { hasText: /^任务$/ }).waitFor();
    await titleHeader(page).click();
    await sortedByTitle(page);
    await page.waitForFunction((before) => document.querySelector('[data-testid="task-title"]')?.textContent !== before, byNumber);
    const byTitle = await firstTitle(page);
    await page.getByLabel('搜索任务').fill('废物');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="task-visible-count"]')?.textContent) < 83);
    const visible = await numberOf(page, 'task-visible-count');

    await openMenu(page, '项目清单');
    await page.getByTestId('project-title').first().waitFor();
    await openMenu(page, '任务清单');
    await sortedByTitle(page);
    expect(await page.getByLabel('搜索任务').inputValue()).toBe('废物');
    expect(await numberOf(page, 'task-visible-count')).toBe(visible);

    await page.getByLabel('搜索任务').fill('');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '83');
    expect(await firstTitle(page)).toBe(byTitle);
    await page.reload();
    await sortedByTitle(page);
    expect(await firstTitle(page)).toBe(byTitle);
  });

  it('月度调度: 本月无新进展 for two chosen tasks in one step, shown as reported, undone together', async () => {
    const page = await freshOffice();
    await openMenu(page, '月度调度');
    await page.getByText('已报送（0）').waitFor();
    const panel = page.locator('.ant-collapse-item').first();
    await panel.getByTestId('department-panel').click();
    const boxes = panel.locator('.ant-table-tbody input.ant-checkbox-input:not([disabled])');
    const rows = panel.locator('.ant-table-tbody tr.ant-table-row').filter({ has: page.locator('input.ant-checkbox-input:not([disabled])') });
    const names = [(await rows.nth(0).getByTestId('monthly-item').textContent()) ?? '', (await rows.nth(1).getByTestId('monthly-item').textContent()) ?? ''];
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('no-progress-bulk').filter({ hasText: '已选 2 项' }).click();
    await confirmTitle(page, '为 2 项任务报送“本月无新进展”？').waitFor();
    await page.getByRole('button', { name: '报送 2 项' }).click();
    await expectSaved(page, '已报送 2 项任务');

    await page.getByText('已报送（2）').click();
    for (const name of names) {
      const row = page.locator('tr.ant-table-row', { hasText: name }).first();
      await row.getByTestId('monthly-reported').filter({ hasText: '本月无新进展' }).waitFor();
    }

    await undoFromNote(page, '已报送 2 项任务');
    await page.getByText('已报送（0）').waitFor();
    await page.getByText(/还没有报送的进展/).waitFor();
  });

  it('月度调度: 本月无新进展 for a project the clerk ticks', async () => {
    const page = await freshOffice();
    await openMenu(page, '月度调度');
    await page.getByText('已报送（0）').waitFor();
    const panel = page.locator('.ant-collapse-item', { has: page.getByTestId('department-panel').filter({ hasText: '神东布尔台煤矿' }) });
    await panel.getByTestId('department-panel').click();
    await panel.getByTestId('monthly-item').filter({ hasText: /^项目 1 / }).waitFor();
    await panel.locator('.ant-table-tbody input.ant-checkbox-input').check();
    await page.getByTestId('no-progress-bulk').filter({ hasText: '已选 1 项' }).click();
    await confirmTitle(page, '为 1 个项目报送“本月无新进展”？').waitFor();
    await page.getByRole('button', { name: '报送 1 项' }).click();
    await expectSaved(page, '已报送 1 个项目');
    await page.getByText('已报送（1）').click();
    await page.locator('tr.ant-table-row', { hasText: '项目 1 ' }).getByTestId('monthly-reported').filter({ hasText: '本月无新进展' }).waitFor();
  });

  it('月度调度 keeps its opened department when the clerk opens a task and comes back', async () => {
    const page = await freshOffice();
    await openMenu(page, '月度调度');
    const second = page.locator('.ant-collapse-item').nth(1);
    await second.getByTestId('department-panel').click();
    const item = second.getByTestId('monthly-item').first();
    const name = (await item.textContent()) ?? '';
    await item.click();
    await page.getByTestId('task-drawer-title').waitFor();
    await page.evaluate(() => history.back());
    await page.getByText('月度调度 ·').waitFor();
    await page.locator('.ant-collapse-item').nth(1).and(page.locator('.ant-collapse-item-active')).getByText(name).waitFor();
    expect(await page.locator('.ant-collapse-item-active').count()).toBe(1);
  });

  it('the browser back button asks before a half-typed progress report is lost', async () => {
    const page = await freshOffice();
    await openMenu(page, '任务清单');
    await page.getByTestId('task-title').first().click();
    await page.getByTestId('task-drawer-title').waitFor();
    await page.getByLabel('本月进展').fill('写了一半的进展');

    await page.evaluate(() => history.back());
    await confirmTitle(page, '有尚未保存的内容').waitFor();
    await page.getByRole('button', { name: '继续填写' }).click();
    await confirmTitle(page, '有尚未保存的内容').waitFor({ state: 'detached' });
    expect(await page.getByLabel('本月进展').inputValue()).toBe('写了一半的进展');
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/tasks\?task=/);

    // Back closes the drawer (its address is one step of the history) and stays on 任务清单.
    await page.evaluate(() => history.back());
    await page.getByRole('button', { name: '放弃修改' }).click();
    await page.getByTestId('task-drawer-title').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.location.hash)).toBe('#/tasks');
    expect(await page.getByRole('menuitem', { name: '任务清单' }).getAttribute('class')).toContain('ant-menu-item-selected');
  });
});
