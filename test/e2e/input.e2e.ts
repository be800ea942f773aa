import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { expectSaved, openMenu, setUpDefaultOffice } from './support/ui';

/**
 * Bad input a clerk can type (issue 14): each one gets a Chinese message at the field that names
 * it and says what is allowed, and nothing is stored. Every test starts on a fresh laptop with the
 * default plan (伊金霍洛旗), at 1366×768.
 */
const suite = e2eSuite(__filename);

async function freshOffice(): Promise<Page> {
  const page = await suite.profile('clerk', { width: 1366, height: 768 });
  await setUpDefaultOffice(page, suite.url);
  return page;
}

async function openFirstTask(page: Page): Promise<void> {
  await openMenu(page, '任务清单');
  await page.getByTestId('task-title').first().click();
  await page.getByTestId('task-drawer-title').waitFor();
}

/** The message antd shows under a form field. */
const fieldError = (page: Page, text: string) => page.locator('.ant-form-item-explain-error', { hasText: text }).first();

/** Nothing was stored: the drawer still shows no report, the task list no percentage, 撤销 has nothing. */
async function expectNoProgressStored(page: Page): Promise<void> {
  await page.getByText('尚无进展记录').waitFor();
  await page.getByTestId('undo').and(page.locator('[disabled]')).waitFor();
}

