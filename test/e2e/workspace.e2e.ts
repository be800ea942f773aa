import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { choose, closeTaskDrawer, expectSaved, numberOf, openMenu, pickByTyping, setUpDefaultOffice, textOf, undoFromNote } from './support/ui';

/** Each test starts on a fresh laptop with the default plan (伊金霍洛旗) and needs no other test. */
const suite = e2eSuite(__filename);

async function freshOffice(): Promise<Page> {
  const page = await suite.profile('clerk');
  await setUpDefaultOffice(page, suite.url);
  return page;
}

async function openFirstTask(page: Page): Promise<string> {
  await openMenu(page, '任务清单');
  const first = page.getByTestId('task-title').first();
  const title = (await first.textContent()) ?? '';
  await first.click();
  await page.getByTestId('task-drawer-title').waitFor();
  return title;
}

const visibleCount = (page: Page, n: number) =>
  page.waitForFunction((want) => document.querySelector('[data-testid="task-visible-count"]')?.textContent === String(want), n);

async function renameFirstTask(page: Page, title: string): Promise<void> {
  await openFirstTask(page);
  await page.getByRole('tab', { name: '基本信息' }).click();
  await page.getByLabel('任务名称').fill(title);
  await page.getByTestId('task-editor').getByRole('button', { name: '保存修改' }).click();
  await expectSaved(page, '修改任务');
}

async function reportProgress(page: Page, text: string, percent: string): Promise<void> {
  await page.getByRole('tab', { name: '月度进展' }).click();
  await page.getByLabel('本月进展').fill(text);
  await page.getByLabel('完成进度').fill(percent);
  await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
  await page.getByTestId('progress-history').getByText(text).waitFor();
}

async function enterFirstIndicatorValue(page: Page, value: string): Promise<void> {
  await openMenu(page, '指标体系');
  await page.locator('[data-testid^="value-"]').first().click();
  await page.getByLabel('实际值').fill(value);
  await page.getByTestId('attainment-preview').waitFor();
  await page.getByTestId('indicator-value-form').getByRole('button', { name: '保存' }).click();
  await expectSaved(page, '实际值');
  await page.getByTestId('indicator-value-form').waitFor({ state: 'detached' });
}

