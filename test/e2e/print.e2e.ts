/**
 * Printing from the app (browser build): the clerk chooses the lead units, prints each department's
 * sheet on its own, confirms it was printed (only then is it numbered; 没有打印 uses no number),
 * finds it in the register, records the receipt and prints it again with the same number; 督办 on a
 * department's row of 月度调度 opens that department's 督办单 at once.
 *
 * In a plain browser “打印” opens the browser's print dialog on a hidden frame holding the
 * document, titled with the file name. Headless Chromium has no dialog, so the test stands in for
 * it: the frame's print() hands over the document, which the test prints to PDF with Chromium and
 * saves under the title, as the dialog's “另存为 PDF” would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { openMenu, setUpDefaultOffice } from './support/ui';
import { chinaToday, formatPeriodZh, periodOf } from '../../shared/domain/time';

const suite = e2eSuite(__filename);
const dir = mkdtempSync(join(tmpdir(), 'zwc-print-app-'));
const year = chinaToday().slice(0, 4);
const month = formatPeriodZh(periodOf(chinaToday()));

declare global {
  interface Window {
    __zwcPrinted?: { title: string; html: string }[];
  }
}

async function clerk(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await suite.profile('clerk', viewport);
  // The app reaches the frame's window through contentWindow, so the stand-in is put there, in the
  // page itself: an init script inside the srcdoc frame may run after the app has called print().
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const sheets: { title: string; html: string }[] = [];
    window.__zwcPrinted = sheets;
    const original = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const win = original.get!.call(this) as Window | null;
        if (win) win.print = () => void sheets.push({ title: win.document.title, html: win.document.documentElement.outerHTML });
        return win;
      },
    });
  });
  await setUpDefaultOffice(page, suite.url);
  return page;
}

/** Waits for the n-th document the app sent to the print dialog, saves it as “Save as PDF” would and returns its name and text. */
async function printed(page: Page, n: number): Promise<{ name: string; file: string; text: string; pages: number }> {
  await page.waitForFunction((want) => (window.__zwcPrinted?.length ?? 0) >= want, n);
  const doc = await page.evaluate((i) => window.__zwcPrinted![i], n - 1);
  const pdfPage = await page.context().newPage();
  await pdfPage.setContent(doc.html);
  const name = `${doc.title}.pdf`;
  const file = join(dir, name);
  writeFileSync(file, await pdfPage.pdf({ preferCSSPageSize: true, printBackground: true }));
  await pdfPage.close();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { name, file, text: execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''), pages };
}

/** 月度调度 → 打印交办单 → one department (or all lead units with `department` absent) → 预览. */
async function openSheetDialog(page: Page, department?: string): Promise<void> {
  await openMenu(page, '月度调度');
  await page.getByRole('button', { name: '打印交办单' }).click();
  const dialog = page.getByRole('dialog', { name: '打印任务交办单' });
  await dialog.getByText('仅牵头单位（只列其牵头的任务）').waitFor();
  if (department) {
    await dialog.getByText('全部单位（每个单位单独成文').click(); // all → none
    const box = dialog.getByRole('combobox', { name: '选择单位' });
    await box.click();
    await box.fill(department);
    // Enter takes the highlighted match, as a clerk would; a click could land on an option the
    // filter is still re-rendering under load, and the choice is then lost.
    await page.locator('.ant-select-item-option-active', { hasText: `${department}（` }).waitFor();
    await box.press('Enter');
    await dialog.getByText('单位（1/').waitFor();
    await page.keyboard.press('Escape');
  }
  await dialog.getByRole('button', { name: /^预\s?览$/ }).click();
}

/** The browser asks after its print dialog closed: 已打印 numbers the sheet, 没有打印 does not. */
async function answerPrinted(page: Page, department: string, printed: boolean): Promise<void> {
  const ask = page.getByRole('dialog', { name: `${department}的任务交办单打印了吗？` });
  await ask.getByRole('button', { name: printed ? '已打印' : '没有打印' }).click();
  await ask.waitFor({ state: 'hidden' });
}

