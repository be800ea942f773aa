/**
 * The file side of the fuzzer (issue 24): returned department forms and the files behind them.
 * Each case is a file a department (or anyone with the file) could hand back — a sealed form with
 * its hidden ids, department or seal edited, a form whose zip local headers and central directory
 * disagree, a worksheet of hundreds of thousands of rows, text with control characters or
 * direction overrides, a FIFO named like a form — read the way the app and `zwc xlsx import-forms`
 * read it (readWorkbook, then previewDepartmentForm with the office's form secret).
 *
 * Every case must be refused with an XlsxError in Chinese (or a row refused with its row named),
 * or read with every invariant holding: no tampered row ever becomes a report, no control
 * character or override reaches a report. Time and heap growth are bounded as for bundles.
 */
import { mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { buildDepartmentForm, previewDepartmentForm, type FormPreview } from '../../shared/xlsx/dept-form';
import { XlsxError } from '../../shared/xlsx/errors';
import { cellText, readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import type { PlanData } from '../../shared/views/plan-data';
import { readBounded } from '../../cli/zwc';
import { boundProblem, heapGrowthMb, heapUsed, rngOf, seedPlan, type Outcome, type Rng } from './fuzz';

const PERIOD = '2025-06';
const NOW = new Date('2025-06-20T02:00:00Z');
const CHINESE = /[\u4e00-\u9fff]/;
// eslint-disable-next-line no-control-regex -- the very characters the text rule refuses
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export interface FileWorld {
  plan: PlanData;
  secret: Uint8Array;
  departmentId: string;
  /** The department's sealed form as issued (bytes), and the rows holding a hidden id. */
  form: Uint8Array;
  rows: number[];
  dir: string;
}

export async function makeFileWorld(): Promise<FileWorld> {
  const plan: PlanData = { ...seedPlan('150627-yijinhuoluo.json'), progress: [], indicatorValues: [] };
  const secret = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
  const dept = plan.departments.find((d) => d.name === '旗住建局') ?? plan.departments[0];
  const wb = await buildDepartmentForm(plan, dept.id, PERIOD, '2025-06-01', { formSecret: secret });
  const rows: number[] = [];
  wb.getWorksheet('填报表')?.eachRow((row, r) => {
    if (/^(task|project):/.test(cellText(row.getCell(1)))) rows.push(r);
  });
  return { plan, secret, departmentId: dept.id, form: await writeWorkbook(wb), rows, dir: mkdtempSync(join(tmpdir(), 'zwc-fuzz-files-')) };
}

export interface FileCase {
  name: string;
  /** The file's bytes, or a path to read as the command line does (a FIFO). */
  bytes?: Uint8Array;
  path?: string;
  /** 'refuse': the whole file refused; 'row': at least the named rows refused, none of them recorded; 'read': read. */
  expect: { kind: 'refuse' } | { kind: 'rows'; rows: number[] } | { kind: 'read' } | { kind: 'either' };
}

const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)];

async function edited(w: FileWorld, edit: (sheet: import('exceljs').Worksheet) => void): Promise<Uint8Array> {
  const wb = await readWorkbook(w.form);
  const sheet = wb.getWorksheet('填报表');
  if (!sheet) throw new Error('the issued form has no 填报表');
  edit(sheet);
  return writeWorkbook(wb);
}

/** Fills a row as a department would, so a refused row would otherwise become a report. */
function fill(sheet: import('exceljs').Worksheet, row: number, text = '本月已完成部分工作'): void {
  const header = Array.from({ length: 15 }, (_, i) => i + 1).find((r) => Array.from({ length: 30 }, (_, c) => cellText(sheet.getCell(r, c + 1))).some((t) => t.startsWith('完成百分比')));
  if (!header) throw new Error('the issued form has no header row');
  const col = (name: string) => {
    const c = Array.from({ length: 30 }, (_, i) => i + 1).find((i) => cellText(sheet.getCell(header, i)).startsWith(name));
    if (!c) throw new Error(`the issued form has no column ${name}`);
    return c;
  };
  sheet.getCell(row, col('完成百分比')).value = 40;
  sheet.getCell(row, col('状态')).value = '推进中';
  sheet.getCell(row, col('本月进展')).value = text;
}

const ROW_BOMBS = new Map<number, Uint8Array>();

