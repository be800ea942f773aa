import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { e2eSuite } from './support/harness';
import { exportBundleTo, filesToDrag, openMenu, setUpDefaultOffice } from './support/ui';

/**
 * A .zwb dragged onto the window on any page goes to 数据交换's import (issue 26, "by dragging it
 * onto the window"), checked there like a chosen file; a file of another kind is named.
 */
const suite = e2eSuite(__filename);

describe('dragging an exchange file onto the window (Chromium)', () => {
  it('takes a .zwb dropped on 工作总览 to 数据交换, listed under its name, and names a file that is not one', async () => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await setUpDefaultOffice(page, suite.url);
    const dir = mkdtempSync(join(tmpdir(), 'zwc-bundle-drop-'));
    const path = join(dir, '伊金霍洛旗-2026-11.zwb');
    await exportBundleTo(page, path);
    await openMenu(page, '工作总览');
    const transfer = await filesToDrag(page, [
      { name: basename(path), bytes: readFileSync(path) },
      { name: '说明.txt', bytes: Buffer.from('不是交换文件') },
    ]);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
    await page.getByText('松开鼠标，导入交换文件').waitFor();
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await page.locator('.ant-message-notice', { hasText: '「说明.txt」不是交换文件（.zwb）' }).waitFor();
    await page.getByTestId('batch-file').filter({ has: page.getByTestId('batch-file-name').getByText(basename(path)) }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toMatch(/^#\/exchange/);
  });
});
