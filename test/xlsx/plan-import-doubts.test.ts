/** Issue 21: what the plan import asks instead of guessing, and a column's meaning chosen by the clerk. */
import ExcelJS from 'exceljs';
import { readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { previewPlanImport, buildPlanImport, type PlanImportContext } from '../../shared/xlsx/plan-import';
import { splitRoleLabels, parseUnits } from '../../shared/xlsx/units';
import { displayText } from '../../shared/xlsx/cell-display';
import { seedPlan } from './helpers';

async function read(build: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('任务清单'));
  return readWorkbook(await writeWorkbook(wb));
}

test('one-cell unit lists with every separator offices use', () => {
  for (const cell of ['牵头单位：旗发改委；配合单位：旗财政局、旗生态环境局', '牵头单位：旗发改委\n配合单位：旗财政局，旗生态环境局', '牵头单位:旗发改委;配合单位:旗财政局,旗生态环境局', '牵头：旗发改委；配合：旗财政局 旗生态环境局', '旗发改委（牵头）、旗财政局、旗生态环境局']) {
    const s = splitRoleLabels(cell)!;
    expect([parseUnits(s.leads).map((u) => u.name), parseUnits(s.participants).map((u) => u.name)]).toEqual([['旗发改委'], ['旗财政局', '旗生态环境局']]);
  }
  expect(splitRoleLabels('市生态环境局：负责组织开展评估工作')).toBeNull();
  expect(parseUnits('蒙苏经济开发区管委会负责', ['蒙苏经济开发区'])).toEqual([{ name: '蒙苏经济开发区管委会', duty: '负责' }]);
});

test('蒙苏经济开发区管委会 into an office that knows 蒙苏经济开发区: a new unit, asked at its row, never cut short', async () => {
  const plan = seedPlan('150627-yijinhuoluo');
  const existing = { ...plan, departments: plan.departments.map((d) => (d.name === '蒙苏经济开发区管委会' ? { ...d, name: '蒙苏经济开发区' } : d)), tasks: [], projects: [], indicators: [] };
  const wb = await read((ws) => {
    ws.addRow(['序号', '任务名称', '主要内容', '牵头单位', '参与单位', '完成时限']);
    ws.addRow(['工业固体废物（1项）']);
    ws.addRow([1, '园区固废集中处置', '建设集中处置中心', '蒙苏经济开发区管委会', '旗生态环境局', '2025年']);
  });
  const ctx: PlanImportContext = { fileName: 'p.xlsx', officeCode: '150627', existing };
  const preview = previewPlanImport(wb, ctx);
  const [u] = preview.unknownDepartments;
  expect(u).toMatchObject({ name: '蒙苏经济开发区管委会', suggestion: null, similar: ['蒙苏经济开发区'] });
  expect(preview.rows[0].problems.map((p) => [p.row, p.message])).toEqual([[3, expect.stringContaining('名录中有相近的“蒙苏经济开发区”')]]);
  const built = buildPlanImport(preview, ctx);
  expect(built.departments.map((d) => d.name)).toEqual(['蒙苏经济开发区管委会']);
  expect(built.tasks[0].leads).toEqual([{ departmentId: built.departments[0].id }]);
});

test('a header the import does not know is listed; the clerk says what it holds and the file is read again', async () => {
  const wb = await read((ws) => {
    ws.addRow(['序号', '任务名称', '工作安排及要求', '牵头单位', '完成时限']);
    ws.addRow(['工业固体废物（1项）']);
    ws.addRow([1, '推进绿色矿山建设', '新建矿山全部达到绿色矿山要求', '旗自然资源局', '2025年']);
  });
  const ctx: PlanImportContext = { fileName: 'p.xlsx', officeCode: '150621', existing: null };
  const first = previewPlanImport(wb, ctx);
  expect(first.sheets[0].unrecognised).toEqual([{ col: 3, letter: 'C', header: '工作安排及要求' }]);
  expect(first.sheets[0].fields.map((f) => f.label)).toContain('主要内容');
  const again = previewPlanImport(wb, { ...ctx, columns: { 任务清单: { 3: 'summary' } } });
  expect(again.sheets[0].unrecognised).toEqual([{ col: 3, letter: 'C', header: '工作安排及要求', chosen: 'summary' }]);
  expect(buildPlanImport(again, ctx).tasks[0].summary).toBe('新建矿山全部达到绿色矿山要求');
});

test('cells read as displayed: a date in its format, a percentage, a number with its decimals', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  const cells: [unknown, string, string][] = [
    [new Date(Date.UTC(2025, 11, 31)), 'yyyy/m/d', '2025/12/31'],
    [new Date(Date.UTC(2025, 11, 31)), 'yyyy"年"m"月"d"日"', '2025年12月31日'],
    [new Date(Date.UTC(2024, 5, 30)), 'yyyy"年"m"月"', '2024年6月'],
    [0.95, '0%', '95%'],
    [6, '0.00', '6.00'],
    [97000, '#,##0', '97000'],
  ];
  cells.forEach(([v, fmt], i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = v as ExcelJS.CellValue;
    c.numFmt = fmt;
  });
  const back = (await readWorkbook(await writeWorkbook(wb))).getWorksheet('s')!;
  expect(cells.map((_, i) => displayText(back.getCell(i + 1, 1)))).toEqual(cells.map((c) => c[2]));
});

test('投资 in Chinese numerals is read as an amount, with no doubt; an ambiguous one is kept as text and asked about', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目清单');
  ws.addRow(['序号', '项目名称', '建设内容', '总投资（万元）', '建设单位']);
  ws.addRow([1, '固废处置中心', '新建处置线一条', '三千万元', '旗生态环境局']);
  ws.addRow([2, '建筑垃圾资源化', '年处理 50 万吨', '一亿二千万元', '旗住建局']);
  ws.addRow([3, '秸秆综合利用', '收储点 10 个', '两千五百万元', '旗农牧局']);
  ws.addRow([4, '餐厨垃圾处理', '日处理 50 吨', '二百五', '旗城管局']);
  const ctx: PlanImportContext = { fileName: 'p.xlsx', officeCode: '150621', existing: null };
  const preview = previewPlanImport(await readWorkbook(await writeWorkbook(wb)), ctx);
  expect(preview.rows.map((r) => r.problems.map((p) => [p.row, p.column, p.message.slice(0, 14)]))).toEqual([[], [], [], [[5, 'D（总投资（万元））', '投资“二百五”不是单纯的金额']]]);
  const built = buildPlanImport(preview, ctx);
  expect(built.projects.map((p) => [p.plannedInvestment, p.investmentText ?? null])).toEqual([
    ['3000', null],
    ['12000', null],
    ['2500', null],
    [null, '二百五'],
  ]);
});