describe('bad input is refused at the field and nothing is stored (Chromium, 1366×768)', () => {
  it('完成进度 150, −5 and "abc" are refused, never clamped to 100 or 0', async () => {
    const page = await freshOffice();
    await openFirstTask(page);
    await page.getByLabel('本月进展').fill('召开推进会');
    const save = page.getByTestId('progress-form').getByRole('button', { name: '保存进展' });
    for (const [typed, message] of [
      ['150', '完成进度应在 0 到 100 之间，不能为 150'],
      ['-5', '完成进度应在 0 到 100 之间，不能为 -5'],
      ['abc', '完成进度应为 0 到 100 之间的数字，“abc”不是数字'],
    ]) {
      await page.getByLabel('完成进度', { exact: true }).fill(typed);
      await save.click();
      await fieldError(page, message).waitFor();
      // What the clerk typed stays as typed.
      expect(await page.getByLabel('完成进度', { exact: true }).inputValue()).toBe(typed);
    }
    await expectNoProgressStored(page);
  });

  it('100 % on a task asks for the completion path with its evidence instead of completing it', async () => {
    const page = await freshOffice();
    await openFirstTask(page);
    await page.getByLabel('本月进展').fill('全部完成');
    await page.getByLabel('完成进度', { exact: true }).fill('100');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await fieldError(page, '任务完成须在“完成情况”中填写完成日期和完成依据').waitFor();
    await expectNoProgressStored(page);
    expect(await page.getByTestId('task-drawer-title').locator('..').textContent()).not.toContain('已完成');
  });

  it('a 20,000-character 本月进展 is refused with its length, and the counter shows it', async () => {
    const page = await freshOffice();
    await openFirstTask(page);
    await page.getByLabel('本月进展').fill('进'.repeat(20000));
    await page.getByLabel('完成进度', { exact: true }).fill('30');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await fieldError(page, '本月进展最多 2000 字，现为 20000 字').waitFor();
    await page.getByText('20000 / 2000').waitFor();
    await expectNoProgressStored(page);
  });

  it('a deadline of 2026年2月30日 or 2025年13月32日 is refused in words; the stored deadline is unchanged', async () => {
    const page = await freshOffice();
    await openFirstTask(page);
    await page.getByRole('tab', { name: '基本信息' }).click();
    const deadline = page.getByRole('textbox', { name: '完成时限' });
    const before = await deadline.inputValue();
    await deadline.fill('2026年2月30日前');
    await page.getByTestId('deadline-parsed').getByText('无法识别：完成时限中的“2026年2月30日”不存在：2026年2月没有30日').waitFor();
    await page.getByTestId('task-editor').getByRole('button', { name: '保存修改' }).click();
    await fieldError(page, '完成时限中的“2026年2月30日”不存在').waitFor();
    await deadline.fill('2025年13月32日前');
    await fieldError(page, '完成时限中的“2025年13月32日”不存在：月份应为 1 到 12').waitFor();
    expect(await page.getByTestId('deadline-parsed').textContent()).not.toContain('识别为');
    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.getByRole('tab', { name: '基本信息' }).click();
    await page.getByTestId('undo').and(page.locator('[disabled]')).waitFor();
    // Discard the typing and look again: the stored deadline is what it was.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '放弃修改' }).click();
    await page.getByTestId('task-drawer-title').waitFor({ state: 'detached' });
    await page.getByTestId('task-title').first().click();
    await page.getByRole('tab', { name: '基本信息' }).click();
    expect(await deadline.inputValue()).toBe(before);
  });

  it('a completion day typed as 2023/6/15, 2023.6.15 or 2023年6月15日 is read as that day; 2023年2月30日 is refused', async () => {
    const page = await freshOffice();
    await openFirstTask(page);
    await page.getByRole('tab', { name: '完成情况' }).click();
    const form = page.getByTestId('completion-form');
    await page.getByLabel('完成依据').fill('《管理办法》已印发');
    await page.getByLabel('完成日期').fill('2023年2月30日');
    await form.getByRole('button', { name: '标记为已完成' }).click();
    await fieldError(page, '完成日期“2023年2月30日”不存在：2023年2月没有30日').waitFor();
    await page.getByTestId('undo').and(page.locator('[disabled]')).waitFor();
    for (const typed of ['2023.6.15', '2023年6月15日']) {
      await page.getByLabel('完成日期').fill(typed);
      await form.getByText('即 2023年6月15日').waitFor();
    }
    await page.getByLabel('完成日期').fill('2023/6/15');
    await form.getByText('即 2023年6月15日').waitFor();
    await form.getByRole('button', { name: '标记为已完成' }).click();
    await page.locator('.ant-alert-message', { hasText: '已于2023年6月15日完成' }).waitFor();
  });

  it('累计完成投资 of 100000000000000000000 万元 is refused; above the planned total only warns; the first investment suggests 在建', async () => {
    const page = await freshOffice();
    await openMenu(page, '项目清单');
    await page.getByTestId('project-title').first().click();
    await page.getByTestId('project-drawer-title').waitFor();
    await page.getByLabel('本月进展').fill('完成场地平整');
    await page.getByLabel('完成进度', { exact: true }).fill('10');
    await page.getByLabel('累计完成投资').fill('100000000000000000000');
    const save = page.getByTestId('progress-form').getByRole('button', { name: '保存进展' });
    await save.click();
    await fieldError(page, '累计完成投资不能超过 100000000 万元（1 万亿元），请核对单位是否为万元').waitFor();
    await page.getByText('尚无进展记录').waitFor();
    await page.getByLabel('累计完成投资').fill('99999999');
    await page.locator('.ant-form-item-explain-warning', { hasText: '超过计划总投资' }).waitFor();
    await page.getByLabel('累计完成投资').fill('100');
    await save.click();
    await page.locator('.ant-modal-confirm-title', { hasText: '已有完成投资，项目是否已开工？' }).waitFor();
    await page.getByRole('button', { name: '改为在建' }).click();
    await page.locator('.ant-drawer-title').getByText('在建', { exact: true }).waitFor();
  });

  it('an indicator in % refuses 150, −5 and "abc", and a year of 1900 is refused, not turned into 2000', async () => {
    const page = await freshOffice();
    await openMenu(page, '指标体系');
    // The first indicator measured in %.
    const row = page.locator('tr', { has: page.locator('td', { hasText: /^%$/ }) }).first();
    await row.locator('[data-testid^="value-"]').click();
    const form = page.getByTestId('indicator-value-form');
    for (const [typed, message] of [
      ['150', '实际值单位为 %，应在 0 到 100 之间，不能为 150'],
      ['-5', '实际值不能为负数'],
      ['abc', '实际值应为数字（单位：%），“abc”不是数字'],
    ]) {
      await page.getByLabel('实际值').fill(typed);
      await form.getByRole('button', { name: '保存' }).click();
      await fieldError(page, message).waitFor();
    }
    await page.getByLabel('实际值').fill('90');
    await page.getByLabel('年份').fill('1900');
    await form.getByRole('button', { name: '保存' }).click();
    await fieldError(page, '不能为 1900 年').waitFor();
    expect(await page.getByLabel('年份').inputValue()).toBe('1900');
    await page.getByTestId('undo').and(page.locator('[disabled]')).waitFor();
  });

  it('新增任务 creates nothing until a title is saved; Enter on the button only opens the dialog', async () => {
    const page = await freshOffice();
    await openMenu(page, '任务清单');
    const count = async () => Number(await page.getByTestId('task-count').textContent());
    const before = await count();
    await page.getByRole('button', { name: '新增任务' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('new-task-form').waitFor();
    await page.getByTestId('new-task-form').getByRole('button', { name: '保存并继续填写' }).click();
    await fieldError(page, '请填写任务名称').waitFor();
    await page.getByTestId('new-task-form').getByRole('button', { name: '取消' }).click();
    await page.getByTestId('new-task-form').waitFor({ state: 'detached' });
    expect(await count()).toBe(before);
    await page.getByRole('button', { name: '新增任务' }).click();
    await page.getByLabel('新任务名称').fill('建立秸秆收储运体系');
    await page.getByTestId('new-task-form').getByRole('button', { name: '保存并继续填写' }).click();
    await page.getByTestId('task-drawer-title').getByText('建立秸秆收储运体系').waitFor();
    expect(await count()).toBe(before + 1);
  });
});

describe('no typed work is lost without asking', () => {
  it('Esc and a click outside ask first; 继续填写 keeps the typing', async () => {
    const page = await freshOffice();
    await openFirstTask(page);
    await page.getByLabel('本月进展').fill('写了一半的进展');
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal-confirm-title', { hasText: '有尚未保存的内容' }).waitFor();
    await page.getByRole('button', { name: '继续填写' }).click();
    expect(await page.getByLabel('本月进展').inputValue()).toBe('写了一半的进展');
    await page.locator('.ant-drawer-mask').click({ position: { x: 20, y: 300 } });
    await page.locator('.ant-modal-confirm-title', { hasText: '有尚未保存的内容' }).waitFor();
    await page.getByRole('button', { name: '继续填写' }).click();
    expect(await page.getByLabel('本月进展').inputValue()).toBe('写了一半的进展');
  });

  it('a reload with unsaved typing asks the browser question', async () => {
    const page = await freshOffice();
    await openFirstTask(page);
    await page.getByLabel('本月进展').fill('写了一半的进展');
    const dialog = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
    await page.reload({ timeout: 2000 }).catch(() => undefined);
    expect(await dialog).toBe('beforeunload');
    expect(await page.getByLabel('本月进展').inputValue()).toBe('写了一半的进展');
  });

  it('saved work closes without asking; undo survives a reload and is reachable with a drawer open', async () => {
    const page = await freshOffice();
    await openFirstTask(page);
    await page.getByLabel('本月进展').fill('召开推进会');
    await page.getByLabel('完成进度', { exact: true }).fill('30');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await page.getByTestId('progress-history').getByText('召开推进会').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('task-drawer-title').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('office-name').waitFor();
    await openFirstTask(page);
    await page.getByTestId('progress-history').getByText('召开推进会').waitFor();
    await page.getByTestId('drawer-undo').click();
    await expectSaved(page, '已撤销');
    await page.getByText('尚无进展记录').waitFor();
  });
});
