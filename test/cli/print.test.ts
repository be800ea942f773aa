import { readFile } from 'node:fs/promises';
import { EXIT } from '../../cli/zwc';
import { openWorkspaceDir } from '../../cli/workspace-dir';
import { numberFrom, type IssuedSheet } from '../../shared/app/printing/issued-sheets';
import type { Workspace } from '../../shared/app/workspace';
import { chinaToday } from '../../shared/domain/time';
import { scopeToPlan } from '../../shared/views/plan-scope';
import { buildDocument, combinedDocument, perDepartmentDocuments } from '../../shared/print/documents';
import { renderDocumentHtml } from '../../shared/print/html';
import { sheetJob, sheetRequest } from '../../shared/print/sheet-job';
import type { NumberedKind } from '../../shared/print/sheet-number';
import { appWorkspace, captureIo, tempDirs, zwcAt } from '../support/cli';

/**
 * Printing from `zwc print` and from the app's print dialog (the same SheetJob issued through
 * ws.sheets over IndexedDB): the same HTML, byte for byte, and the same numbers in the register.
 */
const NOW = new Date('2027-09-15T02:00:00Z');
const zwc = zwcAt(NOW);
// Several workspaces a test, on a shared machine.
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-print-');

async function both(): Promise<{ cli: () => Promise<Workspace>; app: Workspace }> {
  expect((await zwc('--workspace', tmp.at('ws'), 'init', '--office', '150627')).code).toBe(EXIT.ok);
  const app = await appWorkspace(NOW);
  await app.setup.setUp('150627', 'seed');
  return { cli: () => openWorkspaceDir(tmp.at('ws'), captureIo(NOW).io), app };
}

/** What the app's dialog does for 全部打印 (one department: its own sheet). */
async function appPrints(app: Workspace, kind: NumberedKind, departmentIds?: string[]): Promise<string> {
  const all = await app.records.readPlan('150627');
  const plan = scopeToPlan(all, all.office.currentPlanId);
  const settings = await app.sheets.settings(plan.office);
  const job = sheetJob(plan, kind, chinaToday(NOW), settings, departmentIds ? { departmentIds } : {});
  const done = await app.sheets.issueJob(job, job.items, async (reserved) => {
    const request = sheetRequest(job, job.items, numberFrom(reserved));
    return renderDocumentHtml(departmentIds ? perDepartmentDocuments(plan, request, settings)[0] : combinedDocument(plan, request, settings));
  });
  return done!.result;
}

const register = async (ws: Workspace) => (await ws.sheets.list()).map((s: IssuedSheet) => [s.kind, s.number, s.departmentId, s.issuedOn, s.taskIds.join(',')]);

describe('zwc print and the app’s print dialog', () => {
  it.each(['assignment', 'supervision'] as const)('%s: the same document and the same numbers, for all units and then one', async (kind) => {
    const { cli, app } = await both();
    const all = await zwc('--workspace', tmp.at('ws'), 'print', kind, '--out', tmp.at('all.html'));
    expect(all.err).toBe('');
    expect(all.code).toBe(EXIT.ok);
    expect(await readFile(tmp.at('all.html'), 'utf8')).toBe(await appPrints(app, kind));

    const plan = await app.records.readPlan('150627');
    const first = (await register(app))[0];
    const name = plan.departments.find((d) => d.id === first[2])!.name;
    const one = await zwc('--workspace', tmp.at('ws'), 'print', kind, '--department', name, '--out', tmp.at('one.html'));
    expect(one.code).toBe(EXIT.ok);
    expect(await readFile(tmp.at('one.html'), 'utf8')).toBe(await appPrints(app, kind, [first[2]]));
    expect(await register(await cli())).toEqual(await register(app));
    expect((await register(app)).length).toBeGreaterThan(1);
    expect(one.out).toMatch(kind === 'assignment' ? /无废交〔2027〕\d+号/ : /无废督〔2027〕\d+号/);
  });

  it('the lists are the same document as the app prints', async () => {
    const { app } = await both();
    expect((await zwc('--workspace', tmp.at('ws'), 'print', 'project-list', '--period', '2027-08', '--out', tmp.at('p.html'))).code).toBe(EXIT.ok);
    const all = await app.records.readPlan('150627');
    const plan = scopeToPlan(all, all.office.currentPlanId);
    const doc = buildDocument(plan, { kind: 'project-list', period: '2027-08' }, await app.sheets.settings(plan.office));
    expect(await readFile(tmp.at('p.html'), 'utf8')).toBe(renderDocumentHtml(doc));
  });

  it('names a unit that does not exist (not found) and a kind it cannot print (usage)', async () => {
    await both();
    expect((await zwc('--workspace', tmp.at('ws'), 'print', 'supervision', '--department', '不存在的局', '--out', tmp.at('x.html'))).code).toBe(EXIT.notFound);
    expect((await zwc('--workspace', tmp.at('ws'), 'print', 'poster', '--out', tmp.at('x.html'))).code).toBe(EXIT.usage);
  });
});
