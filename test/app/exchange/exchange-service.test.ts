import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalDatabase } from '../../../renderer/src/db/schema';
import { openLocalDatabase } from '../../../renderer/src/app/local-database';
import type { DexieRecordsService } from '../../../renderer/src/db/repository';
import {
  applyImport,
  exportBundle,
  listOpenConflicts,
  prepareImport,
  readOfficeTables,
  resolveOpenConflict,
  trustKey,
  type PreparedImport,
  type Receiver,
  deviceIdentity,
  importHistory,
} from '../../support/exchange';
import { loadSeedPlan } from '../../../shared/seed/load-seed';
import { plainFields, BUNDLE_TABLES } from '../../../shared/exchange/records';
import { progress } from '../../support/factories';
import { buildTaskRows } from '../../../shared/views/task-query';
import { FORMAT_VERSION, decodeContainer, encodeContainer, gunzipPayload, gzipPayload, DEFAULT_MAX_BUNDLE_BYTES, type ManifestSigner } from '../../../shared/exchange/bundle-format';
import { canonicalJsonBytes } from '../../../shared/exchange/canonical-json';
import { sha256Hex } from '../../../shared/exchange/bytes';
import { generateIdentity, signBytes, type Identity } from '../../../shared/exchange/identity';

/**
 * Two laptops of 伊金霍洛旗 and the 鄂尔多斯市 office, each with its own IndexedDB (fake-indexeddb),
 * exchanging real signed bundles through the renderer's exchange service.
 */
const yijinhuoluo = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const ordos = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds/150600-ordos.json'), 'utf8')));
const COUNTY: Receiver = { officeCode: '150627', level: 'county' };
const CITY: Receiver = { officeCode: '150600', level: 'city' };
const TASK = '150627-task-007';

let n = 0;
async function laptop(plan = yijinhuoluo): Promise<DexieRecordsService> {
  n += 1;
  const repo = await openLocalDatabase(new LocalDatabase(`exchange-${n}`));
  await repo.loadPlan(plan);
  return repo;
}

async function send(from: DexieRecordsService, officeCode = '150627') {
  const out = await exportBundle(from, officeCode, '2026-11');
  return { name: out.fileName, data: out.bytes };
}

/** Imports as a clerk would: trusting an unknown key only after comparing its fingerprint. */
async function receive(to: DexieRecordsService, receiver: Receiver, file: { name: string; data: Uint8Array }, expectedFingerprint?: string): Promise<PreparedImport> {
  let prepared = await prepareImport(to, receiver, file);
  if (prepared.kind === 'untrusted') {
    expect(prepared.fingerprint).toBe(expectedFingerprint);
    await trustKey(to.db, { officeCode: prepared.officeCode, publicKey: prepared.publicKey });
    prepared = await prepareImport(to, receiver, file);
  }
  if (prepared.kind === 'ready') await applyImport(to, prepared);
  return prepared;
}

/** Everything a clerk can see of an office's records: the data fields, without stamps. */
async function visible(repo: DexieRecordsService, officeCode = '150627') {
  const tables = await readOfficeTables(repo.db, officeCode);
  return Object.fromEntries(BUNDLE_TABLES.map((t) => [t, tables[t].map((r) => ({ ...plainFields(r), deleted: r._deleted !== null }))]));
}

async function snapshotOfDb(repo: DexieRecordsService) {
  return { records: await readOfficeTables(repo.db, '150627'), audit: await repo.db.audit.count() };
}