it('prints a 任务交办单 only when confirmed: 没有打印 uses no number, 已打印 numbers it; the register re-prints it with the same number', async () => {
  const page = await clerk();
  await openSheetDialog(page, '旗税务局');

  const batch = page.getByRole('dialog', { name: '任务交办单 · 旗税务局' });
  const sheet = batch.getByTestId('print-document');
  await sheet.getByText(`伊无废交〔${year}〕□号`).first().waitFor();
  await sheet.getByText('旗税务局：').waitFor();
  await sheet.getByText('任务交办单签收回执').waitFor();
  await batch.getByText(`任务交办单-旗税务局-${month}.pdf`).waitFor();
  // The browser build says what it cannot do, and offers no 保存为 PDF it could not keep.
  await batch.getByTestId('browser-print-limit').getByText('每个单位一个 PDF 文件、一次保存全部，需要使用桌面程序').waitFor();
  expect(await batch.getByRole('button', { name: '保存为 PDF' }).count()).toBe(0);

  // Cancelled in the print dialog: no number used.
  await batch.getByRole('button', { name: /打\s?印$/ }).click();
  await answerPrinted(page, '旗税务局', false);
  await page.getByText('未打印，旗税务局的任务交办单没有编号').waitFor();
  expect((await printed(page, 1)).text).toContain(`伊无废交〔${year}〕1号`);

  // Printed: the same number 1 is given, because the first print used none.
  await batch.getByRole('button', { name: /打\s?印$/ }).click();
  await answerPrinted(page, '旗税务局', true);
  await page.getByText(`已登记任务交办单：伊无废交〔${year}〕1号（旗税务局）`).waitFor();
  const pdf = await printed(page, 2);
  expect(pdf.name).toBe(`任务交办单-旗税务局-${month}.pdf`);
  expect(pdf.text).toContain(`伊无废交〔${year}〕1号`);
  expect(pdf.text).toContain('旗税务局：');
  expect(pdf.text).toContain('落实利用扶持政策');
  expect(pdf.text).toContain('任务交办单签收回执');
  await batch.getByText(`已编号并登记：伊无废交〔${year}〕1号`).waitFor();
  await batch.getByRole('button', { name: /^关\s?闭$/ }).click();

  // The register: one sheet, its receipt outstanding; record the receipt; print it again.
  await page.getByRole('button', { name: '交办记录' }).click();
  const register = page.getByRole('dialog', { name: '交办记录' });
  await register.getByText('共 1 份').waitFor();
  const row = register.getByRole('row', { name: new RegExp(`伊无废交〔${year}〕1号`) });
  await row.getByText('未收回').waitFor();
  await row.getByRole('button', { name: '登记回执' }).click();
  const receipt = page.getByRole('dialog', { name: /登记回执/ });
  await receipt.getByLabel('签收人').fill('王明');
  await receipt.getByRole('button', { name: /^登\s?记$/ }).click();
  await row.getByText(/已签收（王明）/).waitFor();

  await row.getByRole('button', { name: '重新打印' }).click();
  const again = page.getByRole('dialog', { name: /打印预览/ });
  await again.getByTestId('print-document').getByText(`伊无废交〔${year}〕1号`).first().waitFor();
  await again.getByRole('button', { name: /打\s?印$/ }).click();
  const reprint = await printed(page, 3);
  expect(reprint.text).toContain(`伊无废交〔${year}〕1号`);
});

