/** Plans laid out the way the four offices publish them, built here with exceljs, import as expected. */
import ExcelJS from 'exceljs';
import { readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { previewPlanImport, buildPlanImport, type PlanImportContext } from '../../shared/xlsx/plan-import';
import { seedPlan } from './helpers';

async function roundTrip(build: (wb: ExcelJS.Workbook) => void, ctx: Partial<PlanImportContext> = {}) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const parsed = await readWorkbook(await writeWorkbook(wb));
  const c: PlanImportContext = { fileName: 'plan.xlsx', officeCode: '150621', existing: null, ...ctx };
  const preview = previewPlanImport(parsed, c);
  return { preview, built: buildPlanImport(preview, c, { validOnly: true }) };
}

test('呼和浩特市 附件5: title row, 牵头单位及任务分工 with duties read against the directory, 时间安排 into yearly milestones', async () => {
  const hohhot = seedPlan('150100-hohhot');
  const { preview, built } = await roundTrip(
    (wb) => {
      const ws = wb.addWorksheet('附件5');
      ws.addRow(['附件5  呼和浩特市“无废城市”建设任务清单']);
      ws.mergeCells('A1:E1');
      ws.addRow(['序号', '重点任务', '牵头单位及\n任务分工', '责任单位及任务分工', '时间安排']);
      ws.addRow(['体制机制建设（1项任务）']);
      ws.mergeCells('A3:E3');
      ws.addRow(['1', '建立考核机制（导入测试）', '市“无废办”负责牵头推进', '市生态环境局负责组织开展评估工作；市委组织部将“无废城市”建设列入考核内容', '2023年制定考核办法，建立考核机制；2024年、2025年组织开展年度考核评估。']);
    },
    { officeCode: '150100', existing: hohhot },
  );
  expect(preview.counts).toMatchObject({ new: 1, error: 0 });
  expect(preview.unknownDepartments).toEqual([]);
  const [t] = built.tasks;
  expect(t).toMatchObject({ domain: 'institutional', domainLabel: '体制机制建设', number: '1', title: '建立考核机制（导入测试）' });
  expect(t.milestones).toEqual([{ years: [2023], text: '制定考核办法，建立考核机制' }, { years: [2024, 2025], text: '组织开展年度考核评估' }]);
  expect(t.deadline.points.map((p) => p.date)).toEqual(['2023-12-31', '2024-12-31', '2025-12-31']);
  const name = (id: string) => hohhot.departments.find((d) => d.id === id)?.name;
  expect(t.leads.map((l) => [name(l.departmentId), l.duty])).toEqual([['市“无废办”', '负责牵头推进']]);
  expect(t.participants.map((p) => [name(p.departmentId), p.role, p.duty])).toEqual([
    ['市生态环境局', '责任', '负责组织开展评估工作'],
    ['市委组织部', '责任', '将“无废城市”建设列入考核内容'],
  ]);
});

test('鄂尔多斯市: 参与单位 split by 、，and spaces, a cell split over two rows, section count checked, names matched to the directory', async () => {
  const ordos = seedPlan('150600-ordos');
  const { preview, built } = await roundTrip(
    (wb) => {
      const ws = wb.addWorksheet('任务清单');
      ws.addRow(['鄂尔多斯市“无废城市”建设任务清单']);
      ws.addRow([]);
      ws.addRow(['序号', '任务名称', '主要内容', '牵头单位', '参与单位', '完成时限']);
      ws.addRow(['工业固体废物（3项任务）']);
      ws.addRow(['1', '制定考核办法', '对重点目标进行考核，', '市无废办', '市委组织部，各成员单位', '2023年']);
      ws.addRow(['', '', '建立完善的评价考核机制。', '', '', '']);
      ws.addRow(['2', '推进绿色矿山', '新建矿山全部达到绿色矿山要求', '市自然资源局', '市生态环境局 市工信局、新单位甲', '持续推进']);
    },
    { officeCode: '150600', existing: ordos },
  );
  expect(preview.problems.map((p) => p.message).join()).toContain('写明 3 项任务，实际读到 2 项');
  expect(preview.unknownDepartments.map((u) => u.name)).toEqual(['新单位甲']);
  const [a, b] = built.tasks;
  expect(a.summary).toBe('对重点目标进行考核，\n建立完善的评价考核机制。');
  expect(a.participants.map((p) => ordos.departments.find((d) => d.id === p.departmentId)?.name)).toEqual(['市委组织部', '各成员单位']);
  expect(b.participants).toHaveLength(3);
  expect(b.deadline.open).toBe('ongoing');
  expect(built.departments.map((d) => d.name)).toEqual(['新单位甲']);
});

