import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Which Chromium runs the tests: $ZWC_CHROMIUM if set, else Debian's /usr/bin/chromium, else the
 * browser Playwright installed on a developer's machine (`npx playwright install chromium`).
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.ZWC_CHROMIUM) return process.env.ZWC_CHROMIUM;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  try {
    return await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS, headless: true });
  } catch (e) {
    throw new Error(
      `无法启动 Chromium（${executablePath ?? 'Playwright 默认浏览器'}）。请安装 chromium 或设置 ZWC_CHROMIUM 指向浏览器。\n${String(e)}`,
    );
  }
}
