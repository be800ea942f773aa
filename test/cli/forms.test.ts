import { readdir, readFile, writeFile } from 'node:fs/promises';
import { EXIT } from '../../cli/zwc';
import { openWorkspaceDir } from '../../cli/workspace-dir';
import type { Workspace } from '../../shared/app/workspace';
import type { ProgressEntry } from '../../shared/domain/progress';
import { chinaToday } from '../../shared/domain/time';
import { buildDepartmentForm, departmentsWithForms, formFileName, formImportChange, previewDepartmentForm } from '../../shared/xlsx/dept-form';
import { cellText, readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { appWorkspace, captureIo, plain, tempDirs, zwcAt } from '../support/cli';

/**
 * 填报表 from `zwc xlsx forms` / `import-forms` and from the app's core calls, on the same workspace
 * (the app's is restored from zwc's backup, so both hold the same form secret): the same cells,
 * and a returned form records the same report.
 */
const NOW = new Date('2026-11-20T02:00:00Z');
const PERIOD = '2026-11';
const zwc = zwcAt(NOW);
// Several workspaces a test, on a shared machine.
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-forms-');

const cells = async (bytes: Uint8Array) => {
  const sheet = (await readWorkbook(bytes)).getWorksheet('填报表')!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1)))));
  return rows;
};

async function fill(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = await readWorkbook(bytes);
  const sheet = wb.getWorksheet('填报表')!;
  const header = [...Array(12).keys()].map((i) => i + 1).find((r) => cellText(sheet.getCell(r, 8)).startsWith('完成百分比'))!;
  const col = (name: string) => [...Array(20).keys()].map((i) => i + 1).find((c) => cellText(sheet.getCell(header, c)).startsWith(name))!;
  sheet.getCell(header + 1, col('完成百分比')).value = 30;
  sheet.getCell(header + 1, col('状态')).value = '推进中';
  sheet.getCell(header + 1, col('本月进展')).value = '完成了调研';
  return writeWorkbook(wb);
}

const reports = async (ws: Workspace) =>
  (await ws.records.readPlan('150627')).progress.map((p: ProgressEntry) => {
    const { id: _id, deviceId: _device, ...rest } = plain(p);
    return rest;
  });

it('the same forms, and a returned form imported on each side records the same report', async () => {
  const ws = tmp.at('ws');
  expect((await zwc('--workspace', ws, 'init', '--office', '150627')).code).toBe(EXIT.ok);
  const run = await zwc('--workspace', ws, 'xlsx', 'forms', '--period', PERIOD, '--out-dir', tmp.dir);
  expect(run.code).toBe(EXIT.ok);
  // The form secret is made with the first forms; the backup carries it to the app's workspace.
  expect((await zwc('--workspace', ws, 'backup', '--out', tmp.at('b.zwbak'))).code).toBe(EXIT.ok);
  const app = await appWorkspace(NOW);
  await app.backup.restore(new Uint8Array(await readFile(tmp.at('b.zwbak'))));
  const plan = await app.records.readPlan('150627');
  const targets = departmentsWithForms(plan, PERIOD, 'lead');
  expect((await readdir(tmp.dir)).filter((f) => f.endsWith('.xlsx'))).toHaveLength(targets.length);
  const dept = targets[0].departmentId;
  const file = tmp.at(formFileName(plan, dept, PERIOD));
  const fromCli = new Uint8Array(await readFile(file));
  const fromApp = await writeWorkbook(await buildDepartmentForm(plan, dept, PERIOD, chinaToday(NOW), { scope: 'lead', formSecret: await app.formSecret() }));
  expect(await cells(fromCli)).toEqual(await cells(fromApp));

  const returned = await fill(fromCli);
  await writeFile(tmp.at('returned.xlsx'), returned);
  const imported = await zwc('--workspace', ws, 'xlsx', 'import-forms', tmp.at('returned.xlsx'), '--period', PERIOD);
  expect(imported.err).toBe('');
  expect(imported.out).toContain('已记录 1 条进展');
  const preview = previewDepartmentForm(await readWorkbook(returned), { fileName: tmp.at('returned.xlsx'), plan, period: PERIOD, deviceId: app.deviceId, formSecret: await app.formSecret(), now: NOW });
  await app.undo.commit(formImportChange([preview]));

  const cli: Workspace = await openWorkspaceDir(ws, captureIo(NOW).io);
  expect(await reports(cli)).toEqual(await reports(app));
  expect(await reports(cli)).toEqual([expect.objectContaining({ percent: 30, thisMonth: '完成了调研', period: PERIOD })]);
});
