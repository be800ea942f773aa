import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { chooseBundle, closeTaskDrawer, expectSaved, exportBundleTo, openMenu, setUpOffice, textOf } from './support/ui';

/**
 * A county office with no plan of its own (准格尔旗) sets up from 鄂尔多斯市's plan, catches up its
 * 2021–2025 history in bulk, closes the period with its assessment, starts 2026–2030, reports a
 * month, and the city imports its file and shows its current period.
 */
const suite = e2eSuite(__filename);
const dir = mkdtempSync(join(tmpdir(), 'zwc-periods-'));

async function setUpFromCityPlan(page: Page): Promise<number> {
  await page.goto(suite.url);
  await page.getByTestId('seed-preview').waitFor();
  await page.getByTestId('office-search').click();
  await page.getByRole('combobox', { name: '搜索本单位' }).fill('zgeq');
  await page.locator('.ant-select-item-option', { hasText: '准格尔旗' }).first().click();
  // the city's tasks are the default source of an office without its own plan; their count shows with it
  await page.getByTestId('seed-preview').getByText(/\d+ 项任务/).waitFor();
  await page.getByLabel(/从鄂尔多斯市的方案开始/).check();
  await page.getByText(/逐项注明“市级下达”：\d+ 项任务/).waitFor();
  const tasks = Number(/(\d+) 项任务/.exec(await textOf(page, 'seed-preview'))?.[1]);
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByTestId('office-name').getByText('准格尔旗无废办').waitFor();
  return tasks;
}

