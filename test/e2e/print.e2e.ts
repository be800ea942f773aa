/**
 * Printing from the app: the clerk opens the print preview, saves a 任务交办单 as PDF, finds it in
 * the register, records the receipt and prints it again with the same number.
 *
 * In a plain browser “保存为 PDF” opens the browser's print dialog on a hidden frame holding the
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

async function clerk(): Promise<Page> {
  const page = await suite.profile('clerk');
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
async function printed(page: Page, n: number): Promise<{ name: string; text: string; pages: number }> {
  await page.waitForFunction((want) => (window.__zwcPrinted?.length ?? 0) >= want, n);
  const doc = await page.evaluate((i) => window.__zwcPrinted![i], n - 1);
  const pdfPage = await page.context().newPage();
  await pdfPage.setContent(doc.html);
  const name = `${doc.title}.pdf`;
  const file = join(dir, name);
  writeFileSync(file, await pdfPage.pdf({ preferCSSPageSize: true, printBackground: true }));
  await pdfPage.close();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return { name, text: execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''), pages };
}

async function openSheetDialog(page: Page, department: string): Promise<void> {
  await openMenu(page, '月度调度');
  await page.getByRole('button', { name: '打印交办单' }).click();
  const dialog = page.getByRole('dialog', { name: '打印任务交办单' });
  await dialog.getByText('全部单位（每个单位一份').click(); // all → none
  const box = dialog.getByRole('combobox', { name: '选择单位' });
  await box.click();
  await box.fill(department);
  // Enter takes the highlighted match, as a clerk would; a click could land on an option the
  // filter is still re-rendering under load, and the choice is then lost.
  await page.locator('.ant-select-item-option-active', { hasText: `${department}（` }).waitFor();
  await box.press('Enter');
  await dialog.getByText('单位（1/').waitFor();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: /^预\s?览$/ }).click();
}

it('previews a 任务交办单, saves it as PDF with its number, records it, and re-prints it with the same number', async () => {
  const page = await clerk();
  await openSheetDialog(page, '旗税务局');

  const preview = page.getByRole('dialog', { name: /打印预览/ });
  const sheet = preview.getByTestId('print-document');
  await sheet.getByText(`伊无废交〔${year}〕1号`).first().waitFor();
  await sheet.getByText('旗税务局：').waitFor();
  await sheet.getByText('任务交办单签收回执').waitFor();
  await preview.getByText(`任务交办单-旗税务局-${month}.pdf`).waitFor();

  await preview.getByRole('button', { name: '保存为 PDF' }).click();
  await page.getByText('已登记 1 份任务交办单：').waitFor();
  const pdf = await printed(page, 1);
  expect(pdf.name).toBe(`任务交办单-旗税务局-${month}.pdf`);
  expect(pdf.text).toContain(`伊无废交〔${year}〕1号`);
  expect(pdf.text).toContain('旗税务局：');
  expect(pdf.text).toContain('落实利用扶持政策');
  expect(pdf.text).toContain('任务交办单签收回执');
  expect(pdf.pages).toBeGreaterThanOrEqual(1);
  await preview.getByRole('button', { name: /^关\s?闭$/ }).click();

  // The register: the sheet, its receipt outstanding; record the receipt; print it again.
  await page.getByRole('button', { name: '交办记录' }).click();
  const register = page.getByRole('dialog', { name: '交办记录' });
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
  const reprint = await printed(page, 2);
  expect(reprint.text).toContain(`伊无废交〔${year}〕1号`);
});

it('never gives a number twice: the next sheet gets the next number', async () => {
  const page = await clerk();
  for (const [department, n] of [
    ['旗税务局', 1],
    ['旗卫健委', 2],
  ] as const) {
    await openSheetDialog(page, department);
    const preview = page.getByRole('dialog', { name: /打印预览/ });
    await preview.getByTestId('print-document').getByText(`伊无废交〔${year}〕${n}号`).first().waitFor();
    await preview.getByRole('button', { name: /打\s?印$/ }).click();
    await page.getByText(`已登记 1 份任务交办单：伊无废交〔${year}〕${n}号`).waitFor();
    expect((await printed(page, n)).text).toContain(`伊无废交〔${year}〕${n}号${department}：`);
    await preview.getByRole('button', { name: /^关\s?闭$/ }).click();
  }
});

it('prints the indicator system from its page', async () => {
  const page = await clerk();
  await openMenu(page, '指标体系');
  await page.getByRole('button', { name: /打\s?印$/ }).click();
  const preview = page.getByRole('dialog', { name: /打印预览/ });
  await preview.getByTestId('print-document').getByText('注：★为国家必选指标', { exact: false }).waitFor();
  await preview.getByRole('button', { name: '保存为 PDF' }).click();
  const pdf = await printed(page, 1);
  expect(pdf.name).toMatch(/^指标体系-伊金霍洛旗-\d{4}年\.pdf$/);
  expect(pdf.text).toContain('一般工业固体废物产生强度');
});
