import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { choose, chooseBundle, expectSaved, exportBundleTo, numberOf, openMenu, setUpDefaultOffice, setUpOffice, textOf } from './support/ui';

/**
 * Projects judged like tasks, on the seeded 伊金霍洛旗 plan: its 11 projects are due between 2023 and
 * 2025 and start 未开工, so from 2026 on every one of them is overdue (shared/domain/RULES.md).
 */
const suite = e2eSuite(__filename);

const SEEDED_PROJECTS = 11;
const FIRST_PROJECT = '神东布尔台煤矿煤矸石综合利用项目';
const FIRST_REASON = '已超过完成时限（2024年12月31日），仍未开工';

async function freshOffice(): Promise<Page> {
  const page = await suite.profile('clerk');
  await setUpDefaultOffice(page, suite.url);
  return page;
}

const shows = (page: Page, testId: string, text: string) =>
  page.waitForFunction(([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === want, [testId, text] as const);

describe('projects overdue against their 完成时限 (Chromium)', () => {
  it('lists overdue projects with their reason, filters them, and the dashboard counts them', async () => {
    const page = await freshOffice();
    await openMenu(page, '项目清单');
    await expect(numberOf(page, 'project-count')).resolves.toBe(SEEDED_PROJECTS);
    await shows(page, 'project-overdue-count', String(SEEDED_PROJECTS));
    await page.getByTestId('project-status').first().getByText('已逾期').waitFor();
    await page.getByTestId('project-status-reason').getByText(FIRST_REASON).first().waitFor();

    await choose(page, '按状态筛选', '已逾期');
    await shows(page, 'project-visible-count', String(SEEDED_PROJECTS));
    await page.keyboard.press('Escape');
    const filter = page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '按状态筛选', exact: true }) });
    await filter.locator('.ant-select-selection-item-remove').click();
    await choose(page, '按状态筛选', '推进中');
    await shows(page, 'project-visible-count', '0');

    await openMenu(page, '工作总览');
    await shows(page, 'dashboard-projects-overdue-count', String(SEEDED_PROJECTS));
    const card = page.getByTestId('dashboard-projects-overdue');
    await card.getByText(FIRST_PROJECT).waitFor();
    await card.getByText(FIRST_REASON).first().waitFor();
    await shows(page, 'dashboard-projects-at-risk-count', '0');
  });

  it('a project marked 完工 after its deadline is done, no longer overdue, on the list and the dashboard', async () => {
    const page = await freshOffice();
    await openMenu(page, '项目清单');
    await page.getByTestId('project-title').getByText(FIRST_PROJECT).click();
    await page.getByTestId('project-drawer-title').waitFor();
    await page.getByRole('tab', { name: '基本信息' }).click();
    // A plain (not searchable) Select: the clerk clicks the box, then the option.
    await page.getByTestId('project-editor').locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '建设状态', exact: true }) }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '完工' }).click();
    await page.getByTestId('project-editor').getByRole('button', { name: '保存修改' }).click();
    await expectSaved(page, '修改项目');
    await page.locator('.ant-drawer-close').first().click();
    await page.getByTestId('project-drawer-title').waitFor({ state: 'detached' });

    await shows(page, 'project-overdue-count', String(SEEDED_PROJECTS - 1));
    await page.getByTestId('project-status-reason').getByText('建设状态：完工').waitFor();

    await openMenu(page, '工作总览');
    await shows(page, 'dashboard-projects-overdue-count', String(SEEDED_PROJECTS - 1));
    await page.getByTestId('dashboard-projects-overdue').getByText(FIRST_PROJECT).waitFor({ state: 'detached' });
  });

  it('the city sees the county’s overdue projects in 各旗区总览', async () => {
    const county = await freshOffice();
    const file = join(mkdtempSync(join(tmpdir(), 'zwc-projects-')), 'yiqi.zwb');
    await exportBundleTo(county, file);
    const city = await suite.profile('city');
    await setUpOffice(city, suite.url, '150600');
    await chooseBundle(city, file);
    await city.getByTestId('trust-and-continue').click();
    await city.getByTestId('import-preview').waitFor();
    await city.getByTestId('confirm-merge').click();
    await expectSaved(city, '已合并');
    await openMenu(city, '各旗区总览');
    await city.getByTestId('county-projects-overdue-150627').waitFor();
    // 逾期项目: overdue / all, the count of all spelled out on hover.
    await expect(textOf(city, 'county-projects-overdue-150627')).resolves.toBe(`${SEEDED_PROJECTS} / ${SEEDED_PROJECTS}`);
    await expect(city.getByTestId('county-projects-overdue-150627').getAttribute('title')).resolves.toMatch(new RegExp(`^项目 ${SEEDED_PROJECTS} 个`));
  });
});
