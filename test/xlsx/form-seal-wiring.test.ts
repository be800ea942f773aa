/**
 * Department forms sealed by the office that issues them (issue 24, item 7), wired end to end:
 * the workspace makes its form secret once (setting `forms.secret`, from its random source), a
 * backup carries it, forms issued through the workspace (the app's path) and by `zwc xlsx forms`
 * are sealed, and returned forms are checked against it — an edited row id or department refused
 * with the row named, a form made before seals imported with a warning that it cannot be verified.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { openWorkspace, type Workspace } from '../../shared/app/workspace';
import { formSecretOf } from '../../shared/app/forms/form-secret';
import { setUpWorkspace } from '../../shared/app/setup/setup';
import { decodeBackup } from '../../shared/app/backup/backup-format';
import { FORM_SECRET_KEY } from '../../shared/xlsx/form-seal';
import { buildDepartmentForm, previewDepartmentForm } from '../../shared/xlsx/dept-form';
import { XlsxError } from '../../shared/xlsx/errors';
import { cellText, readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import type { PlanData } from '../../shared/views/plan-data';
import { EXIT, main, nodeIo, type CliIo } from '../../cli/zwc';
import { openCliStorage } from '../../cli/storage/open';
import { seedRecords } from './helpers';

const PERIOD = '2025-06';
const NOW = new Date('2025-06-20T02:00:00Z');
const YIQI = seedRecords('150627-yijinhuoluo');

/** A random source that counts its calls (and gives each call distinct bytes). */
function countingRandom() {
  let calls = 0;
  const random = (n: number) => {
    calls++;
    return Uint8Array.from({ length: n }, (_, i) => (i * 31 + calls * 7) & 0xff);
  };
  return { random, calls: () => calls };
}

async function county(random?: (n: number) => Uint8Array): Promise<Workspace> {
  const ws = await openWorkspace(new MemoryStorage(), { ...(random ? { random } : {}), now: () => NOW.getTime() });
  await setUpWorkspace(ws, YIQI, 'plan', NOW);
  return ws;
}

const formRows = (ws: ExcelJS.Worksheet) => {
  const out: number[] = [];
  ws.eachRow((row, r) => {
    if (/^(task|project):/.test(cellText(row.getCell(1)))) out.push(r);
  });
  return out;
};

describe('the workspace’s form secret', () => {
  it('is 32 bytes from the workspace’s random source, made once and kept under forms.secret', async () => {
    const source = countingRandom();
    const ws = await county(source.random);
    const before = source.calls();
    const first = await ws.formSecret();
    expect(first).toHaveLength(32);
    expect(source.calls()).toBe(before + 1);
    const again = await ws.formSecret();
    expect(Array.from(again)).toEqual(Array.from(first));
    expect(source.calls()).toBe(before + 1);
    const stored = await ws.storage.get('settings', FORM_SECRET_KEY);
    expect(stored?.value).toBe(Buffer.from(first).toString('base64'));
  });

  it('two calls at once make one secret', async () => {
    const ws = await county();
    const [a, b] = await Promise.all([ws.formSecret(), ws.formSecret()]);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(await ws.formSecret())).toEqual(Array.from(a));
  });

  it('refuses a random source that gives too few bytes, and a damaged stored secret', async () => {
    const storage = new MemoryStorage();
    await expect(formSecretOf(storage, () => new Uint8Array(8))).rejects.toThrow('32 字节');
    await storage.transaction((tx) => tx.bulkPut('settings', [{ key: FORM_SECRET_KEY, value: 'abc' }]));
    await expect(formSecretOf(storage, (n) => new Uint8Array(n))).rejects.toThrow(`本机设置 ${FORM_SECRET_KEY} 已损坏`);
  });

  it('is carried by a backup, so a restored laptop still verifies the forms it issued', async () => {
    const ws = await county();
    const secret = await ws.formSecret();
    const file = await ws.backup.create();
    const { tables } = await decodeBackup(file.bytes);
    expect(tables.settings.find((r) => r.key === FORM_SECRET_KEY)?.value).toBe(Buffer.from(secret).toString('base64'));

    const other = await county();
    const own = await other.formSecret();
    expect(Array.from(own)).not.toEqual(Array.from(secret));
    await other.backup.restore(file.bytes);
    expect(Array.from(await other.formSecret())).toEqual(Array.from(secret));

    // A form the first laptop sealed reads clean on the restored one.
    const plan = await other.records.readPlan('150627');
    const dept = plan.departments.find((d) => d.name === '旗生态环境局')!;
    const wb = await buildDepartmentForm(plan, dept.id, PERIOD, '2025-06-01', { formSecret: secret });
    const p = previewDepartmentForm(wb, { fileName: 'f.xlsx', plan, period: PERIOD, deviceId: other.deviceId, now: NOW, formSecret: await other.formSecret() });
    expect(p.problems.map((x) => x.message).join('')).not.toContain('核验');
    expect(p.rows.some((r) => r.status === 'error')).toBe(false);
  });
});

