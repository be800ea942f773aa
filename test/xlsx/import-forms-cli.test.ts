/**
 * `zwc xlsx import-forms` with many files and a folder (issue 20, deliver 3): one outcome line per
 * file, an .ods or .xls refused by name with how to fix it, lock and hidden files never read.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { EXIT } from '../../cli/zwc';
import { zwcAt } from '../support/cli';
import { closeCliStorage } from '../../cli/storage/open';
import { readWorkbook, writeWorkbook, cellText } from '../../shared/xlsx/workbook';

const root = mkdtempSync(join(tmpdir(), 'zwc-import-forms-'));
const ws = join(root, 'ws');

/** zwc in-process at a fixed time (test/support/cli.ts). */
const zwc = zwcAt(new Date('2025-06-20T02:00:00Z'));

/** Fills the first row of a form, as a department would, and saves it at `out`. */
async function fill(form: string, out: string, text: string): Promise<void> {
  const wb = await readWorkbook(new Uint8Array(readFileSync(form)));
  const sheet = wb.getWorksheet('填报表')!;
  const header = [...Array(12).keys()].map((i) => i + 1).find((r) => cellText(sheet.getCell(r, 8)).startsWith('完成百分比'))!;
  const col = (name: string) => [...Array(20).keys()].map((i) => i + 1).find((c) => cellText(sheet.getCell(header, c)).startsWith(name))!;
  sheet.getCell(header + 1, col('完成百分比')).value = 30;
  sheet.getCell(header + 1, col('状态')).value = '推进中';
  sheet.getCell(header + 1, col('本月进展')).value = text;
  writeFileSync(out, await writeWorkbook(wb));
}

let forms: string[] = [];

// One workspace for the file's tests: its database closed and its folder removed at the end.
afterAll(async () => {
  await closeCliStorage();
  rmSync(root, { recursive: true, force: true });
});

beforeAll(async () => {
  expect((await zwc('--workspace', ws, 'init', '--office', '150627')).code).toBe(EXIT.ok);
  const out = join(root, 'forms');
  mkdirSync(out);
  expect((await zwc('--workspace', ws, 'xlsx', 'forms', '--period', '2025-06', '--out-dir', out)).code).toBe(EXIT.ok);
  forms = readdirSync(out)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => join(out, f));
  expect(forms.length).toBeGreaterThanOrEqual(4);
}, 120_000);

test('imports a folder and loose files in one go, one line per file, refusing an .ods and an .xls by name', async () => {
  const folder = join(root, '收回');
  mkdirSync(join(folder, '第二批'), { recursive: true });
  await fill(forms[0], join(folder, '甲.xlsx'), '文件夹导入一');
  await fill(forms[1], join(folder, '第二批', '乙.xlsx'), '文件夹导入二');
  await fill(forms[2], join(root, '丙.xlsx'), '单个文件导入');
  writeFileSync(join(folder, '~$甲.xlsx'), 'lock');
  writeFileSync(join(folder, '说明.pdf'), '%PDF-1.4');
  writeFileSync(join(folder, '丁.ods'), zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') }));
  const xls = new Uint8Array(1024);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  writeFileSync(join(root, '戊.xls'), xls);

  const r = await zwc('--workspace', ws, 'xlsx', 'import-forms', folder, join(root, '丙.xlsx'), join(root, '戊.xls'), '--period', '2025-06');
  expect(r.code).toBe(EXIT.refused);
  expect(r.out).toMatch(/甲\.xlsx：.+，新进展 1 条/);
  expect(r.out).toMatch(/第二批\/乙\.xlsx：.+，新进展 1 条/);
  expect(r.out).toMatch(/丙\.xlsx：.+，新进展 1 条/);
  expect(r.err).toContain('丁.ods：已拒绝 — 「丁.ods」是 .ods 格式，本程序只能读取 .xlsx。请用 WPS/Excel/LibreOffice 打开后“另存为” .xlsx 再导入。');
  expect(r.err).toContain('戊.xls：已拒绝 — 「戊.xls」是 .xls 格式，本程序只能读取 .xlsx。');
  expect(r.out + r.err).not.toMatch(/~\$甲|说明\.pdf/);
  expect(r.out).toContain('已记录 3 条进展（5 个文件：读入 3 个，拒绝 2 个）');

  // The same again records nothing new and still names each file.
  const again = await zwc('--workspace', ws, 'xlsx', 'import-forms', folder, '--period', '2025-06', '--dry-run');
  expect(again.out).toMatch(/甲\.xlsx：.+，新进展 0 条，已导入过 1 条/);
  expect(again.out).toContain('（试运行）将记录 0 条进展（3 个文件：读入 2 个，拒绝 1 个）');
}, 120_000);

test('a missing file is an I/O failure (exit 3) but the other files are still read', async () => {
  const r = await zwc('--workspace', ws, 'xlsx', 'import-forms', join(root, '没有这个.xlsx'), forms[3], '--period', '2025-06', '--dry-run');
  expect(r.code).toBe(EXIT.io);
  expect(r.err).toMatch(/没有这个\.xlsx：已拒绝 — 无法读取「没有这个\.xlsx」/);
  expect(r.out).toMatch(/新进展 0 条/);
});

test('an empty folder says so', async () => {
  const empty = join(root, '空文件夹');
  mkdirSync(empty);
  const r = await zwc('--workspace', ws, 'xlsx', 'import-forms', empty, '--period', '2025-06');
  expect(r.err).toContain('空文件夹：文件夹中没有表格文件');
  expect(r.code).toBe(EXIT.ok);
});
