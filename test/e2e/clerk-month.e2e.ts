import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { expectSaved, openMenu, setUpDefaultOffice } from './support/ui';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { decodeContainer } from '../../shared/exchange/bundle-format';

/**
 * The 伊金霍洛旗 clerk's November as a scripted walk (issue 20, deliver 6), in Chromium at 1366×768:
 * see what is missing, send the forms, take 11 files back that departments filled in LibreOffice
 * (some with the mistakes departments make), record 2 tasks phoned in, print the month's 督办单,
 * export the bundle. It asserts every lead department's 已报/应报 and every affected task's figure
 * against what the departments wrote — computed here from the plan, not by the app's rule — and
 * prints the number of actions the clerk needed.
 */
const suite = e2eSuite(__filename);
const PLAN = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const PERIOD_ZH = '2026年11月';
const ACTION_TARGET = 45;
const COLLECTIVE = /^各/;

const deptId = (name: string) => {
  const d = PLAN.departments.find((x) => x.name === name);
  if (!d) throw new Error(`no department ${name} in the seeded plan`);
  return d.id;
};
const taskByNumber = (domainLabel: string, number: string) => {
  const t = PLAN.tasks.find((x) => x.domainLabel.startsWith(domainLabel) && x.number === number);
  if (!t) throw new Error(`no task ${domainLabel} ${number}`);
  return t;
};
const ledBy = (name: string) => PLAN.tasks.filter((t) => t.leads.some((l) => l.departmentId === deptId(name)));
const projectOf = (name: string) => {
  const p = PLAN.projects.find((x) => [...x.responsibleUnitIds, ...x.constructionUnitIds].includes(deptId(name)));
  if (!p) throw new Error(`no project of ${name}`);
  return p;
};

/** What each department owes this month, from the plan: a task's lead units, a project's 责任单位 else 建设单位. */
function owedByDepartment(): Map<string, Set<string>> {
  const owed = new Map<string, Set<string>>();
  const add = (unit: string, item: string) => owed.set(unit, new Set([...(owed.get(unit) ?? []), item]));
  for (const t of PLAN.tasks) {
    if (t.completion) continue;
    for (const l of t.leads) if (!COLLECTIVE.test(PLAN.departments.find((d) => d.id === l.departmentId)?.name ?? '')) add(l.departmentId, t.id);
  }
  for (const p of PLAN.projects) for (const u of p.responsibleUnitIds.length ? p.responsibleUnitIds : p.constructionUnitIds) add(u, p.id);
  return owed;
}

type Row = { key: string; values: Record<string, string | number> };
interface Fill {
  department: string;
  rows: Row[];
  format?: 'ods';
  /** Rows the import refuses (the department's mistake): they report nothing. */
  refused?: string[];
}
const row = (id: string, percent: number, text: string, extra: Record<string, string | number> = {}): Row => ({
  key: `${id.includes('-task-') ? 'task' : 'project'}:${id}`,
  values: { 完成百分比: percent, 状态: '推进中', 本月进展: text, ...extra },
});

