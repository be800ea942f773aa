import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { serveBuiltApp } from './support/app-server';
import { choose, closeTaskDrawer, expectSaved, numberOf, openMenu, pickByTyping, setUpDefaultOffice, textOf, undoFromNote } from './support/ui';

let browser: Browser;
let app: { url: string; close: () => Promise<void> };
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  app = await serveBuiltApp();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await setUpDefaultOffice(page, app.url);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});
// Each test answers for the page errors raised during it, so one error does not fail every later test.
afterEach(() => expect(errors.splice(0)).toEqual([]));

async function openFirstTask(): Promise<string> {
  await openMenu(page, '任务清单');
  const first = page.getByTestId('task-title').first();
  const title = (await first.textContent()) ?? '';
  await first.click();
  await page.getByTestId('task-drawer-title').waitFor();
  return title;
}

const closeDrawer = () => closeTaskDrawer(page);

describe('keeping the 伊金霍洛旗 plan current (Chromium)', () => {
  it('filters and searches the task list as the clerk types', async () => {
    await openMenu(page, '任务清单');
    const total = await numberOf(page, 'task-count');
    expect(total).toBe(83);
    await page.getByLabel('搜索任务').fill('危险废物');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="task-visible-count"]')?.textContent) < 83);
    const hits = await numberOf(page, 'task-visible-count');
    expect(hits).toBeGreaterThan(0);
    await page.getByLabel('搜索任务').fill('');
    await choose(page, '按领域筛选', '危险废物');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="task-visible-count"]')?.textContent) === 20);
    await page.keyboard.press('Escape');
    await page.locator('.ant-select[aria-label="按领域筛选"]').hover();
    await page.locator('.ant-select-clear').first().click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="task-visible-count"]')?.textContent) === 83);
  });

  it('edits a task and finds it under its new title', async () => {
    await openFirstTask();
    await page.getByRole('tab', { name: '基本信息' }).click();
    await page.getByLabel('任务名称').fill('测试：修改后的任务名称');
    await page.getByTestId('task-editor').getByRole('button', { name: '保存修改' }).click();
    await expectSaved(page, '修改任务');
    await expect(textOf(page, 'task-drawer-title')).resolves.toBe('测试：修改后的任务名称');
    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.getByTestId('audit-trail').getByText('测试：修改后的任务名称').waitFor();
    await closeDrawer();
    await page.getByLabel('搜索任务').fill('修改后的任务名称');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
    await page.getByLabel('搜索任务').fill('');
  });

  it('records monthly progress, shows it in the history, and undoes it', async () => {
    await openFirstTask();
    await page.getByLabel('本月进展').fill('完成全旗尾矿库现场核查');
    await page.getByLabel('完成进度').fill('40');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await expectSaved(page, '进展');
    await page.getByTestId('progress-history').getByText('完成全旗尾矿库现场核查').waitFor();
    await undoFromNote(page, '进展');
    await page.getByTestId('progress-history').waitFor({ state: 'detached' });
    await page.getByLabel('本月进展').fill('召开推进会，明确责任分工');
    await page.getByLabel('完成进度').fill('35');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await page.getByTestId('progress-history').getByText('召开推进会，明确责任分工').waitFor();
    // the saved report stays in the form, marked as already reported, for correction
    await page.getByTestId('progress-already-reported').waitFor();
    await expect(page.getByLabel('本月进展').inputValue()).resolves.toBe('召开推进会，明确责任分工');
    await closeDrawer();
  });

  it('enters an indicator value and shows the attainment with its reason', async () => {
    await openMenu(page, '指标体系');
    await expect(numberOf(page, 'indicator-count')).resolves.toBe(50);
    const cell = page.locator('[data-testid^="attainment-"]').first();
    await expect(cell.textContent()).resolves.toContain('无数据');
    await page.locator('[data-testid^="value-"]').first().click();
    await page.getByLabel('实际值').fill('0.5');
    await page.getByTestId('attainment-preview').waitFor();
    await page.getByTestId('indicator-value-form').getByRole('button', { name: '保存' }).click();
    await expectSaved(page, '实际值');
    await page.waitForFunction(() => !document.querySelector('[data-testid^="attainment-"]')?.textContent?.includes('无数据'));
    await expect(cell.textContent()).resolves.toMatch(/已达标|未达标|进度正常|需人工判定/);
  });

  it('merges two departments and every reference follows', async () => {
    await openMenu(page, '单位与领导');
    const rows = page.getByTestId('department-table').locator('tbody tr.ant-table-row');
    const before = await rows.count();
    await page.getByTestId('merge-open').click();
    // 旗文旅局 is a participant of 工业 task 2 only; after the merge that task must name 旗工信局.
    const keepName = '旗工信局';
    const dropName = '旗文旅局';
    await pickByTyping(page, '保留的单位', keepName);
    await pickByTyping(page, '并入的单位', dropName);
    await page.locator('.ant-modal').getByRole('button', { name: '合并', exact: true }).click();
    await expectSaved(page, '已合并');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="department-table"] tbody tr.ant-table-row').length === n - 1, before);
    const keptRow = page.getByTestId('department-table').locator('tbody tr.ant-table-row', { hasText: keepName });
    await expect(keptRow.first().textContent()).resolves.toContain(dropName);
    await openMenu(page, '任务清单');
    await page.getByLabel('搜索任务').fill('开展“无废细胞”创建');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
    await page.getByTestId('task-title').first().click();
    const drawer = page.locator('.ant-drawer-content', { has: page.getByTestId('task-drawer-title') });
    await expect(drawer.textContent()).resolves.toContain(keepName);
    await expect(drawer.textContent()).resolves.not.toContain(dropName);
    await closeDrawer();
    await page.getByLabel('搜索任务').fill('');
  });

  it('deletes a task to the bin and restores it', async () => {
    const title = await openFirstTask();
    await page.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await expectSaved(page, '已删除');
    await expect(numberOf(page, 'task-count')).resolves.toBe(82);
    await openMenu(page, '回收站');
    const row = page.getByTestId('bin-table').locator('tr', { hasText: title });
    await row.getByRole('button', { name: '恢复' }).click();
    await expectSaved(page, '已恢复');
    await openMenu(page, '任务清单');
    await expect(numberOf(page, 'task-count')).resolves.toBe(83);
  });

  it('still has everything after a reload', async () => {
    await page.reload();
    await openMenu(page, '任务清单');
    await page.getByLabel('搜索任务').fill('召开推进会');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
    await expect(textOf(page, 'task-title')).resolves.toBe('测试：修改后的任务名称');
    await openMenu(page, '指标体系');
    await expect(page.locator('[data-testid^="attainment-"]').first().textContent()).resolves.not.toContain('无数据');
    await openMenu(page, '工作总览');
    await page.getByTestId('chart-domains').waitFor();
    await page.screenshot({ path: 'test-results/dashboard.png' });
  });
});
