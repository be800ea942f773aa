import { zipSync, strToU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { checkXlsxBytes } from '../../shared/xlsx/safety';
import { XlsxError } from '../../shared/xlsx/errors';
import { readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { exportPlanTables } from '../../shared/xlsx/export-tables';
import { previewPlanImport, buildPlanImport } from '../../shared/xlsx/plan-import';
import { buildDepartmentForm, previewDepartmentForm, formImportChange } from '../../shared/xlsx/dept-form';
import { unzipSync, strFromU8 } from 'fflate';
import { seedPlan } from './helpers';

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<XlsxError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error('not refused');
}

const plan = seedPlan('150627-yijinhuoluo');
const dept = plan.departments.find((d) => d.name === '旗生态环境局')!;
const ctx = (over: Partial<Parameters<typeof previewDepartmentForm>[1]> = {}) => ({ fileName: 'f.xlsx', plan, period: '2025-06', deviceId: 'dev-1', now: new Date('2025-06-20T00:00:00Z'), ...over });

describe('files that are refused before parsing', () => {
  it('an empty file, a text file, an old .xls, a .docx', async () => {
    expect((await refusal(() => checkXlsxBytes(new Uint8Array()))).code).toBe('not-xlsx');
    expect((await refusal(() => checkXlsxBytes(strToU8('序号,任务名称\n1,x')))).code).toBe('not-xlsx');
    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const old = await refusal(() => checkXlsxBytes(xls));
    expect(old.code).toBe('old-xls');
    expect(old.message).toContain('另存为');
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w/>') });
    expect((await refusal(() => checkXlsxBytes(docx))).message).toContain('Word');
  });

  it('a file over the size limit', async () => {
    const e = await refusal(() => checkXlsxBytes(new Uint8Array(2048), { maxFileBytes: 1024, maxUncompressedBytes: 1e9, maxEntries: 10, maxRatio: 200 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/文件过大/);
  });

  it('a zip bomb: one part that inflates 1000-fold, refused from the zip directory before anything is inflated', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<w/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = await refusal(() => checkXlsxBytes(bomb));
    expect(e.code).toBe('zip-bomb');
    expect(e.message).toContain('压缩炸弹');
  });

  it('a zip that lies about its sizes in the directory is caught while inflating', async () => {
    const honest = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<w/>'), 'xl/big.xml': new Uint8Array(300_000) }, { level: 9 });
    // Rewrite the declared uncompressed size of every entry in the central directory to 10 bytes.
    const b = honest.slice();
    for (let i = 0; i < b.length - 4; i++) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02) b.set([10, 0, 0, 0], i + 24);
    expect((await refusal(() => checkXlsxBytes(b))).code).toBe('zip-bomb');
  });

  it('a workbook with none of the expected sheets names what it looked at', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('通讯录').addRow(['姓名', '电话']);
    const parsed = await readWorkbook(await writeWorkbook(wb));
    const e = await refusal(() => previewPlanImport(parsed, { fileName: 'x.xlsx', officeCode: '150627', existing: null }));
    expect(e.code).toBe('missing-sheet');
    expect(e.message).toContain('「通讯录」');
  });
});

describe('formulas are never written from text', () => {
  it('text starting with = + - @ tab or CR is a string cell, and no cell of an export is a formula', async () => {
    const nasty = ['=HYPERLINK("http://x","y")', '+86 123', '-1+2', '@SUM(A1)', '\t=1', '\r=1'];
    const p = { ...plan, tasks: plan.tasks.slice(0, nasty.length).map((t, i) => ({ ...t, title: nasty[i] })) };
    const bytes = await writeWorkbook(exportPlanTables(p, { today: '2025-06-10' }));
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files)) if (name.startsWith('xl/worksheets/')) expect(strFromU8(data)).not.toMatch(/<f[ >]/);
    const back = buildPlanImport(previewPlanImport(await readWorkbook(bytes), { fileName: 'x', officeCode: p.office.code, existing: null }), { fileName: 'x', officeCode: p.office.code, existing: null });
    expect(back.tasks.slice(0, nasty.length).map((t) => t.title)).toEqual(nasty.map((s) => s.trim()));
  });
});

