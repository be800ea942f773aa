import { assignmentCounts, assignmentSheet, collectiveAssignments, departmentAssignment, sheetRecipients } from '../../shared/print/assignment-sheet';
import { batchFolderName, buildDocument, perDepartmentDocuments } from '../../shared/print/documents';
import type { Block, PrintDocument, Sheet } from '../../shared/print/document';
import { documentFileName } from '../../shared/print/document';
import { renderDocumentHtml } from '../../shared/print/html';
import { defaultPrintSettings, draftSheetNumber, formatSheetNumber } from '../../shared/print/sheet-number';
import { supervisionRecipients } from '../../shared/print/supervision-notice';
import { progress } from '../support/factories';
import { ECO, seededPlan, TAX, WUFEIBAN } from './seeded-plan';

const plan = seededPlan();
const settings = defaultPrintSettings(plan.office);
const day = '2026-11-05';

const blocks = <K extends Block['kind']>(sheet: Sheet, kind: K) => sheet.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const text = (doc: PrintDocument) => JSON.stringify(doc);

describe('print settings and numbers', () => {
  it('makes the office style of number from its short name', () => {
    expect(settings.patterns.assignment).toBe('伊无废交〔{year}〕{n}号');
    expect(formatSheetNumber(settings.patterns.assignment, 2026, 3)).toBe('伊无废交〔2026〕3号');
    expect(draftSheetNumber(settings.patterns.supervision, 2026)).toBe('伊无废督〔2026〕□号');
    expect(settings.issuerShort).toBe('旗无废办');
    expect(defaultPrintSettings({ name: '昆都仑区', shortName: '昆区' }).issuerShort).toBe('区无废办');
  });

  it('names files after what they are, for whom and when, with nothing a file system refuses', () => {
    expect(documentFileName('任务交办单', '旗生态环境局', '2026年11月')).toBe('任务交办单-旗生态环境局-2026年11月.pdf');
    expect(documentFileName('任务交办单', 'a/b:c', undefined)).toBe('任务交办单-a_b_c.pdf');
  });
});

