import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { expectSaved, openMenu, setUpDefaultOffice } from './support/ui';
import { defaultReportingPeriod, formatPeriodZh, shiftPeriod } from '../../shared/domain/time';

/**
 * A record opened from a page comes back to that page: a task or project opened on 月度调度,
 * 工作总览 or a department's page shows over it, and closing it (×, Esc, the back button) leaves
 * the page as it was. 下一项 goes on to the department's next unreported item, and 完成进度 starts
 * at last month's figure. Each test starts on a fresh laptop with the default plan (伊金霍洛旗),
 * at 1366×768.
 */
const suite = e2eSuite(__filename);
const VIEWPORT = { width: 1366, height: 768 };

async function freshOffice(): Promise<Page> {
  const page = await suite.profile('clerk', VIEWPORT);
  await setUpDefaultOffice(page, suite.url);
  return page;
}

const hash = (page: Page) => page.evaluate(() => window.location.hash);
const drawerTitle = (page: Page) => page.getByTestId('task-drawer-title');
const activePanels = (page: Page) => page.locator('.ant-collapse-item-active');
const confirmTitle = (page: Page, text: string) => page.locator('.ant-modal-confirm-title', { hasText: text });
/** The × of the drawer on top. */
const closeTopDrawer = (page: Page) => page.locator('.ant-drawer-open .ant-drawer-close').last().click();

/** 月度调度 with one department opened: the panel, and the name of its first task. */
async function openDepartment(page: Page, nth: number): Promise<{ panel: ReturnType<Page['locator']>; name: string }> {
  await openMenu(page, '月度调度');
  const panel = page.locator('.ant-collapse-item').nth(nth);
  await panel.getByTestId('department-panel').click();
  const item = panel.getByTestId('monthly-item').first();
  return { panel, name: (await item.textContent()) ?? '' };
}

