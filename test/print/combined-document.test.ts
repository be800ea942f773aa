import { combinedDocument, perDepartmentDocuments } from '../../shared/print/documents';
import type { PrintDocument } from '../../shared/print/document';
import { ownFooterCss, renderDocumentBody, renderDocumentHtml } from '../../shared/print/html';
import { defaultPrintSettings } from '../../shared/print/sheet-number';
import { supervisionRecipients } from '../../shared/print/supervision-notice';
import { ECO, seededPlan, TAX } from './seeded-plan';

/** 全部打印 in the browser: several departments' sheets in one print job, each with its own footer. */
const plan = seededPlan();
const settings = defaultPrintSettings(plan.office);
const day = '2026-11-05';
const overdue = supervisionRecipients(plan, day);
const request = {
  kind: 'supervision' as const,
  sheets: overdue.map((d, i) => ({ departmentId: d.departmentId, number: `伊无废督〔2026〕${i + 3}号`, issuedOn: day, answerBy: '2026-11-15', taskIds: d.rows.map((r) => r.task.id) })),
};

describe('combined document (全部打印)', () => {
  it('holds every chosen department’s sheet, in order, exactly as its own document has it, named for the batch', () => {
    expect(overdue.length).toBeGreaterThan(2);
    const doc = combinedDocument(plan, request, settings);
    const own = perDepartmentDocuments(plan, request, settings);
    expect(doc.kind).toBe('supervision');
    expect(doc.fileName).toBe(`督办单-2026年11月-${overdue.length}个单位.pdf`);
    expect(doc.sheets.map((s) => s.departmentId)).toEqual(overdue.map((d) => d.departmentId));
    doc.sheets.forEach((s, i) => expect(s.blocks).toEqual(own[i].sheets[0].blocks));
  });

  it('gives each sheet a footer with its department and number', () => {
    const doc = combinedDocument(plan, request, settings);
    expect(doc.sheets.map((s) => s.ownFooter)).toEqual(overdue.map((d, i) => `${d.name} · 伊无废督〔2026〕${i + 3}号`));
  });

  it('lays each department on its own named page with its own page counter and a centred footer', () => {
    const doc = combinedDocument(plan, request, settings);
    const html = renderDocumentHtml(doc);
    const n = overdue.length;
    // Every sheet starts a new page (the first one excepted) and is on its own named page.
    expect(html.match(/<section class="sheet portrait-dash own-\d+"/g)).toHaveLength(n);
    for (let i = 1; i <= n; i++) {
      expect(html).toContain(`section.sheet.own-${i} { page: own-${i}; }`);
      expect(html).toContain(`counter-increment: zwc-own-${i};`);
      expect(html).toContain(`counter(zwc-own-${i})`);
    }
    expect(html).toContain(`@page own-1 { size: A4 portrait; margin: 37mm 26mm 35mm 28mm;`);
    expect(html).toContain(`"${overdue[0].name} · 伊无废督〔2026〕3号\u3000— " counter(zwc-own-1) " —"`);
    expect(html.match(/@bottom-center \{ content: "[^"]*伊无废督/g)).toHaveLength(n);
  });

  it('a department’s sheets count their pages together; a document without own footers gets no extra rules', () => {
    const base = perDepartmentDocuments(plan, { kind: 'assignment', sheets: [ECO, TAX].map((id, i) => ({ departmentId: id, number: `N${i}`, issuedOn: day })) }, settings);
    const [eco, tax] = base.map((d) => d.sheets[0]);
    const doc: PrintDocument = { ...base[0], sheets: [{ ...eco, ownFooter: 'A' }, { ...eco, ownFooter: 'A' }, { ...tax, ownFooter: 'B' }] };
    expect(renderDocumentBody(doc).match(/own-\d+/g)).toEqual(['own-1', 'own-1', 'own-2']);
    expect(ownFooterCss(doc).match(/@page own-\d+/g)).toEqual(['@page own-1', '@page own-2']);
    expect(ownFooterCss(base[0])).toBe('');
    expect(renderDocumentHtml(base[0])).not.toContain('own-');
  });

  it('keeps a department’s name from breaking out of the CSS string', () => {
    const [one] = perDepartmentDocuments(plan, { kind: 'assignment', sheets: [{ departmentId: ECO, number: '1', issuedOn: day }] }, settings);
    const css = ownFooterCss({ ...one, sheets: [{ ...one.sheets[0], ownFooter: 'a"b\\c</style>\nd' }] });
    expect(css).toContain('content: "a\\22 b\\5c c\\3c /style>\\a d\u3000— " counter(zwc-own-1)');
    expect(css).not.toContain('</style>');
  });

  it('refuses an empty choice with a clear message', () => {
    expect(() => combinedDocument(plan, { kind: 'supervision', sheets: [] }, settings)).toThrow('没有选择单位，无法合并打印');
  });
});