describe('exchange between two laptops of one county', () => {
  it('sends edits both ways and ends with the same records', async () => {
    const a = await laptop();
    const b = await laptop();
    const aKey = await deviceIdentity(a.db);
    const bKey = await deviceIdentity(b.db);

    await a.update('tasks', TASK, { title: 'A 改过的任务名称' });
    await a.addProgress(progress('2026-11', 40, { id: '150627-pe-a', subjectId: TASK, thisMonth: 'A 填报的进展' }));
    const fromA = await receive(b, COUNTY, await send(a), aKey.fingerprint);
    expect(fromA.kind).toBe('ready');
    if (fromA.kind === 'ready') {
      // seeded identically on both laptops: only what A changed arrives
      expect(fromA.preview.changed.map((c) => c.id)).toEqual([TASK]);
      expect(fromA.preview.added.map((c) => c.id)).toEqual(['150627-pe-a']);
    }
    expect((await b.get('tasks', TASK))?.title).toBe('A 改过的任务名称');

    await b.update('tasks', '150627-task-001', { summary: 'B 改过的内容简介' });
    await receive(a, COUNTY, await send(b), bKey.fingerprint);
    expect((await a.get('tasks', '150627-task-001'))?.summary).toBe('B 改过的内容简介');
    expect(await visible(a)).toEqual(await visible(b));
  });

  it('keeps two edits of one field made at the same time as a conflict until a person chooses', async () => {
    const a = await laptop();
    const b = await laptop();
    const aKey = await deviceIdentity(a.db);
    const bKey = await deviceIdentity(b.db);
    await a.update('tasks', TASK, { title: '甲的写法' });
    await b.update('tasks', TASK, { title: '乙的写法' });

    const prepared = await receive(a, COUNTY, await send(b), bKey.fingerprint);
    expect(prepared.kind === 'ready' && prepared.preview.conflicts.map((c) => c.field)).toEqual(['title']);
    const open = await listOpenConflicts(a.db, '150627');
    expect(open).toHaveLength(1);
    expect(open[0].values.map((v) => v.value).sort()).toEqual(['乙的写法', '甲的写法']);

    await resolveOpenConflict(a, 'tasks', TASK, 'title', '甲的写法');
    expect(await listOpenConflicts(a.db, '150627')).toEqual([]);
    await receive(b, COUNTY, await send(a), aKey.fingerprint);
    expect(await listOpenConflicts(b.db, '150627')).toEqual([]);
    expect((await b.get('tasks', TASK))?.title).toBe('甲的写法');
    expect(await visible(a)).toEqual(await visible(b));
  });
});

describe('refused bundles change nothing', () => {
  it('refuses a file with a flipped byte, and the records and audit stay as they were', async () => {
    const a = await laptop();
    const b = await laptop();
    await trustKey(b.db, { officeCode: '150627', publicKey: (await deviceIdentity(a.db)).publicKey });
    await a.update('tasks', TASK, { title: '不应到达' });
    const file = await send(a);
    file.data[file.data.length - 20] ^= 0xff;
    const before = await snapshotOfDb(b);
    const prepared = await prepareImport(b, COUNTY, file);
    expect(prepared.kind).toBe('refused');
    expect(prepared.kind === 'refused' && prepared.refusal.code).toMatch(/payload-hash|bad-container|truncated/);
    expect(await snapshotOfDb(b)).toEqual(before);
  });

  it('treats the same file again as already imported', async () => {
    const a = await laptop();
    const b = await laptop();
    const file = await send(a);
    await receive(b, COUNTY, file, (await deviceIdentity(a.db)).fingerprint);
    const before = await snapshotOfDb(b);
    const again = await prepareImport(b, COUNTY, file);
    expect(again.kind === 'refused' && again.refusal.code).toBe('already-imported');
    expect(await snapshotOfDb(b)).toEqual(before);
  });

  it('does not let a county laptop import another office, nor offer to trust its key', async () => {
    const city = await laptop(ordos);
    const county = await laptop();
    const prepared = await prepareImport(county, COUNTY, await send(city, '150600'));
    expect(prepared.kind).toBe('refused');
    expect(prepared.kind === 'refused' && prepared.refusal.message).toContain('鄂尔多斯市');
  });
});

