import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { openMenu, setUpDefaultOffice } from './support/ui';

/** Issue 28: the clerk saves the month's 工作简报 and a 通报 from 月度调度 as Word files (Chromium, default plan 伊金霍洛旗). */
const suite = e2eSuite(__filename);

async function saveFrom(page: Page, click: () => Promise<void>, dir: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']);
  return { name: download.suggestedFilename(), text: [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') };
}

/**
 * Has the page click the 生成通报 dialog's first unit as soon as the rows appear: in the next task after
 * they are shown, before the page does anything else, as a clerk on a slow machine may.
 */
function tickFirstUnitAsItAppears(page: Page): Promise<void> {
  return page.evaluate(() => {
    const boxes = () => [...document.querySelectorAll<HTMLInputElement>('.ant-modal input[type=checkbox]')];
    const earlier = new Set(boxes()); // the last opening's rows, still in the hidden dialog
    const watch = new MutationObserver(() => {
      const box = boxes().find((b) => !earlier.has(b));
      if (!box) return;
      watch.disconnect();
      setTimeout(() => box.click(), 0);
    });
    watch.observe(document.body, { childList: true, subtree: true });
  });
}

describe('Word documents from 月度调度 (Chromium)', () => {
  it('saves the month’s 工作简报, then a 通报 of the one unit the clerk ticks', async () => {
    const page = await suite.profile('clerk');
    await setUpDefaultOffice(page, suite.url);
    await openMenu(page, '月度调度');
    const heading = await page.getByRole('heading', { name: /月度调度 · / }).innerText();
    const [, year, month] = heading.match(/(\d{4})年(\d{1,2})月/) ?? [];
    const dir = mkdtempSync(join(tmpdir(), 'zwc-docs-e2e-'));

    const briefing = await saveFrom(page, () => page.getByRole('button', { name: '生成工作简报' }).click(), dir);
    const title = `伊金霍洛旗“无废城市”建设工作简报（${year}年第${month}期）`;
    expect(briefing.name).toBe(`${title}.docx`);
    expect(briefing.text).toContain(title);
    expect(briefing.text).toContain('一、总体情况');
    expect(briefing.text).toContain('伊金霍洛旗“无废城市”建设工作领导小组办公室');
    await page.getByText(`工作简报已保存：${title}.docx`).waitFor();
    // The coverage the page shows is the one the briefing states.
    const coverage = await page.getByTestId('coverage').getAttribute('aria-valuenow');
    expect(briefing.text).toContain(`报送率 ${Number(Number(coverage).toFixed(1))}%`);

    await page.getByRole('button', { name: '生成通报' }).click();
    const modal = page.getByRole('dialog', { name: /生成通报/ });
    const first = modal.getByRole('checkbox').first();
    await first.waitFor();
    const unit = (await first.getAttribute('aria-label')) ?? '';
    await first.check();
    if (process.env.ZWC_SCREENSHOTS) await page.screenshot({ path: join(process.env.ZWC_SCREENSHOTS, 'notice-modal.png') });
    const notice = await saveFrom(page, () => modal.getByRole('button', { name: '生成通报（1 个单位）' }).click(), dir);
    expect(notice.text).toContain(`关于${year}年${Number(month)}月“无废城市”建设工作推进滞后单位的通报`);
    expect(notice.text).toContain(`（一）${unit}`);
    expect(notice.text).not.toContain('（二）');
    await modal.waitFor({ state: 'hidden' });

    // A tick made the moment the rows appear is kept (with antd's Checkbox.Group it was dropped until
    // the boxes had registered with the group, and the box sprang back); only that unit is ticked.
    await tickFirstUnitAsItAppears(page);
    await page.getByRole('button', { name: '生成通报' }).click();
    await modal.getByRole('button', { name: '生成通报（1 个单位）' }).waitFor();
    expect(await modal.getByRole('checkbox', { name: unit, exact: true }).isChecked()).toBe(true);
    expect(await modal.getByRole('checkbox', { checked: true }).count()).toBe(1);
  });
});
