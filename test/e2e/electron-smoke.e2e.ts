import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';

/**
 * Launches the real desktop shell where an Electron binary exists. On machines where Electron's
 * binary cannot be downloaded the test is reported as skipped, with the reason printed.
 *
 * The binary is looked for without require('electron'): since Electron 42 that require starts a
 * download when the binary is missing, which must not happen inside a test run.
 */
function electronBinary(): string | null {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(process.cwd(), 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

const executablePath = electronBinary();
const runIfElectron = executablePath ? it : it.skip;

if (!executablePath) {
  console.warn('[electron-smoke] 跳过：本机没有 Electron 运行文件（node_modules/electron/path.txt 或 dist/ 下的程序不存在）。Skipped: no Electron binary here.');
}

describe('Electron shell', () => {
  runIfElectron('opens the app from app://ledger/ with security defaults and the desktop API', async () => {
    const app = await electron.launch({ executablePath: executablePath!, args: ['.'] });
    try {
      const page = await app.firstWindow();
      await page.getByText('无废城市建设台账').first().waitFor();
      // Served by the app's own protocol, never file://.
      expect(await page.evaluate(() => location.origin)).toBe('app://ledger');
      const shell = await page.evaluate(async () => (await (globalThis as { zwcDesktop?: { info(): Promise<{ shell: string }> } }).zwcDesktop?.info())?.shell);
      expect(shell).toBe('electron');
      // No Node in the page: nodeIntegration off, context isolated.
      expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual([
        'undefined',
        'undefined',
      ]);
      // No new windows, no navigation away from the app.
      expect(await page.evaluate(() => globalThis.open('https://example.com/') === null)).toBe(true);
      await page.evaluate(() => {
        location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => location.origin)).toBe('app://ledger');
      expect(app.windows()).toHaveLength(1);
      // The desktop's backup folder and the folders 关于 shows (#23).
      const desktopState = await page.evaluate(async () => {
        const api = (globalThis as { zwcDesktop?: { info(): Promise<{ folders?: Record<string, string> }>; backups?: { list(): Promise<unknown[]> } } }).zwcDesktop;
        return { folders: Object.keys((await api?.info())?.folders ?? {}).sort(), backups: Array.isArray(await api?.backups?.list()) };
      });
      expect(desktopState).toEqual({ folders: ['backups', 'crashDumps', 'data', 'logs'], backups: true });
    } finally {
      await app.close();
    }
  });

  runIfElectron('opens a .zwb it was started with in 数据交换’s import (#26)', async () => {
    // A file that is not a real bundle still reaches the import, which names it and says why it is refused.
    const dir = mkdtempSync(join(tmpdir(), 'zwc-smoke-'));
    const file = join(dir, '伊金霍洛旗-2026-11.zwb');
    writeFileSync(file, 'not a bundle');
    const app = await electron.launch({ executablePath: executablePath!, args: ['.', file] });
    try {
      const page = await app.firstWindow();
      await page.getByText('无废城市建设台账').first().waitFor();
      const start = page.getByRole('button', { name: '开始使用' });
      if (await start.isVisible()) await start.click();
      await page.getByTestId('batch-file-name').getByText('伊金霍洛旗-2026-11.zwb').waitFor();
      expect(await page.evaluate(() => location.hash)).toMatch(/^#\/exchange/);
    } finally {
      await app.close();
    }
  });
});
