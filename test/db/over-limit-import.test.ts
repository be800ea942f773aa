/**
 * Issue 24: a file that verifies on its own but whose merge would cross a workspace-wide limit
 * (here: conflict values and `_seen` members of one record, accumulated over two files of a
 * trusted county) is a refusal like any other in the app — shown with its reason, kept in the
 * import history — never an error thrown out of the import, and it changes nothing.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalDatabase } from '../../renderer/src/db/schema';
import { openLocalDatabase } from '../../renderer/src/app/local-database';
import { applyImport, importHistory, prepareImport, readOfficeTables, trustKey } from '../support/exchange';
import { workspaceOver } from '../../shared/app/workspace';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { generateIdentity } from '../../shared/exchange/identity';
import { DEFAULT_LIMITS } from '../../shared/exchange/limits';
import type { StoredRecord } from '../../shared/exchange/records';
import { department, stamp, stored, OFFICE } from '../exchange/fixtures';
import { signedTables } from '../exchange/hostile-bundles';

const ordos = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150600-ordos.json'), 'utf8')));
const CITY = { officeCode: '150600', level: 'city' as const };
const NOW = new Date('2026-11-02T09:30:00+08:00');
const T = NOW.getTime() - 86_400_000;

/** One unit whose name is in conflict between `n` laptops (each value from its own laptop). */
function withConflict(n: number, device: string): StoredRecord {
  const row = stored(department('c1'), stamp(T));
  const values = Array.from({ length: n }, (_, i) => ({ value: `名称${device}${i}`, stamp: stamp(T, `${device}${i}`) }));
  const last = values[n - 1];
  const seen = Object.fromEntries(values.map((v, i) => [`${device}${i}`, v.stamp]));
  return { ...row, name: last.value, _stamps: { ...row._stamps, name: last.stamp }, _conflicts: [{ field: 'name', values }], _seen: seen, _updated: stamp(T + 1) };
}

test('a merge crossing a per-record limit is refused, recorded in the history, and changes nothing', async () => {
  const repo = await openLocalDatabase(new LocalDatabase('over-limit-import'));
  await repo.loadPlan(ordos);
  const county = await generateIdentity(true);
  await trustKey(repo.db, { officeCode: OFFICE, publicKey: county.publicKey }, NOW);

  // Each file is within the limits on its own (150 of at most 200 values), and the first merges.
  const half = Math.floor((DEFAULT_LIMITS.maxConflictValues * 3) / 4);
  const first = await signedTables(county, { departments: [withConflict(half, 'a')] }, { now: NOW, manifest: { sequence: 1 } });
  const p1 = await prepareImport(repo, CITY, { name: 'first.zwb', data: first }, NOW);
  expect(p1.kind === 'ready' ? 'ready' : p1.refusal.message).toBe('ready');
  if (p1.kind === 'ready') await applyImport(repo, p1, NOW);
  const before = await readOfficeTables(repo.db, OFFICE);
  expect(before.departments).toHaveLength(1);

  // The second would leave 300 values on the record: refused, not thrown.
  const second = await signedTables(county, { departments: [withConflict(half, 'b')] }, { now: NOW, manifest: { sequence: 2 } });
  const p2 = await prepareImport(repo, CITY, { name: 'second.zwb', data: second }, NOW);
  if (p2.kind !== 'refused') throw new Error(`expected a refusal, got ${p2.kind}`);
  expect(p2.refusal.code).toBe('over-limit');
  expect(p2.refusal.level).toBe('refused');
  expect(p2.refusal.message).toContain('单位 150627-c1');
  expect(p2.refusal.message).toMatch(/上限|超过/);
  expect(p2.refusal.detail.officeCode).toBe(OFFICE);

  // The app records it, like any refused file, with its office, laptop and number.
  await workspaceOver(repo.storage, repo).exchange.recordRefusal(p2, NOW);
  const last = (await importHistory(repo.db)).at(-1);
  expect(last).toMatchObject({ fileName: 'second.zwb', outcome: 'refused', officeCode: OFFICE, deviceId: 'laptopA', sequence: 2, reason: p2.refusal.message });
  expect(last?.fingerprint).not.toBe('');
  expect(await readOfficeTables(repo.db, OFFICE)).toEqual(before);
}, 60_000);

test('the batch import (several files at once) records the over-limit file and still merges the others', async () => {
  const repo = await openLocalDatabase(new LocalDatabase('over-limit-batch'));
  await repo.loadPlan(ordos);
  const county = await generateIdentity(true);
  await trustKey(repo.db, { officeCode: OFFICE, publicKey: county.publicKey }, NOW);
  const exchange = workspaceOver(repo.storage, repo).exchange;
  const half = Math.floor((DEFAULT_LIMITS.maxConflictValues * 3) / 4);
  const files = [
    { name: '1.zwb', data: await signedTables(county, { departments: [withConflict(half, 'a')] }, { now: NOW, manifest: { sequence: 1 } }) },
    { name: '2.zwb', data: await signedTables(county, { departments: [withConflict(half, 'b')] }, { now: NOW, manifest: { sequence: 2 } }) },
    { name: '3.zwb', data: await signedTables(county, { departments: [stored(department('d2'), stamp(T))] }, { now: NOW, manifest: { sequence: 3 } }) },
  ];
  const items = await exchange.prepareMany(CITY, files, NOW);
  const results = await exchange.applyMany(CITY, items, NOW);
  expect(results.map((r) => [r.fileName, r.outcome])).toEqual([
    ['1.zwb', 'merged'],
    ['2.zwb', 'refused'],
    ['3.zwb', 'merged'],
  ]);
  expect(results[1].reason).toContain('单位 150627-c1');
  expect((await readOfficeTables(repo.db, OFFICE)).departments.map((d) => d.id).sort()).toEqual(['150627-c1', '150627-d2']);
}, 60_000);
