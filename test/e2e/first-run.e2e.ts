import { closeTaskDrawer, openMenu } from './support/ui';
import { e2eSuite } from './support/harness';

const suite = e2eSuite(__filename);


describe('first run on the default plan (伊金霍洛旗)', () => {
  it('sets up the office, lists 83 tasks, 11 projects and 50 indicators, and keeps them after a reload', async () => {
    const page = await suite.profile('clerk');
    await page.goto(suite.url);

    await page.getByText('首次使用').waitFor();
    await page.getByTestId('seed-preview').waitFor();
    await expect(page.getByTestId('seed-preview').textContent()).resolves.toContain('83 项任务、11 个项目、50 项指标');
    await page.getByRole('button', { name: '开始使用' }).click();

    await expect(page.getByTestId('office-name').textContent()).resolves.toBe('伊金霍洛旗无废办');
    await openMenu(page, '任务清单');
    await expect(page.getByTestId('task-count').textContent()).resolves.toBe('83');
    await openMenu(page, '项目清单');
    await expect(page.getByTestId('project-count').textContent()).resolves.toBe('11');
    await openMenu(page, '指标体系');
    await expect(page.getByTestId('indicator-count').textContent()).resolves.toBe('50');
    await page.screenshot({ path: 'test-results/first-run-indicators.png', fullPage: false });

    await page.reload();
    await page.getByTestId('indicator-count').waitFor();
    await expect(page.getByTestId('indicator-count').textContent()).resolves.toBe('50');
    await openMenu(page, '任务清单');
    await expect(page.getByTestId('task-count').textContent()).resolves.toBe('83');
    await page.screenshot({ path: 'test-results/first-run-tasks.png', fullPage: false });
  });
});

describe('first run as another office', () => {
  // Counts from the seed files (see test/seeds); 昆都仑区 has no project list or indicator table.
  const offices = [
    { code: '150600', name: '鄂尔多斯市无废办', level: '市级', tasks: 83, projects: 0, indicators: 52 },
    { code: '150100', name: '呼和浩特市无废办', level: '市级', tasks: 59, projects: 24, indicators: 49 },
    { code: '150203', name: '昆都仑区无废办', level: '旗区级', tasks: 20, projects: 0, indicators: 0 },
  ];
  it.each(offices)('offers $code; choosing it sets its role and loads its plan', async (o) => {
    const page = await suite.profile('clerk');
    await page.goto(suite.url);
    await page.getByTestId('seed-preview').waitFor();
    for (const code of ['150627', '150600', '150100', '150203']) await page.getByTestId(`office-${code}`).waitFor();
    await page.getByTestId(`office-${o.code}`).click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="seed-preview"]')?.textContent?.includes(`${n} 项任务`), o.tasks);
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect(page.getByTestId('office-name').textContent()).resolves.toBe(o.name);
    await page.getByText(o.level, { exact: true }).waitFor();
    await openMenu(page, '任务清单');
    await expect(page.getByTestId('task-count').textContent()).resolves.toBe(String(o.tasks));
    if (o.code === '150100') {
      // 工业 task 2 (002 line 265): yearly milestones and each unit's duty, as the plan states them
      await page.getByLabel('搜索任务').fill('削减煤炭消耗');
      await page.getByTestId('task-title').first().click();
      await expect(page.getByTestId('task-milestones').textContent()).resolves.toBe('2023年：制定“煤改电”等工作推进方案；2024—2025年：按方案推进');
      await expect(page.getByTestId('task-duties').textContent()).resolves.toContain('市自然资源局：提供煤炭资源利用情况');
      await closeTaskDrawer(page);
    }
    await openMenu(page, '项目清单');
    await expect(page.getByTestId('project-count').textContent()).resolves.toBe(String(o.projects));
    await openMenu(page, '指标体系');
    await expect(page.getByTestId('indicator-count').textContent()).resolves.toBe(String(o.indicators));
  });
});

describe('first run: 搜索本单位 takes what the clerk typed', () => {
  // Enter takes the best match of what was typed, never the office preselected before the search (伊金霍洛旗).
  it.each(['zgeq', '准格尔', '150622'])('%s + Enter chooses 准格尔旗, says so before starting, and sets it up', async (typed) => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await page.goto(suite.url);
    await page.getByTestId('seed-preview').waitFor();
    await page.getByTestId('setup-chosen').filter({ hasText: '伊金霍洛旗无废办' }).waitFor();
    // As a clerk does: click into the box, type, press Enter.
    await page.getByTestId('office-search').click();
    await page.keyboard.type(typed);
    await page.locator('.ant-select-item-option', { hasText: '准格尔旗' }).first().waitFor();
    await page.keyboard.press('Enter');

    await page.getByTestId('setup-chosen').filter({ hasText: '准格尔旗无废办' }).waitFor();
    expect(await page.getByTestId('setup-chosen').textContent()).toContain('150622');
    expect(await page.getByTestId('office-search').textContent()).toContain('准格尔旗');
    if (typed === 'zgeq') await page.screenshot({ path: 'test-results/first-run-zgeq.png' });
    await page.getByRole('button', { name: '开始使用' }).click();
    await expect(page.getByTestId('office-name').textContent()).resolves.toBe('准格尔旗无废办');
  });
});
