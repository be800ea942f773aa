import { readFile, writeFile } from 'node:fs/promises';
import { EXIT } from '../../cli/zwc';
import { cliIdentity, openWorkspaceDir } from '../../cli/workspace-dir';
import type { Workspace } from '../../shared/app/workspace';
import { deviceIdentity } from '../../shared/app/trust/device-identity';
import { appWorkspace, captureIo, tempDirs, zwcAt } from '../support/cli';

/**
 * Two laptops of one office edit the same title: zwc and the app (restored from zwc's backup, over
 * IndexedDB) each import the other's file, see the same conflict, and keeping one side leaves both
 * with the same title. The import history names the file on both.
 */
// The edits are stamped by the real clock on the app's side, so zwc runs at the real time too.
const NOW = new Date();
const PERIOD = '2026-11';
const zwc = zwcAt(NOW);
// Several workspaces a test, on a shared machine.
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-conflicts-');
const TASK = '150627-task-001';

interface Conflict {
  key: string;
  title: string;
  fieldLabel: string;
  sides: { stamp: string; value?: unknown }[];
}

it('the same open conflict on both sides, and keeping one side settles it the same way', async () => {
  const ws = tmp.at('ws');
  expect((await zwc('--workspace', ws, 'init', '--office', '150627')).code).toBe(EXIT.ok);
  expect((await zwc('--workspace', ws, 'backup', '--out', tmp.at('b.zwbak'))).code).toBe(EXIT.ok);
  const app = await appWorkspace(NOW);
  await app.backup.restore(new Uint8Array(await readFile(tmp.at('b.zwbak'))));
  const cli = (): Promise<Workspace> => openWorkspaceDir(ws, captureIo(NOW).io);

  await (await cli()).records.update('tasks', TASK, { title: '命令行改的名称' });
  await app.records.update('tasks', TASK, { title: '界面改的名称' });

  // Each trusts the other laptop's key and imports its file.
  expect((await zwc('--workspace', ws, 'export', '--period', PERIOD, '--out', tmp.at('cli.zwb'))).code).toBe(EXIT.ok);
  const appFile = await app.exchange.exportBundle('150627', PERIOD, NOW);
  await writeFile(tmp.at('app.zwb'), appFile.bytes);
  const appKey = (await deviceIdentity(app.storage)).publicKey;
  const cliKey = (await cliIdentity(ws, captureIo(NOW).io, (await cli()).deviceId)).publicKey;
  expect((await zwc('--workspace', ws, 'trust', '--office', '150627', '--public-key', appKey)).code).toBe(EXIT.ok);
  await app.trust.trust({ officeCode: '150627', publicKey: cliKey }, NOW);
  const imported = await zwc('--workspace', ws, 'import', tmp.at('app.zwb'));
  expect(imported.err).toBe('');
  const prepared = await app.exchange.prepareImport({ officeCode: '150627', level: 'county' }, { name: 'cli.zwb', data: new Uint8Array(await readFile(tmp.at('cli.zwb'))) }, NOW);
  if (prepared.kind !== 'ready') throw new Error(`not ready: ${JSON.stringify(prepared)}`);
  await app.exchange.applyImport(prepared, NOW);

  const listed = await zwc('--workspace', ws, 'conflicts', '--json', 'yes');
  const fromCli = JSON.parse(listed.out) as Conflict[];
  const fromApp = await app.exchange.conflictViews('150627', 'county');
  const shape = (views: readonly Conflict[]) => views.map((v) => ({ key: v.key, title: v.title, field: v.fieldLabel, values: v.sides.map((s) => s.value).sort() }));
  expect(shape(fromCli)).toEqual(shape(fromApp));
  expect(shape(fromCli)).toEqual([expect.objectContaining({ values: ['命令行改的名称', '界面改的名称'] })]);
  expect((await zwc('--workspace', ws, 'history')).out).toContain('app.zwb');

  // Keep the app's title on both sides.
  const side = fromCli[0].sides.find((s) => s.value === '界面改的名称')!;
  const kept = await zwc('--workspace', ws, 'conflicts', 'keep', '--table', 'tasks', '--id', TASK, '--field', 'title', '--stamp', side.stamp);
  expect(kept.err).toBe('');
  expect(kept.code).toBe(EXIT.ok);
  await app.exchange.keepConflictSide('tasks', TASK, 'title', side.stamp);
  expect((await (await cli()).records.get('tasks', TASK))?.title).toBe('界面改的名称');
  expect((await app.records.get('tasks', TASK))?.title).toBe('界面改的名称');
  expect(JSON.parse((await zwc('--workspace', ws, 'conflicts', '--json', 'yes')).out)).toEqual([]);
  expect((await zwc('--workspace', ws, 'conflicts', 'keep', '--table', 'tasks', '--id', TASK, '--field', 'title', '--stamp', side.stamp)).code).toBe(EXIT.notFound);
});
