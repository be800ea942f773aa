import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';

/**
 * Launches the real desktop shell where an Electron binary exists. On machines where Electron's
 * binary cannot be downloaded the test is reported as skipped, with the reason printed.
 */
const binaryPresent = existsSync(join('node_modules', 'electron', 'path.txt'));
const runIfElectron = binaryPresent ? it : it.skip;

if (!binaryPresent) {
  console.warn('[electron-smoke] 跳过：本机没有 Electron 运行文件（node_modules/electron/path.txt 不存在）。Skipped: no Electron binary here.');
}

describe('Electron shell', () => {
  runIfElectron('opens the window with security defaults and the desktop API', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const executablePath = require('electron') as unknown as string;
    const app = await electron.launch({ executablePath, args: ['.'] });
    try {
      const window = await app.firstWindow();
      await window.getByText('无废城市建设台账').first().waitFor();
      const shell = await window.evaluate(async () => (await (globalThis as { zwcDesktop?: { info(): Promise<{ shell: string }> } }).zwcDesktop?.info())?.shell);
      expect(shell).toBe('electron');
      // No Node in the page: nodeIntegration off, context isolated.
      expect(await window.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual([
        'undefined',
        'undefined',
      ]);
    } finally {
      await app.close();
    }
  });
});