/** Eleven returned files: ten forms filled in LibreOffice, one of them with two refused rows; one saved as .ods. */
function departmentsFill(): { fills: Fill[]; coLed: { id: string; figure: number }[]; claim: string; overPlan: string } {
  const eco = ledBy('旗生态环境局');
  const shared33 = taskByNumber('工业固体废物', '33'); // 旗能源局 + 旗生态环境局
  const shared29 = taskByNumber('工业固体废物', '29'); // 旗自然资源局 + 旗生态环境局
  const shared10 = taskByNumber('工业固体废物', '10'); // 旗工信局 + 旗发改委
  const ecoOwn = eco.filter((t) => t.leads.length === 1);
  const industry = ledBy('旗工信局').filter((t) => t.id !== shared10.id);
  const reform = ledBy('旗发改委').filter((t) => t.id !== shared10.id);
  const claim = reform[0];
  const sanitation = projectOf('伊金霍洛旗城乡环卫中心');
  const fills: Fill[] = [
    {
      department: '旗生态环境局',
      rows: [...ecoOwn.slice(0, 5).map((t, i) => row(t.id, 40 + i * 10, `完成排查 ${i + 1}`)), row(shared33.id, 80, '能源消纳方案已报批'), row(ecoOwn[5].id, 150, '全部完成还超额')],
      refused: [ecoOwn[5].id],
    },
    { department: '旗能源局', rows: [row(shared33.id, 40, '煤矸石综合利用项目在建'), row(ledBy('旗能源局').filter((t) => t.id !== shared33.id)[0].id, 30, '调研两家电厂')] },
    { department: '旗自然资源局', rows: [row(shared29.id, 55, '复垦方案编制中')] },
    {
      department: '旗工信局',
      rows: [row(shared10.id, 70, '园区固废平台上线'), row(industry[0].id, 35, '企业清单更新'), row(industry[1].id, 100, '已完成', { 状态: '已完成' })],
      refused: [industry[1].id],
    },
    { department: '旗发改委', rows: [row(shared10.id, 55, '资金申报'), row(claim.id, 100, '已全部完成', { 状态: '已完成', 完成日期: '2026-11-20', 完成依据: '旗政府验收意见' })] },
    { department: '旗住建局', rows: ledBy('旗住建局').slice(0, 4).map((t, i) => row(t.id, 20 + i * 5, `建筑垃圾处置 ${i + 1}`)) },
    { department: '旗卫健委', rows: ledBy('旗卫健委').map((t, i) => row(t.id, 60 + i, `医废收运 ${i + 1}`)) },
    { department: '旗市场监督管理局', rows: ledBy('旗市场监督管理局').slice(0, 2).map((t, i) => row(t.id, 45, `快递包装抽查 ${i + 1}`)) },
    { department: '旗农牧局', rows: ledBy('旗农牧局').slice(0, 3).map((t, i) => row(t.id, 50, `秸秆利用 ${i + 1}`)), format: 'ods' },
    { department: '伊金霍洛旗城乡环卫中心', rows: [row(sanitation.id, 60, '主体完工', { 累计完成投资: 12500, 本年完成投资: 3000 })] },
    { department: '内蒙古优内特环保科技有限公司', rows: [row(projectOf('内蒙古优内特环保科技有限公司').id, 30, '设备进场', { 累计完成投资: 5000 })] },
  ];
  return { fills, coLed: [{ id: shared33.id, figure: 40 }, { id: shared10.id, figure: 55 }, { id: shared29.id, figure: 55 }], claim: claim.id, overPlan: sanitation.id };
}

/** Every action the clerk takes is counted; what the test reads to check the result is not. */
function actionCounter() {
  let n = 0;
  const log: string[] = [];
  return {
    async act<T>(what: string, step: () => Promise<T>): Promise<T> {
      n += 1;
      log.push(`${n}. ${what}`);
      return step();
    },
    get count() {
      return n;
    },
    log,
  };
}

