import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { e2eSuite } from './support/harness';
import { openMenu, setUpDefaultOffice } from './support/ui';

/** Issue 21: an Excel task list laid out as an office publishes it, imported in the app (Chromium, 伊金霍洛旗). */
const suite = e2eSuite(__filename);

/** A page of a county's task list: title row, 领域 row with its count, one-cell unit list, a date cell, a header the app does not know. */
async function taskList(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件1');
  ws.addRow(['伊金霍洛旗“无废城市”建设补充任务清单']);
  ws.mergeCells('A1:E1');
  ws.addRow(['序号', '任务清单', '工作安排及要求', '责任单位', '完成时限']);
  ws.addRow(['工业固体废物（2项）']);
  ws.mergeCells('A3:E3');
  ws.addRow([1, '端到端补充任务甲', '开展园区固废排查', '牵头单位：旗生态环境局；参与单位：旗工信局、旗发改委', new Date(Date.UTC(2025, 11, 31))]);
  ws.getCell('E4').numFmt = 'yyyy/m/d';
  ws.addRow([2, '端到端补充任务乙', '建立利用台账', '旗工信局、旗发改委', '持续推进']);
  ws.addRow(['注：本表为测试用补充清单。']);
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe('Excel plan import (Chromium)', () => {
  it('shows each doubt at its row, lets the clerk say what an unknown column holds, and imports', async () => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await setUpDefaultOffice(page, suite.url);
    const file = join(mkdtempSync(join(tmpdir(), 'zwc-plan-import-')), '补充任务清单.xlsx');
    await taskList(file);
    await openMenu(page, '任务清单');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-tasks-xlsx').click()]);
    await chooser.setFiles(file);
    const drawer = page.getByTestId('plan-import-preview');
    await drawer.getByTestId('plan-import-summary').filter({ hasText: '「附件1」任务 2 行' }).waitFor();
    // The unrecognised column, and the row whose 责任单位 does not say who leads.
    const choices = drawer.getByTestId('column-choices');
    await choices.getByText('工作安排及要求').waitFor();
    await drawer.getByText('2 个单位都记为牵头单位，请核对').waitFor();
    await choices.locator('.ant-select[aria-label="附件1 C 列（工作安排及要求）是"]').click();
    await page.locator('.ant-select-item-option[title="主要内容"]').click();
    await choices.locator('.ant-select-selection-item[title="主要内容"]').waitFor();
    if (process.env.ZWC_SCREENSHOTS) await page.screenshot({ path: join(process.env.ZWC_SCREENSHOTS, 'plan-import-doubts.png') });
    await drawer.getByRole('button', { name: /确认导入 2 行/ }).click();
    await drawer.waitFor({ state: 'detached' });
    await page.getByText('已导入 2 项任务、0 个项目、0 项指标').waitFor();
    await page.getByPlaceholder(/搜索/).first().fill('端到端补充任务甲');
    await page.getByText('端到端补充任务甲').first().waitFor();
  });
});
