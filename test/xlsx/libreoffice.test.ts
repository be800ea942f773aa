/**
 * Item 4 of issue 11: a form filled in a real second program imports. LibreOffice (headless,
 * driven through UNO by lo-fill.py) fills a generated department form and saves it as .xlsx;
 * the app's import reads it. Fails, never skips, when LibreOffice or its Python bridge is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDepartmentForm, formImportChange, previewDepartmentForm } from '../../shared/xlsx/dept-form';
import { readWorkbook, writeWorkbook, cellText, type Workbook } from '../../shared/xlsx/workbook';
import { seedPlan } from './helpers';
import type { ProgressEntry } from '../../shared/domain/progress';
import { AWAITING_COMPLETION_LABEL, taskStatus } from '../../shared/domain/task-status';

const PYTHON = '/usr/bin/python3';

function requireLibreOffice(): void {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (soffice.status !== 0) throw new Error('LibreOffice（soffice）未安装：请安装 libreoffice-calc（npm test 的准备步骤会自动安装）/ soffice missing: install libreoffice-calc');
  const uno = spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8' });
  if (uno.status !== 0) throw new Error('LibreOffice 的 Python 接口（python3-uno）未安装 / python3-uno missing: apt-get install python3-uno');
}

type Fill = { sheet: string; row: number; col: number; value: string | number; typed?: boolean };

/** What a department does in LibreOffice: opens the form, types into cells, saves it as .xlsx. */
async function fillInLibreOffice(form: Workbook, fills: (col: (name: string) => number, header: number) => Fill[]): Promise<Workbook> {
  const dir = mkdtempSync(join(tmpdir(), 'zwc-lo-'));
  const src = join(dir, 'form.xlsx');
  const out = join(dir, 'filled.xlsx');
  writeFileSync(src, await writeWorkbook(form));
  // Find the columns by their headers, as a clerk would.
  const ws = form.getWorksheet('填报表')!;
  const header = 6;
  const col = (name: string) => {
    for (let c = 1; c <= 30; c++) if (cellText(ws.getCell(header, c)).startsWith(name)) return c;
    throw new Error(`no column ${name}`);
  };
  const fillsPath = join(dir, 'fills.json');
  writeFileSync(fillsPath, JSON.stringify(fills(col, header)));
  execFileSync(PYTHON, [join(__dirname, 'lo-fill.py'), src, out, fillsPath], { stdio: 'pipe', timeout: 90_000 });
  return readWorkbook(new Uint8Array(readFileSync(out)));
}

const plan = seedPlan('150627-yijinhuoluo');
const dept = plan.departments.find((d) => d.name === '旗生态环境局')!;
const period = '2025-06';
const ctx = { fileName: 'filled.xlsx', plan, period, deviceId: 'test-device', now: new Date('2025-06-20T02:00:00Z') };

test('a form filled and saved by LibreOffice imports, text stays text, each report is the department’s', async () => {
  requireLibreOffice();
  expect(dept).toBeDefined();
  const form = await buildDepartmentForm(plan, dept.id, period, '2025-06-10');
  const filled = await fillInLibreOffice(form, (col, header) => [
    { sheet: '填报表', row: header + 1, col: col('完成百分比'), value: 60 },
    { sheet: '填报表', row: header + 1, col: col('状态'), value: '推进中' },
    { sheet: '填报表', row: header + 1, col: col('本月进展'), value: '完成全旗固废产生单位排查，共 42 家。\n第二行说明' },
    { sheet: '填报表', row: header + 1, col: col('存在问题'), value: '=1+1' },
    { sheet: '填报表', row: header + 2, col: col('完成百分比'), value: 99 },
    { sheet: '填报表', row: header + 2, col: col('本月进展'), value: '基本完成，待验收' },
  ]);
  const preview = previewDepartmentForm(filled, ctx);
  expect(preview.rows.filter((r) => r.status === 'error').map((r) => r.problems[0].message).slice(0, 2)).toEqual([]);
  expect(preview.counts).toMatchObject({ new: 2, error: 0 });
  const [first, second] = preview.rows.filter((r) => r.status === 'new');
  // No 填报人 typed: the report is recorded under the department's name, and always as its unit's.
  expect(first.entry).toMatchObject({ percent: 60, status: 'in-progress', thisMonth: '完成全旗固废产生单位排查，共 42 家。\n第二行说明', problems: '=1+1', reportedBy: '旗生态环境局', departmentId: dept.id });
  expect(first.entry?.completionClaim).toBeUndefined();
  // A blank status takes the core's rule for a report with no status chosen.
  expect(second.entry).toMatchObject({ percent: 99, status: 'in-progress', departmentId: dept.id });
  expect(formImportChange([preview]).appends).toHaveLength(2);
}, 120_000);

test('a lead unit reports a task finished in LibreOffice (100, 已完成, a typed date, evidence): the task shows 待确认完成 with that day; a 100 without a day is refused at its cell', async () => {
  requireLibreOffice();
  const form = await buildDepartmentForm(plan, dept.id, period, '2025-06-10');
  const ws = form.getWorksheet('填报表')!;
  const firstTask = plan.tasks.find((t) => t.id === cellText(ws.getCell(7, 1)).replace(/^task:/, ''))!;
  expect(firstTask.leads.map((l) => l.departmentId)).toContain(dept.id);
  const filled = await fillInLibreOffice(form, (col, header) => [
    { sheet: '填报表', row: 5, col: col('任务/项目名称'), value: '张三' },
    { sheet: '填报表', row: header + 1, col: col('完成百分比'), value: 100 },
    { sheet: '填报表', row: header + 1, col: col('状态'), value: '已完成' },
    { sheet: '填报表', row: header + 1, col: col('完成日期'), value: '2025-06-18', typed: true },
    { sheet: '填报表', row: header + 1, col: col('完成依据'), value: '验收意见（伊环发〔2025〕12号）' },
    { sheet: '填报表', row: header + 1, col: col('本月进展'), value: '通过验收' },
    { sheet: '填报表', row: header + 2, col: col('完成百分比'), value: 100 },
    { sheet: '填报表', row: header + 2, col: col('本月进展'), value: '已全部完成' },
  ]);
  const preview = previewDepartmentForm(filled, ctx);
  expect(preview.reportedBy).toBe('张三');
  const claimed = preview.rows.find((r) => r.row === 7)!;
  expect(claimed.status).toBe('new');
  expect(claimed.entry).toMatchObject({ percent: 100, status: 'done', reportedBy: '张三', departmentId: dept.id, completionClaim: { date: '2025-06-18', evidence: '验收意见（伊环发〔2025〕12号）' } });
  const refused = preview.rows.find((r) => r.row === 8)!;
  expect(refused.status).toBe('error');
  expect(refused.problems[0]).toMatchObject({ row: 8, column: expect.stringMatching(/^J（完成日期/), message: '任务已完成的，须填写完成日期（如 2026-11-20），否则不能导入' });

  const recorded = (formImportChange([preview]).appends ?? []).map((a) => a.record as ProgressEntry);
  expect(recorded).toHaveLength(1);
  const status = taskStatus(firstTask, recorded, '2025-06-25');
  expect(status).toMatchObject({ status: 'in-progress', awaitingCompletion: true });
  expect(status.reason).toContain(AWAITING_COMPLETION_LABEL);
  expect(status.reason).toContain('2025年6月18日');
  expect(status.reason).toContain('伊环发〔2025〕12号');
}, 120_000);