describe('returned forms: refused or flagged row by row', () => {
  async function form(edit?: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Workbook> {
    const wb = await buildDepartmentForm(plan, dept.id, '2025-06', '2025-06-10');
    const ws = wb.getWorksheet('填报表')!;
    ws.getCell('H7').value = 50;
    ws.getCell('M7').value = '已开展';
    edit?.(ws);
    return readWorkbook(await writeWorkbook(wb));
  }

  it('a form for another office, another period, or with its marks removed', async () => {
    expect((await refusal(async () => previewDepartmentForm(await form((ws) => (ws.getCell('A2').value = '150203')), ctx()))).code).toBe('wrong-office');
    const other = await refusal(async () => previewDepartmentForm(await form(), ctx({ period: '2025-07' })));
    expect(other.code).toBe('wrong-period');
    expect(other.message).toContain('2025年6月');
    expect((await refusal(async () => previewDepartmentForm(await form((ws) => (ws.getCell('A1').value = '')), ctx()))).code).toBe('missing-sheet');
  });

  it('edited ids, added rows, removed rows and values out of range are flagged on their row', async () => {
    const wb = await form((ws) => {
      ws.getCell('A8').value = 'task:150627-task-999';
      ws.getCell('H8').value = 10;
      ws.getCell('M8').value = 'x';
      ws.getCell('H9').value = 120;
      ws.getCell('M9').value = 'y';
      ws.getCell('I10').value = '差不多';
      ws.getCell('H10').value = 10;
      ws.getCell('M10').value = 'z';
      ws.getCell('A11').value = '';
      ws.getCell('D11').value = '我们自己加的任务';
      ws.getCell('M11').value = 'w';
    });
    const p = previewDepartmentForm(wb, ctx());
    const at = (row: number) => p.rows.find((r) => r.row === row)!;
    expect(at(7).status).toBe('new');
    expect(at(8).problems[0].message).toContain('编号被改动');
    expect(at(9).problems[0].message).toContain('0—100');
    expect(at(9).problems[0].column).toMatch(/^H/);
    expect(at(10).problems[0].message).toContain('差不多');
    expect(at(11).problems[0].message).toContain('后来添加');
    expect(p.problems[0].message).toMatch(/少了 2 行/);
  });

  it('a task row saying 100 % or 已完成 is not stored as a completion: the row names the sheet, row and column', async () => {
    const wb = await form((ws) => {
      ws.getCell('H7').value = 100;
      ws.getCell('M7').value = '全部完成';
    });
    const p = previewDepartmentForm(wb, ctx());
    const row = p.rows.find((r) => r.row === 7)!;
    expect(row.kind).toBe('task');
    expect(row.status).toBe('error');
    expect(row.entry).toBeUndefined();
    expect(row.problems[0]).toMatchObject({ level: 'error', sheet: '填报表', row: 7 });
    expect(row.problems[0].column).toMatch(/^H（完成百分比/);
    expect(row.problems[0].message).toBe('完成百分比填了 100，这一行不导入：任务完成须在“完成情况”中填写完成日期和完成依据；月度进展的完成进度请填 0 到 99。已完成的任务请告知无废办，在任务的“完成情况”中登记。');
    expect(formImportChange([p]).appends ?? []).toHaveLength(0);

    const saidDone = previewDepartmentForm(await form((ws) => {
      ws.getCell('H7').value = 80;
      ws.getCell('I7').value = '已完成';
      ws.getCell('M7').value = '基本完成';
    }), ctx()).rows.find((r) => r.row === 7)!;
    expect(saidDone.status).toBe('error');
    expect(saidDone.problems[0].column).toMatch(/^I（状态/);
    expect(saidDone.problems[0].message).toMatch(/^状态填了“已完成”，这一行不导入/);
  });

  it('importing the same form twice changes nothing', async () => {
    const wb = await form();
    const first = previewDepartmentForm(wb, ctx());
    const change = formImportChange([first]);
    expect(change.appends).toHaveLength(1);
    const after = { ...plan, progress: change.appends!.map((a) => a.record as (typeof plan.progress)[number]) };
    const again = previewDepartmentForm(wb, ctx({ plan: after, now: new Date('2025-06-21T00:00:00Z') }));
    expect(again.counts).toMatchObject({ new: 0, unchanged: 1 });
    expect(formImportChange([again]).appends).toHaveLength(0);
  });
});
