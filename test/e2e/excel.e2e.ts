import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { closeTaskDrawer, expectSaved, openMenu, setUpDefaultOffice } from './support/ui';
import { chinaToday, formatDateZh } from '../../shared/domain/time';
import { readWorkbook, writeWorkbook, cellText } from '../../shared/xlsx/workbook';
import { loadSeedPlan } from '../../shared/seed/load-seed';

/** A department's fill-in form goes out of the app and comes back filled in (Chromium, default plan 伊金霍洛旗). */
const suite = e2eSuite(__filename);

async function sendForm(page: Page, dir: string, unit = '旗生态环境局'): Promise<string> {
  await openMenu(page, '月度调度');
  await page.getByTestId('form-department').click();
  await page.keyboard.type(unit);
  await page.locator(`.ant-select-item-option[title^="${unit}（"]`).first().click();
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
  // The unit leads the third task and reports it finished: 100, 已完成, the day and the evidence.
  ws.getCell(header + 3, col('完成百分比')).value = 100;
  ws.getCell(header + 3, col('状态')).value = '已完成';
  ws.getCell(header + 3, col('完成日期')).value = chinaToday();
  ws.getCell(header + 3, col('完成依据')).value = '端到端验收意见';
  ws.getCell(header + 3, col('本月进展')).value = '端到端测试：已验收';
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
    await summary.getByText(/新进展 2 条.*不导入 1 行/).waitFor();
    await page.getByTestId('form-import-preview').getByText('完成百分比应在 0 到 100 之间，不能为 150', { exact: false }).waitFor();
    // The claim is shown in the preview with its day and evidence.
    expect(await page.getByTestId('form-row-claim').innerText()).toBe(`${formatDateZh(chinaToday())}（端到端验收意见）`);
    if (process.env.ZWC_SCREENSHOTS) await page.screenshot({ path: join(process.env.ZWC_SCREENSHOTS, 'form-import-preview.png') });
    await page.getByTestId('confirm-form-import').click();
    await expectSaved(page, '已记录 2 条进展');

    // The task is 待确认 until the office confirms; one click records the completion the unit reported.
    await openMenu(page, '任务清单');
    await page.getByLabel('搜索任务').fill('端到端测试：已验收');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
    await page.getByTestId('task-title').first().click();
    await page.getByTestId('task-drawer-title').waitFor();
    await page.getByText(`待确认完成：核实后在“完成情况”中确认`, { exact: false }).waitFor();
    await page.getByRole('tab', { name: '完成情况' }).click();
    await page.getByTestId('claimed-completion').getByText(`待确认完成：旗生态环境局在`, { exact: false }).waitFor();
    if (process.env.ZWC_SCREENSHOTS) await page.screenshot({ path: join(process.env.ZWC_SCREENSHOTS, 'claimed-completion.png') });
    await page.getByTestId('confirm-claimed-completion').click();
    await page.locator('.ant-alert-message', { hasText: `已于${formatDateZh(chinaToday())}完成` }).waitFor();
    await page.getByText('完成依据：端到端验收意见').waitFor();
    await closeTaskDrawer(page);

    await openMenu(page, '任务清单');
    await page.getByLabel('搜索任务').fill('端到端测试：完成排查');
    await page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');

    await openMenu(page, '月度调度');
    await chooseForm(page, filled);
    await page.getByTestId('form-import-summary').getByText(/新进展 0 条，已导入过 2 条/).waitFor();
    expect(await page.getByTestId('confirm-form-import').isDisabled()).toBe(true);
  });

  it('a project’s 累计完成投资 above its plan is shown with its investment columns and a warning in the preview', async () => {
    const plan = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
    const project = plan.projects.find((p) => p.plannedInvestment && p.constructionUnitIds.length === 1 && p.responsibleUnitIds.length === 0)!;
    const unit = plan.departments.find((d) => d.id === project.constructionUnitIds[0])!.name;
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await setUpDefaultOffice(page, suite.url);
    const dir = mkdtempSync(join(tmpdir(), 'zwc-excel-e2e-'));
    const form = await sendForm(page, dir, unit);
    const wb = await readWorkbook(new Uint8Array(readFileSync(form)));
    const ws = wb.getWorksheet('填报表')!;
    const row = [...Array(40).keys()].map((i) => i + 7).find((r) => cellText(ws.getCell(r, 1)).split('#')[0] === `project:${project.id}`)!;
    const col = (name: string) => [...Array(20).keys()].map((i) => i + 1).find((c) => cellText(ws.getCell(6, c)).startsWith(name))!;
    const over = String(Number(project.plannedInvestment) * 3);
    ws.getCell(row, col('完成百分比')).value = 80;
    ws.getCell(row, col('累计完成投资')).value = Number(over);
    ws.getCell(row, col('本年完成投资')).value = 200;
    ws.getCell(row, col('本月进展')).value = '端到端测试：设备安装';
    const filled = join(dir, 'project.xlsx');
    writeFileSync(filled, await writeWorkbook(wb));
    await chooseForm(page, filled);
    const preview = page.getByTestId('form-import-preview');
    await preview.getByRole('columnheader', { name: '累计完成投资（万元）' }).waitFor();
    await preview.getByRole('cell', { name: over, exact: true }).waitFor();
    expect(await preview.getByTestId('form-row-warning').innerText()).toBe(`累计完成投资 ${over} 万元超过计划总投资 ${project.plannedInvestment} 万元，请核对`);
    if (process.env.ZWC_SCREENSHOTS) await page.screenshot({ path: join(process.env.ZWC_SCREENSHOTS, 'form-import-investment.png') });
    await page.getByTestId('confirm-form-import').click();
    await expectSaved(page, '已记录 1 条进展');
  });
});