describe('an office through its plan periods (Chromium)', () => {
  it('sets up 准格尔旗 from the city plan, catches up, closes 2021–2025, starts 2026–2030, reports, and the city sees it', async () => {
    const page = await suite.profile('zhungeer');
    const assigned = await setUpFromCityPlan(page);
    expect(assigned).toBeGreaterThanOrEqual(35);
    await openMenu(page, '任务清单');
    await expect(page.getByTestId('task-count').textContent()).resolves.toBe(String(assigned));
    await page.getByTestId('from-city').first().waitFor();

    // Day one: the dashboard says the history has not been entered; the clerk catches up in bulk.
    await openMenu(page, '工作总览');
    await page.getByTestId('catch-up-notice').waitFor();
    await page.getByTestId('open-catch-up').click();
    const rows = page.getByTestId('catch-up-task-table').locator('tbody tr.ant-table-row');
    for (let i = 0; i < 5; i++) await rows.nth(i).locator('.ant-checkbox-input').check();
    await page.getByLabel('完成依据').fill('2023—2025年度“无废城市”建设工作总结');
    await page.getByTestId('catch-up-tasks').click();
    await expectSaved(page, '已补录 5 项任务为已完成');
    await page.getByTestId('catch-up-done').click();
    await expectSaved(page, '历史情况补录完成');
    await openMenu(page, '工作总览');
    await page.getByRole('heading', { name: '工作总览' }).waitFor();
    await expect(page.getByTestId('catch-up-notice').count()).resolves.toBe(0);

    // Close the period with its final assessment, then start the next one.
    await openMenu(page, '设置');
    await page.getByTestId('close-plan-2021').click();
    await page.getByTestId('confirm-close-plan').click();
    await expectSaved(page, '终期评估已保存');
    await page.getByTestId('plan-status-2021').getByText('已结束').waitFor();
    await page.getByTestId('start-next-plan').click();
    // Every unfinished task is ticked to carry over; the clerk leaves one behind.
    const carry = page.getByRole('dialog', { name: '开始下一期方案' }).getByRole('checkbox', { name: /^结转 / });
    await carry.first().uncheck();
    await expect(carry.first().isChecked()).resolves.toBe(false);
    await expect(carry.nth(1).isChecked()).resolves.toBe(true);
    await page.getByTestId('confirm-next-plan').click();
    await expectSaved(page, '已开始新方案');
    await page.getByTestId('plan-status-2026').getByText('执行中').waitFor();
    // Correcting the new plan's 文号 and years after set-up: an overlap is refused at the field.
    await page.getByTestId('edit-plan-2026').click();
    const editor = page.getByRole('dialog', { name: /修改方案信息/ });
    await editor.getByLabel('起始年').fill('2025');
    await editor.getByTestId('save-plan-info').click();
    await editor.getByText(/与.*（2021—2025年）重叠/).waitFor();
    await editor.getByLabel('起始年').fill('2026');
    await editor.getByLabel('文号').fill('准政办发〔2026〕3号');
    await editor.getByTestId('save-plan-info').click();
    await expectSaved(page, '已修改方案信息');
    await page.getByTestId('plans-table').getByText('准政办发〔2026〕3号').waitFor();
    await openMenu(page, '任务清单');
    await page.waitForFunction((n) => document.querySelector('[data-testid="task-count"]')?.textContent === String(n), assigned - 6); // 5 done before, 1 left behind
    await page.getByTestId('carried-over').first().waitFor();

    // A month of the new plan.
    await page.getByTestId('task-title').first().click();
    await page.getByLabel('本月进展').fill('十五五首月：制定年度工作要点');
    await page.getByLabel('完成进度').fill('10');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await expectSaved(page, '进展');
    await closeTaskDrawer(page);
    const file = join(dir, 'zhungeer.zwb');
    await exportBundleTo(page, file);
    const fingerprint = await textOf(page, 'own-fingerprint');

    // The city imports it and shows the county's current period and its tasks.
    const city = await suite.profile('city');
    await setUpOffice(city, suite.url, '150600');
    await chooseBundle(city, file);
    await expect(textOf(city, 'import-fingerprint')).resolves.toBe(fingerprint);
    await city.getByTestId('trust-and-continue').click();
    await city.getByTestId('import-preview').waitFor();
    await city.getByTestId('confirm-merge').click();
    await expectSaved(city, '已合并');
    await openMenu(city, '各旗区总览');
    // The plan in force is named when the pointer rests on the office (rows stay one line high).
    await city.getByTestId('county-plan-150622').waitFor();
    await expect(city.getByTestId('county-plan-150622').getAttribute('title')).resolves.toContain('2026—2030年');
    await expect(textOf(city, 'county-tasks-150622')).resolves.toBe(String(assigned - 6)); // 5 done, 1 left behind
  });

  it('keeps a closed plan read-only and shows it on request', async () => {
    const page = await suite.profile('zhungeer');
    await setUpFromCityPlan(page);
    await openMenu(page, '设置');
    await page.getByTestId('close-plan-2021').click();
    await page.getByTestId('confirm-close-plan').click();
    await expectSaved(page, '终期评估已保存');
    await page.getByTestId('start-next-plan').click();
    await page.getByTestId('confirm-next-plan').click();
    await expectSaved(page, '已开始新方案');
    await page.getByTestId('plans-table').getByRole('button', { name: '查看' }).click();
    await page.getByTestId('plan-view-notice').getByText('只读').waitFor();
    await openMenu(page, '任务清单');
    await page.getByTestId('task-title').first().click();
    await page.getByLabel('本月进展').fill('结束后补报');
    await page.getByLabel('完成进度').fill('20');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await page.locator('.ant-message-notice', { hasText: '只读' }).waitFor();
  });

  it('starts again only after a backup file and the typed confirmation', async () => {
    const page = await suite.profile('clerk');
    await setUpFromCityPlan(page);
    await openMenu(page, '设置');
    await expect(page.getByTestId('reset-confirm').isDisabled()).resolves.toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reset-backup').click()]);
    expect(download.suggestedFilename()).toMatch(/^台账备份-准格尔旗-\d{8}-\d{6}\.zwbak$/);
    await page.getByTestId('reset-backup-done').waitFor();
    await page.getByLabel('输入确认文字').fill('重置');
    await expect(page.getByTestId('reset-confirm').isDisabled()).resolves.toBe(true);
    await page.getByLabel('输入确认文字').fill('重置准格尔旗');
    await page.getByTestId('reset-confirm').click();
    await page.getByText('首次使用').waitFor();
    await page.getByTestId('seed-preview').waitFor();
  });
});
