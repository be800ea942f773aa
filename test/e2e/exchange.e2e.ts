import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/harness';
import { chooseBundle, closeTaskDrawer, expectSaved, exportBundleTo, openMenu, setUpDefaultOffice, setUpOffice, textOf } from './support/ui';

/**
 * Two laptops of 伊金霍洛旗 and the 鄂尔多斯市 office, each a separate browser profile (its own
 * IndexedDB and key), exchanging .zwb files the way clerks do: export, carry, import. Every test
 * sets up its own laptops from scratch, so none depends on another.
 */
const suite = e2eSuite(__filename);
const dir = mkdtempSync(join(tmpdir(), 'zwc-exchange-'));
let fileCount = 0;

/** A laptop (or the city's computer) set up on its office's plan, with its key's fingerprint. */
async function laptop(label: string, office?: string): Promise<{ page: Page; fingerprint: string }> {
  const page = await suite.profile(label);
  if (office) await setUpOffice(page, suite.url, office);
  else await setUpDefaultOffice(page, suite.url);
  return { page, fingerprint: await fingerprintOf(page) };
}

async function exportFile(page: Page, name: string): Promise<string> {
  const path = join(dir, `${++fileCount}-${name}`);
  await exportBundleTo(page, path);
  return path;
}

/** Imports a file whose key is new here: the fingerprint shown must be the sender's. */
async function importTrusting(page: Page, path: string, senderFingerprint: string): Promise<void> {
  await chooseBundle(page, path);
  await expect(textOf(page, 'import-fingerprint')).resolves.toBe(senderFingerprint);
  await page.getByTestId('trust-and-continue').click();
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('confirm-merge').click();
  await expectSaved(page, '已合并');
}

/** Closes the import preview without merging: what could not be taken in goes to the import history. */
async function closeImport(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close').first().click();
  await page.getByTestId('import-preview').waitFor({ state: 'hidden' });
}

async function fingerprintOf(page: Page): Promise<string> {
  await openMenu(page, '数据交换');
  await page.waitForFunction(() => /^\d{4}( \d{4}){7}$/.test(document.querySelector('[data-testid="own-fingerprint"]')?.textContent ?? ''));
  return textOf(page, 'own-fingerprint');
}

/** Records that differ between two copies, by table and id: empty when the copies agree. */
function differences(a: string, b: string): string[] {
  const left = JSON.parse(a) as Record<string, { id: string }[]>;
  const right = JSON.parse(b) as Record<string, { id: string }[]>;
  const out: string[] = [];
  for (const table of Object.keys(left)) {
    const byId = new Map(right[table].map((r) => [r.id, r]));
    for (const r of left[table]) if (!isDeepStrictEqual(r, byId.get(r.id))) out.push(`${table} ${r.id}`);
    for (const r of right[table]) if (!left[table].some((l) => l.id === r.id)) out.push(`${table} ${r.id} (only right)`);
  }
  return out;
}

/** The county's records as a clerk sees them (no stamps), read straight from IndexedDB. */
function officeData(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const r = indexedDB.open('zero-waste-ledger');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const table of ['departments', 'tasks', 'projects', 'indicators', 'progress', 'indicatorValues']) {
      const rows: Record<string, unknown>[] = await new Promise((ok) => {
        const req = db.transaction(table).objectStore(table).getAll();
        req.onsuccess = () => ok(req.result as Record<string, unknown>[]);
      });
      out[table] = rows
        .filter((r) => r.officeCode === '150627')
        .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_') || k === '_deleted').map(([k, v]) => [k, k === '_deleted' ? v !== null : v])))
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
    db.close();
    return JSON.stringify(out);
  });
}

async function openTask(page: Page, search: string): Promise<void> {
  await openMenu(page, '任务清单');
  await page.getByLabel('搜索任务').fill(search);
  await page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
  await page.getByTestId('task-title').first().click();
  await page.getByTestId('task-drawer-title').waitFor();
}

async function closeDrawer(page: Page): Promise<void> {
  await closeTaskDrawer(page);
  await page.getByLabel('搜索任务').fill('');
}

async function renameTask(page: Page, search: string, title: string): Promise<void> {
  await openTask(page, search);
  await page.getByRole('tab', { name: '基本信息' }).click();
  await page.getByLabel('任务名称').fill(title);
  await page.getByTestId('task-editor').getByRole('button', { name: '保存修改' }).click();
  await expectSaved(page, '修改任务');
  await closeDrawer(page);
}

