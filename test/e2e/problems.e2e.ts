import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { expectSaved, openMenu, setUpDefaultOffice } from './support/ui';
import { loadSeedPlan } from '../../shared/seed/load-seed';

/**
 * 问题清单 from a report's 存在问题 to 销号 (issue 27), in Chromium at 1366×768 with the app's clock
 * set (Playwright's clock): 旗生态环境局 writes a 存在问题 in its November 2026 form (filled in
 * LibreOffice), the clerk imports it on 3 December and registers it in one step (一般: due
 * 2027-01-03); opened on 4 January 2027 it shows 已逾期 on 月度调度 and 工作总览; it is closed with
 * evidence (销号) and shown 已销号. Prints the number of actions the clerk needed.
 */
const suite = e2eSuite(__filename);
const PLAN = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const UNIT = '旗生态环境局';
const PROBLEM = '危险废物贮存场所标识不规范，整改资金尚未落实';
const RAISED = '2026-12-03';
const DUE = '2027-01-03';
const ACTION_TARGET = 20;
const shots = process.env.ZWC_SCREENSHOTS;

const unitId = PLAN.departments.find((d) => d.name === UNIT)?.id as string;
/** A task 旗生态环境局 leads alone: its form has the row. */
const task = PLAN.tasks.find((t) => !t.completion && t.leads.length === 1 && t.leads[0].departmentId === unitId);

function actionCounter() {
  const log: string[] = [];
  return {
    async act<T>(what: string, step: () => Promise<T>): Promise<T> {
      log.push(`${log.length + 1}. ${what}`);
      return step();
    },
    log,
  };
}

/** 旗生态环境局 fills its form in LibreOffice (test/support/lo-fill-forms.py): one row, with a 存在问题. */
function fillInLibreOffice(dir: string, form: string): string {
  const out = join(dir, `${UNIT}_已填.xlsx`);
  const jobs = [{ in: form, out, format: 'xlsx', rows: [{ key: `task:${task?.id}`, values: { 完成百分比: 40, 状态: '推进中', 本月进展: '完成辖区危废经营单位检查', 存在问题: PROBLEM } }] }];
  const jobsPath = join(dir, 'jobs.json');
  writeFileSync(jobsPath, JSON.stringify(jobs));
  const r = spawnSync('/usr/bin/python3', [join(__dirname, '../support/lo-fill-forms.py'), jobsPath], { encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`LibreOffice fill failed: ${r.stderr || r.stdout}`);
  return out;
}

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: join(shots, name) });
}

