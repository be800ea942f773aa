/**
 * Classifying a returned file by its bytes (issue 20, deliver 3): the formats departments really
 * send back, made by LibreOffice and exceljs here, each refused by name with how to fix it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { detectFileKind, extensionOf, fileKindRefusal } from '../../shared/xlsx/file-kind';
import { newWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';

const dir = mkdtempSync(join(tmpdir(), 'zwc-kind-'));
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

/** Converts `source` with headless LibreOffice (its own profile, so it never meets another test's instance). */
function convert(source: string, to: string): void {
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', dir, join(dir, source)],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
}

/** A minimal OLE2 compound file (512-byte sectors: header, FAT in sector 0, directory in sector 1). */
function compoundFile(entries: string[]): Uint8Array {
  const out = new Uint8Array(512 * 3);
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(30, 9, true);
  view.setUint32(48, 1, true); // first directory sector
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  for (let i = 0; i < 128; i++) view.setUint32(512 + i * 4, i === 0 ? 0xfffffffd : i === 1 ? 0xfffffffe : 0xffffffff, true);
  entries.forEach((name, i) => {
    const at = 1024 + i * 128;
    [...name].forEach((c, j) => view.setUint16(at + j * 2, c.charCodeAt(0), true));
    view.setUint16(at + 64, (name.length + 1) * 2, true);
  });
  return out;
}

beforeAll(async () => {
  const wb = newWorkbook();
  wb.addWorksheet('填报表').getCell('A1').value = '旗生态环境局';
  writeFileSync(join(dir, 'form.xlsx'), await writeWorkbook(wb));
  writeFileSync(join(dir, 'note.txt'), '说明\n请填写');
  expect(spawnSync('soffice', ['--version']).status).toBe(0);
  convert('form.xlsx', 'ods');
  convert('form.xlsx', 'xls');
  convert('form.xlsx', 'csv');
  // Only LibreOffice Calc is installed: the text documents are built by hand, as their formats say.
  writeFileSync(join(dir, 'note.docx'), zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
  writeFileSync(join(dir, 'note.odt'), zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') }));
  writeFileSync(join(dir, 'note.doc'), compoundFile(['Root Entry', 'WordDocument', '1Table']));
}, 300_000);

describe('detectFileKind', () => {
  it('knows each format by its content, whatever its name', () => {
    expect(detectFileKind('a.xlsx', read('form.xlsx'))).toBe('xlsx');
    expect(detectFileKind('a.xlsx', read('form.ods'))).toBe('ods');
    expect(detectFileKind('a.xlsx', read('form.xls'))).toBe('xls');
    expect(detectFileKind('a.xlsx', read('form.csv'))).toBe('csv');
    expect(detectFileKind('a.xlsx', read('note.docx'))).toBe('word');
    expect(detectFileKind('a.xls', read('note.doc'))).toBe('word');
    expect(detectFileKind('a.ods', read('note.odt'))).toBe('word');
    expect(detectFileKind('a.xlsx', new Uint8Array())).toBe('empty');
    expect(detectFileKind('a.xlsx', strToU8('%PDF-1.7\n'))).toBe('pdf');
    expect(detectFileKind('a.xls', strToU8('<html><table><tr><td>1</td></tr></table></html>'))).toBe('html');
    expect(detectFileKind('a.xlsx', zipSync({ 'a.txt': strToU8('x') }))).toBe('zip');
    expect(detectFileKind('a.xlsx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toBe('other');
  });

  it('reads an .et / .xls by its workbook stream, and calls an unreadable OLE2 file by its extension', () => {
    copyFileSync(join(dir, 'form.xls'), join(dir, 'form.et'));
    expect(detectFileKind('返回.et', read('form.et'))).toBe('xls');
    const broken = new Uint8Array(512);
    broken.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(detectFileKind('x.wps', broken)).toBe('word');
    expect(detectFileKind('x.et', broken)).toBe('xls');
  });

  it('takes the extension from the last dot of the file name only', () => {
    expect(extensionOf('C:\\报表.v2\\旗环境局.ODS')).toBe('.ods');
    expect(extensionOf('填报表')).toBe('');
    expect(extensionOf('.hidden')).toBe('');
  });
});

describe('fileKindRefusal', () => {
  it('accepts an .xlsx, also one saved under another name', () => {
    expect(fileKindRefusal('旗生态环境局.xlsx', read('form.xlsx'))).toBeNull();
    expect(fileKindRefusal('旗生态环境局.xls', read('form.xlsx'))).toBeNull();
  });

  it('names an .ods and says how to fix it, never calling it a compressed file', () => {
    const text = fileKindRefusal('旗工信局.ods', read('form.ods'));
    expect(text).toBe('「旗工信局.ods」是 .ods 格式，本程序只能读取 .xlsx。请用 WPS/Excel/LibreOffice 打开后“另存为” .xlsx 再导入。');
    expect(text).not.toMatch(/压缩/);
    // Renamed: the content decides, the name of the format follows the content.
    expect(fileKindRefusal('旗工信局.xlsx', read('form.ods'))).toBe(
      '「旗工信局.xlsx」是OpenDocument 表格（.ods）格式，本程序只能读取 .xlsx。请用 WPS/Excel/LibreOffice 打开后“另存为” .xlsx 再导入。',
    );
  });

  it.each([
    ['旗农牧局.xls', 'form.xls', '是 .xls 格式'],
    ['旗农牧局.et', 'form.xls', '是 .et 格式'],
    ['旗农牧局.csv', 'form.csv', '是 .csv 格式'],
    ['旗农牧局.xlsx', 'form.csv', '是纯文本（.csv）格式'],
  ])('refuses %s (%s) with %s and the save-as advice', (name, file, format) => {
    const text = fileKindRefusal(name, read(file));
    expect(text).toContain(`「${name}」${format}，本程序只能读取 .xlsx。`);
    expect(text).toContain('请用 WPS/Excel/LibreOffice 打开后“另存为” .xlsx 再导入。');
  });

  it('tells a Word document, a PDF, a zip and an empty file apart', () => {
    expect(fileKindRefusal('说明.docx', read('note.docx'))).toMatch(/^「说明.docx」是 .docx 格式，不是表格/);
    expect(fileKindRefusal('说明.wps', read('note.doc'))).toMatch(/^「说明.wps」是 .wps 格式，不是表格/);
    expect(fileKindRefusal('报表.pdf', strToU8('%PDF-1.4'))).toMatch(/^「报表.pdf」是 PDF 格式/);
    expect(fileKindRefusal('返回.zip', zipSync({ 'a.xlsx': read('form.xlsx') }))).toMatch(/^「返回.zip」是 ZIP 压缩包.*请先解压/);
    expect(fileKindRefusal('空.xlsx', new Uint8Array())).toMatch(/^「空.xlsx」是空文件/);
  });
});

test('the LibreOffice conversions ran (a missing soffice fails here rather than passing quietly)', () => {
  expect(execFileSync('file', ['-b', join(dir, 'form.ods')], { encoding: 'utf8' })).toMatch(/OpenDocument Spreadsheet/i);
});