describe('keeping the 伊金霍洛旗 plan current (Chromium)', () => {
  it('filters and searches the task list as the clerk types', async () => {
    const page = await freshOffice();
    await openMenu(page, '任务清单');
    await expect(numberOf(page, 'task-count')).resolves.toBe(83);
    await page.getByLabel('搜索任务').fill('危险废物');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="task-visible-count"]')?.textContent) < 83);
    expect(await numberOf(page, 'task-visible-count')).toBeGreaterThan(0);
    await page.getByLabel('搜索任务').fill('');
    await choose(page, '按领域筛选', '危险废物');
    await visibleCount(page, 20);
    await page.keyboard.press('Escape');
    await page.locator('.ant-select[aria-label="按领域筛选"]').hover();
    await page.locator('.ant-select-clear').first().click();
    await visibleCount(page, 83);
  });

  it('edits a task and finds it under its new title', async () => {
    const page = await freshOffice();
    await renameFirstTask(page, '测试：修改后的任务名称');
    await page.getByTestId('task-drawer-title').getByText('测试：修改后的任务名称', { exact: true }).waitFor();
    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.getByTestId('audit-trail').getByText('测试：修改后的任务名称').waitFor();
    await closeTaskDrawer(page);
    await page.getByLabel('搜索任务').fill('修改后的任务名称');
    await visibleCount(page, 1);
  });

  it('records monthly progress, shows it in the history, and undoes it', async () => {
    const page = await freshOffice();
    await openFirstTask(page);
    await page.getByLabel('本月进展').fill('完成全旗尾矿库现场核查');
    await page.getByLabel('完成进度').fill('40');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await expectSaved(page, '进展');
    await page.getByTestId('progress-history').getByText('完成全旗尾矿库现场核查').waitFor();
    await undoFromNote(page, '进展');
    await page.getByTestId('progress-history').waitFor({ state: 'detached' });
    await reportProgress(page, '召开推进会，明确责任分工', '35');
    // the saved report stays in the form, marked as already reported, for correction
    await page.getByTestId('progress-already-reported').waitFor();
    await expect(page.getByLabel('本月进展').inputValue()).resolves.toBe('召开推进会，明确责任分工');
  });

  it('enters an indicator value and shows the attainment with its reason', async () => {
    const page = await freshOffice();
    await openMenu(page, '指标体系');
    await expect(numberOf(page, 'indicator-count')).resolves.toBe(50);
    const cell = page.locator('[data-testid^="attainment-"]').first();
    await expect(cell.textContent()).resolves.toContain('无数据');
    await enterFirstIndicatorValue(page, '0.5');
    await cell.getByText(/已达标|未达标|进度正常|需人工判定/).first().waitFor();
  });

  it('searches the indicator system', async () => {
    const page = await freshOffice();
    await openMenu(page, '指标体系');
    await page.getByLabel('搜索指标').fill('危险废物');
    await page.waitForFunction(() => {
      const n = Number(document.querySelector('[data-testid="indicator-visible-count"]')?.textContent);
      return n > 0 && n < 50;
    });
    const shown = await page.locator('.ant-table-tbody tr.ant-table-row').count();
    expect(shown).toBe(Number(await textOf(page, 'indicator-visible-count')));
    await page.getByLabel('搜索指标').fill('');
    await page.getByTestId('indicator-visible-count').waitFor({ state: 'detached' });
  });

  it('keeps what the clerk typed in the value form when the data is re-read meanwhile', async () => {
    // The same workspace open in a second window: its save makes this window re-read the plan
    // while the clerk is half-way through the form. What was typed must survive and be saved.
    const page = await freshOffice();
    const other = await page.context().newPage();
    await other.goto(suite.url);
    await openMenu(page, '指标体系');
    await page.locator('[data-testid^="value-"]').first().click();
    await page.getByLabel('实际值').fill('0.5');
    await page.getByLabel('说明（数据来源等）').fill('旗统计局年报');
    await renameFirstTask(other, '另一窗口修改的任务');
    await page.getByTestId('data-refreshed').waitFor({ state: 'attached' });
    await expect(page.getByLabel('实际值').inputValue()).resolves.toBe('0.5');
    await expect(page.getByLabel('说明（数据来源等）').inputValue()).resolves.toBe('旗统计局年报');
    await page.getByTestId('indicator-value-form').getByRole('button', { name: '保存' }).click();
    await expectSaved(page, '实际值');
    await page.locator('[data-testid^="value-"]').first().getByText('0.5').waitFor();
    await other.close();
  });

  it('keeps a half-edited task when another window saves meanwhile', async () => {
    const page = await freshOffice();
    const other = await page.context().newPage();
    await other.goto(suite.url);
    await openFirstTask(page);
    await page.getByRole('tab', { name: '基本信息' }).click();
    await page.getByLabel('任务名称').fill('尚未保存的任务名称');
    await enterFirstIndicatorValue(other, '0.5');
    await page.getByTestId('data-refreshed').waitFor({ state: 'attached' });
    await expect(page.getByLabel('任务名称').inputValue()).resolves.toBe('尚未保存的任务名称');
    await page.getByTestId('task-editor').getByRole('button', { name: '保存修改' }).click();
    await expectSaved(page, '修改任务');
    await page.getByTestId('task-drawer-title').getByText('尚未保存的任务名称', { exact: true }).waitFor();
    await other.close();
  });

  it('merges two departments and every reference follows', async () => {
    const page = await freshOffice();
    await openMenu(page, '单位与领导');
    const rows = page.getByTestId('department-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
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
    await keptRow.first().getByText(dropName).first().waitFor();
    await openMenu(page, '任务清单');
    await page.getByLabel('搜索任务').fill('开展“无废细胞”创建');
    await visibleCount(page, 1);
    await page.getByTestId('task-title').first().click();
    const drawer = page.locator('.ant-drawer-content', { has: page.getByTestId('task-drawer-title') });
    await drawer.getByText(keepName).first().waitFor();
    await expect(drawer.textContent()).resolves.not.toContain(dropName);
  });

  it('deletes a task to the bin and restores it', async () => {
    const page = await freshOffice();
    const title = await openFirstTask(page);
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

  it('names the task of an undone report and the indicator of an undone value in the bin; long texts as excerpts', async () => {
    const page = await freshOffice();
    const title = await openFirstTask(page);
    const text = '完成全旗尾矿库现场核查，'.repeat(6);
    await page.getByLabel('本月进展').fill(text);
    await page.getByLabel('完成进度').fill('40');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await expectSaved(page, '进展');
    // a long report shows its beginning; 展开 (reached by Tab, pressed with Enter) shows the whole
    const history = page.getByTestId('progress-history');
    await expect(history.getByText(text).count()).resolves.toBe(0);
    await history.getByTestId('excerpt-toggle').focus();
    await page.keyboard.press('Enter');
    await history.getByText(text).waitFor();
    await undoFromNote(page, '进展');
    await history.waitFor({ state: 'detached' });
    await closeTaskDrawer(page);

    await openMenu(page, '指标体系');
    await page.locator('[data-testid^="value-"]').first().click();
    const heading = (await page.locator('.ant-modal-title').textContent()) ?? '';
    const indicator = heading.replace(/^[^.]*\.\s*/, '').replace(/（[^（]*）$/, '');
    await page.getByLabel('实际值').fill('0.5');
    await page.getByTestId('indicator-value-form').getByRole('button', { name: '保存' }).click();
    await expectSaved(page, '实际值');
    await page.getByTestId('indicator-value-form').waitFor({ state: 'detached' });
    await undoFromNote(page, '实际值');
    await page.locator('.ant-message-notice', { hasText: '已撤销' }).first().waitFor();

    await openMenu(page, '回收站');
    const rows = page.getByTestId('bin-table').locator('tbody tr');
    const report = rows.filter({ hasText: '进展：' });
    await report.waitFor();
    const reportText = (await report.textContent()) ?? '';
    expect(reportText).toMatch(/任务 \S+ \d+ /);
    expect(reportText).toContain(`${title} · `);
    expect(reportText).toMatch(/ · \d{4}年\d{1,2}月 进展：完成全旗尾矿库现场核查/);
    expect(reportText).not.toContain(text);
    await report.getByTestId('excerpt-toggle').click();
    await expect(report.textContent()).resolves.toContain(text);
    const value = rows.filter({ hasText: '指标值' }).last();
    expect(indicator.length).toBeGreaterThan(2);
    const valueText = (await value.textContent()) ?? '';
    expect(valueText).toContain(`${indicator} `);
    expect(valueText).toMatch(/\d{4}年(\d{1,2}月)? 指标值/);
    expect(valueText).not.toMatch(/iv-|150627-/);
  });

  it('shows an edited deadline as text in the audit trail, by 本机', async () => {
    const page = await freshOffice();
    await openFirstTask(page);
    await page.getByRole('tab', { name: '基本信息' }).click();
    await page.getByRole('textbox', { name: '完成时限' }).fill('2027年6月底前');
    await page.getByTestId('task-editor').getByRole('button', { name: '保存修改' }).click();
    await expectSaved(page, '修改任务');
    await page.getByRole('tab', { name: '修改记录' }).click();
    const row = page.getByTestId('audit-trail').locator('tbody tr', { hasText: '完成时限' });
    await row.getByText('2027年6月底前').waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.join('|')).not.toMatch(/[{}]|"text"|points/);
    expect(cells[cells.length - 1]).toBe('本机');
  });

  it('still has an edit, a progress report and an indicator value after a reload', async () => {
    const page = await freshOffice();
    await renameFirstTask(page, '测试：重新打开后仍在');
    await reportProgress(page, '召开推进会，明确责任分工', '35');
    await closeTaskDrawer(page);
    await enterFirstIndicatorValue(page, '0.5');
    await page.reload();
    await openMenu(page, '任务清单');
    await page.getByLabel('搜索任务').fill('召开推进会');
    await visibleCount(page, 1);
    await expect(textOf(page, 'task-title')).resolves.toBe('测试：重新打开后仍在');
    await openMenu(page, '指标体系');
    await expect(page.locator('[data-testid^="attainment-"]').first().textContent()).resolves.not.toContain('无数据');
    await openMenu(page, '工作总览');
    await page.getByTestId('chart-domains').waitFor();
  });
});