describe('问题清单: from a November report’s 存在问题 to 销号 (Chromium, 1366×768)', () => {
  it('raises the problem in one step, shows it overdue the day after due, and closes it with evidence', async () => {
    expect(task).toBeDefined();
    if (shots) mkdirSync(shots, { recursive: true });
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await page.clock.setFixedTime(new Date(`${RAISED}T10:00:00+08:00`));
    await setUpDefaultOffice(page, suite.url);
    const dir = mkdtempSync(join(tmpdir(), 'zwc-problems-'));
    const clerk = actionCounter();

    // 1. The forms go out; 旗生态环境局's comes back with a 存在问题.
    await clerk.act('月度调度', () => openMenu(page, '月度调度'));
    await page.getByText('月度调度 · 2026年11月').waitFor();
    const [download] = await clerk.act('生成填报表（全部单位）', () => Promise.all([page.waitForEvent('download'), page.getByTestId('generate-forms').click()]));
    const zipPath = join(dir, 'forms.zip');
    await download.saveAs(zipPath);
    const entry = Object.entries(unzipSync(new Uint8Array(readFileSync(zipPath)))).find(([name]) => basename(name) === `伊金霍洛旗_${UNIT}_2026年11月进展填报表.xlsx`);
    if (!entry) throw new Error(`no form for ${UNIT} in the zip`);
    const form = join(dir, basename(entry[0]));
    writeFileSync(form, entry[1]);
    const filled = fillInLibreOffice(dir, form);

    const [chooser] = await clerk.act('导入填回的填报表', () => Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-forms').click()]));
    await clerk.act('选中文件', () => chooser.setFiles(filled));
    await page.getByTestId('form-import-overview').getByText(/可导入 1 个/).waitFor();
    await clerk.act('确认导入', () => page.getByTestId('confirm-form-import').click());
    await expectSaved(page, '已记录 1 条进展');

    // 2. Right after the import: the notice, and one dialog that registers the month's batch.
    const notice = page.getByTestId('raise-notice');
    await notice.getByText('本月（2026年11月）有 1 条存在问题尚未登记').waitFor();
    await clerk.act('登记问题', () => notice.getByRole('button', { name: '登记问题' }).click());
    const modal = page.getByTestId('raise-problems-modal');
    await modal.getByTestId('raise-candidate-text').getByText(PROBLEM).waitFor();
    await modal.getByText(`${DUE} 前办结`).waitFor();
    expect(await modal.locator('.ant-table-row').count()).toBe(1);
    await shot(page, 'problems-raise-modal.png');
    await clerk.act('登记 1 条', () => page.getByRole('button', { name: '登记 1 条' }).click());
    await expectSaved(page, '已登记 1 条存在问题');
    await notice.waitFor({ state: 'detached' });

    // 3. In the 问题清单: 待处理, due a month after the report.
    await clerk.act('问题清单', () => openMenu(page, '问题清单'));
    const row = page.getByTestId('problem-table').locator('.ant-table-row').filter({ hasText: PROBLEM.slice(0, 10) });
    await row.getByTestId('problem-status').getByText('待处理').waitFor();
    expect(await row.getByTestId('problem-due').innerText()).toBe(DUE);
    expect(await row.innerText()).toContain(UNIT);

    // 4. The office opens the app on 4 January 2027, the day after due.
    await page.clock.setFixedTime(new Date('2027-01-04T09:00:00+08:00'));
    await page.reload();
    await page.getByTestId('office-name').waitFor();
    await clerk.act('月度调度', () => openMenu(page, '月度调度'));
    const panel = page.getByTestId('department-panel').filter({ hasText: UNIT });
    expect(await panel.getByTestId('department-overdue-problems').innerText()).toBe('逾期问题 1');
    await shot(page, 'problems-monthly.png');
    // The overdue problem goes out with the unit's next form (its 问题整改 sheet) and in its 督办单
    // (checks, not the clerk's work: not counted).
    const [next] = await Promise.all([page.waitForEvent('download'), page.getByTestId('generate-forms').click()]);
    const nextZip = join(dir, 'next-forms.zip');
    await next.saveAs(nextZip);
    const nextForm = Object.entries(unzipSync(new Uint8Array(readFileSync(nextZip)))).find(([name]) => basename(name).startsWith(`伊金霍洛旗_${UNIT}_`));
    if (!nextForm) throw new Error(`no next form for ${UNIT}`);
    const sheets = unzipSync(nextForm[1]);
    const names = strFromU8(sheets['xl/workbook.xml'] ?? new Uint8Array());
    expect(names).toContain('问题整改');
    const strings = strFromU8(sheets['xl/sharedStrings.xml'] ?? new Uint8Array());
    expect(strings).toContain(PROBLEM);
    expect(strings).toContain('已逾期（1 天）');
    await panel.locator('xpath=ancestor::div[contains(@class,"ant-collapse-item")][1]').getByRole('button', { name: /督\s?办/ }).click();
    const supervision = page.getByRole('dialog', { name: `督办单 · ${UNIT}` });
    await supervision.getByTestId('print-document').getByText('未销号问题', { exact: false }).first().waitFor();
    expect(await supervision.getByTestId('print-document').getByText(PROBLEM).count()).toBeGreaterThan(0);
    await shot(page, 'problems-supervision.png');
    await supervision.getByRole('button', { name: /关\s?闭|取\s?消/ }).first().click();
    await supervision.waitFor({ state: 'hidden' });
    await clerk.act('工作总览', () => openMenu(page, '工作总览'));
    await page.getByTestId('dashboard-overdue-problems-count').getByText('1').waitFor();
    await clerk.act('查看逾期问题', () => page.getByTestId('dashboard-overdue-problems').click());
    await page.getByTestId('problem-status-filter').getByText('已逾期').waitFor();
    await row.getByTestId('problem-status').getByText('已逾期 1天').waitFor();
    await shot(page, 'problems-page.png');
    // The list prints as shown, in the official table style (not counted: checking, not the clerk's work).
    await page.getByTestId('print-problems').click();
    const preview = page.getByRole('dialog', { name: /打印预览/ });
    await preview.getByTestId('print-document').getByText('（截至2027年1月4日，共1个，其中已逾期1个；筛选：已逾期）').waitFor();
    await preview.getByTestId('print-document').getByText('逾期1天').waitFor();
    await shot(page, 'problems-print.png');
    await preview.getByRole('button', { name: '关闭' }).click();
    await preview.waitFor({ state: 'hidden' });

    // 5. 销号 with evidence: refused at the field without it, then closed.
    await clerk.act('打开问题', () => row.getByTestId('problem-link').click());
    await page.getByTestId('problem-drawer-title').waitFor();
    await clerk.act('销号', () => page.getByRole('tab', { name: '销号' }).click());
    const closeForm = page.getByTestId('problem-close-form');
    await closeForm.getByRole('button', { name: '销号' }).click();
    await closeForm.getByText('请填写确认人').waitFor();
    await closeForm.getByText('请填写销号依据（办结材料、现场核查情况等）').waitFor();
    await shot(page, 'problems-drawer.png');
    await clerk.act('填销号依据', () => closeForm.getByLabel('销号依据').fill('已设置规范标识，现场核查照片存档'));
    await clerk.act('填确认人', () => closeForm.getByLabel('确认人').fill('无废办 王明'));
    await clerk.act('回车确认销号', () => closeForm.getByLabel('确认人').press('Enter'));
    await expectSaved(page, '问题已销号');
    await page.locator('.ant-drawer-title').getByTestId('problem-status').getByText('已销号').waitFor();
    await page.getByRole('tab', { name: '办理经过' }).click();
    await page.getByTestId('problem-history').getByText('依据：已设置规范标识，现场核查照片存档；确认人：无废办 王明').waitFor();
    await shot(page, 'problems-history.png');
    await clerk.act('关闭（Esc）', () => page.keyboard.press('Escape'));
    await page.getByTestId('problem-drawer-title').waitFor({ state: 'detached' });

    // 6. Shown 已销号 in the list; no overdue problem left on the dashboard.
    await clerk.act('状态：已销号', async () => {
      await page.getByTestId('problem-status-filter').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^已销号$/ }).click();
    });
    await row.getByTestId('problem-status').getByText('已销号').waitFor();
    // The smallest window (1024×700) shows the list without sideways scrolling, as every page.
    await page.setViewportSize({ width: 1024, height: 700 });
    await row.getByTestId('problem-status').getByText('已销号').waitFor();
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    await openMenu(page, '工作总览');
    await page.getByTestId('dashboard-overdue-problems-count').getByText('0').waitFor();

    console.log(`[problems walk] ${clerk.log.length} actions (target ≤ ${ACTION_TARGET}):\n${clerk.log.join('\n')}`);
    expect(clerk.log.length).toBeLessThanOrEqual(ACTION_TARGET);
  });
});
