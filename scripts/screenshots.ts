// Captures the main views of the built renderer for the README (npm run screenshots).
// Starts from an empty browser profile, loads the default plan, and types one month's progress on
// one task so the progress form and history are not empty; that entry is illustration, not seed data.
import { rmSync } from 'node:fs';
import { startStaticServer } from './static-server';
import { launchChromium } from '../test/e2e/support/browser';
import { chooseBundle, closeTaskDrawer, exportBundleTo, openMenu, setUpDefaultOffice, setUpOffice } from '../test/e2e/support/ui';

const OUT = 'docs/screenshots';

async function main(): Promise<void> {
  const { server, url } = await startStaticServer('dist/renderer');
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await setUpDefaultOffice(page, url);
    const shot = async (name: string) => {
      await page.waitForTimeout(600); // let charts and drawers finish their animation
      await page.screenshot({ path: `${OUT}/${name}.png` });
      console.log(`${OUT}/${name}.png`);
    };
    await page.locator('.ant-alert .ant-alert-close-icon').first().click().catch(() => undefined);

    await openMenu(page, '任务清单');
    await shot('tasks');
    await page.getByTestId('task-title').nth(6).click();
    await page.getByTestId('task-drawer-title').waitFor();
    await page.getByLabel('本月进展').fill('已完成蒙苏经济开发区规划环评修编初稿，正在征求意见');
    await page.getByLabel('完成进度').fill('60');
    await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await page.getByTestId('progress-history').waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.locator('.ant-drawer-body').first().evaluate((el) => el.scrollTo(0, 0));
    await shot('task-drawer');
    await closeTaskDrawer(page);

    for (const [menu, name] of [
      ['工作总览', 'dashboard'],
      ['项目清单', 'projects'],
      ['指标体系', 'indicators'],
      ['月度调度', 'monthly'],
      ['单位与领导', 'directory'],
    ] as const) {
      await openMenu(page, menu);
      await shot(name);
    }

    // The exchange page, and the city office after importing this county's bundle.
    await openMenu(page, '数据交换');
    await page.getByTestId('own-fingerprint').filter({ hasText: /^\d{4}/ }).waitFor();
    await shot('exchange');
    const bundle = `${OUT}/../bundle-for-screenshot.zwb`;
    await exportBundleTo(page, bundle);
    const cityContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const city = await cityContext.newPage();
    await setUpOffice(city, url, '150600');
    await city.locator('.ant-alert .ant-alert-close-icon').first().click().catch(() => undefined);
    await chooseBundle(city, bundle);
    await city.getByTestId('import-fingerprint').waitFor();
    await city.waitForTimeout(400);
    await city.screenshot({ path: `${OUT}/import-trust.png` });
    console.log(`${OUT}/import-trust.png`);
    await city.getByTestId('trust-and-continue').click();
    await city.getByTestId('import-preview').waitFor();
    await city.waitForTimeout(400);
    await city.screenshot({ path: `${OUT}/import-preview.png` });
    console.log(`${OUT}/import-preview.png`);
    await city.getByTestId('confirm-merge').click();
    await city.locator('.ant-message-notice', { hasText: '已合并' }).waitFor();
    await openMenu(city, '各旗区总览');
    await city.getByTestId('county-tasks-150627').waitFor();
    await city.locator('.ant-alert .ant-alert-close-icon').first().click().catch(() => undefined);
    await city.getByTestId('county-row-150627').scrollIntoViewIfNeeded();
    await city.waitForTimeout(600);
    await city.screenshot({ path: `${OUT}/city-overview.png` });
    console.log(`${OUT}/city-overview.png`);
    rmSync(bundle);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
