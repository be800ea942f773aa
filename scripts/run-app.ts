/**
 * Starts the desktop app. Where Electron's binary is present it opens the window; where it could
 * not be downloaded (as on build machines without internet), it serves the very same UI to a
 * browser and prints the address.
 */
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { startStaticServer } from './static-server';

const electronReady = existsSync('node_modules/electron/path.txt');

async function main(): Promise<void> {
  if (electronReady && !process.argv.includes('--browser')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const electronPath = require('electron') as unknown as string;
    const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const port = Number(process.env.ZWC_PORT ?? 5173);
  const { url } = await startStaticServer('dist/renderer', port);
  if (!electronReady) {
    console.log('\n本机没有 Electron 运行文件（下载失败或被跳过），已改为在浏览器中运行同一界面。');
    console.log('Electron binary not present here; serving the same UI for a browser instead.');
  }
  console.log(`\n  请用浏览器打开 / open in a browser:  ${url}\n  按 Ctrl+C 结束 / Ctrl+C to stop.\n`);
}

void main();