async function reportProgress(page: Page, search: string, text: string): Promise<void> {
  await openTask(page, search);
  await page.getByLabel('本月进展').fill(text);
  await page.getByLabel('完成进度').fill('50');
  await page.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
  await expectSaved(page, '进展');
  await closeDrawer(page);
}

/** Laptop A reports progress and exports; laptop B checks A's fingerprint and merges the file. */
async function progressFromAtoB() {
  const a = await laptop('laptop-A');
  const b = await laptop('laptop-B');
  expect(b.fingerprint).not.toBe(a.fingerprint);
  await reportProgress(a.page, '强化环境准入制度', '甲机：规划环评修编初稿完成');
  const file = await exportFile(a.page, 'a.zwb');
  expect(readFileSync(file).subarray(0, 4).toString()).toBe('ZWB1');
  await importTrusting(b.page, file, a.fingerprint);
  return { a, b, file };
}

describe('two laptops of one county and the city exchange bundles (Chromium)', () => {
  it('laptop B checks A’s key by its fingerprint, previews, merges, and finds A’s progress', async () => {
    const { b } = await progressFromAtoB();
    await openMenu(b.page, '任务清单');
    await b.page.getByLabel('搜索任务').fill('甲机：规划环评修编初稿完成');
    await b.page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
  });

  it('refuses the same file again as already imported, and a tampered copy with its reason', async () => {
    const { b, file } = await progressFromAtoB();
    await chooseBundle(b.page, file);
    await expect(textOf(b.page, 'import-refused')).resolves.toContain('之前已经导入过');
    await closeImport(b.page);
    const tampered = join(dir, `${++fileCount}-tampered.zwb`);
    const bytes = readFileSync(file);
    bytes[bytes.length - 30] ^= 0xff;
    writeFileSync(tampered, bytes);
    const before = await officeData(b.page);
    await chooseBundle(b.page, tampered);
    await expect(textOf(b.page, 'import-refused')).resolves.toMatch(/不能导入/);
    await closeImport(b.page);
    expect(differences(await officeData(b.page), before)).toEqual([]);
    await b.page.getByRole('tab', { name: /导入记录/ }).click();
    await b.page.getByTestId('import-history').getByText('已拒绝').waitFor();
  });

  it('B edits a task and A merges it: both laptops end with the same data', async () => {
    const a = await laptop('laptop-A');
    const b = await laptop('laptop-B');
    await renameTask(b.page, '依法淘汰落后产能', '依法淘汰落后产能（乙机修改）');
    await importTrusting(a.page, await exportFile(b.page, 'b.zwb'), b.fingerprint);
    await openMenu(a.page, '任务清单');
    await a.page.getByLabel('搜索任务').fill('乙机修改');
    await a.page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
    const [left, right] = [await officeData(a.page), await officeData(b.page)];
    expect(differences(left, right)).toEqual([]);
    expect(left.length).toBeGreaterThan(1000);
  });

  it('previews a file naming records by their task and indicator, with old → new values and long texts as excerpts', async () => {
    const a = await laptop('laptop-A');
    const b = await laptop('laptop-B');
    const long = '甲机：规划环评修编初稿完成，已征求生态环境、自然资源、住建等部门意见，正在按意见修改完善，预计下月报旗政府审定。';
    await reportProgress(a.page, '强化环境准入制度', long);
    await openMenu(a.page, '指标体系');
    await a.page.locator('[data-testid^="value-"]').first().click();
    await a.page.getByLabel('实际值').fill('0.5');
    await a.page.getByTestId('indicator-value-form').getByRole('button', { name: '保存' }).click();
    await expectSaved(a.page, '实际值');
    await renameTask(a.page, '依法淘汰落后产能', '依法淘汰落后产能（甲机修改）');
    await chooseBundle(b.page, await exportFile(a.page, 'a.zwb'));
    await b.page.getByTestId('trust-and-continue').click();
    const preview = b.page.getByTestId('import-preview');
    await preview.getByTestId('batch-file-counts').waitFor();
    const shown = (await preview.textContent()) ?? '';
    expect(shown).not.toMatch(/iv-|pe-|150627-/);
    expect(shown).toMatch(/新增 指标值：\S+ \d{4}年(\d{1,2}月)? 指标值/);
    expect(shown).toContain('任务名称：依法淘汰落后产能 → 依法淘汰落后产能（甲机修改）');
    const line = preview.getByTestId('preview-line').filter({ hasText: '强化环境准入制度 · ' });
    await expect(line.textContent()).resolves.toMatch(/^新增 进展：任务 \S+ \d+ 强化环境准入制度 · \d{4}年\d{1,2}月 进展：甲机/);
    await expect(line.textContent()).resolves.not.toContain(long);
    await line.getByTestId('excerpt-toggle').click();
    await expect(line.textContent()).resolves.toContain(long);
    await b.page.getByTestId('confirm-merge').click();
    await expectSaved(b.page, '已合并');
  });

  it('the city trusts the county’s key, merges its file, and sees its numbers in the overview', async () => {
    const a = await laptop('laptop-A');
    await renameTask(a.page, '依法淘汰落后产能', '依法淘汰落后产能（甲机修改）');
    const fromA = await exportFile(a.page, 'a.zwb');
    const city = await laptop('city', '150600');
    await importTrusting(city.page, fromA, a.fingerprint);
    await openMenu(city.page, '各旗区总览');
    const row = city.page.getByTestId('county-row-150627');
    await expect(textOf(city.page, 'county-tasks-150627')).resolves.toBe('83');
    await expect(row.textContent()).resolves.toContain('2026');
    await expect(city.page.getByTestId('not-reported').textContent()).resolves.toContain('达拉特旗');
    await expect(city.page.getByTestId('not-reported').textContent()).resolves.not.toContain('伊金霍洛旗');
    const [workbook] = await Promise.all([city.page.waitForEvent('download'), city.page.getByTestId('city-workbook').click()]);
    expect(workbook.suggestedFilename()).toMatch(/^鄂尔多斯市各旗区汇总-\d{4}年\d{1,2}月\.xlsx$/);
    await row.click();
    await city.page.getByTestId('county-drawer').getByText('依法淘汰落后产能（甲机修改）').waitFor();
  });

  it('two laptops change the same field: both values are kept as a conflict until a clerk keeps one', async () => {
    const { a, b } = await progressFromAtoB();
    await renameTask(a.page, '完善绿色制造体系建设', '完善绿色制造体系建设（甲机写法）');
    await renameTask(b.page, '完善绿色制造体系建设', '完善绿色制造体系建设（乙机写法）');

    await chooseBundle(b.page, await exportFile(a.page, 'a-2.zwb'));
    await b.page.getByTestId('import-preview').getByText('冲突 任务「').waitFor();
    await b.page.getByTestId('confirm-merge').click();
    await expectSaved(b.page, '已合并');
    const list = b.page.getByTestId('conflict-list');
    const theirs = list.getByTestId('conflict-value').filter({ hasText: '完善绿色制造体系建设（甲机写法）' });
    const mine = list.getByTestId('conflict-value').filter({ hasText: '完善绿色制造体系建设（乙机写法）' });
    await theirs.waitFor();
    await mine.waitFor();
    // Who and when, not device ids alone: B's own edit is 本机 (and current, being the later), A's is named by its office and laptop.
    await expect(mine.getByTestId('conflict-who').textContent()).resolves.toBe('本机');
    await expect(theirs.getByTestId('conflict-who').textContent()).resolves.toMatch(/^伊金霍洛旗 · 第1台电脑（设备 [0-9a-f]{4}…）$/);
    for (const side of [mine, theirs]) await expect(side.getByTestId('conflict-time').textContent()).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 修改$/);
    await mine.getByTestId('conflict-current').waitFor();

    // The task is marked wherever it appears, until the conflict is settled.
    await openMenu(b.page, '任务清单');
    await b.page.getByLabel('搜索任务').fill('完善绿色制造体系建设');
    await b.page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
    await b.page.locator('.ant-table-row').getByTestId('conflict-mark').waitFor();
    await b.page.locator('.ant-table-row').getByTestId('conflict-mark').click();
    await b.page.getByRole('tab', { name: '待处理冲突（1）' }).waitFor();

    // Keeping one side is confirmed first: a slip would lose the other.
    await theirs.getByTestId('keep-value').click();
    await b.page.locator('.ant-popconfirm').getByRole('button', { name: '保留此项' }).click();
    await expectSaved(b.page, '已处理冲突');
    await b.page.getByRole('tab', { name: '待处理冲突（0）' }).waitFor();
    await openMenu(b.page, '任务清单');
    await b.page.getByLabel('搜索任务').fill('完善绿色制造体系建设');
    await b.page.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
    await b.page.getByTestId('task-title').first().waitFor();
    await expect(b.page.locator('.ant-table-row').getByTestId('conflict-mark').count()).resolves.toBe(0);
    await b.page.getByLabel('搜索任务').fill('');

    await importTrusting(a.page, await exportFile(b.page, 'b.zwb'), b.fingerprint);
    await openMenu(a.page, '数据交换');
    await a.page.getByRole('tab', { name: '待处理冲突（0）' }).waitFor();
    const [left, right] = [await officeData(a.page), await officeData(b.page)];
    expect(differences(left, right)).toEqual([]);
    expect(left).toContain('完善绿色制造体系建设（甲机写法）');
    expect(left).not.toContain('（乙机写法）');
  });

  it('the city sees a conflict between two laptops of a county, marked on the county, and keeps one side on its own copy', async () => {
    const a = await laptop('laptop-A');
    const b = await laptop('laptop-B');
    await renameTask(a.page, '完善绿色制造体系建设', '完善绿色制造体系建设（甲机写法）');
    await renameTask(b.page, '完善绿色制造体系建设', '完善绿色制造体系建设（乙机写法）');
    const city = await laptop('city', '150600');
    await importTrusting(city.page, await exportFile(a.page, 'a.zwb'), a.fingerprint);
    await importTrusting(city.page, await exportFile(b.page, 'b.zwb'), b.fingerprint);

    await openMenu(city.page, '各旗区总览');
    await expect(textOf(city.page, 'office-conflicts-150627')).resolves.toBe('冲突 1');
    await city.page.getByTestId('office-conflicts-150627').click();
    const item = city.page.getByTestId('conflict-item');
    await expect(item.getByTestId('conflict-title').textContent()).resolves.toMatch(/^伊金霍洛旗 · 任务 .*完善绿色制造体系建设.* · 任务名称$/);
    const who = await item.getByTestId('conflict-who').allTextContents();
    expect(who).toHaveLength(2);
    // Each side by office and laptop, in the order their files first came to the city.
    expect(who[0]).toMatch(/^伊金霍洛旗 · 第1台电脑（设备 [0-9a-f]{4,}…）$/);
    expect(who[1]).toMatch(/^伊金霍洛旗 · 第2台电脑（设备 [0-9a-f]{4,}…）$/);
    await city.page.getByText('在市级本机保留，不会改变旗区的数据').first().waitFor();

    await item.getByTestId('conflict-value').filter({ hasText: '（甲机写法）' }).getByTestId('keep-value').click();
    await city.page.locator('.ant-popconfirm').getByRole('button', { name: '保留此项' }).click();
    await expectSaved(city.page, '仅本机');
    await city.page.getByRole('tab', { name: '待处理冲突（0）' }).waitFor();
    await openMenu(city.page, '各旗区总览');
    await city.page.getByTestId('county-row-150627').waitFor();
    await expect(city.page.getByTestId('office-conflicts-150627').count()).resolves.toBe(0);
  });

  it('the city revokes a laptop’s key: that laptop’s next file is refused and nothing changes', async () => {
    const a = await laptop('laptop-A');
    const city = await laptop('city', '150600');
    await importTrusting(city.page, await exportFile(a.page, 'a.zwb'), a.fingerprint);
    await openMenu(city.page, '数据交换');
    await city.page.getByRole('tab', { name: /可信密钥/ }).click();
    const row = city.page.getByTestId('trust-table').locator('tr', { hasText: a.fingerprint });
    await row.getByRole('button', { name: '吊销' }).click();
    await city.page.locator('.ant-modal-confirm').getByRole('button', { name: '吊销' }).click();
    await row.getByText('已吊销').waitFor();
    await reportProgress(a.page, '强化环境准入制度', '吊销后的进展');
    const fromA = await exportFile(a.page, 'a-2.zwb');
    const before = await officeData(city.page);
    await chooseBundle(city.page, fromA);
    await expect(textOf(city.page, 'import-refused')).resolves.toContain('已被吊销');
    expect(differences(await officeData(city.page), before)).toEqual([]);
  });
});