describe('a city receiving a county', () => {
  it('keeps the county as its own replica beside the city plan, and logs the import', async () => {
    const city = await laptop(ordos);
    const county = await laptop();
    await county.addProgress(progress('2026-11', 30, { id: '150627-pe-b', subjectId: TASK }));
    const prepared = await receive(city, CITY, await send(county), (await deviceIdentity(county.db)).fingerprint);
    expect(prepared.kind).toBe('ready');
    expect((await city.storage.listBy('tasks', 'officeCode', '150627')).length).toBe(83);
    expect((await city.storage.listBy('tasks', 'officeCode', '150600')).length).toBe(83);
    expect((await city.storage.listBy('progress', 'officeCode', '150627')).length).toBe(1);
    const history = await importHistory(city.db);
    expect(history.map((h) => [h.officeCode, h.outcome, h.period])).toEqual([['150627', 'merged', '2026-11']]);
  });

  it('carries whose report each entry is, so the city counts the county’s month by the same rule', async () => {
    const city = await laptop(ordos);
    const county = await laptop();
    const task = yijinhuoluo.tasks.find((t) => t.id === TASK);
    const lead = task?.leads[0]?.departmentId;
    const helper = yijinhuoluo.departments.find((d) => d.id !== lead)?.id;
    if (!task || !lead || !helper) throw new Error('seed task 007 has a lead unit');
    await county.addProgress(progress('2026-11', 85, { id: '150627-pe-lead', subjectId: TASK, departmentId: lead, reportedAt: '2026-11-05T08:00:00.000+08:00' }));
    await county.addProgress(progress('2026-11', 65, { id: '150627-pe-help', subjectId: TASK, departmentId: helper, reportedAt: '2026-11-06T08:00:00.000+08:00' }));
    await receive(city, CITY, await send(county), (await deviceIdentity(county.db)).fingerprint);
    const stored = await city.storage.listBy('progress', 'officeCode', '150627');
    expect(stored.map((e) => [e.id, e.departmentId]).sort()).toEqual([
      ['150627-pe-help', helper],
      ['150627-pe-lead', lead],
    ]);
    const plan = await city.readPlan('150627');
    const row = buildTaskRows(plan, '2026-11-30').find((r) => r.task.id === TASK);
    expect(row?.latest?.percent).toBe(85);
  });

  it('refuses a file from a county of another city', async () => {
    const city = await laptop(ordos);
    const kundulun = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../../seeds/150203-kundulun.json'), 'utf8')));
    const other = await laptop(kundulun);
    const prepared = await prepareImport(city, CITY, await send(other, '150203'));
    expect(prepared.kind === 'refused' && prepared.refusal.code).toBe('wrong-office');
  });
});

/** Re-signs a real bundle's manifest after a change, as a forger (or a newer app) would. */
async function resigned(file: { name: string; data: Uint8Array }, identity: Identity | ManifestSigner, patch: Record<string, unknown>, payload?: Uint8Array) {
  const { header, payload: gz } = decodeContainer(file.data);
  const body = payload ?? gz;
  const manifest = { ...(header.manifest as Record<string, unknown>), payloadBytes: body.length, payloadSha256: await sha256Hex(body), ...patch };
  const bytes = canonicalJsonBytes(manifest);
  const signature = 'signManifest' in identity ? await identity.signManifest(bytes) : await signBytes(identity, bytes);
  return { name: file.name, data: encodeContainer(canonicalJsonBytes({ manifest, signature }), body) };
}