describe('round trips (Chromium, 1366×768)', () => {
  it('月度调度: a task opens over the page; × and the back button leave 月度调度 with its department open and scrolled where it was', async () => {
    const page = await freshOffice();
    const { panel } = await openDepartment(page, 3);
    // A task further down: the page is scrolled to it.
    const item = panel.getByTestId('monthly-item').last();
    const name = (await item.textContent()) ?? '';
    await item.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);

    await item.click();
    await drawerTitle(page).waitFor();
    expect(await hash(page)).toMatch(/^#\/monthly\?task=/);
    expect(await page.getByRole('menuitem', { name: '月度调度' }).getAttribute('class')).toContain('ant-menu-item-selected');
    await page.screenshot({ path: 'test-results/round-trips-monthly-drawer.png' });

    await closeTopDrawer(page);
    await drawerTitle(page).waitFor({ state: 'detached' });
    expect(await hash(page)).toBe('#/monthly');
    await page.locator('.ant-collapse-item').nth(3).and(activePanels(page)).getByText(name).waitFor();
    expect(await activePanels(page).count()).toBe(1);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);

    // The back button closes the drawer, and only the drawer.
    await item.click();
    await drawerTitle(page).waitFor();
    await page.evaluate(() => history.back());
    await drawerTitle(page).waitFor({ state: 'detached' });
    expect(await hash(page)).toBe('#/monthly');
    await page.locator('.ant-collapse-item').nth(3).and(activePanels(page)).getByText(name).waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    // Once more: the page the clerk came from (工作总览, the start page).
    await page.evaluate(() => history.back());
    await page.getByText('报送率').first().waitFor();
    expect(await page.getByRole('menuitem', { name: '工作总览' }).getAttribute('class')).toContain('ant-menu-item-selected');
  });

  it('月度调度: unsaved typing in the drawer is asked about once, on × and on the back button', async () => {
    const page = await freshOffice();
    const { panel } = await openDepartment(page, 1);
    await panel.getByTestId('monthly-item').first().click();
    await drawerTitle(page).waitFor();
    await page.getByLabel('本月进展').fill('写了一半的进展');

    await closeTopDrawer(page);
    await page.getByRole('button', { name: '继续填写' }).click();
    await confirmTitle(page, '有尚未保存的内容').waitFor({ state: 'detached' });
    expect(await page.getByLabel('本月进展').inputValue()).toBe('写了一半的进展');

    await page.evaluate(() => history.back());
    await page.getByRole('button', { name: '继续填写' }).click();
    await confirmTitle(page, '有尚未保存的内容').waitFor({ state: 'detached' });
    expect(await page.getByLabel('本月进展').inputValue()).toBe('写了一半的进展');
    expect(await hash(page)).toMatch(/^#\/monthly\?task=/);

    await closeTopDrawer(page);
    await page.getByRole('button', { name: '放弃修改' }).click();
    await drawerTitle(page).waitFor({ state: 'detached' });
    expect(await hash(page)).toBe('#/monthly');
    // Leaving the drawer's address asked nothing a second time.
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    await page.locator('.ant-collapse-item').nth(1).and(activePanels(page)).waitFor();
  });

  it('月度调度: after saving, 下一项 goes on to the same department\'s next unreported task; closing returns to 月度调度', async () => {
    const page = await freshOffice();
    const { panel } = await openDepartment(page, 0);
    const names = await panel.getByTestId('monthly-item').allTextContents();
    expect(names.length).toBeGreaterThan(2);
    await panel.getByTestId('monthly-item').first().click();
    const first = (await drawerTitle(page).textContent()) ?? '';
    await page.getByLabel('本月进展').fill('已完成方案起草');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await expectSaved(page, '已保存');

    await page.getByTestId('drawer-next').click();
    await page.waitForFunction((t) => document.querySelector('[data-testid="task-drawer-title"]')?.textContent !== t, first);
    const second = (await drawerTitle(page).textContent()) ?? '';
    expect(names[1]).toContain(second);
    // The next task's form is its own, not the one just saved.
    expect(await page.getByLabel('本月进展').inputValue()).toBe('');
    await page.getByTestId('drawer-next').click();
    await page.waitForFunction((t) => document.querySelector('[data-testid="task-drawer-title"]')?.textContent !== t, second);
    expect(names[2]).toContain((await drawerTitle(page).textContent()) ?? '');

    await closeTopDrawer(page);
    await drawerTitle(page).waitFor({ state: 'detached' });
    expect(await hash(page)).toBe('#/monthly');
    await page.locator('.ant-collapse-item').first().and(activePanels(page)).waitFor();
    await page.evaluate(() => history.back());
    await page.getByText('报送率').first().waitFor();
  });

  it('完成进度 starts at last month\'s figure', async () => {
    const page = await freshOffice();
    const { panel, name } = await openDepartment(page, 0);
    await panel.getByTestId('monthly-item').first().click();
    await drawerTitle(page).waitFor();
    expect(await page.getByLabel('完成进度', { exact: true }).inputValue()).toBe('0');
    // Last month's report, written in this drawer.
    const lastMonth = shiftPeriod(defaultReportingPeriod(), -1);
    const month = page.getByTestId('progress-form').getByLabel('月份');
    await month.click();
    await month.fill(lastMonth);
    await month.press('Enter');
    await page.getByLabel('完成进度', { exact: true }).fill('40');
    await page.getByLabel('本月进展').fill('完成调研');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await expectSaved(page, `已保存 ${formatPeriodZh(lastMonth)}进展`);
    await closeTopDrawer(page);
    await drawerTitle(page).waitFor({ state: 'detached' });

    await panel.getByTestId('monthly-item').filter({ hasText: name }).click();
    await drawerTitle(page).waitFor();
    expect(await page.getByLabel('完成进度', { exact: true }).inputValue()).toBe('40');
    expect(await page.getByLabel('本月进展').inputValue()).toBe('');
  });

  it('单位与领导: a task opened from a department shows over it; closing it leaves the department open', async () => {
    const page = await freshOffice();
    await openMenu(page, '单位与领导');
    await page.locator('.ant-table-row a').first().click();
    const department = page.locator('.ant-drawer-open').first();
    const departmentName = (await department.locator('.ant-drawer-title').textContent()) ?? '';
    await department.locator('.ant-list-item a').first().click();
    await drawerTitle(page).waitFor();
    expect(await hash(page)).toMatch(/^#\/directory\?task=/);
    await page.screenshot({ path: 'test-results/round-trips-directory-drawer.png' });
    await closeTopDrawer(page);
    await drawerTitle(page).waitFor({ state: 'detached' });
    expect(await page.locator('.ant-drawer-open .ant-drawer-title').textContent()).toBe(departmentName);
    expect(await hash(page)).toBe('#/directory');
  });

  it('工作总览: a project opened there shows over 工作总览 and closes back to it', async () => {
    const page = await freshOffice();
    const link = page.getByTestId('dashboard-projects-overdue').or(page.getByTestId('dashboard-projects-at-risk')).locator('.ant-list-item a').first();
    const name = (await link.textContent()) ?? '';
    await link.click();
    await page.getByTestId('project-drawer-title').filter({ hasText: name }).waitFor();
    expect(await hash(page)).toMatch(/^#\/dashboard\?project=/);
    await page.screenshot({ path: 'test-results/round-trips-dashboard-drawer.png' });
    await page.evaluate(() => history.back());
    await page.getByTestId('project-drawer-title').waitFor({ state: 'detached' });
    expect(await page.getByRole('menuitem', { name: '工作总览' }).getAttribute('class')).toContain('ant-menu-item-selected');
  });
});
