/**
 * Issue 21: `zwc xlsx import-plan --column 'E=title'` gives a column whose header was not recognised
 * its meaning, as the app's preview lets the clerk choose, and stores what the app stores.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT } from '../../cli/zwc';
import { tempDirs, zwcAt } from '../support/cli';
import { openWorkspace } from '../../shared/app/workspace';
import { openCliStorage } from '../../cli/storage/open';
import { readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { buildPlanImport, previewPlanImport, type PlanImportContext } from '../../shared/xlsx/plan-import';
import { parseColumnChoices } from '../../shared/xlsx/plan-import-columns';

// A folder per test, removed after it (its workspace database closed first).
const tmp = tempDirs('zwc-import-plan-columns-');

/** zwc in-process at a fixed time, stderr in the same transcript (test/support/cli.ts). */
const zwc = zwcAt(new Date('2025-06-20T02:00:00Z'), { mergeErr: true });

/** A task list whose title column is headed 工作事项 and description column 工作安排及要求: neither recognised. */
async function taskList(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件1');
  ws.addRow(['序号', '任务名称', '工作安排及要求', '牵头单位', '完成时限', '工作事项']);
  ws.addRow(['工业固体废物（2项）']);
  ws.addRow([1, '推进绿色矿山建设', '新建矿山全部达到绿色矿山要求', '旗自然资源局', '2025年', '甲']);
  ws.addRow([2, '煤矸石综合利用', '建设煤矸石制砖项目', '旗工信局', '2024年底', '乙']);
  return writeWorkbook(wb);
}

test('--column gives an unrecognised column its meaning; the tasks stored are those the app stores with the same choice', async () => {
  const bytes = await taskList();
  const file = join(tmp.dir, '任务清单.xlsx');
  writeFileSync(file, bytes);

  // Without a choice: the column is named with how to choose, and not imported.
  const plain = await zwc('xlsx', 'import-plan', file, '--workspace', join(tmp.dir, 'a'), '--office', '150621', '--name', '达拉特旗', '--dry-run');
  expect(plain.code).toBe(EXIT.ok);
  expect(plain.out).toContain("「附件1」C 列（工作安排及要求）的表头未识别，不导入；如需导入请加 --column 'C=内容'");
  expect(plain.out).toContain('summary 主要内容');

  const dir = join(tmp.dir, 'b');
  const run = await zwc('xlsx', 'import-plan', file, '--workspace', dir, '--office', '150621', '--name', '达拉特旗', '--column', 'C=主要内容', '--column', 'F=不导入');
  expect(run.code).toBe(EXIT.ok);
  expect(run.out).toContain('「附件1」C 列（工作安排及要求）按“主要内容”读取');
  expect(run.out).toContain('「附件1」F 列（工作事项）按 --column 不导入');
  const stored = await (await openWorkspace(await openCliStorage(dir))).records.readPlan('150621');
  expect(stored.tasks.map((t) => [t.title, t.summary])).toEqual([
    ['推进绿色矿山建设', '新建矿山全部达到绿色矿山要求'],
    ['煤矸石综合利用', '建设煤矸石制砖项目'],
  ]);

  // The app: the same choice made in the preview gives the same tasks.
  const ctx: PlanImportContext = { fileName: '任务清单.xlsx', officeCode: '150621', existing: null, columns: { 附件1: { 3: 'summary', 6: '' } } };
  const app = buildPlanImport(previewPlanImport(await readWorkbook(bytes), ctx), ctx);
  const strip = <T extends { source: unknown }>(r: T) => ({ ...r, source: null });
  expect(stored.tasks.map(strip)).toEqual(app.tasks.map(strip));
}, 60_000);

test('--column refuses, in words naming the column, what the app would not allow', async () => {
  const file = join(tmp.dir, '任务清单2.xlsx');
  writeFileSync(file, await taskList());
  const cases: [string, string][] = [
    ['B=summary', 'B 列不是未识别的列，不能指定其内容（未识别的列：「附件1」C 列（工作安排及要求）、「附件1」F 列（工作事项））'],
    ['C=投资', '「附件1」中没有“投资”这种内容；可选：number（序号）'],
    ['其他表!C=summary', '没有名为“其他表”的表'],
    ['C', '“C”的写法不对：应为“列字母=内容”'],
  ];
  for (const [spec, message] of cases) {
    const run = await zwc('xlsx', 'import-plan', file, '--workspace', join(tmp.dir, 'c'), '--office', '150621', '--name', '达拉特旗', '--column', spec);
    expect([spec, run.code]).toEqual([spec, EXIT.usage]);
    expect(run.out).toContain(message);
  }
});

test('a column letter unrecognised in two sheets needs the sheet name', () => {
  const sheets = [
    { name: '任务清单', kind: 'tasks' as const, unrecognised: [{ col: 5, letter: 'E', header: '工作事项' }] },
    { name: '项目清单', kind: 'projects' as const, unrecognised: [{ col: 5, letter: 'E', header: '资金来源' }] },
  ];
  expect(parseColumnChoices(['E=title'], sheets).errors).toEqual(['“E=title”：「任务清单」、「项目清单」都有未识别的 E 列，请写明表名，如 任务清单!E=…。']);
  expect(parseColumnChoices(['任务清单!E=title, 项目清单!e=投资'], sheets)).toEqual({ choices: { 任务清单: { 5: 'title' }, 项目清单: { 5: 'investment' } }, errors: [] });
});
