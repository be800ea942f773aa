import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { chooseBundle, expectSaved, openMenu, setUpOffice, textOf } from './support/ui';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { openWorkspace } from '../../shared/app/workspace';
import { setUpWorkspace } from '../../shared/app/setup/setup';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { addMonthsToDay } from '../../shared/domain/problem';
import { chinaToday, daysFromTo, defaultReportingPeriod } from '../../shared/domain/time';

/**
 * The city sees a county office's 问题清单 (issue 27, deliver 5): 伊金霍洛旗's laptop (the core, as
 * the county's app makes it) registers an overdue problem and sends its month's file; 鄂尔多斯市's
 * clerk (Chromium, 1366×768) imports it and finds the problem open and overdue under 各旗区总览 →
 * 问题清单; the county closes it with evidence and sends again; after the second import the city
 * sees it closed — gone from 未销号, listed under 已销号.
 */
const suite = e2eSuite(__filename);
const YIQI = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', '150627-yijinhuoluo.json'), 'utf8')));
const shots = process.env.ZWC_SCREENSHOTS;
const TEXT = '危险废物转移联单电子化推进缓慢';

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: join(shots, name) });
}

describe('the city sees a county office’s problems (Chromium, 1366×768)', () => {
  it('imports the county’s file, sees the problem open and overdue, then closed after the county’s next file', async () => {
    if (shots) mkdirSync(shots, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'zwc-problems-city-'));
    const today = chinaToday();
    const period = defaultReportingPeriod(new Date());
    // The county's laptop: a 一般 problem raised two months ago, due a month later, so overdue today.
    const county = await openWorkspace(new MemoryStorage());
    await setUpWorkspace(county, YIQI, 'plan');
    const task = YIQI.tasks.find((t) => t.leads.length === 1 && !t.completion);
    if (!task) throw new Error('no single-led open task');
    const raisedOn = addMonthsToDay(today, -2);
    const due = addMonthsToDay(raisedOn, 1);
    const { problem } = await county.problems.create('150627', { subjectKind: 'task', subjectId: task.id, text: TEXT, kind: 'general', raisedBy: { departmentId: task.leads[0].departmentId }, responsibleId: task.leads[0].departmentId, raisedOn });
    const send = async (name: string) => {
      const out = await county.exchange.exportBundle('150627', period);
      const path = join(dir, name);
      writeFileSync(path, out.bytes);
      return path;
    };
    const first = await send('1.zwb');

    const page = await suite.profile('city', { width: 1366, height: 768 });
    await setUpOffice(page, suite.url, '150600');
    await page.getByTestId('city-overview-table').waitFor();
    await chooseBundle(page, first);
    await page.getByTestId('trust-and-continue').click();
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('confirm-merge').click();
    await expectSaved(page, '已合并');

    await openMenu(page, '各旗区总览');
    // The county's line counts the overdue problem; the tab says how many are overdue across counties.
    await expect(textOf(page, 'county-problems-overdue-150627')).resolves.toMatch(/^1\s*\/\s*1$/);
    await page.getByTestId('city-problems-tab').click();
    const table = page.getByTestId('city-problem-table');
    const row = table.getByTestId('city-problem-150627');
    await row.filter({ hasText: TEXT }).waitFor();
    const line = (await row.textContent()) ?? '';
    expect(line).toContain('伊金霍洛旗');
    expect(line).toContain(`已逾期 ${daysFromTo(due, today)}天`);
    expect(line).toContain(problem.due);
    await shot(page, 'problems-city-open.png');

    // The county closes it with evidence and sends its next file.
    await county.problems.close(problem.id, { evidence: '联单系统已上线，现场核查通过', confirmedBy: '王明' });
    const second = await send('2.zwb');
    await chooseBundle(page, second);
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('confirm-merge').click();
    await expectSaved(page, '已合并');

    await openMenu(page, '各旗区总览');
    await expect(textOf(page, 'county-problems-overdue-150627')).resolves.toMatch(/^0\s*\/\s*0$/);
    await page.getByTestId('city-problems-tab').click();
    await table.getByText('没有符合条件的问题').waitFor();
    await page.locator('.ant-radio-button-wrapper', { hasText: '已销号' }).click();
    await row.filter({ hasText: TEXT }).filter({ hasText: '已销号' }).waitFor();
    await shot(page, 'problems-city-closed.png');
  });
});