test('昆都仑区: 责任领导, compound deadlines, a task whose number and title are merged over its 分项', async () => {
  const { built } = await roundTrip((wb) => {
    const ws = wb.addWorksheet('重点任务');
    ws.addRow(['序号', '任务名称', '主要内容', '责任领导', '牵头单位', '配合单位', '完成时限']);
    ws.addRow(['加快工业绿色低碳发展（1项）']);
    ws.mergeCells('A2:G2');
    ws.addRow(['1', '推进绿色矿山建设', '开展绿色矿山“回头看”排查。', '李忠、王秀娟', '区自然资源局', '区应急局', '2023年底前完成排查；其余工作持续推进。']);
    ws.addRow(['', '', '推动在产矿山达到绿色矿山标准。', '李红宇', '区工信局', '区自然资源局', '2025年底']);
    ws.mergeCells('A3:A4');
    ws.mergeCells('B3:B4');
  });
  const [t] = built.tasks;
  expect(t.parts).toHaveLength(2);
  expect(t.leaderIds.map((id) => built.leaders.find((l) => l.id === id)?.name)).toEqual(['李忠', '王秀娟', '李红宇']);
  expect(t.parts![0].deadline).toMatchObject({ open: 'ongoing', points: [{ date: '2023-12-31' }] });
  expect(t.participants.map((p) => p.role)).toEqual(['配合']);
  expect(t.deadline.points.map((p) => p.date)).toEqual(['2023-12-31', '2025-12-31']);
});

test('伊金霍洛旗 project list: 建设周期, investment as number or words, the 合计 row skipped; indicators with 目标值 over year columns and markers', async () => {
  const { preview, built } = await roundTrip((wb) => {
    const ws = wb.addWorksheet('附件2');
    ws.addRow(['伊金霍洛旗“无废城市”建设项目清单']);
    ws.addRow(['序号', '项目名称', '建设内容', '建设单位', '总投资（万元）', '建设周期', '完成时限']);
    ws.addRow([1, '煤矸石综合利用项目', '建设砾石生产线', '神东布尔台煤矿', 97000, '2023年—2024年', '2024年底']);
    ws.addRow([2, '污泥处置项目', '建设处置中心', '旗住建局', '约5000', '2023年3月-2025年12月', '2025年']);
    ws.addRow(['合计', '', '', '', 102000, '', '']);
    const ind = wb.addWorksheet('指标体系');
    ind.addRow(['一级指标', '二级指标', '序号', '三级指标', '单位', '现状值（2020年）', '目标值', '', '责任单位']);
    ind.addRow(['', '', '', '', '', '', '2023年', '2025年', '']);
    ind.mergeCells('G1:H1');
    ind.addRow(['固体废物源头减量', '工业源头减量', '1', '一般工业固体废物产生强度★', '吨/万元', '—', '逐年降低', '<6', '旗工信局、旗生态环境局']);
    ind.addRow(['', '', '2', '绿色工厂数量●', '家', '3', '≥5', '≥8', '旗工信局']);
    ind.mergeCells('A3:A4');
    ind.mergeCells('B3:B4');
  });
  expect(preview.counts.error).toBe(0);
  expect(built.projects.map((p) => [p.plannedInvestment, p.investmentText, p.period?.start, p.period?.end])).toEqual([
    ['97000', undefined, { year: 2023 }, { year: 2024 }],
    ['5000', '约5000', { year: 2023, month: 3 }, { year: 2025, month: 12 }],
  ]);
  const [a, b] = built.indicators;
  expect(a).toMatchObject({ marker: 'national', name: '一般工业固体废物产生强度', direction: 'lower', baseline: null, level1: '固体废物源头减量' });
  expect(a.targets.map((t) => [t.year, t.target.kind])).toEqual([[2023, 'trend'], [2025, 'comparator']]);
  expect(b).toMatchObject({ marker: 'city', level2: '工业源头减量', direction: 'higher', baseline: { year: 2020, value: { kind: 'number', value: 3 } } });
});
