import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { expectSaved, filesToDrag, openMenu, setUpDefaultOffice } from './support/ui';
import { readWorkbook, writeWorkbook, cellText } from '../../shared/xlsx/workbook';

/**
 * Returned department forms come back many at once (issue 20, deliver 3): several files in one
 * dialog, files dropped on the page, an .ods refused by its name with how to fix it (Chromium,
 * default plan 伊金霍洛旗).
 */
const suite = e2eSuite(__filename);

/** All departments' forms, through the app's own 生成 (the zip of every department's form). */
async function allForms(page: Page, dir: string): Promise<string[]> {
  await openMenu(page, '月度调度');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('generate-forms').click()]);
  const zip = join(dir, 'forms.zip');
  await download.saveAs(zip);
  const files = Object.entries(unzipSync(new Uint8Array(readFileSync(zip)))).filter(([name]) => name.endsWith('.xlsx'));
  return files.map(([name, bytes]) => {
    const path = join(dir, basename(name));
    writeFileSync(path, bytes);
    return path;
  });
}

/** What a department does in its spreadsheet program: fills the first row and saves under a new name. */
async function fillIn(path: string, text: string): Promise<string> {
  const wb = await readWorkbook(new Uint8Array(readFileSync(path)));
  const ws = wb.getWorksheet('填报表')!;
  const header = [...Array(12).keys()].map((i) => i + 1).find((r) => cellText(ws.getCell(r, 8)).startsWith('完成百分比'))!;
  const col = (name: string) => [...Array(20).keys()].map((i) => i + 1).find((c) => cellText(ws.getCell(header, c)).startsWith(name))!;
  ws.getCell(header + 1, col('完成百分比')).value = 40;
  ws.getCell(header + 1, col('状态')).value = '推进中';
  ws.getCell(header + 1, col('本月进展')).value = text;
  const out = path.replace(/\.xlsx$/, '（已填）.xlsx');
  writeFileSync(out, await writeWorkbook(wb));
  return out;
}

/** The same form saved as .ods by LibreOffice, as a department using LibreOffice would send it back. */
function toOds(path: string, dir: string): string {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'ods', '--outdir', dir, path], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`soffice --convert-to ods failed: ${r.stderr}`);
  return path.replace(/\.xlsx$/, '.ods');
}

/** The outcome listed under one file's name in the preview drawer. */
const fileSection = (page: Page, name: string) => page.getByTestId('form-import-preview').getByRole('region', { name, exact: true });

describe('returned forms, many at once (Chromium)', () => {
  it('imports three forms in one dialog and refuses an .ods by name, each outcome under its file', async () => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await setUpDefaultOffice(page, suite.url);
    const dir = mkdtempSync(join(tmpdir(), 'zwc-form-import-'));
    const forms = await allForms(page, dir);
    expect(forms.length).toBeGreaterThanOrEqual(4);
    const filled = await Promise.all(forms.slice(0, 3).map((f, i) => fillIn(f, `一次导入测试 ${i + 1}`)));
    const ods = toOds(await fillIn(forms[3], '用 LibreOffice 保存的'), dir);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-forms').click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([...filled, ods]);

    const names = filled.map((f) => basename(f));
    const odsName = basename(ods);
    await page.getByTestId('form-import-overview').getByText(`共 4 个文件：可导入 3 个（新进展 3 条），已拒绝 1 个：${odsName}`).waitFor();
    for (const name of names) {
      await fileSection(page, name).getByTestId('form-import-summary').getByText(/新进展 1 条，已导入过 0 条/).waitFor();
      expect(await fileSection(page, name).getByText(/一次导入测试 \d/).count()).toBe(1);
    }
    const refusal = await fileSection(page, odsName).getByTestId('form-import-refusal').innerText();
    expect(refusal).toBe(`「${odsName}」是 .ods 格式，本程序只能读取 .xlsx。请用 WPS/Excel/LibreOffice 打开后“另存为” .xlsx 再导入。`);
    expect(await fileSection(page, odsName).getByTestId('form-import-summary').count()).toBe(0);
    if (process.env.ZWC_SCREENSHOTS) await page.screenshot({ path: join(process.env.ZWC_SCREENSHOTS, 'form-import-many.png') });

    await page.getByTestId('confirm-form-import').click();
    await expectSaved(page, '已记录 3 条进展');
    await page.getByTestId('form-import-preview').waitFor({ state: 'hidden' });
  });

  it('shows a drop zone while files are dragged over the page and imports what is dropped', async () => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await setUpDefaultOffice(page, suite.url);
    const dir = mkdtempSync(join(tmpdir(), 'zwc-form-drop-'));
    const [form] = await allForms(page, dir);
    const filled = await fillIn(form, '拖入导入测试');
    const transfer = await filesToDrag(page, [
      { name: basename(filled), bytes: readFileSync(filled) },
      { name: '旧表格.csv', bytes: Buffer.from('任务,完成百分比\n排查,40\n') },
    ]);

    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page.getByTestId('form-drop-hint').getByText('松开鼠标，导入填回的填报表').waitFor();
    if (process.env.ZWC_SCREENSHOTS) await page.screenshot({ path: join(process.env.ZWC_SCREENSHOTS, 'form-drop-hint.png') });
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await page.getByTestId('form-drop-hint').waitFor({ state: 'detached' });

    await fileSection(page, basename(filled)).getByText('拖入导入测试').waitFor();
    expect(await fileSection(page, '旧表格.csv').getByTestId('form-import-refusal').innerText()).toMatch(/^「旧表格.csv」是 .csv 格式，本程序只能读取 .xlsx。/);
  });

  it('imports a whole folder through 导入整个文件夹, without lock files', async () => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await setUpDefaultOffice(page, suite.url);
    const dir = mkdtempSync(join(tmpdir(), 'zwc-form-folder-'));
    const [form] = await allForms(page, dir);
    const folder = join(dir, '收回的填报表');
    mkdirSync(folder);
    const filled = await fillIn(form, '文件夹导入测试');
    writeFileSync(join(folder, basename(filled)), readFileSync(filled));
    writeFileSync(join(folder, `~$${basename(filled)}`), 'lock');
    const xls = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
    writeFileSync(join(folder, '旗林草局.et'), xls);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-forms-folder').click()]);
    await chooser.setFiles(folder);
    await page.getByTestId('form-import-overview').getByText('共 2 个文件：可导入 1 个（新进展 1 条），已拒绝 1 个：旗林草局.et').waitFor();
    await fileSection(page, basename(filled)).getByText('文件夹导入测试').waitFor();
    expect(await fileSection(page, '旗林草局.et').getByTestId('form-import-refusal').innerText()).toMatch(/^「旗林草局.et」是 .et 格式，本程序只能读取 .xlsx。请用 WPS\/Excel\/LibreOffice 打开后“另存为” .xlsx 再导入。$/);
  });
});