/** The departments fill their forms in LibreOffice (one process, many files), as another program would. */
function fillInLibreOffice(dir: string, forms: Map<string, string>, fills: Fill[]): string[] {
  const jobs = fills.map((f) => {
    const src = forms.get(f.department);
    if (!src) throw new Error(`no form for ${f.department}`);
    return { in: src, out: join(dir, `${f.department}_已填.${f.format ?? 'xlsx'}`), format: f.format ?? 'xlsx', rows: f.rows };
  });
  const jobsPath = join(dir, 'jobs.json');
  writeFileSync(jobsPath, JSON.stringify(jobs));
  const r = spawnSync('/usr/bin/python3', [join(__dirname, '../support/lo-fill-forms.py'), jobsPath], { encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`LibreOffice fill failed: ${r.stderr || r.stdout}`);
  return jobs.map((j) => j.out);
}

/** 已报 x / 应报 y of every department on 月度调度 (全部 view), by its name. */
async function shownCounts(page: Page): Promise<Map<string, { reported: number; owed: number }>> {
  await page.getByText(/^全部（\d+）$/).click();
  // The list changes in the same render as the switch: read it once 全部 shows as chosen.
  await page.locator('.ant-segmented-item-selected', { hasText: /^全部/ }).waitFor();
  const texts = await page.getByTestId('department-panel').allInnerTexts();
  const counts = new Map<string, { reported: number; owed: number }>();
  for (const t of texts) {
    const m = /^(.+?)\s*已报 (\d+) \/ 应报 (\d+)/.exec(t.replace(/\n/g, ' '));
    if (m) counts.set(m[1].trim(), { reported: Number(m[2]), owed: Number(m[3]) });
  }
  return counts;
}

async function figureOf(page: Page, taskId: string): Promise<string> {
  await page.evaluate((id) => (window.location.hash = `#/tasks?open=${id}`), taskId);
  const text = await page.getByTestId('task-figure').innerText();
  await page.locator('.ant-drawer-close').first().click();
  await page.getByTestId('task-figure').waitFor({ state: 'detached' });
  return text;
}

describe('the clerk’s November (Chromium, 1366×768)', () => {
  it('sees what is missing, sends forms, takes 11 files back, records 2 calls, prints, exports — the figures are right', async () => {
    const page = await suite.profile('clerk', { width: 1366, height: 768 });
    await setUpDefaultOffice(page, suite.url);
    const dir = mkdtempSync(join(tmpdir(), 'zwc-clerk-month-'));
    const clerk = actionCounter();
    const { fills, coLed, claim, overPlan } = departmentsFill();
    const owed = owedByDepartment();

    // 1. What is missing this month.
    await clerk.act('月度调度', () => openMenu(page, '月度调度'));
    await page.getByText(`月度调度 · ${PERIOD_ZH}`).waitFor();
    const totalOwed = new Set([...owed.values()].flatMap((s) => [...s])).size;
    await page.getByText(`未报送（${totalOwed}）`).waitFor();

    // 2. The forms: lead units only, never a collective name, one per department, with a 说明.
    const [download] = await clerk.act('生成填报表（全部单位）', () => Promise.all([page.waitForEvent('download'), page.getByTestId('generate-forms').click()]));
    const zipPath = join(dir, 'forms.zip');
    await download.saveAs(zipPath);
    const zip = unzipSync(new Uint8Array(readFileSync(zipPath)));
    const forms = new Map<string, string>();
    for (const [name, bytes] of Object.entries(zip)) {
      const m = /^伊金霍洛旗_(.+)_2026年11月进展填报表\.xlsx$/.exec(basename(name));
      if (!m) continue;
      const path = join(dir, basename(name));
      writeFileSync(path, bytes);
      forms.set(m[1], path);
    }
    expect([...forms.keys()].filter((n) => COLLECTIVE.test(n))).toEqual([]);
    const formUnits = new Set([...forms.keys()].map(deptId));
    for (const unit of formUnits) expect(owed.has(unit)).toBe(true);
    expect(Object.keys(zip).some((n) => n.endsWith('说明.txt'))).toBe(true);

    // 3. The departments fill them in (LibreOffice), and 11 files come back.
    const returned = fillInLibreOffice(dir, forms, fills);
    expect(returned).toHaveLength(11);

    const [chooser] = await clerk.act('导入填回的填报表', () => Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-forms').click()]));
    await clerk.act('选中 11 个文件', () => chooser.setFiles(returned));
    const ods = returned.find((f) => f.endsWith('.ods')) as string;
    const overview = page.getByTestId('form-import-overview');
    await overview.getByText(/共 11 个文件：可导入 10 个/).waitFor();
    await overview.getByText(basename(ods)).waitFor();
    const section = (name: string) => page.getByTestId('form-import-preview').getByRole('region', { name, exact: true });
    expect(await section(basename(ods)).getByTestId('form-import-refusal').innerText()).toContain('另存为');
    await section('旗生态环境局_已填.xlsx').getByText(/150/).first().waitFor();
    await section('伊金霍洛旗城乡环卫中心_已填.xlsx').getByText(/累计完成投资 12500 万元超过计划总投资 4100 万元/).waitFor();
    await section('旗发改委_已填.xlsx').getByTestId('form-row-claim').getByText('2026年11月20日（旗政府验收意见）').waitFor();
    if (process.env.ZWC_SCREENSHOTS) await page.screenshot({ path: join(process.env.ZWC_SCREENSHOTS, 'clerk-month-import.png') });
    await clerk.act('确认导入', () => page.getByTestId('confirm-form-import').click());
    await expectSaved(page, '已记录');
    await page.getByTestId('form-import-preview').waitFor({ state: 'hidden' });

    // 4. Two tasks of 旗农牧局 (whose .ods was refused) are phoned in.
    const farm = page.getByTestId('department-panel').filter({ hasText: '旗农牧局' });
    await clerk.act('展开旗农牧局', () => farm.getByText('旗农牧局', { exact: true }).click());
    const farmItems = page.locator('.ant-collapse-item').filter({ has: farm }).getByTestId('monthly-item');
    const firstCall = (await farmItems.first().innerText()).trim();
    await clerk.act('打开第一项任务', () => farmItems.first().click());
    await page.getByTestId('task-drawer-title').waitFor();
    // Which task the drawer shows: its address (#/monthly?task=<id>); titles are not unique in the plan.
    const openTask = () => page.evaluate(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('task') ?? '');
    const phoned: string[] = [];
    for (const [i, percent] of [45, 65].entries()) {
      if (i === 1) {
        await clerk.act('下一项', () => page.getByTestId('drawer-next').click());
        // The next task is one not yet reported: its form shows no "already reported" note.
        await page.waitForFunction((before) => !window.location.hash.includes(`task=${before}`), phoned[0]);
        await page.getByTestId('progress-already-reported').waitFor({ state: 'detached' });
      }
      phoned.push(await openTask());
      await clerk.act('填完成进度', () => page.getByLabel('完成进度', { exact: true }).fill(String(percent)));
      await clerk.act('填本月进展', () => page.getByLabel('本月进展', { exact: true }).fill(`电话报送：秸秆收储 ${percent}%`));
      await clerk.act('保存进展', () => page.getByRole('button', { name: '保存进展' }).click());
      await expectSaved(page, '已保存 2026年11月进展');
      await page.getByTestId('progress-already-reported').waitFor();
    }
    expect(new Set(phoned).size).toBe(2);
    const firstTitle = PLAN.tasks.find((t) => t.id === phoned[0])?.title ?? '';
    expect(firstCall).toContain(firstTitle.slice(0, 4));
    await clerk.act('关闭', () => page.locator('.ant-drawer-close').first().click());
    await page.getByTestId('task-drawer-title').waitFor({ state: 'detached' });

    // 5. The month's 督办单, all departments in one print, numbered only once printed.
    await clerk.act('打印督办单', () => page.getByRole('button', { name: '打印督办单' }).click());
    await clerk.act('预览', () => page.getByRole('button', { name: '预览' }).click());
    await page.evaluate(() => {
      // The system print dialog is the browser's: stand in for it, as print.e2e.ts does.
      for (const f of Array.from(document.querySelectorAll('iframe'))) if (f.contentWindow) f.contentWindow.print = () => undefined;
      window.print = () => undefined;
    });
    const printAll = page.getByRole('button', { name: /全部打印/ });
    const units = Number(/一次打印 (\d+) 个单位/.exec(await printAll.innerText())?.[1]);
    expect(units).toBeGreaterThan(5);
    await clerk.act('全部打印', () => printAll.click());
    await clerk.act('已打印', () => page.getByRole('button', { name: '已打印' }).click());
    // Every department's notice got its own number, 1 … n, only now that it was printed.
    await page.locator('.ant-tag', { hasText: `伊无废督〔2026〕${units}号` }).waitFor();
    expect(await page.locator('.ant-tag', { hasText: /^伊无废督〔2026〕\d+号$/ }).count()).toBe(units);
    await clerk.act('关闭打印窗口', () => page.getByRole('button', { name: '关闭' }).last().click());

    // 6. The month's bundle for the city.
    await clerk.act('数据交换', () => openMenu(page, '数据交换'));
    const [bundle] = await clerk.act('导出交换文件', () => Promise.all([page.waitForEvent('download'), page.getByTestId('export-bundle').click()]));
    const bundlePath = join(dir, 'month.zwb');
    await bundle.saveAs(bundlePath);
    expect(decodeContainer(new Uint8Array(readFileSync(bundlePath))).header.manifest).toMatchObject({ officeCode: '150627', period: '2026-11' });

    // The figures, checked against what the departments wrote (not counted as the clerk's actions).
    const reported = new Map<string, Set<string>>();
    const mark = (unit: string, item: string) => reported.set(unit, new Set([...(reported.get(unit) ?? []), item]));
    for (const f of fills) {
      if (f.format === 'ods') continue;
      for (const r of f.rows) {
        const id = r.key.split(':')[1];
        if (!f.refused?.includes(id)) mark(deptId(f.department), id);
      }
    }
    for (const id of phoned) mark(deptId('旗农牧局'), id);
    await openMenu(page, '月度调度');
    const shown = await shownCounts(page);
    if (process.env.ZWC_SCREENSHOTS) await page.screenshot({ path: join(process.env.ZWC_SCREENSHOTS, 'clerk-month-after.png') });
    for (const [unit, items] of owed) {
      const name = PLAN.departments.find((d) => d.id === unit)?.name as string;
      const sent = [...(reported.get(unit) ?? [])].filter((i) => items.has(i)).length;
      expect({ name, ...shown.get(name) }).toEqual({ name, reported: sent, owed: items.size });
    }
    for (const { id, figure } of coLed) expect(await figureOf(page, id)).toMatch(new RegExp(`^${figure}%`));
    expect(await figureOf(page, fills[0].rows[0].key.split(':')[1])).toMatch(/^40%/);
    await page.evaluate((id) => (window.location.hash = `#/tasks?open=${id}`), claim);
    await page.getByText(/待确认完成/).first().waitFor();
    await page.locator('.ant-drawer-close').first().click();
    await page.evaluate((id) => (window.location.hash = `#/projects?open=${id}`), overPlan);
    await page.getByText(/完成投资12500\/4100万元/).first().waitFor();

    console.log(`[clerk walk] ${clerk.count} actions (target ≤ ${ACTION_TARGET}):\n${clerk.log.join('\n')}`);
    expect(clerk.count).toBeLessThanOrEqual(ACTION_TARGET);
  }, 420_000);
});
