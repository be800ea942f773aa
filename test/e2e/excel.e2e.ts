import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { expectSaved, openMenu, setUpDefaultOffice } from './support/ui';
import { readWorkbook, writeWorkbook, cellText } from '../../shared/xlsx/workbook';

/** A department's fill-in form goes out of the app and comes back filled in (Chromium, default plan 伊金霍洛旗). */
const suite = e2eSuite(__filename);

async function sendForm(page: Page, dir: string): Promise<string> {
  await openMenu(page, '月度调度');
  await page.getByTestId('form-department').click();
  await page.keyboard.type('旗生态环境局');
  await page.locator('.ant-select-item-option[title^="旗生态环境局（"]').first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('generate-forms').click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** What the department does in its own spreadsheet program: fills the first two rows and saves. */
async function fillIn(path: string, out: string): Promise<void> {
  const wb = await readWorkbook(new Uint8Array(readFileSync(path)));
  const ws = wb.getWorksheet('填报表')!;
  const header = [...Array(10).keys()].map((i) => i + 1).find((r) => cellText(ws.getCell(r, 8)).startsWith('完成百分比'))!;
  const col = (name: string) => [...Array(20).keys()].map((i) => i + 1).find((c) => cellText(ws.getCell(header, c)).startsWith(name))!;
  ws.getCell(header + 1, col('完成百分比')).value = 45;
  ws.getCell(header + 1, col('状态')).value = '推进中';
  ws.getCell(header + 1, col('本月进展')).value = '端到端测试：完成排查';
  ws.getCell(header + 2, col('完成百分比')).value = 150;
  ws.getCell(header + 2, col('本月进展')).value = '超出范围的一行';
  writeFileSync(out, await writeWorkbook(wb));
}

async function chooseForm(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-forms').click()]);
  await chooser.setFiles(path);
}

describe('department fill-in forms (Chromium)', () => {
  it('sends 旗生态环境局 its form and imports it back filled in; the same form again changes nothing', async () => {
    const page = await suite.profile('clerk');
    await setUpDefaultOffice(page, suite.url);
    const dir = mkdtempSync(join(tmpdir(), 'zwc-excel-e2e-'));
    const form = await sendForm(page, dir);
    expect(form).toMatch(/旗生态环境局.*进展填报表\.xlsx$/);
    const filled = join(dir, 'filled.xlsx');
    await fillIn(form, filled);

    await chooseForm(page, filled);
    const summary = page.getByTestId('form-import-summary');
    await summary.getByText(/新进展 1 条.*不导入 1 行/).waitFor();
    await page.getByTestId('form-import-preview').getByText('不是 0—100 之间的数字', { exact: false }).waitFor();
    if (process.env.ZWC_SCREENSHOTS) await page.screenshot({ path: join(process.env.ZWC_SCREENSHOTS, 'form-import-preview.png') });
    await page.getByTestId('confirm-form-import').click();
    await expectSaved(page, '已记录 1 条进展');

    await openMenu(page, '任务清单');
    await page.getByLabel('搜索任务').fill('端到端测试：完成排查');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');

    await openMenu(page, '月度调度');
    await chooseForm(page, filled);
    await page.getByTestId('form-import-summary').getByText(/新进展 0 条，已导入过 1 条/).waitFor();
    expect(await page.getByTestId('confirm-form-import').isDisabled()).toBe(true);
  });
});
