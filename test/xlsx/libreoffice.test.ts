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
import { readWorkbook, writeWorkbook, cellText } from '../../shared/xlsx/workbook';
import { seedPlan } from './helpers';
import { reportedStatusFor } from '../../shared/domain/progress';

const PYTHON = '/usr/bin/python3';

function requireLibreOffice(): void {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (soffice.status !== 0) throw new Error('LibreOffice（soffice）未安装：请安装 libreoffice-calc（npm test 的准备步骤会自动安装）/ soffice missing: install libreoffice-calc');
  const uno = spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8' });
  if (uno.status !== 0) throw new Error('LibreOffice 的 Python 接口（python3-uno）未安装 / python3-uno missing: apt-get install python3-uno');
}

test('a form filled and saved by LibreOffice imports, text stays text', async () => {
  requireLibreOffice();
  const plan = seedPlan('150627-yijinhuoluo');
  const dept = plan.departments.find((d) => d.name === '旗生态环境局');
  expect(dept).toBeDefined();
  const period = '2025-06';
  const form = await buildDepartmentForm(plan, dept!.id, period, '2025-06-10');
  const dir = mkdtempSync(join(tmpdir(), 'zwc-lo-'));
  const src = join(dir, 'form.xlsx');
  const out = join(dir, 'filled.xlsx');
  writeFileSync(src, await writeWorkbook(form));

  // Find the columns by their headers, as a clerk would.
  const ws = form.getWorksheet('填报表')!;
  const header = 6;
  const col = (name: string) => {
    for (let c = 1; c <= 20; c++) if (cellText(ws.getCell(header, c)).startsWith(name)) return c;
    throw new Error(`no column ${name}`);
  };
  const fills = [
    { sheet: '填报表', row: header + 1, col: col('完成百分比'), value: 60 },
    { sheet: '填报表', row: header + 1, col: col('状态'), value: '推进中' },
    { sheet: '填报表', row: header + 1, col: col('本月进展'), value: '完成全旗固废产生单位排查，共 42 家。\n第二行说明' },
    { sheet: '填报表', row: header + 1, col: col('存在问题'), value: '=1+1' },
    { sheet: '填报表', row: header + 2, col: col('完成百分比'), value: 99 },
    { sheet: '填报表', row: header + 2, col: col('本月进展'), value: '基本完成，待验收' },
  ];
  const fillsPath = join(dir, 'fills.json');
  writeFileSync(fillsPath, JSON.stringify(fills));
  execFileSync(PYTHON, [join(__dirname, 'lo-fill.py'), src, out, fillsPath], { stdio: 'pipe', timeout: 90_000 });

  const filled = await readWorkbook(new Uint8Array(readFileSync(out)));
  const preview = previewDepartmentForm(filled, { fileName: 'filled.xlsx', plan, period, deviceId: 'test-device', now: new Date('2025-06-20T02:00:00Z') });
  expect(preview.rows.filter((r) => r.status === "error").map((r) => r.problems[0].message).slice(0, 2)).toEqual([]);
  expect(preview.counts).toMatchObject({ new: 2, error: 0 });
  const [first, second] = preview.rows.filter((r) => r.status === 'new');
  expect(first.entry).toMatchObject({ percent: 60, status: 'in-progress', thisMonth: '完成全旗固废产生单位排查，共 42 家。\n第二行说明', problems: '=1+1', reportedBy: '旗生态环境局' });
  // A blank status takes the core's rule for a report with no status chosen (a task reports at most
  // 99 %: its completion is recorded in 完成情况, see test/xlsx/refusals.test.ts).
  expect(second.entry).toMatchObject({ percent: 99, status: reportedStatusFor(99, 'in-progress') });
  expect(formImportChange([preview]).appends).toHaveLength(2);
}, 120_000);
