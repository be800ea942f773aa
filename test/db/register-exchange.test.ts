import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalDatabase } from '../../renderer/src/db/schema';
import { openLocalDatabase } from '../../renderer/src/app/local-database';
import type { DexieRecordsService } from '../../renderer/src/db/repository';
import { applyImport, deviceIdentity, exportBundle, importHistory, prepareImport, trustKey, type PreparedImport, type Receiver } from '../support/exchange';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { IssuedSheets, type IssuedSheet } from '../../shared/app/printing/issued-sheets';
import { defaultPrintSettings } from '../../shared/print/sheet-number';
import { decodeContainer, encodeContainer, gunzipPayload, gzipPayload, readBundle } from '../../shared/exchange/bundle-format';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { sha256Hex } from '../../shared/exchange/bytes';
import { signBytes, type Identity } from '../../shared/exchange/identity';
import type { ManifestSigner } from '../../shared/exchange/bundle-format';

/**
 * The issued-sheet register travelling in an office's bundles: two laptops of 伊金霍洛旗 and the
 * 鄂尔多斯市 office, each with its own IndexedDB, exchanging real signed bundles.
 */
const yijinhuoluo = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const ordos = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150600-ordos.json'), 'utf8')));
const COUNTY: Receiver = { officeCode: '150627', level: 'county' };
const CITY: Receiver = { officeCode: '150600', level: 'city' };
const pattern = defaultPrintSettings({ name: '伊金霍洛旗', shortName: '伊旗' }).patterns.assignment;

let n = 0;
async function laptop(plan = yijinhuoluo): Promise<DexieRecordsService> {
  n += 1;
  const repo = await openLocalDatabase(new LocalDatabase(`register-${n}`));
  await repo.loadPlan(plan);
  return repo;
}

const registerOf = (repo: DexieRecordsService, now?: () => Date) => new IssuedSheets(repo.storage, now);

async function departments(repo: DexieRecordsService, officeCode = '150627') {
  return (await repo.storage.listBy('departments', 'officeCode', officeCode)).map((d) => ({ departmentId: d.id, departmentName: d.name, taskIds: [] as string[], projectIds: [] as string[] }));
}

async function send(from: DexieRecordsService, officeCode = '150627') {
  const out = await exportBundle(from, officeCode, '2026-11');
  return { name: out.fileName, data: out.bytes };
}

async function receive(to: DexieRecordsService, receiver: Receiver, file: { name: string; data: Uint8Array }, from: DexieRecordsService): Promise<PreparedImport> {
  let prepared = await prepareImport(to, receiver, file);
  if (prepared.kind === 'untrusted') {
    expect(prepared.fingerprint).toBe((await deviceIdentity(from.db)).fingerprint);
    await trustKey(to.db, { officeCode: prepared.officeCode, publicKey: prepared.publicKey });
    prepared = await prepareImport(to, receiver, file);
  }
  if (prepared.kind === 'ready') await applyImport(to, prepared);
  return prepared;
}

const numbers = (sheets: readonly IssuedSheet[]) => sheets.map((s) => s.number).sort();

describe('the register travels between two laptops of one office', () => {
  it('merges the other laptop’s sheets with the records, and each laptop numbers on in its own series', async () => {
    const a = await laptop();
    const b = await laptop();
    await registerOf(b).saveSeries(2);
    const [d1, d2, d3] = await departments(a);
    await registerOf(a).issue('assignment', [d1, d2], '2026-11-05', pattern);
    await registerOf(b).issue('assignment', [d3], '2026-11-06', pattern);

    const file = await send(a);
    expect(readBundle(file.data).manifest).toMatchObject({ formatVersion: 2, issuedSheets: 2 });
    const prepared = await receive(b, COUNTY, file, a);
    expect(prepared.kind === 'ready' && prepared.register).toEqual({ added: 2, receipts: 0, clashes: [], sameSeries: null });
    expect(numbers(await registerOf(b).list())).toEqual(['伊无废交〔2026〕1号', '伊无废交〔2026〕2-1号', '伊无废交〔2026〕2号']);
    // B's own series runs on from its own highest number, A's numbers do not move it.
    expect(await registerOf(b).peekNumbers('assignment', 2026, 1, pattern)).toEqual(['伊无废交〔2026〕2-2号']);

    // A receipt recorded on B comes back to A with B's sheet.
    await registerOf(b, () => new Date('2026-11-09T02:00:00Z')).recordReceipt('伊无废交〔2026〕1号', '2026-11-08', '王明');
    const back = await receive(a, COUNTY, await send(b), b);
    expect(back.kind === 'ready' && back.register).toEqual({ added: 1, receipts: 1, clashes: [], sameSeries: null });
    const onA = await registerOf(a).list();
    expect(numbers(onA)).toEqual(numbers(await registerOf(b).list()));
    expect(onA.find((s) => s.number === '伊无废交〔2026〕1号')?.receipt?.signer).toBe('王明');
    expect(await registerOf(a).peekNumbers('assignment', 2026, 1, pattern)).toEqual(['伊无废交〔2026〕3号']);
    expect(await registerOf(a).clashes()).toEqual([]);
  });

  it('says so when the other laptop has the same 本机编号, and shows a number on two sheets with both sheets', async () => {
    const a = await laptop();
    const b = await laptop();
    const [d1, d2] = await departments(a);
    await registerOf(a, () => new Date('2026-11-05T01:00:00Z')).issue('assignment', [d1], '2026-11-05', pattern);
    await registerOf(b, () => new Date('2026-11-06T01:00:00Z')).issue('assignment', [d2], '2026-11-06', pattern);

    const prepared = await receive(a, COUNTY, await send(b), b);
    expect(prepared.kind === 'ready' && prepared.register?.sameSeries).toBe(1);
    const clashes = await registerOf(a).clashes();
    expect(clashes.map((c) => [c.number, c.sheets.map((s) => s.departmentName)])).toEqual([['伊无废交〔2026〕1号', [d1.departmentName, d2.departmentName]]]);
    expect((await registerOf(a).sameSeriesPeers()).map((p) => p.series)).toEqual([1]);
    // The clerk sets this laptop to 2: the warning goes, and its numbers can no longer meet B's.
    await registerOf(a).saveSeries(2);
    expect(await registerOf(a).sameSeriesPeers()).toEqual([]);
    expect(await registerOf(a).peekNumbers('assignment', 2026, 1, pattern)).toEqual(['伊无废交〔2026〕2-1号']);
  });

  it('still imports a bundle without a register (nothing issued, 本机编号 1), written in format version 1', async () => {
    const a = await laptop();
    const b = await laptop();
    await registerOf(b).issue('assignment', (await departments(b)).slice(0, 1), '2026-11-05', pattern);
    const file = await send(a);
    const read = readBundle(file.data);
    expect(read.manifest.formatVersion).toBe(1);
    expect(read.payload.register).toBeUndefined();
    const prepared = await receive(b, COUNTY, file, a);
    expect(prepared.kind === 'ready' && prepared.register).toBeNull();
    expect(numbers(await registerOf(b).list())).toEqual(['伊无废交〔2026〕1号']);
  });
});

