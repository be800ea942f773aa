import type { IssuedSheet } from '../../shared/domain/issued-sheet';
import type { Problem } from '../../shared/domain/problem';
import type { Block, PrintDocument, Sheet } from '../../shared/print/document';
import { buildDocument } from '../../shared/print/documents';
import { renderDocumentHtml } from '../../shared/print/html';
import type { PrintPlan } from '../../shared/print/problem-sections';
import { reprintRequest, sheetJob } from '../../shared/print/sheet-job';
import { sheetCandidates } from '../../shared/print/sheet-candidates';
import { defaultPrintSettings } from '../../shared/print/sheet-number';
import { supervisionRecipients } from '../../shared/print/supervision-notice';
import { seededPlan, TAX } from './seeded-plan';

const plan = seededPlan();
const settings = defaultPrintSettings(plan.office);
const day = '2026-11-05';
const ORG = plan.departments.find((d) => d.name === '旗委组织部')!.id; // nothing in the plan, no task of its own
const taxTask = plan.tasks.find((t) => t.leads.some((l) => l.departmentId === TAX))!;
const otherTask = plan.tasks.find((t) => !t.leads.some((l) => l.departmentId === TAX))!;

const problem = (id: string, extra: Partial<Problem>): Problem => ({
  id: `150627-problem-${id}`,
  officeCode: '150627',
  subjectKind: 'task',
  subjectId: taxTask.id,
  text: '企业申报材料不全',
  raisedOn: '2026-09-08',
  raisedBy: { departmentId: TAX },
  kind: 'general',
  responsibleId: TAX,
  due: '2026-10-08',
  dueChanges: [],
  followUps: [],
  closing: null,
  reopenings: [],
  ...extra,
});

const overdueTax = problem('1', { followUps: [{ date: '2026-10-09', text: '已督促企业补齐材料', resolved: false, unit: { departmentId: TAX } }] });
const openTax = problem('2', { text: '政策宣传覆盖面不够', raisedOn: '2026-10-20', due: '2026-11-20' });
const closedTax = problem('3', { text: '已解决的问题', closing: { date: '2026-10-30', evidence: '整改报告', confirmedBy: '王明' } });
const laterTax = problem('4', { text: '督办之后才提出的问题', raisedOn: '2026-11-06', due: '2026-12-06' });
const overdueOrg = problem('5', { subjectId: otherTask.id, responsibleId: ORG, raisedBy: { departmentId: ORG }, text: '干部培训计划未落实', raisedOn: '2026-08-01', due: '2026-09-01' });
const withProblems: PrintPlan = { ...plan, problems: [openTax, closedTax, overdueTax, laterTax, overdueOrg] };

const blocks = <K extends Block['kind']>(sheet: Sheet, kind: K) => sheet.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const only = (doc: PrintDocument) => doc.sheets[0];
const cells = (row: { text: string; more?: string[] }[]) => row.map((c) => [c.text, ...(c.more ?? [])].join('/'));

