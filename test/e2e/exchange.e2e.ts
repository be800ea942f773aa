import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { serveBuiltApp } from './support/app-server';
import { chooseBundle, closeTaskDrawer, expectSaved, exportBundleTo, openMenu, setUpDefaultOffice, setUpOffice, textOf } from './support/ui';

/**
 * Two laptops of 伊金霍洛旗 and the 鄂尔多斯市 office, each a separate browser profile (its own
 * IndexedDB and key), exchanging .zwb files the way clerks do: export, carry, import.
 */
let browser: Browser;
let app: { url: string; close: () => Promise<void> };
const contexts: BrowserContext[] = [];
const errors: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'zwc-exchange-'));

beforeAll(async () => {
  app = await serveBuiltApp();
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.close();
});
// Each test answers for the page errors raised during it, so one error does not fail every later test.
afterEach(() => expect(errors.splice(0)).toEqual([]));

async function profile(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function exportFile(page: Page, name: string): Promise<string> {
  const path = join(dir, name);
  await exportBundleTo(page, path);
  return path;
}

/** Imports a file from a laptop already trusted here. */
async function importAgain(page: Page, path: string): Promise<void> {
  await chooseBundle(page, path);
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('confirm-merge').click();
  await expectSaved(page, '已合并');
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

/** The banner's records as a clerk sees them (no stamps), read straight from IndexedDB. */
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

describe('two laptops of one banner and the city exchange bundles (Chromium)', () => {
  let a: Page;
  let b: Page;
  let aFingerprint: string;
  let bFingerprint: string;
  let firstFromA: string;
  let city: Page;

  it('laptop A records progress and exports a signed file', async () => {
    a = await profile();
    await setUpDefaultOffice(a, app.url);
    aFingerprint = await fingerprintOf(a);
    await openTask(a, '强化环境准入制度');
    await a.getByLabel('本月进展').fill('甲机：规划环评修编初稿完成');
    await a.getByLabel('完成进度').fill('50');
    await a.getByTestId('progress-form').getByRole('button', { name: '保存进展' }).click();
    await expectSaved(a, '进展');
    await closeDrawer(a);
    firstFromA = await exportFile(a, 'a-1.zwb');
    expect(readFileSync(firstFromA).subarray(0, 4).toString()).toBe('ZWB1');
  });

  it('laptop B checks the key by its fingerprint, previews, merges, and finds A’s progress', async () => {
    b = await profile();
    await setUpDefaultOffice(b, app.url);
    bFingerprint = await fingerprintOf(b);
    expect(bFingerprint).not.toBe(aFingerprint);
    await importTrusting(b, firstFromA, aFingerprint);
    await openMenu(b, '任务清单');
    await b.getByLabel('搜索任务').fill('甲机：规划环评修编初稿完成');
    await b.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
    await b.getByLabel('搜索任务').fill('');
  });

  it('refuses the same file again as already imported, and a tampered copy with its reason', async () => {
    await chooseBundle(b, firstFromA);
    await b.locator('.ant-message-notice', { hasText: '之前已经导入过' }).waitFor();
    const tampered = join(dir, 'a-1-tampered.zwb');
    const bytes = readFileSync(firstFromA);
    bytes[bytes.length - 30] ^= 0xff;
    writeFileSync(tampered, bytes);
    const before = await officeData(b);
    await chooseBundle(b, tampered);
    await expect(textOf(b, 'import-refused')).resolves.toMatch(/不能导入/);
    await b.getByRole('button', { name: /知道了|OK|确定/ }).click();
    expect(differences(await officeData(b), before)).toEqual([]);
    await b.getByRole('tab', { name: /导入记录/ }).click();
    await b.getByTestId('import-history').getByText('已拒绝').waitFor();
  });

  it('B edits a task and A merges it back: both laptops end with the same data', async () => {
    await openTask(b, '依法淘汰落后产能');
    await b.getByRole('tab', { name: '基本信息' }).click();
    await b.getByLabel('任务名称').fill('依法淘汰落后产能（乙机修改）');
    await b.getByTestId('task-editor').getByRole('button', { name: '保存修改' }).click();
    await expectSaved(b, '修改任务');
    await closeDrawer(b);
    const fromB = await exportFile(b, 'b-1.zwb');
    await importTrusting(a, fromB, bFingerprint);
    await openMenu(a, '任务清单');
    await a.getByLabel('搜索任务').fill('乙机修改');
    await a.waitForFunction(() => document.querySelector('[data-testid="task-visible-count"]')?.textContent === '1');
    const [left, right] = [await officeData(a), await officeData(b)];
    expect(differences(left, right)).toEqual([]);
    expect(left.length).toBeGreaterThan(1000);
  });

  it('the city trusts the banner’s key, merges its file, and sees its numbers in the overview', async () => {
    const fromA = await exportFile(a, 'a-2.zwb');
    city = await profile();
    await setUpOffice(city, app.url, '150600');
    await importTrusting(city, fromA, aFingerprint);
    await openMenu(city, '各旗区总览');
    const row = city.getByTestId('banner-row-150627');
    await expect(textOf(city, 'banner-tasks-150627')).resolves.toBe('83');
    await expect(row.textContent()).resolves.toContain('2026');
    await expect(city.getByTestId('not-reported').textContent()).resolves.toContain('达拉特旗');
    await expect(city.getByTestId('not-reported').textContent()).resolves.not.toContain('伊金霍洛旗');
    await row.click();
    await city.getByTestId('banner-drawer').getByText('依法淘汰落后产能（乙机修改）').waitFor();
  });

  it('two laptops change the same field: both values are kept as a conflict until a clerk keeps one', async () => {
    await openTask(a, '完善绿色制造体系建设');
    await a.getByRole('tab', { name: '基本信息' }).click();
    await a.getByLabel('任务名称').fill('完善绿色制造体系建设（甲机写法）');
    await a.getByTestId('task-editor').getByRole('button', { name: '保存修改' }).click();
    await expectSaved(a, '修改任务');
    await closeDrawer(a);
    await openTask(b, '完善绿色制造体系建设');
    await b.getByRole('tab', { name: '基本信息' }).click();
    await b.getByLabel('任务名称').fill('完善绿色制造体系建设（乙机写法）');
    await b.getByTestId('task-editor').getByRole('button', { name: '保存修改' }).click();
    await expectSaved(b, '修改任务');
    await closeDrawer(b);

    const fromA = await exportFile(a, 'a-3.zwb');
    await chooseBundle(b, fromA);
    await b.getByTestId('import-preview').getByText('冲突 任务「').waitFor();
    await b.getByTestId('confirm-merge').click();
    await expectSaved(b, '已合并');
    const list = b.getByTestId('conflict-list');
    await list.getByTestId('conflict-value').filter({ hasText: '完善绿色制造体系建设（甲机写法）' }).waitFor();
    await list.getByTestId('conflict-value').filter({ hasText: '完善绿色制造体系建设（乙机写法）' }).waitFor();
    await list.getByTestId('conflict-value').filter({ hasText: '（甲机写法）' }).getByTestId('keep-value').click();
    await expectSaved(b, '已处理冲突');
    await b.getByRole('tab', { name: '待处理冲突（0）' }).waitFor();

    await importAgain(a, await exportFile(b, 'b-2.zwb'));
    await openMenu(a, '数据交换');
    await a.getByRole('tab', { name: '待处理冲突（0）' }).waitFor();
    const [left, right] = [await officeData(a), await officeData(b)];
    expect(differences(left, right)).toEqual([]);
    expect(left).toContain('完善绿色制造体系建设（甲机写法）');
    expect(left).not.toContain('（乙机写法）');
  });

  it('the city revokes a laptop’s key: that laptop’s next file is refused and nothing changes', async () => {
    await city.keyboard.press('Escape');
    await city.getByTestId('banner-drawer').waitFor({ state: 'hidden' });
    await openMenu(city, '数据交换');
    await city.getByRole('tab', { name: /可信密钥/ }).click();
    const row = city.getByTestId('trust-table').locator('tr', { hasText: aFingerprint });
    await row.getByRole('button', { name: '吊销' }).click();
    await city.locator('.ant-modal-confirm').getByRole('button', { name: '吊销' }).click();
    await row.getByText('已吊销').waitFor();
    const fromA = await exportFile(a, 'a-4.zwb');
    const before = await officeData(city);
    await chooseBundle(city, fromA);
    await expect(textOf(city, 'import-refused')).resolves.toContain('已被吊销');
    expect(differences(await officeData(city), before)).toEqual([]);
  });
});