/** What the app does (DepartmentFormsBar, use-form-import): issue and read through the workspace’s secret. */
describe('forms issued and read through the workspace', () => {
  let ws: Workspace;
  let plan: PlanData;
  let deptId: string;
  const issue = async () => buildDepartmentForm(plan, deptId, PERIOD, '2025-06-01', { formSecret: await ws.formSecret() });
  const read = async (wb: ExcelJS.Workbook) => previewDepartmentForm(await readWorkbook(await writeWorkbook(wb)), { fileName: '回收.xlsx', plan, period: PERIOD, deviceId: ws.deviceId, now: NOW, formSecret: await ws.formSecret() });

  beforeAll(async () => {
    ws = await county();
    plan = await ws.records.readPlan('150627');
    deptId = plan.departments.find((d) => d.name === '旗生态环境局')!.id;
  });

  it('seals the form and each row', async () => {
    const sheet = (await issue()).getWorksheet('填报表')!;
    expect(cellText(sheet.getCell('A5'))).toMatch(/seal:[0-9a-f]{20}$/);
    const rows = formRows(sheet);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(cellText(sheet.getCell(r, 1))).toMatch(/#[0-9a-f]{20}$/);
  });

  it('refuses a row whose id was changed to a task of another department, naming the row', async () => {
    const wb = await issue();
    const sheet = wb.getWorksheet('填报表')!;
    const [first] = formRows(sheet);
    const listed = cellText(sheet.getCell('A5')).split(',');
    const foreign = plan.tasks.find((t) => !listed.some((x) => x.includes(t.id)))!;
    // The attacker keeps the row's seal and swaps the id, or drops the seal altogether: both refused.
    sheet.getCell(first, 1).value = cellText(sheet.getCell(first, 1)).replace(/^task:[^#]+/, `task:${foreign.id}`);
    const p = await read(wb);
    const row = p.rows.find((x) => x.row === first)!;
    expect(row.status).toBe('error');
    expect(row.problems[0]).toMatchObject({ row: first, column: 'A（隐藏编号）' });
    expect(row.problems[0].message).toContain('隐藏编号与签发时不符');
  });

  it('refuses a form whose department was changed, as a whole', async () => {
    const wb = await issue();
    const another = plan.departments.find((d) => d.id !== deptId && d.kind === 'department')!;
    wb.getWorksheet('填报表')!.getCell('A4').value = another.id;
    const e = await read(wb).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(XlsxError);
    expect((e as XlsxError).message).toContain('与本单位签发时不符');
  });

  it('refuses a form sealed by another office’s laptop', async () => {
    const stranger = await county();
    const wb = await buildDepartmentForm(plan, deptId, PERIOD, '2025-06-01', { formSecret: await stranger.formSecret() });
    await expect(read(wb)).rejects.toThrow('与本单位签发时不符');
  });

  it('imports a form made before seals with the warning that it cannot be verified', async () => {
    const p = await read(await buildDepartmentForm(plan, deptId, PERIOD, '2025-06-01'));
    expect(p.problems.some((x) => x.level === 'warning' && x.message.includes('无法核验隐藏编号是否被改动'))).toBe(true);
    expect(p.rows.some((r) => r.status === 'error')).toBe(false);
  });
});

/** `zwc xlsx forms` and `zwc xlsx import-forms` seal and check with the workspace’s secret. */
describe('zwc seals the forms it issues', () => {
  const root = mkdtempSync(join(tmpdir(), 'zwc-form-seal-'));
  const dir = join(root, 'ws');
  let forms: string[] = [];

  async function zwc(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: CliIo = { ...nodeIo(), stdout: (t) => void (out += t), stderr: (t) => void (err += t), now: () => NOW };
    return { code: await main(argv, io), out, err };
  }

  beforeAll(async () => {
    expect((await zwc('--workspace', dir, 'init', '--office', '150627')).code).toBe(EXIT.ok);
    const out = join(root, 'forms');
    mkdirSync(out);
    expect((await zwc('--workspace', dir, 'xlsx', 'forms', '--period', PERIOD, '--out-dir', out)).code).toBe(EXIT.ok);
    forms = readdirSync(out)
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => join(out, f));
    expect(forms.length).toBeGreaterThan(1);
  }, 120_000);

  it('writes sealed forms and keeps the secret in the workspace', async () => {
    const sheet = (await readWorkbook(new Uint8Array(readFileSync(forms[0])))).getWorksheet('填报表')!;
    expect(cellText(sheet.getCell('A5'))).toMatch(/seal:[0-9a-f]{20}$/);
    const json = JSON.stringify(await (await openCliStorage(dir)).listAll('settings'));
    expect(json).toContain(FORM_SECRET_KEY);
  });

  it('refuses an edited row id on its row, and the other rows still import', async () => {
    let wb: ExcelJS.Workbook | undefined;
    for (const f of forms) {
      wb = await readWorkbook(new Uint8Array(readFileSync(f)));
      if (formRows(wb.getWorksheet('填报表')!).length >= 2) break;
    }
    const sheet = wb!.getWorksheet('填报表')!;
    const [first, second] = formRows(sheet);
    expect(second).toBeDefined();
    // Row 1 reused for a task given to another department, its seal kept: the seal no longer fits.
    const listed = cellText(sheet.getCell('A5'));
    const foreign = YIQI.tasks.find((t) => !listed.includes(t.id))!;
    sheet.getCell(first, 1).value = cellText(sheet.getCell(first, 1)).replace(/^(task|project):[^#]+/, `task:${foreign.id}`);
    const edited = join(root, '改过编号.xlsx');
    writeFileSync(edited, await writeWorkbook(wb!));
    const r = await zwc('--workspace', dir, 'xlsx', 'import-forms', edited, '--period', PERIOD, '--dry-run');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(new RegExp(`第 ?${first} ?行.*隐藏编号与签发时不符`));
    expect(r.out).toMatch(/错误 1 行/);
    expect(r.out).not.toMatch(new RegExp(`第 ?${second} ?行`));
  });

  it('refuses a form whose department was changed', async () => {
    const wb = await readWorkbook(new Uint8Array(readFileSync(forms[0])));
    const other = cellText((await readWorkbook(new Uint8Array(readFileSync(forms[1])))).getWorksheet('填报表')!.getCell('A4'));
    wb.getWorksheet('填报表')!.getCell('A4').value = other;
    const edited = join(root, '改过单位.xlsx');
    writeFileSync(edited, await writeWorkbook(wb));
    const r = await zwc('--workspace', dir, 'xlsx', 'import-forms', edited, '--period', PERIOD, '--dry-run');
    expect(r.code).toBe(EXIT.refused);
    expect(r.err).toContain('与本单位签发时不符');
  });

  it('reads a form made without a workspace (unsealed) with the cannot-be-verified warning', async () => {
    const seed = join(__dirname, '../../seeds/150627-yijinhuoluo.json');
    const out = join(root, 'unsealed');
    mkdirSync(out);
    expect((await zwc('xlsx', 'forms', '--plan', seed, '--period', PERIOD, '--out-dir', out)).code).toBe(EXIT.ok);
    const [file] = readdirSync(out).filter((f) => f.endsWith('.xlsx'));
    const r = await zwc('--workspace', dir, 'xlsx', 'import-forms', join(out, file), '--period', PERIOD, '--dry-run');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('无法核验隐藏编号是否被改动');
  });
});