describe('督办单 with the unit’s problems', () => {
  const supervise = (p: PrintPlan, departmentId: string) => buildDocument(p, { kind: 'supervision', sheets: [{ departmentId, number: '伊无废督〔2026〕1号', issuedOn: day, answerBy: '2026-11-15' }] }, settings);

  it('lists the unit’s unclosed problems on the day, overdue first, with task, dates, days overdue and the latest 处理进展', () => {
    const sheet = only(supervise(withProblems, TAX));
    const headings = blocks(sheet, 'heading').map((h) => h.text);
    expect(headings[0]).toMatch(/^一、逾期和临期任务（\d+项）$/);
    expect(headings[1]).toBe('二、未销号问题（2个，其中已逾期1个）');
    const [table] = blocks(sheet, 'table');
    expect(table.columns.map((c) => c.label)).toEqual(['序号', '问题', '所属任务/项目', '提出日期', '办结时限', '逾期天数', '最新进展']);
    expect(table.rows.map(cells)).toEqual([
      ['1', '企业申报材料不全', `${taxTask.domainLabel} ${taxTask.number} ${taxTask.title}`, '2026-09-08', '2026-10-08', '28天', '已督促企业补齐材料（2026-10-09）'],
      ['2', '政策宣传覆盖面不够', `${taxTask.domainLabel} ${taxTask.number} ${taxTask.title}`, '2026-10-20', '2026-11-20', '未逾期', '—'],
    ]);
    const opening = blocks(sheet, 'paragraph')[0].text;
    expect(opening).toContain('你单位负责整改的2个问题尚未销号，其中1个已超过办结时限');
    expect(opening).toContain('问题办结后及时报送销号佐证材料');
    expect(JSON.stringify(sheet)).toContain('请于2026年11月15日前将上述任务和问题的整改落实情况');
    // Neither the closed one nor the one raised after the day it was issued.
    expect(JSON.stringify(sheet)).not.toMatch(/已解决的问题|督办之后才提出的问题/);
  });

  it('reads as before for a plan without problems: no headings, no table', () => {
    const sheet = only(supervise(plan, TAX));
    expect(blocks(sheet, 'heading')).toEqual([]);
    expect(blocks(sheet, 'table')).toEqual([]);
    expect(blocks(sheet, 'paragraph')[0].text).not.toContain('问题');
  });

  it('offers a 督办单 to a unit with only an overdue problem (no task of its own), and says so', () => {
    expect(supervisionRecipients(plan, day).some((d) => d.departmentId === ORG)).toBe(false);
    const org = sheetCandidates(withProblems, 'supervision', day).items.find((c) => c.departmentId === ORG);
    expect(org).toMatchObject({ name: '旗委组织部', taskIds: [], detail: '1个问题逾期' });
    const tax = sheetCandidates(withProblems, 'supervision', day).items.find((c) => c.departmentId === TAX);
    expect(tax?.detail).toMatch(/项逾期.*、1个问题逾期$/);
    // An open problem that is not yet overdue calls for no 督办单 by itself.
    const notYet: PrintPlan = { ...plan, problems: [{ ...overdueOrg, due: '2026-12-01' }] };
    expect(sheetCandidates(notYet, 'supervision', day).items.some((c) => c.departmentId === ORG)).toBe(false);

    const job = sheetJob(withProblems, 'supervision', day, settings, { departmentIds: [ORG] });
    expect(job.items.map((i) => i.name)).toEqual(['旗委组织部']);
    const sheet = only(supervise(withProblems, ORG));
    expect(blocks(sheet, 'record')).toEqual([]);
    expect(blocks(sheet, 'heading').map((h) => h.text)).toEqual(['一、未销号问题（1个，其中已逾期1个）']);
    expect(blocks(sheet, 'paragraph')[0].text).toBe(
      '经2026年11月5日调度，你单位负责整改的1个问题尚未销号，其中1个已超过办结时限，现予督办。请高度重视，认真分析原因，明确整改措施和完成时限，加快推进，问题办结后及时报送销号佐证材料。',
    );
    expect(blocks(sheet, 'table')[0].rows.map(cells)[0]).toContain('65天');
  });

  it('a re-print from the register lists the problems unclosed on the day it was issued, not those closed or raised since', () => {
    const issued: IssuedSheet = { number: '伊无废督〔2026〕1号', kind: 'supervision', year: 2026, seq: 1, departmentId: TAX, departmentName: '旗税务局', issuedOn: day, answerBy: '2026-11-15', taskIds: [], projectIds: [], recordedAt: '2026-11-05T02:00:00.000Z', receipt: null };
    const later: PrintPlan = { ...withProblems, problems: [{ ...overdueTax, closing: { date: '2026-11-20', evidence: '材料齐全', confirmedBy: '王明' } }, laterTax] };
    const doc = buildDocument(later, reprintRequest(issued), settings);
    const rows = blocks(only(doc), 'table')[0].rows.map(cells);
    expect(rows.map((r) => r[1])).toEqual(['企业申报材料不全']);
  });

  it('prints the table in the HTML, escaped', () => {
    const html = renderDocumentHtml(supervise({ ...plan, problems: [{ ...overdueOrg, text: '<b>培训</b>未落实' }] }, ORG));
    expect(html).toContain('未销号问题');
    expect(html).toContain('&lt;b&gt;培训&lt;/b&gt;未落实');
    expect(html).toContain('逾期天数');
  });
});

describe('报送情况 with the month’s problems', () => {
  const reporting = (p: PrintPlan) => buildDocument(p, { kind: 'reporting', period: '2026-10', day }, settings);
  const fromOctober = problem('6', { period: '2026-10', sourceEntryId: '150627-pe-9', text: '十月报告提出的问题', raisedOn: '2026-11-03', due: '2026-12-03' });

  it('counts the month’s raised problems and the overdue ones and lists them in a short table, overdue first', () => {
    const doc = reporting({ ...withProblems, problems: [...(withProblems.problems ?? []), fromOctober] });
    const sheet = only(doc);
    expect(blocks(sheet, 'heading').map((h) => h.text)).toEqual(['存在问题整改情况']);
    const paragraphs = blocks(sheet, 'paragraph').map((p) => p.text);
    // October's: 政策宣传覆盖面不够 (entered directly on 10-20) and 十月报告提出的问题 (from October's report, raised in November).
    expect(paragraphs).toContain('2026年10月进展中登记问题2个（已销号0个，已逾期0个）；截至2026年11月5日，全部未销号问题4个，其中已超过办结时限2个。');
    const [, table] = blocks(sheet, 'table');
    expect(table.columns.map((c) => c.label)).toEqual(['序号', '问题', '所属任务/项目', '责任单位', '提出日期', '办结时限', '状态']);
    expect(table.rows.map((r) => r[1].text)).toEqual(['干部培训计划未落实', '企业申报材料不全', '政策宣传覆盖面不够', '十月报告提出的问题']);
    expect(cells(table.rows[0]).slice(3)).toEqual(['旗委组织部', '2026-08-01', '2026-09-01', '逾期65天']);
  });

  it('has no problem section for an office that keeps no problems', () => {
    const sheet = only(reporting(plan));
    expect(blocks(sheet, 'heading')).toEqual([]);
    expect(blocks(sheet, 'table')).toHaveLength(1);
  });

  it('refers to the 问题清单 past twenty rows', () => {
    const many = Array.from({ length: 23 }, (_, i) => problem(`m${i}`, { text: `问题${i}` }));
    const sheet = only(reporting({ ...plan, problems: many }));
    expect(blocks(sheet, 'table')[1].rows).toHaveLength(20);
    expect(blocks(sheet, 'paragraph').map((p) => p.text)).toContain('注：另有3个问题未列出，详见问题清单。');
  });
});
