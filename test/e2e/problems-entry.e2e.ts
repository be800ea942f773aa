import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { closeTaskDrawer, expectSaved, openMenu, setUpDefaultOffice, textOf } from './support/ui';
import { addMonthsToDay } from '../../shared/domain/problem';
import { chinaToday } from '../../shared/domain/time';

/**
 * Problems a clerk enters by hand (issue 27): 登记问题 on the 问题清单 page, refused at the fields
 * until the task, the text and the responsible unit are given, the due date the rule's; and the
 * offer 登记为问题 right after a typed report with a 存在问题 is saved, raising it in one step.
 */
const suite = e2eSuite(__filename);
const shots = process.env.ZWC_SCREENSHOTS;
const TASK = '完善绿色制造体系建设';

async function shot(page: Page, name: string): Promise<void> {
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, name) });
  }
}

describe('entering problems by hand (Chromium, 1366×768)', () => {
  it('登记问题 with validation at the field, then 登记为问题 after a typed report', async () => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await setUpDefaultOffice(page, suite.url);

    await openMenu(page, '问题清单');
    await page.getByTestId('new-problem').click();
    const modal = page.getByTestId('new-problem-modal');
    await modal.getByRole('button', { name: /登\s?记/ }).click();
    for (const error of ['请选择问题所属的任务或项目', '请填写问题描述', '请选择负责整改的责任单位']) await modal.locator('.ant-form-item-explain-error', { hasText: error }).waitFor();
    await shot(page, 'problems-new-refused.png');

    await modal.getByRole('combobox', { name: '所属任务或项目', exact: true }).click();
    await modal.getByRole('combobox', { name: '所属任务或项目', exact: true }).fill(TASK);
    await page.locator('.ant-select-item-option', { hasText: TASK }).first().click();
    await modal.getByLabel('问题描述').fill('园区企业绿色工厂申报积极性不高');
    // The subject's lead unit is proposed as responsible; the due date is the rule's (一般: one month).
    await modal.locator('.ant-form-item-explain-error').first().waitFor({ state: 'detached' });
    await expect(textOf(page, 'new-problem-due')).resolves.toBe(addMonthsToDay(chinaToday(), 1));
    await shot(page, 'problems-new-filled.png');
    await modal.getByRole('button', { name: /登\s?记/ }).click();
    await expectSaved(page, '已登记问题');
    await page.getByTestId('problem-table').getByText('园区企业绿色工厂申报积极性不高').waitFor();
    await expect(textOf(page, 'problem-counts')).resolves.toMatch(/^未销号 1 个/);

    // A typed report with a 存在问题: the offer comes right after saving.
    await openMenu(page, '任务清单');
    await page.getByLabel('搜索任务').fill('强化环境准入制度');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
    await page.getByTestId('task-title').first().click();
    await page.getByTestId('task-drawer-title').waitFor();
    await page.getByLabel('本月进展').fill('完成3个项目环评审批');
    await page.getByLabel('存在问题').fill('部分项目环评材料编制质量不高，退回率高');
    await page.getByLabel('完成进度').fill('40');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await expectSaved(page, '进展');
    await page.getByTestId('raise-offer').waitFor();
    await shot(page, 'problems-raise-offer.png');
    await page.getByTestId('raise-offer-open').click();
    const raise = page.getByTestId('raise-problems-modal');
    // The dialog lists its candidates once it has read the task's open problems: wait for the row the clerk sees.
    await raise.getByTestId('raise-candidate-text').first().waitFor();
    await expect(raise.getByTestId('raise-candidate-text').allTextContents()).resolves.toEqual(['部分项目环评材料编制质量不高，退回率高']);
    await raise.getByRole('button', { name: /登记 1 条/ }).click();
    await expectSaved(page, '已登记 1 条存在问题');
    await closeTaskDrawer(page);

    await openMenu(page, '问题清单');
    await page.getByTestId('problem-table').getByText('部分项目环评材料编制质量不高，退回率高').waitFor();
    await expect(textOf(page, 'problem-counts')).resolves.toMatch(/^未销号 2 个/);
  });
});
