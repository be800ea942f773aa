import { e2eSuite } from './support/harness';
import { openMenu, setUpDefaultOffice } from './support/ui';

/**
 * The desktop window's minimum size (electron/lib/window-state.ts: 1024×700): every page still fits
 * its width — wide tables scroll inside themselves, the page never scrolls sideways — and the menu
 * and the header stay in view (issue 26: "a minimum size that the layouts are tested at").
 */
const suite = e2eSuite(__filename);
const PAGES = ['工作总览', '任务清单', '项目清单', '指标体系', '月度调度', '问题清单', '单位与领导', '数据交换', '回收站', '设置'];

describe('the smallest window (1024×700, Chromium)', () => {
  it('shows every page without sideways scrolling, menu and header in view', async () => {
    const page = await suite.profile('clerk', { width: 1024, height: 700 });
    await setUpDefaultOffice(page, suite.url);
    const overflow: string[] = [];
    for (const name of PAGES) {
      await openMenu(page, name);
      await page.getByRole('menuitem', { name }).and(page.locator('.ant-menu-item-selected')).waitFor();
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) overflow.push(`${name}: ${scroll} > ${client}`);
      expect(await page.getByTestId('office-name').isVisible()).toBe(true);
    }
    expect(overflow).toEqual([]);
  });
});
