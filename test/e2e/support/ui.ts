import type { Page } from 'playwright-core';

/** Small helpers for driving Ant Design controls the way a clerk does. */
export async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByRole('menuitem', { name: label }).click();
}

export async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().textContent()) ?? '';
}

export async function numberOf(page: Page, testId: string): Promise<number> {
  return Number(await textOf(page, testId));
}

/** Picks an option in an antd Select found by its aria-label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  // antd puts the aria-label on both the wrapper and its search input: the input is the combobox.
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** First run: picks the office (the default, 伊金霍洛旗, when none is given) and starts. */
export async function setUpOffice(page: Page, url: string, code?: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('seed-preview').waitFor();
  if (code) await page.getByTestId(`office-${code}`).click();
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByTestId('office-name').waitFor();
}

export function setUpDefaultOffice(page: Page, url: string): Promise<void> {
  return setUpOffice(page, url);
}

export async function closeTaskDrawer(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close').first().click();
  await page.getByTestId('task-drawer-title').waitFor({ state: 'detached' });
}

/** 数据交换 → 导出交换文件, saved where the test wants it. */
export async function exportBundleTo(page: Page, path: string): Promise<void> {
  await openMenu(page, '数据交换');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-bundle').click()]);
  await download.saveAs(path);
}

/** 数据交换 → 导入交换文件, choosing the given file in the file dialog. */
export async function chooseBundle(page: Page, path: string): Promise<void> {
  await openMenu(page, '数据交换');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-bundle').click()]);
  await chooser.setFiles(path);
}

/** Waits for a success message and closes nothing: antd removes it by itself. */
export async function expectSaved(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).first().waitFor();
}

/** Clicks 撤销 in the note that confirmed a save: the undo a clerk sees right after saving. */
export async function undoFromNote(page: Page, noteText: string): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: noteText }).first().locator('button', { hasText: /撤\s?销/ }).click();
}

/** Types into a searchable antd Select and takes the option with exactly that text. */
export async function pickByTyping(page: Page, label: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(option);
  await page.locator(`.ant-select-item-option[title="${option}"]`).last().waitFor();
  await box.press('Enter');
}

/** Files as the desktop hands them to a drag: a DataTransfer in the page, to dispatch with dragenter and drop. */
export function filesToDrag(page: Page, files: readonly { name: string; bytes: Uint8Array }[]) {
  const list = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));
  return page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const f of items) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, list);
}