function rowBomb(rows: number): Uint8Array {
  const cached = ROW_BOMBS.get(rows);
  if (cached) return cached;
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row>`);
  const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>`;
  const bytes = zipSync(
    {
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="填报表" sheetId="1"/></sheets></workbook>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    },
    { level: 9 },
  );
  ROW_BOMBS.set(rows, bytes);
  return bytes;
}

const LOCAL = [0x50, 0x4b, 0x03, 0x04];
function localHeaders(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 30 < b.length; i++) if (LOCAL.every((v, k) => b[i + k] === v)) out.push(i);
  return out;
}

type FileMaker = (rng: Rng, w: FileWorld, index: number) => Promise<FileCase>;

const FILE_MAKERS: Record<string, FileMaker> = {
  'form-row-id': async (rng, w) => {
    const row = pick(rng, w.rows);
    const other = pick(rng, w.plan.tasks).id;
    const how = pick(rng, ['swap-id', 'drop-seal', 'forge-seal', 'copy-row']);
    const bytes = await edited(w, (sheet) => {
      const cell = sheet.getCell(row, 1);
      const text = cellText(cell);
      if (how === 'swap-id') cell.value = text.replace(/^(task|project):[^#]+/, `task:${other}`);
      else if (how === 'drop-seal') cell.value = text.replace(/#[0-9a-f]{20}$/, '');
      else if (how === 'forge-seal') cell.value = text.replace(/#[0-9a-f]{20}$/, `#${'0123456789abcdef0123'}`);
      else cell.value = cellText(sheet.getCell(w.rows.find((r) => r !== row) ?? row, 1)).replace(/#[0-9a-f]{20}$/, '') + text.slice(text.indexOf('#'));
      fill(sheet, row);
    });
    const unchanged = how === 'copy-row' && w.rows.length < 2;
    return { name: `form-${how}`, bytes, expect: unchanged ? { kind: 'read' } : { kind: 'rows', rows: [row] } };
  },
  'form-header': async (rng, w) => {
    const field = pick(rng, ['department', 'seal', 'listed', 'office']);
    const other = w.plan.departments.find((d) => d.id !== w.departmentId && d.kind === 'department')?.id ?? 'x';
    const bytes = await edited(w, (sheet) => {
      const a5 = cellText(sheet.getCell('A5'));
      if (field === 'department') sheet.getCell('A4').value = other;
      else if (field === 'seal') sheet.getCell('A5').value = a5.replace(/seal:[0-9a-f]{20}$/, `seal:${'f'.repeat(20)}`);
      else if (field === 'listed') sheet.getCell('A5').value = `${pick(rng, w.plan.tasks).id},${a5}`;
      else sheet.getCell('A2').value = '150621';
    });
    return { name: `form-header-${field}`, bytes, expect: { kind: 'refuse' } };
  },
  'form-text': async (rng, w) => {
    const row = pick(rng, w.rows);
    const bad = pick(rng, ['\u0000', '\u0007', '\u001b[2J', '\u202e', '\u2066', '\u202d', '\u007f', '\u0085']);
    const bytes = await edited(w, (sheet) => fill(sheet, row, `本月进展${bad}exe.txt`));
    return { name: 'form-control-text', bytes, expect: { kind: 'read' } };
  },
  'zip-differential': async (rng, w) => {
    const b = w.form.slice();
    const headers = localHeaders(b);
    const at = pick(rng, headers);
    const field = pick(rng, ['name', 'method', 'compressed-size', 'size', 'crc', 'flags-encrypted']);
    const view = new DataView(b.buffer);
    if (field === 'name') b[at + 30] ^= 0x20;
    else if (field === 'method') view.setUint16(at + 8, view.getUint16(at + 8, true) === 8 ? pick(rng, [0, 9, 99]) : pick(rng, [8, 9, 99]), true);
    else if (field === 'compressed-size') view.setUint32(at + 18, view.getUint32(at + 18, true) + 1 + int(rng, 1000), true);
    else if (field === 'size') view.setUint32(at + 22, pick(rng, [1, 0x7fffffff, view.getUint32(at + 22, true) * 1000]), true);
    else if (field === 'crc') view.setUint32(at + 14, view.getUint32(at + 14, true) ^ 0xffff, true);
    else view.setUint16(at + 6, view.getUint16(at + 6, true) | 1, true);
    // A local CRC or encryption flag that differs from the directory's changes no byte the parser
    // inflates (it checks neither): read or refused, both safe. Found by this run: safety.ts compares
    // names, methods and sizes of the two views but not these two fields.
    return { name: `zip-${field}`, bytes: b, expect: field === 'crc' || field === 'flags-encrypted' ? { kind: 'either' } : { kind: 'refuse' } };
  },
  'row-bomb': async (rng) => {
    const rows = pick(rng, [60_000, 250_000, 1_000_000]);
    return { name: `row-bomb-${rows}`, bytes: rowBomb(rows), expect: { kind: 'refuse' } };
  },
  fifo: async (_rng, w, index) => {
    const path = join(w.dir, `fifo-${process.pid}-${index}.xlsx`);
    execFileSync('mkfifo', [path]);
    return { name: 'fifo', path, expect: { kind: 'refuse' } };
  },
  'untouched-form': async (rng, w) => {
    const row = pick(rng, w.rows);
    return { name: 'form-untouched', bytes: await edited(w, (sheet) => fill(sheet, row)), expect: { kind: 'read' } };
  },
};

const FILE_WEIGHTS: Record<keyof typeof FILE_MAKERS, number> = {
  'form-row-id': 6,
  'form-header': 4,
  'form-text': 3,
  'zip-differential': 6,
  'row-bomb': 2,
  fifo: process.platform === 'win32' ? 0 : 1,
  'untouched-form': 2,
};
const FILE_WHEEL = Object.entries(FILE_WEIGHTS).flatMap(([k, n]) => Array.from({ length: n }, () => k));

export async function makeFileCase(w: FileWorld, seed: number, index: number): Promise<FileCase> {
  const rng = rngOf((seed * 7_000_003 + index) >>> 0);
  return FILE_MAKERS[FILE_WHEEL[Math.floor(rng() * FILE_WHEEL.length)]](rng, w, index);
}

/** What became of a read form, checked against the case's expectation. */
function previewProblem(c: FileCase, p: FormPreview): string | null {
  const reports = p.rows.filter((r) => r.status === 'new' && r.entry);
  for (const r of reports) {
    const e = r.entry;
    if (e && [e.thisMonth, e.problems, e.nextSteps, e.reportedBy].some((t) => UNSAFE.test(t))) return `row ${r.row} recorded a control character or direction override`;
  }
  if (c.expect.kind === 'refuse') return 'read a file that must be refused';
  if (c.expect.kind === 'rows') {
    for (const row of c.expect.rows) {
      const r = p.rows.find((x) => x.row === row);
      if (r?.status !== 'error') return `row ${row} was ${r?.status ?? 'missing'}, expected refused`;
      if (!r.problems.some((x) => x.level === 'error' && x.row === row && CHINESE.test(x.message))) return `row ${row} refused without its row named in Chinese`;
    }
  }
  return null;
}

/** Reads one case as `zwc xlsx import-forms` and the app do: file → bytes → workbook → preview. */
export async function runFile(w: FileWorld, c: FileCase): Promise<Outcome> {
  const heap0 = heapUsed();
  const start = performance.now();
  let result: string;
  let problem: string | null = null;
  try {
    const bytes =
      c.bytes ??
      (await Promise.race([
        readBounded(c.path ?? '', 32 * 1024 * 1024),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('hung on the file (no answer within 2 s)')), 2000).unref()),
      ]));
    const wb = await readWorkbook(bytes);
    const preview = previewDepartmentForm(wb, { fileName: c.name, plan: w.plan, period: PERIOD, deviceId: 'fuzz', now: NOW, formSecret: w.secret });
    result = preview.rows.some((r) => r.status === 'error') ? 'rows-refused' : 'read';
    problem = previewProblem(c, preview);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof XlsxError) result = e.code;
    else if (c.path && /不是普通文件/.test(message)) result = 'not-a-file';
    else result = 'CRASH';
    if (result === 'CRASH') problem = `crashed: ${e instanceof Error ? (e.stack ?? message) : message}`;
    else if (!CHINESE.test(message)) problem = `refused without a Chinese message: ${message}`;
    else if (c.expect.kind === 'read') problem = `refused a file that should be read: ${message}`;
  }
  const outcome: Outcome = { name: c.name, result: result as Outcome['result'], problem, ms: performance.now() - start, heapMb: heapGrowthMb(heap0) };
  outcome.problem ??= boundProblem(outcome);
  return outcome;
}
