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

export async function setUpDefaultOffice(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('seed-preview').waitFor();
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByTestId('office-name').waitFor();
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
