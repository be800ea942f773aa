import { zipSync, strToU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { checkXlsxBytes } from '../../shared/xlsx/safety';
import { XlsxError } from '../../shared/xlsx/errors';
import { readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { exportPlanTables } from '../../shared/xlsx/export-tables';
import { previewPlanImport, buildPlanImport } from '../../shared/xlsx/plan-import';
import { buildDepartmentForm, previewDepartmentForm, formImportChange } from '../../shared/xlsx/dept-form';
import { unzipSync, strFromU8 } from 'fflate';
import { formColumn, seedPlan } from './helpers';

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
  // Columns by their headers: 完成百分比, 状态, 完成日期, 完成依据, 本月进展 …
  let C: Record<'pct' | 'status' | 'day' | 'evidence' | 'month' | 'name', string>;
  async function form(edit?: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Workbook> {
    const wb = await buildDepartmentForm(plan, dept.id, '2025-06', '2025-06-10');
    const ws = wb.getWorksheet('填报表')!;
    C = { pct: formColumn(ws, '完成百分比'), status: formColumn(ws, '状态'), day: formColumn(ws, '完成日期'), evidence: formColumn(ws, '完成依据'), month: formColumn(ws, '本月进展'), name: formColumn(ws, '任务/项目名称') };
    ws.getCell(`${C.pct}7`).value = 50;
    ws.getCell(`${C.month}7`).value = '已开展';
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
      ws.getCell(`${C.pct}8`).value = 10;
      ws.getCell(`${C.month}8`).value = 'x';
      ws.getCell(`${C.pct}9`).value = 120;
      ws.getCell(`${C.month}9`).value = 'y';
      ws.getCell(`${C.status}10`).value = '差不多';
      ws.getCell(`${C.pct}10`).value = 10;
      ws.getCell(`${C.month}10`).value = 'z';
      ws.getCell('A11').value = '';
      ws.getCell(`${C.name}11`).value = '我们自己加的任务';
      ws.getCell(`${C.month}11`).value = 'w';
      ws.getCell(`${C.pct}12`).value = 30;
      ws.getCell(`${C.month}12`).value = '长'.repeat(2001);
    });
    const p = previewDepartmentForm(wb, ctx());
    const at = (row: number) => p.rows.find((r) => r.row === row)!;
    expect(at(7).status).toBe('new');
    expect(at(8).problems[0].message).toContain('编号被改动');
    // The same words as typing in the app (checkPercent, checkText with TEXT_LIMITS).
    expect(at(9).problems[0].message).toBe('完成百分比应在 0 到 100 之间，不能为 120');
    expect(at(9).problems[0].column).toBe(`${C.pct}（完成百分比（0—100））`);
    expect(at(10).problems[0].message).toContain('差不多');
    expect(at(11).problems[0].message).toContain('后来添加');
    expect(at(12).problems[0]).toMatchObject({ column: `${C.month}（本月进展）`, message: '本月进展最多 2000 字，现为 2001 字' });
    expect(p.problems[0].message).toMatch(/少了 2 行/);
  });

  it('a task row saying 100 or 已完成 without its completion day and evidence is refused at that row and column', async () => {
    const wb = await form((ws) => {
      ws.getCell(`${C.pct}7`).value = 100;
      ws.getCell(`${C.month}7`).value = '全部完成';
    });
    const p = previewDepartmentForm(wb, ctx());
    const row = p.rows.find((r) => r.row === 7)!;
    expect(row.kind).toBe('task');
    expect(row.status).toBe('error');
    expect(row.entry).toBeUndefined();
    expect(row.problems.map((x) => [x.level, x.sheet, x.row, x.column, x.message])).toEqual([
      ['error', '填报表', 7, `${C.day}（完成日期（任务已完成时填））`, '任务已完成的，须填写完成日期（如 2026-11-20），否则不能导入'],
      ['error', '填报表', 7, `${C.evidence}（完成依据（任务已完成时填））`, '任务已完成的，须填写完成依据（如验收意见、印发文件的名称和文号），否则不能导入'],
    ]);
    expect(formImportChange([p]).appends ?? []).toHaveLength(0);

    const saidDone = previewDepartmentForm(await form((ws) => {
      ws.getCell(`${C.pct}7`).value = 80;
      ws.getCell(`${C.status}7`).value = '已完成';
      ws.getCell(`${C.month}7`).value = '基本完成';
    }), ctx()).rows.find((r) => r.row === 7)!;
    expect(saidDone.status).toBe('error');
    expect(saidDone.problems[0].column).toMatch(new RegExp(`^${C.pct}（完成百分比`));
    expect(saidDone.problems[0].message).toBe('状态选了“已完成”，完成百分比应填 100（现为 80）；尚未完成的请选“推进中”');

    const noSuchDay = previewDepartmentForm(await form((ws) => {
      ws.getCell(`${C.pct}7`).value = 100;
      ws.getCell(`${C.day}7`).value = '2025-02-30';
      ws.getCell(`${C.evidence}7`).value = '验收意见';
    }), ctx()).rows.find((r) => r.row === 7)!;
    expect(noSuchDay.problems[0]).toMatchObject({ column: `${C.day}（完成日期（任务已完成时填））`, message: '完成日期“2025-02-30”不存在：2025年2月没有30日' });
    const later = previewDepartmentForm(await form((ws) => {
      ws.getCell(`${C.pct}7`).value = 100;
      ws.getCell(`${C.day}7`).value = '2025-07-01';
      ws.getCell(`${C.evidence}7`).value = '验收意见';
    }), ctx()).rows.find((r) => r.row === 7)!;
    expect(later.problems[0].message).toBe('完成日期不能晚于今天（2025-06-20）');
  });

  it('a lead unit’s 100 with day and evidence is a claim of completion (status done), and the day may be typed as text', async () => {
    const p = previewDepartmentForm(await form((ws) => {
      ws.getCell(`${C.pct}7`).value = 100;
      ws.getCell(`${C.day}7`).value = '2025年6月18日';
      ws.getCell(`${C.evidence}7`).value = '《固废管理办法》已印发（伊政办发〔2025〕8号）';
      ws.getCell(`${C.month}7`).value = '办法印发';
    }), ctx());
    const row = p.rows.find((r) => r.row === 7)!;
    expect(row.status).toBe('new');
    expect(row.role).toBe('lead');
    expect(row.entry).toMatchObject({ percent: 100, status: 'done', departmentId: dept.id, completionClaim: { date: '2025-06-18', evidence: '《固废管理办法》已印发（伊政办发〔2025〕8号）' } });
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

/** Issue 24: the zip is read by the same view the spreadsheet library uses, and bounded while it streams. */
describe('zip differentials and row bombs, refused before parsing', () => {
  const minimal = (extra: Record<string, Uint8Array> = {}) =>
    zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<w/>'), ...extra }, { level: 9 });
  const LOCAL = [0x50, 0x4b, 0x03, 0x04];
  const findAll = (b: Uint8Array, sig: number[]) => {
    const out: number[] = [];
    for (let i = 0; i < b.length - 4; i++) if (sig.every((v, k) => b[i + k] === v)) out.push(i);
    return out;
  };

  it('refuses a local header whose sizes differ from the central directory', async () => {
    const b = minimal({ 'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData/></worksheet>') }).slice();
    const last = findAll(b, LOCAL).at(-1)!;
    b.set([1, 0, 0, 0], last + 22); // local uncompressed size
    const e = await refusal(() => checkXlsxBytes(b));
    expect(e.code).toBe('zip-bomb');
    expect(e.message).toContain('“xl/worksheets/sheet1.xml”的大小在压缩目录与部件记录中不一致');
  });

  it('refuses a local header whose name differs from the central directory', async () => {
    const b = minimal({ 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') }).slice();
    const last = findAll(b, LOCAL).at(-1)!;
    b[last + 30 + 'xl/worksheets/'.length] = 'S'.charCodeAt(0);
    expect((await refusal(() => checkXlsxBytes(b))).message).toContain('的名称在压缩目录与部件记录中不一致');
  });

  it('refuses two directory entries pointing at the same data (overlapping parts)', async () => {
    const b = minimal({ 'xl/a.xml': strToU8('<a/>'), 'xl/b.xml': strToU8('<a/>') }).slice();
    const central = findAll(b, [0x50, 0x4b, 0x01, 0x02]);
    // Point the last entry at the previous entry's local header (same name length, so the name check fails first or the overlap does).
    b.set(b.subarray(central.at(-2)! + 42, central.at(-2)! + 46), central.at(-1)! + 42);
    expect((await refusal(() => checkXlsxBytes(b))).code).toBe('zip-bomb');
  });

  it('refuses a sheet of 60,000 rows while inflating it, quickly and before any parsing', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
    const b = minimal({ 'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`) });
    const started = Date.now();
    const e = await refusal(() => readWorkbook(b));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('工作表中的行超过 50,000 行的上限');
  });

  it('refuses too many cells in few rows', async () => {
    const cells = Array.from({ length: 5000 }, (_, i) => `<c r="A${i}"/>`).join('');
    const rows = Array.from({ length: 201 }, (_, i) => `<row r="${i + 1}">${cells}</row>`).join('');
    const b = minimal({ 'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`) });
    expect((await refusal(() => checkXlsxBytes(b))).message).toContain('单元格超过 1,000,000 个');
  });

  it('says what the spreadsheet library meant, in Chinese, not its own words', async () => {
    const { parserProblem } = await import('../../shared/xlsx/workbook');
    expect(parserProblem(new Error('Bug : uncompressed data size mismatch'))).toBe('压缩数据已损坏（解压后的大小或校验码与文件所记不符）');
    expect(parserProblem(new Error('2:492: undefined entity.'))).toContain('实体引用');
    expect(parserProblem(new Error('something else'))).not.toContain('something');
  });
});

/** Issue 24: a department form's ids and department are sealed by the office that issued it. */
describe('sealed department forms', () => {
  const secret = new Uint8Array(32).fill(7);
  const issue = () => buildDepartmentForm(plan, dept.id, '2025-06', '2025-06-01', { formSecret: secret });
  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const out: number[] = [];
    ws.eachRow((row, r) => {
      if (/^(task|project):/.test(String(row.getCell(1).value ?? ''))) out.push(r);
    });
    return out;
  };

  it('SHA-256 and HMAC-SHA256 agree with node’s crypto', async () => {
    const { createHash, createHmac } = await import('node:crypto');
    const { sha256, hmacSha256 } = await import('../../shared/xlsx/form-seal');
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), '填报表'.repeat(100)]) {
      const bytes = strToU8(text);
      expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(Buffer.from(hmacSha256(secret, bytes)).toString('hex')).toBe(createHmac('sha256', secret).update(bytes).digest('hex'));
    }
    const longKey = new Uint8Array(100).fill(3);
    expect(Buffer.from(hmacSha256(longKey, strToU8('k'))).toString('hex')).toBe(createHmac('sha256', longKey).update('k').digest('hex'));
  });

  it('an untouched sealed form imports without a seal warning', async () => {
    const p = previewDepartmentForm(await issue(), ctx({ formSecret: secret }));
    expect(p.problems.map((x) => x.message).join('')).not.toContain('核验');
    expect(p.rows.every((r) => !r.problems.some((x) => x.message.includes('签发')))).toBe(true);
  });

  it('a row whose hidden id was changed to another task is refused on that row', async () => {
    const wb = await issue();
    const ws = wb.getWorksheet('填报表')!;
    const [first, second] = rowsOf(ws);
    const other = plan.tasks.find((t) => !String(ws.getCell(first, 1).value).includes(t.id))!;
    ws.getCell(first, 1).value = `task:${other.id}`;
    ws.getCell(second, 1).value = String(ws.getCell(second, 1).value).replace(/#[0-9a-f]{20}$/, '#00000000000000000000');
    const p = previewDepartmentForm(wb, ctx({ formSecret: secret }));
    for (const r of [first, second]) {
      const row = p.rows.find((x) => x.row === r)!;
      expect(row.status).toBe('error');
      expect(row.problems[0].message).toContain('隐藏编号与签发时不符');
    }
  });

  it('a form whose department was changed is refused as a whole', async () => {
    const wb = await issue();
    const ws = wb.getWorksheet('填报表')!;
    const another = plan.departments.find((d) => d.id !== dept.id && d.kind === 'department')!;
    ws.getCell('A4').value = another.id;
    const e = await refusal(() => previewDepartmentForm(wb, ctx({ formSecret: secret })));
    expect(e.code).toBe('wrong-form');
    expect(e.message).toContain('与本单位签发时不符');
  });

  it('a form issued before seals still imports, with a warning that it cannot be verified', async () => {
    const old = await buildDepartmentForm(plan, dept.id, '2025-06', '2025-06-01');
    const p = previewDepartmentForm(old, ctx({ formSecret: secret }));
    expect(p.problems.some((x) => x.level === 'warning' && x.message.includes('旧版本生成的，没有签发校验'))).toBe(true);
  });
});