describe('every kind of bad bundle is refused on a real database, which stays exactly as it was', () => {
  type Case = [string, RegExp, (a: DexieRecordsService, file: { name: string; data: Uint8Array }) => Promise<{ name: string; data: Uint8Array }>];
  const cases: Case[] = [
    ['a flipped byte', /payload-hash|bad-container/, async (_a, f) => ({ ...f, data: Uint8Array.from(f.data, (v, i) => (i === f.data.length - 40 ? v ^ 1 : v)) })],
    ['a truncated file', /truncated|bad-container/, async (_a, f) => ({ ...f, data: f.data.slice(0, f.data.length - 100) })],
    ['a file re-signed by an unknown key', /untrusted-key/, async (_a, f) => {
      const stranger = await generateIdentity();
      return resigned(f, stranger, { publicKey: stranger.publicKey });
    }],
    ['a newer format version', /unsupported-version/, async (a, f) => resigned(f, await deviceIdentity(a.db), { formatVersion: FORMAT_VERSION + 1 })],
    ['records of another office signed with this office’s key', /wrong-office/, async (a, f) => {
      const json = JSON.parse(new TextDecoder().decode(gunzipPayload(decodeContainer(f.data).payload))) as { tables: Record<string, Record<string, unknown>[]> };
      json.tables.tasks[0] = { ...json.tables.tasks[0], officeCode: '150621' };
      return resigned(f, await deviceIdentity(a.db), {}, gzipPayload(canonicalJsonBytes(json)));
    }],
    ['an oversized file', /too-large/, async (_a, f) => ({ ...f, data: new Uint8Array(DEFAULT_MAX_BUNDLE_BYTES + 1) })],
  ];

  it.each(cases)('%s', async (_label, code, breakIt) => {
    const a = await laptop();
    const b = await laptop();
    await trustKey(b.db, { officeCode: '150627', publicKey: (await deviceIdentity(a.db)).publicKey });
    await a.update('tasks', TASK, { title: '不应到达' });
    const broken = await breakIt(a, await send(a));
    const before = await snapshotOfDb(b);
    const prepared = await prepareImport(b, COUNTY, broken);
    expect(prepared.kind).not.toBe('ready');
    const reason = prepared.kind === 'ready' ? '' : prepared.refusal;
    expect(reason && reason.code).toMatch(code);
    expect(reason && reason.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshotOfDb(b)).toEqual(before);
    expect((await b.get('tasks', TASK))?.title).not.toBe('不应到达');
  });

  it('an older bundle than one already merged from that laptop', async () => {
    const a = await laptop();
    const b = await laptop();
    const first = await send(a);
    await a.update('tasks', TASK, { title: '第二份' });
    const second = await send(a);
    await receive(b, COUNTY, second, (await deviceIdentity(a.db)).fingerprint);
    const before = await snapshotOfDb(b);
    const prepared = await prepareImport(b, COUNTY, first);
    expect(prepared.kind === 'refused' && prepared.refusal.code).toBe('stale');
    expect(await snapshotOfDb(b)).toEqual(before);
  });
});

