import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { expectSaved, openMenu, setUpDefaultOffice } from './support/ui';

/** 设置 → 备份与恢复 in the browser build: download, reset, restore from the file; a damaged file refused. */
const suite = e2eSuite(__filename);
const dir = mkdtempSync(join(tmpdir(), 'zwc-backup-e2e-'));

async function renameFirstTask(page: Page, title: string): Promise<void> {
  await openMenu(page, '任务清单');
  await page.getByTestId('task-title').first().click();
  await page.getByTestId('task-drawer-title').waitFor();
  await page.getByRole('tab', { name: '基本信息' }).click();
  await page.getByLabel('任务名称').fill(title);
  await page.getByTestId('task-editor').getByRole('button', { name: '保存修改' }).click();
  await expectSaved(page, '修改任务');
  await page.keyboard.press('Escape');
}

async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function chooseFile(page: Page, testId: string, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(testId).click()]);
  await chooser.setFiles(path);
}

describe('backup and restore (Chromium, browser build)', () => {
  it('downloads a backup, resets, restores every record from the file, and refuses a damaged one', async () => {
    const page = await suite.profile('clerk');
    await setUpDefaultOffice(page, suite.url);
    await renameFirstTask(page, '备份前改过的任务名称');

    await openMenu(page, '设置');
    await page.getByTestId('backup-reminder').getByText('本机还没有备份过').waitFor();
    const backup = await download(page, 'backup-now');
    expect(backup).toMatch(/台账备份-伊金霍洛旗-\d{8}-\d{6}\.zwbak$/);
    await page.getByTestId('backup-last').waitFor();
    await page.getByTestId('backup-reminder').waitFor({ state: 'detached' });

    // A damaged copy is refused with the reason, and nothing changes.
    const bytes = readFileSync(backup);
    bytes[bytes.length - 200] ^= 0xff;
    const damaged = join(dir, 'damaged.zwbak');
    writeFileSync(damaged, bytes);
    await chooseFile(page, 'restore-pick', damaged);
    await page.locator('.ant-message-notice', { hasText: '备份文件已损坏' }).waitFor();
    await expect(page.getByTestId('restore-preview').count()).resolves.toBe(0);

    // Reset (its own verified backup first), then restore from the downloaded file on the first-run page.
    await download(page, 'reset-backup');
    await page.getByTestId('reset-backup-done').waitFor();
    await page.getByLabel('输入确认文字').fill('重置伊金霍洛旗');
    await page.getByTestId('reset-confirm').click();
    await page.getByText('首次使用').waitFor();
    await chooseFile(page, 'setup-restore', backup);
    const preview = page.getByTestId('restore-preview');
    await preview.getByText('83').first().waitFor();
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('office-name').getByText('伊金霍洛旗').waitFor();

    await openMenu(page, '任务清单');
    await page.getByTestId('task-title').getByText('备份前改过的任务名称').waitFor();
    expect(await page.getByTestId('task-count').textContent()).toBe('83');
  });
});