it('all lead units: one document per department, each numbered from page 1, printed one at a time; collective names get none', async () => {
  const page = await clerk({ width: 1366, height: 768 });
  await openMenu(page, '月度调度');
  await page.getByRole('button', { name: '打印交办单' }).click();
  const dialog = page.getByRole('dialog', { name: '打印任务交办单' });
  await dialog.getByText('单位（25/25）').waitFor();
  await dialog.getByText('牵头和配合单位（配合单位也各发一份）').click();
  await dialog.getByText('单位（37/37）').waitFor();
  await dialog.getByTestId('collective-note').getByText('各成员单位（3项任务）、各镇人民政府（25项任务）：未单独发送，由旗无废办另行通知。').waitFor();
  await page.screenshot({ path: join(dir, 'dialog-1366.png') });
  await dialog.getByText('仅牵头单位（只列其牵头的任务）').click();
  await dialog.getByText('单位（25/25）').waitFor();
  await dialog.getByRole('button', { name: /^预\s?览$/ }).click();

  const batch = page.getByRole('dialog', { name: '任务交办单 · 25个单位（每个单位单独成文）' });
  const rows = batch.getByTestId('sheet-batch').locator('tbody tr.ant-table-row');
  await rows.nth(24).waitFor();
  expect(await rows.count()).toBe(25);
  await page.screenshot({ path: join(dir, 'batch-1366.png') });

  for (const [n, department] of [
    [1, '旗生态环境局'],
    [2, '旗税务局'],
  ] as const) {
    await batch.getByRole('button', { name: `打印 ${department}` }).click();
    await answerPrinted(page, department, true);
    await page.getByText(`已登记任务交办单：伊无废交〔${year}〕${n}号（${department}）`).waitFor();
    const pdf = await printed(page, n);
    expect(pdf.name).toBe(`任务交办单-${department}-${month}.pdf`);
    expect(pdf.text).toContain(`${department}：`);
    // Only this department in the file, and its pages numbered from — 1 —.
    expect(pdf.text.match(/任务交办单签收回执/g)).toHaveLength(1);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-raw', pdf.file, '-'], { encoding: 'utf8' });
    expect(first).toMatch(/—\s*1\s*—/);
    const last = execFileSync('pdftotext', ['-f', String(pdf.pages), '-l', String(pdf.pages), '-raw', pdf.file, '-'], { encoding: 'utf8' });
    expect(last).toMatch(new RegExp(`—\\s*${pdf.pages}\\s*—`));
    if (n === 1) {
      expect(pdf.pages).toBeGreaterThan(1);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf.file, join(dir, 'sheet-eco')]);
    }
  }
  const numbered = batch.getByTestId('sheet-batch').getByText(new RegExp(`^伊无废交〔${year}〕\\d号$`));
  expect(await numbered.count()).toBe(2);
  console.log(`print e2e pictures in ${dir}`);
});

it('督办 on a department’s row of 月度调度 opens its 督办单 at once', async () => {
  const page = await clerk();
  await openMenu(page, '月度调度');
  const panel = page.getByTestId('department-panel').filter({ hasText: '旗生态环境局' }).locator('xpath=ancestor::div[contains(@class,"ant-collapse-item")][1]');
  await panel.getByRole('button', { name: /督\s?办/ }).click();
  const notice = page.getByRole('dialog', { name: '督办单 · 旗生态环境局' });
  await notice.getByTestId('print-document').getByText('旗生态环境局：').waitFor();
  await notice.getByTestId('print-document').getByText('现予督办', { exact: false }).waitFor();
  await notice.getByRole('button', { name: /打\s?印$/ }).click();
  const ask = page.getByRole('dialog', { name: '旗生态环境局的督办单打印了吗？' });
  await ask.getByRole('button', { name: '已打印' }).click();
  await page.getByText(`已登记督办单：伊无废督〔${year}〕1号（旗生态环境局）`).waitFor();
  const pdf = await printed(page, 1);
  expect(pdf.name).toBe(`督办单-旗生态环境局-${month}.pdf`);
  expect(pdf.text).toContain(`伊无废督〔${year}〕1号`);
});

it('prints the indicator system from its page', async () => {
  const page = await clerk();
  await openMenu(page, '指标体系');
  await page.getByRole('button', { name: /打\s?印$/ }).click();
  const preview = page.getByRole('dialog', { name: /打印预览/ });
  await preview.getByTestId('print-document').getByText('注：★为国家必选指标', { exact: false }).waitFor();
  await preview.getByText('要存为文件请在其中选“另存为 PDF”', { exact: false }).waitFor();
  await preview.getByRole('button', { name: /打\s?印$/ }).click();
  const pdf = await printed(page, 1);
  expect(pdf.name).toMatch(/^指标体系-伊金霍洛旗-\d{4}年\.pdf$/);
  expect(pdf.text).toContain('一般工业固体废物产生强度');
});

