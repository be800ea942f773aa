/**
 * Open problems go out with a department's next fill-in form (one 问题整改 row each, overdue
 * first) and come back as follow-ups of their problems, in the same one change as the month's
 * reports; the form never closes a problem (销号 stays with the office).
 */
import { MemoryStorage } from '../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../shared/app/workspace';
import { setUpWorkspace } from '../../shared/app/setup/setup';
import { seedPlan } from './helpers';
import type { ProgressEntry } from '../../shared/domain/progress';
import { buildDepartmentForm, formImportChange, previewDepartmentForm } from '../../shared/xlsx/dept-form';
import { PROBLEM_SHEET } from '../../shared/xlsx/form-problems';
import { answeredProblemRows } from '../../shared/xlsx/form-items';
import { cellText, readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import type { Workbook } from '../../shared/xlsx/workbook';

const plan = seedPlan('150627-yijinhuoluo');
const OFFICE = plan.office.code;
const gxj = plan.departments.find((d) => d.name === '旗工信局')!;
const task = plan.tasks.find((t) => t.leads.some((l) => l.departmentId === gxj.id))!;
const SECRET = new Uint8Array(32).fill(7);
const RAISED_AT = Date.parse('2025-12-04T02:00:00Z');
const RETURNED_AT = new Date('2026-01-06T02:00:00Z');

function report(id: string, problems: string): ProgressEntry {
  return {
    id: `${OFFICE}-progress-${id}`,
    officeCode: OFFICE,
    subjectKind: 'task',
    subjectId: task.id,
    period: '2025-11',
    percent: 40,
    status: 'in-progress',
    thisMonth: '推进中',
    problems,
    nextSteps: '',
    reportedBy: gxj.name,
    departmentId: gxj.id,
    reportedAt: '2025-12-03T09:00:00.000+08:00',
    deviceId: 'dev1',
  };
}

let now = RAISED_AT;
async function withProblem(): Promise<{ ws: Workspace; problemId: string }> {
  now = RAISED_AT;
  const ws = await openWorkspace(new MemoryStorage(), { now: () => now });
  await setUpWorkspace(ws, plan, 'plan');
  const entry = report('p1', '3家企业未建固废台账');
  await ws.records.addProgress(entry);
  const { raised } = await ws.problems.raise(OFFICE, [{ entryId: entry.id, action: 'new', kind: 'general' }]);
  return { ws, problemId: raised[0].id };
}

/** The December form of 旗工信局, issued when the problem is overdue, with its rows filled as given. */
async function returnedForm(ws: Workspace, fill: (sheet: NonNullable<ReturnType<Workbook['getWorksheet']>>, row: number) => void): Promise<Workbook> {
  now = RETURNED_AT.getTime();
  const rows = await ws.problems.formRowsByDepartment(OFFICE, '2026-01-06');
  const wb = await buildDepartmentForm(plan, gxj.id, '2025-12', '2026-01-06', { formSecret: SECRET, problemRows: rows });
  const again = await readWorkbook(await writeWorkbook(wb));
  const sheet = again.getWorksheet(PROBLEM_SHEET);
  if (!sheet) throw new Error('no 问题整改 sheet');
  let row = 0;
  sheet.eachRow((r, n) => {
    if (cellText(r.getCell(1)).startsWith('problem:')) row = n;
  });
  fill(sheet, row);
  return readWorkbook(await writeWorkbook(again));
}

const ctx = async (ws: Workspace) => ({ fileName: 'f.xlsx', plan, period: '2025-12', deviceId: 'dev2', formSecret: SECRET, problems: await ws.problems.all(OFFICE), now: RETURNED_AT });

describe('问题整改 rows in the fill-in form', () => {
  it('lists the department’s open problem, overdue, with its due date; a department without problems gets no such sheet', async () => {
    const { ws } = await withProblem();
    const wb = await returnedForm(ws, () => undefined);
    const sheet = wb.getWorksheet(PROBLEM_SHEET)!;
    const text = sheet.getRows(1, sheet.rowCount)!.map((r) => (r.values as unknown[]).map(String).join('|')).join('\n');
    expect(text).toContain('3家企业未建固废台账');
    expect(text).toContain('2026年1月3日');
    expect(text).toContain('已逾期（3 天）');
    const other = plan.departments.find((d) => d.name === '旗生态环境局')!;
    const plain = await buildDepartmentForm(plan, other.id, '2025-12', '2026-01-06', { formSecret: SECRET, problemRows: await ws.problems.formRowsByDepartment(OFFICE, '2026-01-06') });
    expect(plain.getWorksheet(PROBLEM_SHEET)).toBeUndefined();
  });

  it('reads a filled row back as a follow-up in the same change as the reports, without closing the problem', async () => {
    const { ws, problemId } = await withProblem();
    const wb = await returnedForm(ws, (sheet, row) => {
      sheet.getCell(row, 9).value = '已督促3家企业建账，完成2家';
      sheet.getCell(row, 10).value = '否';
    });
    const preview = previewDepartmentForm(wb, await ctx(ws));
    expect(preview.problemRows).toMatchObject([{ problemId, status: 'new', followUp: { text: '已督促3家企业建账，完成2家', resolved: false, date: '2026-01-06', unit: { departmentId: gxj.id } } }]);
    expect(answeredProblemRows([preview, preview])).toBe(2);
    const change = formImportChange([preview], await ws.problems.all(OFFICE));
    expect(change.label).toContain('1 条问题处理进展');
    await ws.undo.commit(change);
    const after = await ws.problems.get(problemId);
    expect(after?.followUps.map((f) => f.text)).toEqual(['已督促3家企业建账，完成2家']);
    expect(after?.closing).toBeNull();
    // The same form again records nothing new.
    const again = previewDepartmentForm(wb, await ctx(ws));
    expect(again.problemRows[0].status).toBe('unchanged');
    expect(answeredProblemRows([again])).toBe(0);
  });

  it('names the row and the column of a bad answer and records nothing for it', async () => {
    const { ws } = await withProblem();
    const wb = await returnedForm(ws, (sheet, row) => {
      sheet.getCell(row, 10).value = '差不多';
    });
    const [row] = previewDepartmentForm(wb, await ctx(ws)).problemRows;
    expect(row.status).toBe('error');
    expect(row.problems.map((p) => p.message).join('；')).toMatch(/没有写本月处理进展.*“是否解决”应为“是”或“否”，表中为“差不多”/);
    expect(row.problems.map((p) => p.column)).toEqual(['I', 'J']);
  });

  it('refuses a row whose hidden id was changed to another problem', async () => {
    const { ws } = await withProblem();
    const wb = await returnedForm(ws, (sheet, row) => {
      sheet.getCell(row, 1).value = cellText(sheet.getCell(row, 1)).replace('problem:', 'problem:x');
      sheet.getCell(row, 9).value = '已解决';
      sheet.getCell(row, 10).value = '是';
    });
    const [row] = previewDepartmentForm(wb, await ctx(ws)).problemRows;
    expect(row.status).toBe('error');
    expect(row.problems[0].message).toContain('隐藏编号');
  });
});