describe('a city keeps a county’s register out of its own numbering', () => {
  it('imports the county’s records and leaves the city’s register and next numbers as they were', async () => {
    const city = await laptop(ordos);
    const county = await laptop();
    const cityPattern = defaultPrintSettings({ name: '鄂尔多斯市', shortName: '鄂市' }).patterns.assignment;
    await registerOf(city).issue('assignment', (await departments(city, '150600')).slice(0, 1), '2026-11-03', cityPattern);
    await registerOf(county).issue('assignment', (await departments(county)).slice(0, 3), '2026-11-05', cityPattern);
    const before = await registerOf(city).list();

    const prepared = await receive(city, CITY, await send(county), county);
    expect(prepared.kind).toBe('ready');
    expect(prepared.kind === 'ready' && prepared.register).toBeNull();
    expect(await registerOf(city).list()).toEqual(before);
    expect(await registerOf(city).peekNumbers('assignment', 2026, 1, cityPattern)).toEqual(['鄂无废交〔2026〕2号']);
    expect(await registerOf(city).sameSeriesPeers()).toEqual([]);
  });
});

describe('a register entry for another office is refused, and nothing is written', () => {
  async function resigned(file: { name: string; data: Uint8Array }, identity: Identity | ManifestSigner, change: (json: { register: { officeCode: string; sheets: Record<string, unknown>[] } }) => void) {
    const { header, payload } = decodeContainer(file.data);
    const json = JSON.parse(new TextDecoder().decode(gunzipPayload(payload))) as { register: { officeCode: string; sheets: Record<string, unknown>[] } };
    change(json);
    const gz = gzipPayload(canonicalJsonBytes(json));
    const manifest = { ...header.manifest, payloadBytes: gz.length, payloadSha256: await sha256Hex(gz) };
    const bytes = canonicalJsonBytes(manifest);
    const signature = 'signManifest' in identity ? await identity.signManifest(bytes) : await signBytes(identity, bytes);
    return { ...file, data: encodeContainer(canonicalJsonBytes({ manifest, signature }), gz) };
  }

  it.each([
    ['a sheet to a department of another office', (j: { register: { sheets: Record<string, unknown>[] } }) => void (j.register.sheets[0].departmentId = '150621-dept-001')],
    ['a sheet listing another office’s task', (j: { register: { sheets: Record<string, unknown>[] } }) => void (j.register.sheets[0].taskIds = ['150600-task-001'])],
    ['the register claimed for another office', (j: { register: { officeCode: string } }) => void (j.register.officeCode = '150600')],
  ])('%s, signed with this office’s trusted key', async (_name, change) => {
    const a = await laptop();
    const b = await laptop();
    await registerOf(a).issue('assignment', (await departments(a)).slice(0, 1), '2026-11-05', pattern);
    const identity = await deviceIdentity(a.db);
    await trustKey(b.db, { officeCode: '150627', publicKey: identity.publicKey });
    const bad = await resigned(await send(a), identity, change);
    const prepared = await prepareImport(b, COUNTY, bad);
    expect(prepared.kind === 'refused' && prepared.refusal.code).toBe('wrong-office');
    expect(prepared.kind === 'refused' && prepared.refusal.message).toContain('发文登记');
    expect(await registerOf(b).list()).toEqual([]);
    expect(await importHistory(b.db)).toEqual([]);
  });
});