it('全部打印: the 督办单 of all overdue departments in one print dialog, each from a new page with its own footer; 没有打印 issues none, 已打印 issues one number per department, consecutive', async () => {
  const page = await clerk({ width: 1366, height: 768 });
  await openMenu(page, '月度调度');
  await page.getByRole('button', { name: '打印督办单' }).click();
  const dialog = page.getByRole('dialog', { name: '打印督办单' });
  const chosen = dialog.getByText(/^单位（\d+\/\d+）$/);
  await chosen.waitFor();
  const n = Number(/（(\d+)\//.exec(await chosen.innerText())![1]);
  expect(n).toBeGreaterThan(2);
  await dialog.getByRole('button', { name: /^预\s?览$/ }).click();

  const batch = page.getByRole('dialog', { name: `督办单 · ${n}个单位（每个单位单独成文）` });
  const rows = batch.getByTestId('sheet-batch').locator('tbody tr.ant-table-row');
  await rows.nth(n - 1).waitFor();
  const names = await rows.locator('td:first-child').allInnerTexts();
  await batch.getByTestId('browser-print-limit').getByText(`页脚印单位名称、编号和本单位页码（如“${names[0]} · 伊无废督〔${year}〕□号 — 1 —”）`, { exact: false }).waitFor();
  const all = batch.getByRole('button', { name: `全部打印（一次打印 ${n} 个单位）` });
  await page.screenshot({ path: join(dir, 'print-all-1366.png') });

  // Not printed: one print dialog, one question, no number used.
  await all.click();
  const ask = page.getByRole('dialog', { name: '是否已全部打印？' });
  await ask.getByText(`伊无废督〔${year}〕1号 至 伊无废督〔${year}〕${n}号`, { exact: false }).waitFor();
  await ask.getByRole('button', { name: '没有打印' }).click();
  await page.getByText('未打印，没有使用编号').waitFor();
  expect(await page.evaluate(() => window.__zwcPrinted!.length)).toBe(1);
  expect(await batch.getByTestId('sheet-batch').getByText(/^伊无废督/).count()).toBe(0);

  // Printed: one more print dialog; the numbers 1…n go to the departments in the order listed.
  await all.click();
  await ask.getByRole('button', { name: '已打印' }).click();
  await page.getByText(`已登记督办单 伊无废督〔${year}〕1号 至 伊无废督〔${year}〕${n}号（${n}个单位）`).waitFor();
  expect(await page.evaluate(() => window.__zwcPrinted!.length)).toBe(2);
  for (const i of names.keys()) await rows.nth(i).getByText(`伊无废督〔${year}〕${i + 1}号`, { exact: true }).waitFor();

  // One document: every department from a new page, each page's footer naming it and its number, its pages counted from — 1 —.
  const pdf = await printed(page, 2);
  expect(pdf.name).toBe(`督办单-${month}-${n}个单位.pdf`);
  const feet: { name: string; number: number; page: number }[] = [];
  for (let p = 1; p <= pdf.pages; p++) {
    const lines = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-raw', pdf.file, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.replace(/\s+/g, ''));
    const foot = lines.map((l) => new RegExp(`^(.+)·伊无废督〔${year}〕(\\d+)号—(\\d+)—$`).exec(l)).find(Boolean);
    expect(foot).toBeTruthy();
    feet.push({ name: foot![1], number: Number(foot![2]), page: Number(foot![3]) });
    if (foot![3] === '1') expect(lines.join('')).toContain(`${foot![1]}：`);
  }
  const firsts = feet.filter((f) => f.page === 1);
  expect(firsts.map((f) => f.name)).toEqual(names);
  expect(firsts.map((f) => f.number)).toEqual(names.map((_, i) => i + 1));
  feet.forEach((f, i) => f.page > 1 && expect([f.name, f.number, f.page]).toEqual([feet[i - 1].name, feet[i - 1].number, feet[i - 1].page + 1]));
  expect(pdf.pages).toBeGreaterThan(n);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf.file, join(dir, 'print-all')]);

  // The register: one 督办单 per department, numbered 1…n.
  await batch.getByRole('button', { name: /^关\s?闭$/ }).click();
  await page.getByRole('button', { name: '交办记录' }).click();
  const register = page.getByRole('dialog', { name: '交办记录' });
  await register.getByText(`共 ${n} 份`, { exact: false }).waitFor();
  const listed: string[] = [];
  for (let p = 1; p <= Math.ceil(n / 10); p++) {
    if (p > 1) await register.locator(`.ant-pagination-item-${p}`).click();
    const body = register.getByTestId('issued-sheets').locator('tbody tr.ant-table-row');
    await body.first().getByText(`伊无废督〔${year}〕${n - (p - 1) * 10}号`, { exact: true }).waitFor();
    for (const row of await body.all()) listed.push((await row.locator('td').nth(0).innerText()) + '|' + (await row.locator('td').nth(2).innerText()));
  }
  expect(listed.sort()).toEqual(names.map((name, i) => `伊无废督〔${year}〕${i + 1}号|${name}`).sort());
  console.log(`print-all pictures in ${dir}`);
});
