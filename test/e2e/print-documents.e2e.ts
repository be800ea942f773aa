/**
 * Every printed document, rendered to PDF by Chromium from the seeded plan of 伊金霍洛旗 exactly as
 * the app prints it (shared/print/html.ts), then read back with pdftotext and pdfinfo.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import type { PlanData } from '../../shared/views/plan-data';
import { sheetRecipients } from '../../shared/print/assignment-sheet';
import { buildDocument, perDepartmentDocuments, type PrintRequest } from '../../shared/print/documents';
import { renderDocumentHtml } from '../../shared/print/html';
import { defaultPrintSettings } from '../../shared/print/sheet-number';
import { supervisionRecipients } from '../../shared/print/supervision-notice';

const dir = mkdtempSync(join(tmpdir(), 'zwc-print-pdf-'));
const records = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const plan: PlanData = { ...records, progress: [], indicatorValues: [] };
const settings = defaultPrintSettings(plan.office);
const day = '2026-11-05';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The document as PDF: its path, its pages' text and its page sizes. */
async function pdfOf(request: PrintRequest): Promise<{ file: string; pages: string[]; sizes: string[]; fileName: string }> {
  const doc = buildDocument(plan, request, settings);
  const page = await browser.newPage();
  try {
    await page.setContent(renderDocumentHtml(doc));
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const file = join(dir, doc.fileName);
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = execFileSync('pdfinfo', ['-l', '1000', file], { encoding: 'utf8' });
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map((m) => m[1]);
    // pdftotext separates pages with a form feed; -raw keeps each table cell's text together.
    const pages = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').slice(0, count);
    return { file, pages, sizes, fileName: doc.fileName };
  } finally {
    await page.close();
  }
}

const A4_PORTRAIT = '594.96 x 841.92';
const A4_LANDSCAPE = '841.92 x 594.96';
const squash = (s: string) => s.replace(/\s+/g, '');

