import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { e2eSuite } from './support/harness';
import { openMenu } from './support/ui';
import type { Page } from 'playwright-core';

/** First run through the core's set-up service (ws.setup): an office's Excel plan, and an empty start. */
const suite = e2eSuite(__filename);

async function chooseOffice(page: Page, code: string, name: string): Promise<void> {
  await page.goto(suite.url);
  await page.getByTestId('seed-preview').waitFor();
  await page.getByTestId('office-search').click();
  await page.keyboard.type(code);
  await page.locator('.ant-select-item-option', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('setup-chosen').filter({ hasText: `${name}无废办` }).waitFor();
}

async function taskList(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务清单');
  ws.addRow(['序号', '任务名称', '主要内容', '牵头单位', '完成时限']);
  ws.addRow(['工业固体废物（2项）']);
  ws.addRow([1, '达拉特旗煤矸石综合利用', '建立煤矸石利用台账', '旗生态环境局', '2026年12月']);
  ws.addRow([2, '达拉特旗工业园区固废排查', '排查园区固废产生单位', '旗工信局', '持续推进']);
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe('first run through the set-up service (Chromium)', () => {
  it('sets 达拉特旗 up from its Excel plan: its tasks, and a first plan period named after the file', async () => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await chooseOffice(page, '150621', '达拉特旗');
    const file = join(mkdtempSync(join(tmpdir(), 'zwc-setup-excel-')), '达拉特旗任务清单.xlsx');
    await taskList(file);
    await page.getByTestId('source-excel').click();
    const card = page.getByTestId('excel-setup');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), card.getByRole('button', { name: '选择 Excel 文件' }).click()]);
    await chooser.setFiles(file);
    const drawer = page.getByTestId('plan-import-preview');
    await drawer.getByRole('button', { name: /确认导入 2 行/ }).click();
    await expect(page.getByTestId('office-name').textContent()).resolves.toBe('达拉特旗无废办');
    await openMenu(page, '任务清单');
    await expect(page.getByTestId('task-count').textContent()).resolves.toBe('2');
    await openMenu(page, '设置');
    await page.getByText('达拉特旗“无废城市”建设实施方案（达拉特旗任务清单.xlsx）').first().waitFor();
  });

  it('starts 准格尔旗 empty: the preview says nothing will be loaded, and the office has its first plan period', async () => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await chooseOffice(page, '150622', '准格尔旗');
    await page.getByTestId('source-empty').click();
    await page.getByTestId('seed-preview').filter({ hasText: '0 项任务、0 个项目、0 项指标' }).waitFor();
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect(page.getByTestId('office-name').textContent()).resolves.toBe('准格尔旗无废办');
    await openMenu(page, '任务清单');
    await expect(page.getByTestId('task-count').textContent()).resolves.toBe('0');
    await openMenu(page, '设置');
    await page.getByText('准格尔旗“无废城市”建设实施方案').first().waitFor();
  });
});