describe('任务交办单', () => {
  it('with 牵头和配合单位: goes to every department with a task or a project, not to the issuing office itself nor to a collective name', () => {
    const recipients = sheetRecipients(plan, 'all');
    const names = recipients.map((r) => r.department.name);
    expect(names).toContain('旗生态环境局');
    expect(names).toContain('神东布尔台煤矿'); // a project only
    expect(names).not.toContain('旗无废办');
    expect(names).not.toContain('旗委组织部'); // nothing in the plan
    expect(names).not.toContain('各成员单位');
    expect(names).not.toContain('各镇人民政府');
    const collective = ['各成员单位', '各镇人民政府'];
    const withWork = plan.departments.filter((d) => d.id !== WUFEIBAN && !collective.includes(d.name) && (departmentAssignment(plan, d).tasks.length || departmentAssignment(plan, d).projects.length));
    expect(recipients).toHaveLength(withWork.length);
    expect(recipients.length).toBe(37);
    // The collective names are named for the dialog's note instead.
    expect(collectiveAssignments(plan, 'all').map((a) => [a.department.name, assignmentCounts(a)])).toEqual([
      ['各成员单位', '3项任务'],
      ['各镇人民政府', '25项任务'],
    ]);
  });

  it('仅牵头单位 (the default): the units that lead a task or answer for a project, each given only what it leads', () => {
    const recipients = sheetRecipients(plan);
    expect(recipients).toHaveLength(25);
    const leads = new Set(plan.tasks.flatMap((t) => t.leads.map((l) => l.departmentId)));
    for (const r of recipients) {
      expect(r.tasks.every((t) => t.role === 'lead')).toBe(true);
      expect(leads.has(r.department.id) || r.projects.length > 0).toBe(true);
    }
    // A unit that only takes part gets no sheet: 旗财政局 helps, and leads nothing.
    const onlyHelping = plan.departments.filter((d) => !leads.has(d.id) && departmentAssignment(plan, d).tasks.length > 0 && departmentAssignment(plan, d).projects.length === 0);
    expect(onlyHelping.length).toBeGreaterThan(0);
    for (const d of onlyHelping) expect(recipients.map((r) => r.department.id)).not.toContain(d.id);
    const eco = recipients.find((r) => r.department.id === ECO)!;
    expect(eco.tasks).toHaveLength(32);
    // The lead's sheet names the units that help, under the plan's word for them.
    const sheet = assignmentSheet(plan, { departmentId: ECO, number: 'x', issuedOn: day, taskIds: eco.tasks.map((t) => t.task.id) }, settings);
    const duty = blocks(sheet, 'table')[0].rows.filter((r) => r.length > 1).map((r) => r[2]);
    expect(duty.every((c) => c.text === '牵头单位')).toBe(true);
    expect(duty.some((c) => c.more?.some((m) => /^参与单位：/.test(m)))).toBe(true);
    const helpers = recipients.flatMap((r) =>
      blocks(assignmentSheet(plan, { departmentId: r.department.id, number: 'x', issuedOn: day, taskIds: r.tasks.map((t) => t.task.id) }, settings), 'table')
        .flatMap((t) => t.rows)
        .flatMap((row) => row[2]?.more ?? []),
    );
    expect(helpers.some((m) => /^参与单位：.*各镇人民政府/.test(m))).toBe(true);
    expect(collectiveAssignments(plan)).toEqual([]);
  });

  it('one PDF per department: each department its own document, so its pages are numbered from 1', () => {
    const recipients = sheetRecipients(plan).slice(0, 3);
    const docs = perDepartmentDocuments(plan, { kind: 'assignment', sheets: recipients.map((r, i) => ({ departmentId: r.department.id, number: `伊无废交〔2026〕${i + 1}号`, issuedOn: day })) }, settings);
    expect(docs.map((d) => d.fileName)).toEqual(recipients.map((r) => `任务交办单-${r.department.name}-2026年11月.pdf`));
    expect(docs.map((d) => d.sheets.length)).toEqual([1, 1, 1]);
    // Page numbers come from the @page counter of each printed document: one document, one department.
    for (const [i, d] of docs.entries()) {
      expect(d.sheets[0]).toMatchObject({ departmentId: recipients[i].department.id, number: `伊无废交〔2026〕${i + 1}号`, footer: 'dash' });
      const html = renderDocumentHtml(d);
      expect(html.match(/<section class="sheet /g)).toHaveLength(1);
      expect(html).toContain('counter(page)');
    }
    expect(batchFolderName('assignment', 25, day)).toBe('任务交办单-2026年11月-25个单位');
    const supervision = perDepartmentDocuments(plan, { kind: 'supervision', sheets: [{ departmentId: ECO, number: 'y', issuedOn: day, answerBy: '2026-11-15' }] }, settings);
    expect(supervision.map((d) => d.fileName)).toEqual(['督办单-旗生态环境局-2026年11月.pdf']);
  });

  it('lists the tasks a department leads and those it takes part in, with its role', () => {
    const eco = departmentAssignment(plan, plan.departments.find((d) => d.id === ECO)!);
    expect(eco.tasks.filter((t) => t.role === 'lead')).toHaveLength(32);
    expect(eco.tasks.filter((t) => t.role === '参与')).toHaveLength(17);
    const sheet = assignmentSheet(plan, { departmentId: ECO, number: '伊无废交〔2026〕3号', issuedOn: day }, settings);
    const [table] = blocks(sheet, 'table');
    const taskRows = table.rows.filter((r) => r.length > 1);
    expect(taskRows).toHaveLength(49);
    expect(taskRows.map((r) => r[2].text)).toEqual(expect.arrayContaining(['牵头单位', '参与单位']));
    // A participant is told who leads.
    expect(taskRows.find((r) => r[2].text === '参与单位')?.[2].more?.join()).toMatch(/^牵头单位：/);
    expect(blocks(sheet, 'number')[0].text).toBe('伊无废交〔2026〕3号');
    expect(blocks(sheet, 'addressee')[0].text).toBe('旗生态环境局：');
    expect(blocks(sheet, 'receipt')[0]).toMatchObject({ number: '伊无废交〔2026〕3号', recipient: '旗生态环境局' });
    expect(blocks(sheet, 'signature')[0]).toMatchObject({ issuer: '伊金霍洛旗“无废城市”建设工作领导小组办公室', date: '2026年11月5日' });
    expect(JSON.stringify(sheet)).toContain('请于每月5日前报送上月工作进展');
  });

  it('shows the stated duty and this year’s milestone where the plan gives them (呼和浩特市)', () => {
    const hohhot = seededPlan('150100-hohhot.json');
    const task = hohhot.tasks.find((t) => t.leads.some((l) => l.duty) && t.milestones.some((m) => m.years.includes(2024)));
    expect(task).toBeDefined();
    const lead = task!.leads.find((l) => l.duty)!;
    const sheet = assignmentSheet(hohhot, { departmentId: lead.departmentId, number: 'X', issuedOn: '2024-03-01', taskIds: [task!.id], projectIds: [] }, defaultPrintSettings(hohhot.office));
    const [table] = blocks(sheet, 'table');
    expect(table.columns.map((c) => c.label)).toContain('2024年工作安排');
    const row = table.rows.find((r) => r.length > 1)!;
    expect(row[2].more).toContain(`分工：${lead.duty}`);
    expect(row[4].text).toBe(task!.milestones.filter((m) => m.years.includes(2024)).map((m) => m.text).join('；'));
  });

  it('lists a project with the department’s part in it', () => {
    const sheet = assignmentSheet(plan, { departmentId: '150627-dep-019', number: 'N', issuedOn: day }, settings);
    const tables = blocks(sheet, 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0].rows[0][1].text).toBe('神东布尔台煤矿煤矸石综合利用项目');
    expect(tables[0].rows[0][2].text).toBe('建设单位');
    expect(blocks(sheet, 'heading').map((h) => h.text)).toEqual(['一、交办项目（1个）', '二、报送要求']);
  });

  it('re-prints exactly what an issued sheet listed', () => {
    const eco = departmentAssignment(plan, plan.departments.find((d) => d.id === ECO)!);
    const kept = [eco.tasks[0].task, eco.tasks[40].task];
    const sheet = assignmentSheet(plan, { departmentId: ECO, number: 'N', issuedOn: day, taskIds: kept.map((t) => t.id), projectIds: [] }, settings);
    const rows = blocks(sheet, 'table')[0].rows.filter((r) => r.length > 1);
    expect(rows.map((r) => r[1].text)).toEqual(kept.map((t) => t.title));
  });

  it('one document for all departments, a sheet each, named for all', () => {
    const recipients = sheetRecipients(plan, 'all');
    const doc = buildDocument(plan, { kind: 'assignment', all: true, sheets: recipients.map((r, i) => ({ departmentId: r.department.id, number: `伊无废交〔2026〕${i + 1}号`, issuedOn: day })) }, settings);
    expect(doc.sheets).toHaveLength(37);
    expect(doc.fileName).toBe('任务交办单-全部37个单位-2026年11月.pdf');
    const one = buildDocument(plan, { kind: 'assignment', sheets: [{ departmentId: ECO, number: 'x', issuedOn: day }] }, settings);
    expect(one.fileName).toBe('任务交办单-旗生态环境局-2026年11月.pdf');
  });
});

describe('督办单', () => {
  const taxTask = plan.tasks.find((t) => t.leads.some((l) => l.departmentId === TAX))!;
  const withReports = {
    ...plan,
    progress: [
      progress('2026-08', 20, { subjectId: taxTask.id, thisMonth: '梳理政策清单', problems: '企业申报材料不全' }),
      progress('2026-09', 30, { subjectId: taxTask.id, thisMonth: '开展政策宣传' }),
    ],
  };

  it('lists a department’s overdue tasks with deadline, days late, progress and the last problem, and the answer date', () => {
    const doc = buildDocument(withReports, { kind: 'supervision', sheets: [{ departmentId: TAX, number: '伊无废督〔2026〕1号', issuedOn: day, answerBy: '2026-11-15' }] }, settings);
    expect(doc.fileName).toBe('督办单-旗税务局-2026年11月.pdf');
    const [sheet] = doc.sheets;
    const [record] = blocks(sheet, 'record');
    expect(record.caption).toBe(`1．${taxTask.title}`);
    const item = (label: string) => record.items.find((i) => i.label === label)!;
    expect(item('完成时限').value).toBe('2025年');
    expect(item('逾期情况').value).toBe('已逾期309天（时限2025年12月31日，应完成约100%，当前进度30%）');
    expect(item('进展情况').lines).toEqual(['2026年9月：30%，推进中。开展政策宣传', '2026年8月：20%，推进中。梳理政策清单']);
    expect(item('最近反映的问题').value).toBe('2026年8月：企业申报材料不全');
    expect(text(doc)).toContain('请于2026年11月15日前将上述任务的整改落实情况');
  });

  it('goes to the departments that lead overdue or at-risk work', () => {
    const list = supervisionRecipients(plan, day);
    expect(list.map((d) => d.name)).toContain('旗生态环境局');
    expect(list.some((d) => /^各/.test(d.name))).toBe(false);
    expect(list.every((d) => d.rows.every((r) => ['overdue', 'at-risk'].includes(r.status.status)))).toBe(true);
    // Before any deadline has passed nothing is overdue, and a task years away is not at risk.
    expect(supervisionRecipients(plan, '2023-01-10')).toEqual([]);
  });
});

describe('print views', () => {
  it('task list: every task, grouped by domain, landscape, 第 N 页 共 M 页', () => {
    const doc = buildDocument(plan, { kind: 'task-list', day }, settings);
    const [sheet] = doc.sheets;
    expect(sheet).toMatchObject({ orientation: 'landscape', footer: 'page-of-total' });
    const [table] = blocks(sheet, 'table');
    expect(table.rows.filter((r) => r.length > 1)).toHaveLength(83);
    expect(table.rows.filter((r) => r.length === 1).map((r) => r[0].text)[0]).toMatch(/^一、工业固体废物（\d+项）$/);
    expect(doc.fileName).toBe('任务清单-伊金霍洛旗-2026年11月.pdf');
    const filtered = buildDocument(plan, { kind: 'task-list', day, taskIds: [plan.tasks[0].id], note: '筛选：工业' }, settings);
    expect(blocks(filtered.sheets[0], 'table')[0].rows).toHaveLength(2);
    expect(blocks(filtered.sheets[0], 'title')[0].subtitle).toBe('（截至2026年11月5日，共1项；筛选：工业）');
  });

  it('project list with totals of planned and completed investment', () => {
    const p = plan.projects[0];
    const doc = buildDocument({ ...plan, progress: [progress('2026-10', 40, { subjectKind: 'project', subjectId: p.id, investmentToDate: '1000.5' })] }, { kind: 'project-list', period: '2026-10' }, settings);
    const [table] = blocks(doc.sheets[0], 'table');
    expect(table.rows).toHaveLength(11);
    const total = table.footer![0];
    expect(total[0].text).toBe('合计（11个）');
    const planned = plan.projects.reduce((s, x) => s + Number(x.plannedInvestment ?? 0), 0);
    expect(Number(total[1].text)).toBeCloseTo(planned, 4);
    expect(total[3].text).toBe('1000.5');
  });

  it('indicator system: merged level cells, markers and the footnote', () => {
    const doc = buildDocument(plan, { kind: 'indicators', period: '2026-10' }, settings);
    const [table] = blocks(doc.sheets[0], 'table');
    expect(table.rows).toHaveLength(50);
    const firstLevel1 = table.rows[0][0];
    expect(firstLevel1.text).toBe('固体废物源头减量');
    const spanned = table.rows.reduce((s, r) => s + (r[0].rowSpan && r.length === table.columns.length ? r[0].rowSpan : 0), 0);
    expect(spanned).toBe(50); // the level-1 cells cover every row once
    expect(table.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['2023年目标值', '2024年目标值', '2025年目标值', '指标属性']));
    expect(text(doc)).toContain('★');
    expect(blocks(doc.sheets[0], 'paragraph')[0].text).toMatch(/^注：★为国家必选指标/);
    expect(doc.fileName).toBe('指标体系-伊金霍洛旗-2025年.pdf');
  });

  it('monthly reporting status by department', () => {
    const t = plan.tasks.find((x) => x.leads.some((l) => l.departmentId === TAX))!;
    const doc = buildDocument({ ...plan, progress: [progress('2026-10', 50, { subjectId: t.id })] }, { kind: 'reporting', period: '2026-10', day }, settings);
    const [table] = blocks(doc.sheets[0], 'table');
    const tax = table.rows.find((r) => r[1].text === '旗税务局')!;
    expect(tax.slice(2, 5).map((c) => c.text)).toEqual(['1', '1', '0']);
    expect(tax[5].text).toBe('已全部报送');
    const eco = table.rows.find((r) => r[1].text === '旗生态环境局')!;
    expect(Number(eco[4].text)).toBeGreaterThan(0);
    expect(blocks(doc.sheets[0], 'paragraph')[0].text).toContain('已报送1项');
  });
});

describe('HTML', () => {
  it('is self-contained, escapes text and puts each sheet on its named page', () => {
    const doc = buildDocument(plan, { kind: 'assignment', sheets: [{ departmentId: ECO, number: '<b>1</b>', issuedOn: day }, { departmentId: TAX, number: '2', issuedOn: day }] }, settings);
    const html = renderDocumentHtml(doc);
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html).toContain('&lt;b&gt;1&lt;/b&gt;');
    expect(html.match(/<section class="sheet portrait-dash"/g)).toHaveLength(2);
    expect(html).toContain('counter(page)');
    expect(html).toContain('display: table-header-group');
    expect(html).toContain('break-inside: avoid');
    expect(html).toContain('margin: 37mm 26mm 35mm 28mm');
  });
});