describe('printed documents (Chromium → PDF → pdftotext)', () => {
  it('任务交办单 for one department: title, number, addressee, tasks, seal area, receipt slip, page numbers', async () => {
    const { pages, sizes, fileName } = await pdfOf({ kind: 'assignment', sheets: [{ departmentId: '150627-dep-037', number: '伊无废交〔2026〕3号', issuedOn: day }] });
    expect(fileName).toBe('任务交办单-旗税务局-2026年11月.pdf');
    const all = squash(pages.join(''));
    for (const text of ['伊金霍洛旗“无废城市”建设任务交办单', '伊无废交〔2026〕3号', '旗税务局：', '落实利用扶持政策', '牵头单位', '请于每月5日前报送上月工作进展', '伊金霍洛旗“无废城市”建设工作领导小组办公室', '2026年11月5日', '任务交办单签收回执', '签收单位', '签收人', '签收日期']) {
      expect(all).toContain(text);
    }
    // The receipt repeats the number.
    expect(all.split('伊无废交〔2026〕3号')).toHaveLength(3);
    expect(sizes.every((s) => s === A4_PORTRAIT)).toBe(true);
    pages.forEach((p, i) => expect(squash(p)).toContain(`—${i + 1}—`));
    expect(pages.length).toBeLessThanOrEqual(2);
  });

  it('one PDF per department: each its own file, its pages numbered from — 1 —, only its own sheet', async () => {
    const recipients = sheetRecipients(plan).filter((r) => ['旗生态环境局', '旗住建局', '旗税务局'].includes(r.department.name));
    const docs = perDepartmentDocuments(plan, { kind: 'assignment', sheets: recipients.map((r, i) => ({ departmentId: r.department.id, number: `伊无废交〔2026〕${i + 1}号`, issuedOn: day })) }, settings);
    for (const [i, doc] of docs.entries()) {
      const { pages, fileName } = await pdfOf({ kind: 'assignment', sheets: [{ departmentId: recipients[i].department.id, number: `伊无废交〔2026〕${i + 1}号`, issuedOn: day }] });
      expect(fileName).toBe(doc.fileName);
      expect(fileName).toBe(`任务交办单-${recipients[i].department.name}-2026年11月.pdf`);
      pages.forEach((p, n) => expect(squash(p)).toContain(`—${n + 1}—`));
      const all = squash(pages.join(''));
      expect(all.split('任务交办单签收回执')).toHaveLength(2);
      expect(all).toContain(`${recipients[i].department.name}：`);
    }
  });

  it('all departments: one sheet each, every sheet starting on its own page, in order', async () => {
    const recipients = sheetRecipients(plan, 'all');
    expect(recipients).toHaveLength(37);
    const { pages } = await pdfOf({ kind: 'assignment', all: true, sheets: recipients.map((r, i) => ({ departmentId: r.department.id, number: `伊无废交〔2026〕${i + 1}号`, issuedOn: day })) });
    // A page starts a sheet when the sheet's title is the first thing on it (the page number aside).
    const starts = pages.map((p, i) => ({ i, text: squash(p).replace(/^—\d+—/, '') })).filter((p) => p.text.startsWith('伊金霍洛旗“无废城市”建设任务交办单'));
    expect(starts).toHaveLength(37);
    starts.forEach((s, n) => {
      expect(s.text).toContain(`伊无废交〔2026〕${n + 1}号`);
      expect(s.text).toContain(`${recipients[n].department.name}：`);
    });
    // No sheet's text runs onto the first page of the next one: each page belongs to one department.
    for (let k = 0; k < starts.length; k++) {
      const end = k + 1 < starts.length ? starts[k + 1].i : pages.length;
      const sheet = squash(pages.slice(starts[k].i, end).join(''));
      expect(sheet).toContain('任务交办单签收回执');
      expect(sheet.split('签收回执')).toHaveLength(2);
    }
    expect(pages.length).toBeGreaterThanOrEqual(37);
  });

  it('督办单: overdue tasks with their deadline, days late, progress and the answer date', async () => {
    const [first] = supervisionRecipients(plan, day);
    const { pages, fileName } = await pdfOf({ kind: 'supervision', sheets: [{ departmentId: first.departmentId, number: '伊无废督〔2026〕1号', issuedOn: day, answerBy: '2026-11-15' }] });
    expect(fileName).toBe(`督办单-${first.name}-2026年11月.pdf`);
    const all = squash(pages.join(''));
    for (const text of ['伊金霍洛旗“无废城市”建设督办单', '伊无废督〔2026〕1号', `${first.name}：`, '完成时限', '逾期情况', '已逾期', '进展情况', '尚未报送进展', '最近反映的问题', '请于2026年11月15日前', '督办单签收回执']) {
      expect(all).toContain(text);
    }
    expect(all).toContain(squash(first.rows[0].task.title));
  });

  it('task list: landscape, every task, header on every page, 第 N 页 共 M 页', async () => {
    const { pages, sizes } = await pdfOf({ kind: 'task-list', day });
    expect(sizes.every((s) => s === A4_LANDSCAPE)).toBe(true);
    const n = pages.length;
    expect(n).toBeGreaterThan(3);
    pages.forEach((p, i) => {
      expect(squash(p)).toContain(`第${i + 1}页共${n}页`);
      expect(squash(p)).toContain('重点任务牵头单位');
    });
    const all = squash(pages.join(''));
    for (const t of plan.tasks) expect(all).toContain(squash(t.title).slice(0, 12));
  });

  it('project list with its totals, and the indicator system with markers', async () => {
    const projects = await pdfOf({ kind: 'project-list', period: '2026-10' });
    const pText = squash(projects.pages.join(''));
    expect(pText).toContain('合计（11个）');
    for (const p of plan.projects) expect(pText).toContain(squash(p.name).slice(0, 10));
    const indicators = await pdfOf({ kind: 'indicators', period: '2026-10' });
    const iText = squash(indicators.pages.join(''));
    expect(iText).toContain('一般工业固体废物产生强度');
    expect(iText).toContain('★');
    expect(iText).toContain('注：★为国家必选指标');
    expect(indicators.sizes.every((s) => s === A4_LANDSCAPE)).toBe(true);
    // The first page holds the table's start (the merged level cells do not push it to page 2).
    expect(squash(indicators.pages[0])).toContain('固体废物源头减量');
  });

  it('the month’s reporting status by department', async () => {
    const { pages } = await pdfOf({ kind: 'reporting', period: '2026-10', day });
    const all = squash(pages.join(''));
    expect(all).toContain('伊金霍洛旗“无废城市”建设2026年10月进展报送情况');
    expect(all).toContain('报送率0%');
    expect(all).toContain('旗生态环境局');
    expect(squash(pages[0])).toContain(`第1页共${pages.length}页`);
  });
});