describe('issue 9 on a real database: a trusted office cannot touch another office', () => {
  type Tables = { tables: Record<string, Record<string, unknown>[]> };
  const payloadOf = (f: { data: Uint8Array }) => JSON.parse(new TextDecoder().decode(gunzipPayload(decodeContainer(f.data).payload))) as Tables;
  const textPayload = (json: Tables) => gzipPayload(new TextEncoder().encode(JSON.stringify(json)));

  async function cityWithCounty() {
    const city = await laptop(ordos);
    const county = await laptop();
    const key = await deviceIdentity(county.db);
    await trustKey(city.db, { officeCode: '150627', publicKey: key.publicKey });
    return { city, county, key };
  }

  async function everything(repo: DexieRecordsService) {
    const out: Record<string, unknown[]> = {};
    for (const t of [...BUNDLE_TABLES, 'settings', 'audit'] as const) out[t] = await repo.db.table(t).toArray();
    return out;
  }

  it('finding 1: refuses a county task that takes the city’s id, and the city keeps its 83 tasks', async () => {
    const { city, county, key } = await cityWithCounty();
    const file = await send(county);
    const json = payloadOf(file);
    json.tables.tasks[0] = { ...json.tables.tasks[0], id: '150600-task-001' };
    const before = await everything(city);
    const prepared = await prepareImport(city, CITY, await resigned(file, key, {}, gzipPayload(canonicalJsonBytes(json))));
    expect(prepared.kind === 'refused' && prepared.refusal.code).toBe('wrong-office');
    expect((await city.storage.listBy('tasks', 'officeCode', '150600')).length).toBe(83);
    expect(await everything(city)).toEqual(before);
  });

  it('finding 1: refuses a record whose id is stored here under another office', async () => {
    const { city, county } = await cityWithCounty();
    const row = (await city.db.tasks.get('150600-task-001')) as unknown as Record<string, unknown>;
    // Data from before ids carried their office: a city row under the county's namespace.
    await city.db.tasks.put({ ...row, id: '150627-task-001' } as never);
    const before = await everything(city);
    const prepared = await prepareImport(city, CITY, await send(county));
    expect(prepared.kind === 'refused' && prepared.refusal.code).toBe('foreign-record');
    expect(await everything(city)).toEqual(before);
  });

  it('finding 1: refuses a conflict entry on id or officeCode', async () => {
    const { city, county, key } = await cityWithCounty();
    const file = await send(county);
    const json = payloadOf(file);
    const t = json.tables.tasks[0] as { id: string; _updated: string };
    json.tables.tasks[0] = { ...t, _conflicts: [{ field: 'id', values: [{ value: '150600-task-001', stamp: t._updated }, { value: t.id, stamp: t._updated.replace(/:[^:]+$/, ':zz') }] }] };
    const before = await everything(city);
    const prepared = await prepareImport(city, CITY, await resigned(file, key, {}, gzipPayload(canonicalJsonBytes(json))));
    expect(prepared.kind === 'refused' && prepared.refusal.code).toBe('invalid-payload');
    expect(await everything(city)).toEqual(before);
  });

  it('finding 2: another office copying a county laptop’s device id with sequence 2^53-1 does not block it', async () => {
    const { city, county } = await cityWithCounty();
    const attacker = await generateIdentity();
    await trustKey(city.db, { officeCode: '150621', publicKey: attacker.publicKey });
    const file = await send(county);
    const office = payloadOf(file).tables.offices[0];
    const json = { tables: { offices: [{ ...office, code: '150621', name: '达拉特旗' }] } };
    const gz = gzipPayload(canonicalJsonBytes({ tables: { ...Object.fromEntries(BUNDLE_TABLES.map((t) => [t, []])), ...json.tables } }));
    const counts = Object.fromEntries(BUNDLE_TABLES.map((t) => [t, t === 'offices' ? 1 : 0]));
    const attack = await resigned(file, attacker, { officeCode: '150621', publicKey: attacker.publicKey, sequence: Number.MAX_SAFE_INTEGER, counts, bundleId: globalThis.crypto.randomUUID() }, gz);
    const took = await receive(city, CITY, attack);
    expect(took.kind).toBe('ready');
    await county.update('tasks', TASK, { title: '之后的真实文件' });
    const genuine = await receive(city, CITY, await send(county));
    expect(genuine.kind === 'refused' ? genuine.refusal.message : genuine.kind).toBe('ready');
    expect((await city.get('tasks', TASK))?.title).toBe('之后的真实文件');
  });

  it('finding 4: refuses a lone surrogate, changes nothing, and the office can still export', async () => {
    const { city, county, key } = await cityWithCounty();
    const file = await send(county);
    const json = payloadOf(file);
    json.tables.tasks[0] = { ...json.tables.tasks[0], title: '坏\ud800字' };
    const before = await everything(city);
    const prepared = await prepareImport(city, CITY, await resigned(file, key, {}, textPayload(json)));
    expect(prepared.kind === 'refused' && prepared.refusal.code).toBe('invalid-text');
    expect(await everything(city)).toEqual(before);
    await expect(exportBundle(city, '150600', '2026-11')).resolves.toMatchObject({ sequence: 1 });
  });

  it('finding 5: a revoked key stays revoked whatever the order, and cannot be trusted again', async () => {
    const { city, county, key } = await cityWithCounty();
    const keys = await city.db.settings.get('exchange.trust');
    const list = keys?.value as Record<string, unknown>[];
    await city.db.settings.put({ key: 'exchange.trust', value: [{ ...list[0], revoked: true }, ...list] });
    const prepared = await prepareImport(city, CITY, await send(county));
    expect(prepared.kind === 'refused' && prepared.refusal.code).toBe('revoked-key');
    await expect(trustKey(city.db, { officeCode: '150627', publicKey: key.publicKey })).rejects.toThrow('已被吊销');
  });

  it('finding 6: refuses stamps from the future before anything is written', async () => {
    const { city, county, key } = await cityWithCounty();
    const file = await send(county);
    const json = payloadOf(file);
    const later = `${String(Date.now() + 3 * 86_400_000).padStart(15, '0')}:000000:${String(json.tables.tasks[0]._updated).split(':')[2]}`;
    const t = json.tables.tasks[0] as { _stamps: Record<string, string> };
    json.tables.tasks[0] = { ...t, title: '未来', _stamps: { ...t._stamps, title: later }, _updated: later };
    const before = await everything(city);
    const prepared = await prepareImport(city, CITY, await resigned(file, key, {}, gzipPayload(canonicalJsonBytes(json))));
    expect(prepared.kind === 'refused' && prepared.refusal.code).toBe('future-stamp');
    expect(await everything(city)).toEqual(before);
  });
});
