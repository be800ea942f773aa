/**
 * Bundle fuzzing (issue 9): a seeded generator of mutated bundles of every kind the issue names,
 * and two harnesses that run them the way a receiver would:
 *
 *  - `pureReceiver`: verifyBundle + mergeTables on in-memory tables, exactly as `zwc merge` does;
 *  - `dbReceiver`:   prepareImport + applyImport on a fake-indexeddb database, as the app does.
 *
 * Every case must be refused with a known code and a Chinese message, or accepted with every
 * invariant holding; nothing may throw. After a refusal the receiver must be exactly as before.
 * Used by test/exchange/fuzz.test.ts (a few thousand cases) and scripts/fuzz-bundles.ts (10,000+).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { canonicalJson, canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { sha256Hex } from '../../shared/exchange/bytes';
import { createBundle, decodeContainer, encodeContainer, gzipPayload } from '../../shared/exchange/bundle-format';
import { BUNDLE_ERROR_CODES, BundleError, type BundleErrorCode } from '../../shared/exchange/errors';
import { generateIdentity, signBytes, type Identity } from '../../shared/exchange/identity';
import { mergeTables } from '../../shared/exchange/merge';
import { idBelongsTo } from '../../shared/exchange/ownership';
import { BUNDLE_TABLES, emptyTables, keyFieldOf, ownerFieldOf, type BundleTableName, type BundleTables, type StoredRecord } from '../../shared/exchange/records';
import { receiverOf, type Receiver } from '../../shared/exchange/rules';
import type { SeenState, TrustEntry } from '../../shared/exchange/trust';
import { recordImport, verifyBundle } from '../../shared/exchange/verify';
import { loadSeedPlan, type PlanRecords } from '../../shared/seed/load-seed';
import { formatStamp, MAX_COUNTER, MAX_DRIFT_MS } from '../../shared/sync/hlc';
import { DEFAULT_LIMITS } from '../../shared/exchange/limits';
import { stampAll } from '../../shared/sync/stamped';

export const CITY = '150600';
export const COUNTY = '150627';
/** Another county of the city, trusted there: the hostile sender of "another office" cases. */
export const NEIGHBOUR = '150621';
export const DEVICE = 'countyA';
/** Start of today (UTC): the receiving laptop's clock refuses stamps a day ahead of the real time. */
export const NOW = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
const T0 = NOW.getTime() - 2 * 86_400_000;

// ---------------------------------------------------------------- random

export type Rng = () => number;

/** mulberry32: small, seeded, the same sequence on every machine. */
export function rngOf(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)];

// ---------------------------------------------------------------- the world

export interface World {
  county: Identity;
  neighbour: Identity;
  stranger: Identity;
  revoked: Identity;
  trust: TrustEntry[];
  receiver: Receiver;
  /** The county's records as its laptop would send them (a trimmed real plan, with reports). */
  records: BundleTables;
  /** What the city holds before each case: its own plan and the county's first bundle. */
  tables: BundleTables;
  seen: SeenState;
  /** The county's first bundle (sequence 1), already imported. */
  first: Uint8Array;
  cityPlan: PlanRecords;
  countyPlan: PlanRecords;
}

const seedStamp = formatStamp(0, 0, 'seed');

function stampedPlan(plan: PlanRecords, stamp: string): BundleTables {
  const st = (r: object) => stampAll(r, stamp) as unknown as StoredRecord;
  return {
    ...emptyTables(),
    offices: [st(plan.office)],
    departments: plan.departments.map(st),
    leaders: plan.leaders.map(st),
    tasks: plan.tasks.map(st),
    projects: plan.projects.map(st),
    indicators: plan.indicators.map(st),
  };
}

function trimmed(plan: PlanRecords): PlanRecords {
  const tasks = plan.tasks.slice(0, 12);
  return { ...plan, tasks, projects: plan.projects.slice(0, 3), indicators: plan.indicators.slice(0, 6) };
}

export function seedPlan(file: string): PlanRecords {
  return loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', file), 'utf8')));
}

export async function makeWorld(): Promise<World> {
  const [county, neighbour, stranger, revoked] = await Promise.all([generateIdentity(), generateIdentity(), generateIdentity(), generateIdentity()]);
  const cityPlan = seedPlan('150600-ordos.json');
  const countyPlan = trimmed(seedPlan('150627-yijinhuoluo.json'));
  const records = stampedPlan(countyPlan, seedStamp);
  // A few months of reports and a clerk's edit, so every table kind is present.
  const edit = formatStamp(T0, 0, DEVICE);
  records.tasks[0] = { ...records.tasks[0], title: `${String(records.tasks[0].title)}（已修改）`, _stamps: { ...records.tasks[0]._stamps, title: edit }, _updated: edit };
  records.progress = countyPlan.tasks.slice(0, 6).map((t, i) => {
    const stamp = formatStamp(T0 + i + 1, 0, DEVICE);
    return stampAll(
      {
        id: `${COUNTY}-pe-fuzz-${i}`,
        officeCode: COUNTY,
        subjectKind: 'task' as const,
        subjectId: t.id,
        period: '2026-10',
        percent: 10 * i,
        status: 'in-progress' as const,
        thisMonth: `第${i}项进展 ✓ 𠮷`,
        problems: '',
        nextSteps: '',
        reportedBy: '测试',
        reportedAt: '2026-10-28T08:00:00.000+08:00',
        deviceId: DEVICE,
      },
      stamp,
    ) as unknown as StoredRecord;
  });
  const trust: TrustEntry[] = [
    { officeCode: COUNTY, publicKey: county.publicKey },
    { officeCode: NEIGHBOUR, publicKey: neighbour.publicKey },
    { officeCode: COUNTY, publicKey: revoked.publicKey, revoked: true },
    { officeCode: COUNTY, publicKey: revoked.publicKey },
  ];
  const receiver = receiverOf(CITY);
  const first = await createBundle({ records, identity: county, officeCode: COUNTY, deviceId: DEVICE, sequence: 1, period: '2026-10', kind: 'snapshot', now: NOW });
  const verified = await verifyBundle(first, { trust, receiver, now: NOW, seen: {} });
  if (!verified.ok) throw new Error(`the fuzz base bundle was refused: ${verified.error.message}`);
  const tables = mergeTables(stampedPlan(cityPlan, seedStamp), verified.payload.tables).tables;
  return { county, neighbour, stranger, revoked, trust, receiver, records, tables, seen: recordImport({}, verified.manifest), first, cityPlan, countyPlan };
}

// ---------------------------------------------------------------- cases

export type Expect = { kind: 'refuse'; codes?: readonly BundleErrorCode[] } | { kind: 'accept' } | { kind: 'either' };

export interface FuzzCase {
  /** The mutation's name, for the report. */
  name: string;
  bytes: Uint8Array;
  expect: Expect;
  /** For an accepted case: a check of the merged result. */
  check?: (merged: BundleTables) => string | null;
  /** The receiver's trust list for this case, when it differs from the world's (a key registered for two offices). */
  trust?: TrustEntry[];
}

type Json = Record<string, unknown>;

interface Parts {
  /** Grows from case to case when cases are applied one after another (the database harness). */
  step: number;
  manifest: Json;
  payload: { tables: Record<string, Json[]> };
}

const refuse = (...codes: BundleErrorCode[]): Expect => ({ kind: 'refuse', ...(codes.length ? { codes } : {}) });

function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Signs a manifest over a payload (gzip bytes), fixing length, hash and, unless told, counts. */
async function sign(identity: Identity, manifest: Json, gz: Uint8Array, counts?: Json): Promise<Uint8Array> {
  const m = { ...manifest, payloadBytes: gz.length, payloadSha256: await sha256Hex(gz), ...(counts ? { counts } : {}) };
  const signature = await signBytes(identity, canonicalJsonBytes(m));
  return encodeContainer(canonicalJsonBytes({ manifest: m, signature }), gz);
}

function countsOf(tables: Record<string, unknown[]>): Json {
  return Object.fromEntries(BUNDLE_TABLES.map((t) => [t, Array.isArray(tables[t]) ? tables[t].length : 0]));
}

const TEXT = new TextEncoder();

/** A payload written as plain JSON.stringify (not canonical): lets a case carry what canonical JSON refuses. */
function rawGzip(text: string): Uint8Array {
  return gzipSync(TEXT.encode(text), { level: 6, mtime: 0 });
}

function stringPaths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof v === 'string') out.push(path);
  else if (Array.isArray(v)) v.forEach((x, i) => stringPaths(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stringPaths(x, [...path, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let cur = root as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
}

function randomValue(rng: Rng, depth = 0): unknown {
  switch (int(rng, depth > 2 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return rng() < 0.5;
    case 2:
      return pick(rng, [0, -1, 1.5, 1e308, -0, 2 ** 53, 101, 2026]);
    case 3:
      return pick(rng, ['', 'x', '150600', '150600-task-001', '2026-13', '未来', 'a'.repeat(300), '__proto__']);
    case 4:
      return formatStamp(T0 + int(rng, 1000), 0, pick(rng, [DEVICE, 'other']));
    case 5:
      return pick(rng, ['done', 'county', 'department', 'task']);
    case 6:
      return [randomValue(rng, depth + 1), randomValue(rng, depth + 1)];
    case 7:
      return { kind: 'number', value: 3 };
    default:
      return { [pick(rng, ['a', 'id', 'officeCode', '_stamps'])]: randomValue(rng, depth + 1) };
  }
}

type Maker = (rng: Rng, w: World, p: Parts) => Promise<FuzzCase>;

const BOMBS = new Map<string, Uint8Array>();

/** A stamp after the base records; grows with `i`, so cases applied one after another stay in order. */
const later = (i: number) => formatStamp(T0 + 86_400_000 + i, 0, DEVICE);

/** The kinds of mutation, each producing one case. Weighted by repetition in `MAKERS`. */
const MAKERS: Record<string, Maker> = {
  // ---- the file itself (no re-signing): damage, truncation, garbage
  'flip-byte': async (rng, w) => {
    const b = w.first.slice();
    const i = int(rng, b.length);
    b[i] ^= 1 << int(rng, 8);
    return { name: 'flip-byte', bytes: b, expect: refuse() };
  },
  truncate: async (rng, w) => ({ name: 'truncate', bytes: w.first.slice(0, int(rng, w.first.length)), expect: refuse() }),
  'append-bytes': async (rng, w) => ({ name: 'append-bytes', bytes: new Uint8Array([...w.first, ...Array.from({ length: 1 + int(rng, 50) }, () => int(rng, 256))]), expect: refuse() }),
  garbage: async (rng) => ({ name: 'garbage', bytes: Uint8Array.from({ length: int(rng, 3000) }, () => int(rng, 256)), expect: refuse() }),
  'header-length': async (rng, w) => {
    const b = w.first.slice();
    new DataView(b.buffer).setUint32(4, pick(rng, [0, 1, 0xffffffff, 2 ** 20 + 1, int(rng, 5000)]), false);
    return { name: 'header-length', bytes: b, expect: { kind: 'either' } };
  },

  // ---- the manifest, correctly re-signed by the county's trusted key
  'manifest-field': async (rng, w, p) => {
    const field = pick(rng, ['sequence', 'deviceId', 'period', 'createdAt', 'kind', 'since', 'bundleId', 'formatVersion', 'counts', 'extra', 'publicKey']);
    const m = clone(p.manifest);
    const bad: Record<string, unknown[]> = {
      sequence: [0, -1, 1.5, '2', 2 ** 53, null],
      deviceId: ['', 'a b', 'x'.repeat(65), 'ok:no', 7],
      period: ['2026-13', '2026-1', '', 202610],
      createdAt: ['yesterday', '2026-11-02', 0],
      kind: ['delta', 'full', null],
      since: [formatStamp(T0, 0, DEVICE), 'x'],
      bundleId: ['not-a-uuid', '', 5],
      formatVersion: [0, 2, 99, '1', 1.5],
      counts: [{}, { tasks: -1 }, { ...(m.counts as Json), secrets: 1 }, null],
      extra: [1],
      publicKey: [w.stranger.publicKey, 'A'.repeat(43) + 'B', 'short'],
    };
    if (field === 'extra') m.note = 'unknown member';
    else m[field] = pick(rng, bad[field]);
    const gz = decodeContainer(w.first).payload;
    const bytes = await sign(w.county, m, gz, field === 'counts' ? (m.counts as Json) : undefined);
    return { name: `manifest-${field}`, bytes, expect: refuse() };
  },
  'untrusted-key': async (_rng, w, p) => {
    const gz = decodeContainer(w.first).payload;
    return { name: 'untrusted-key', bytes: await sign(w.stranger, { ...p.manifest, publicKey: w.stranger.publicKey }, gz), expect: refuse('untrusted-key') };
  },
  'revoked-key': async (_rng, w, p) => {
    const gz = decodeContainer(w.first).payload;
    return { name: 'revoked-key', bytes: await sign(w.revoked, { ...p.manifest, publicKey: w.revoked.publicKey, sequence: 5 }, gz), expect: refuse('revoked-key') };
  },
  'office-not-taken': async (rng, w, p) => {
    const office = pick(rng, ['150203', '150100', '150000']);
    const gz = decodeContainer(w.first).payload;
    return { name: 'office-not-taken', bytes: await sign(w.county, { ...p.manifest, officeCode: office }, gz), expect: refuse('wrong-office') };
  },
  'claims-neighbour-office': async (_rng, w, p) => {
    // Signed by the county's key, claiming to be the neighbour: its key is not trusted for it.
    const gz = decodeContainer(w.first).payload;
    return { name: 'claims-neighbour-office', bytes: await sign(w.county, { ...p.manifest, officeCode: NEIGHBOUR }, gz), expect: refuse('untrusted-key') };
  },

  // ---- sequences and devices
  replay: async (_rng, w) => ({ name: 'replay', bytes: w.first, expect: refuse('already-imported') }),
  stale: async (_rng, w, p) => {
    const gz = decodeContainer(w.first).payload;
    return { name: 'stale', bytes: await sign(w.county, { ...p.manifest, sequence: 1, bundleId: globalThis.crypto.randomUUID() }, gz), expect: refuse('stale') };
  },
  'neighbour-copies-device': async (rng, w, p) => {
    // The neighbour's own records, under the county laptop's device id, with a huge sequence:
    // accepted for the neighbour, and must not block the county's laptop (checked by the harness).
    const office = { ...clone(p.payload.tables.offices[0]), code: NEIGHBOUR, name: '达拉特旗' };
    const tables = { ...Object.fromEntries(BUNDLE_TABLES.map((t) => [t, [] as Json[]])), offices: [office] };
    const gz = gzipPayload(canonicalJsonBytes({ tables }));
    const m = { ...p.manifest, officeCode: NEIGHBOUR, publicKey: w.neighbour.publicKey, sequence: 2 ** 52 + p.step };
    return { name: 'neighbour-copies-device', bytes: await sign(w.neighbour, m, gz, countsOf(tables)), expect: { kind: 'accept' } };
  },

  // ---- the payload, correctly signed: ownership
  'foreign-id': async (rng, w, p) => {
    const table = pick(rng, ['departments', 'tasks', 'indicators', 'progress'] as const);
    const rows = p.payload.tables[table];
    const i = int(rng, rows.length);
    const id = pick(rng, ['150600-task-001', '150600-dep-001', '150600-ind-001', '150621-task-001', 'task-1234', `${COUNTY}`, `x${COUNTY}-task-1`]);
    rows[i] = { ...rows[i], id };
    return payloadCase(w, p, 'foreign-id', refuse('wrong-office', 'invalid-payload'));
  },
  'owner-field': async (rng, w, p) => {
    const table = pick(rng, ['departments', 'tasks', 'leaders', 'progress'] as const);
    const rows = p.payload.tables[table];
    const i = int(rng, rows.length);
    rows[i] = { ...rows[i], officeCode: pick(rng, [CITY, NEIGHBOUR, '150203']) };
    return payloadCase(w, p, 'owner-field', refuse('wrong-office'));
  },
  'key-field-conflict': async (rng, w, p) => {
    const table = pick(rng, ['tasks', 'departments', 'offices'] as const);
    const rows = p.payload.tables[table];
    const i = int(rng, rows.length);
    const r = rows[i];
    const field = table === 'offices' ? pick(rng, ['code']) : pick(rng, ['id', 'officeCode']);
    const other = field === 'officeCode' || field === 'code' ? CITY : '150600-task-001';
    const s2 = formatStamp(T0 + 5, 0, 'other');
    rows[i] = { ...r, _conflicts: [{ field, values: [{ value: other, stamp: s2 }, { value: r[field], stamp: (r._stamps as Record<string, string>)[field] }].sort((a, b) => (a.stamp < b.stamp ? -1 : 1)) }], _updated: s2 > String(r._updated) ? s2 : r._updated };
    return payloadCase(w, p, 'key-field-conflict', refuse('invalid-payload', 'wrong-office'));
  },

  // ---- the payload: Unicode, limits, shape
  'lone-surrogate': async (rng, w, p) => {
    const paths = stringPaths(p.payload.tables);
    const path = pick(rng, paths);
    setAt(p.payload.tables, path, `${pick(rng, ['a', ''])}${pick(rng, ['\ud800', '\udfff', '\udbff\ud800'])}${pick(rng, ['', 'b'])}`);
    const text = JSON.stringify(p.payload);
    return { name: 'lone-surrogate', bytes: await sign(w.county, p.manifest, rawGzip(text)), expect: refuse('invalid-text') };
  },
  'future-stamp': async (rng, w, p) => {
    const table = pick(rng, ['tasks', 'departments', 'progress'] as const);
    const rows = p.payload.tables[table];
    const i = int(rng, rows.length);
    const future = formatStamp(NOW.getTime() + (2 + int(rng, 1000)) * 86_400_000, 0, DEVICE);
    rows[i] = { ...rows[i], _stamps: { ...(rows[i]._stamps as Json), officeCode: future }, _updated: future };
    return payloadCase(w, p, 'future-stamp', refuse('future-stamp'));
  },
  bomb: async (rng, w, p) => {
    const kind = pick(rng, ['objects', 'deep', 'wide', 'long-string', 'zeros', 'many-records']);
    let text = '';
    if (BOMBS.has(kind)) text = '';
    else if (kind === 'objects') text = `{"tables":{"tasks":[${'{},'.repeat(3_100_000)}{}]}}`;
    else if (kind === 'deep') text = `{"tables":{"tasks":[${'['.repeat(50_000)}${']'.repeat(50_000)}]}}`;
    else if (kind === 'wide') text = `{"tables":{"tasks":[[${'1,'.repeat(150_000)}1]]}}`;
    else if (kind === 'long-string') text = `{"tables":{"tasks":["${'啊'.repeat(40_000)}"]}}`;
    else if (kind === 'many-records') text = `{"tables":{"progress":[${'0,'.repeat(100_001)}0]}}`;
    else text = ' '.repeat(DEFAULT_LIMITS.maxPayloadBytes + 8 * 1024 * 1024);
    // The same few bombs every time: compressing 136 MB per case would only time the test itself.
    const gz = BOMBS.get(kind) ?? rawGzip(text);
    BOMBS.set(kind, gz);
    return { name: `bomb-${kind}`, bytes: await sign(w.county, p.manifest, gz), expect: refuse('over-limit', 'too-large') };
  },
  'gzip-damage': async (rng, w, p) => {
    const gz = gzipPayload(canonicalJsonBytes(p.payload));
    const kind = pick(rng, ['two-members', 'crc', 'length', 'not-gzip', 'cut']);
    let bytes: Uint8Array;
    if (kind === 'two-members') bytes = new Uint8Array([...gz, ...gz]);
    else if (kind === 'crc' || kind === 'length') {
      bytes = gz.slice();
      bytes[bytes.length - (kind === 'crc' ? 8 : 4)] ^= 0xff;
    } else if (kind === 'not-gzip') bytes = canonicalJsonBytes(p.payload);
    else bytes = gz.slice(0, Math.max(1, gz.length - 1 - int(rng, 40)));
    return { name: `gzip-${kind}`, bytes: await sign(w.county, p.manifest, bytes), expect: refuse('invalid-payload') };
  },
  'shape': async (rng, w, p) => {
    const kind = pick(rng, ['unknown-table', 'unknown-field', 'proto-key', 'duplicate', 'not-array', 'counts', 'not-json', 'extra-top', 'meta-key', 'stamps-unknown-field', 'updated-early']);
    const tables = p.payload.tables;
    let text: string | null = null;
    let counts: Json | undefined;
    if (kind === 'unknown-table') tables.secrets = [];
    else if (kind === 'unknown-field') tables.tasks[0] = { ...tables.tasks[0], colour: 'red' };
    else if (kind === 'proto-key') text = canonicalJson(p.payload).replace('{"_deleted"', '{"__proto__":{"title":"x"},"_deleted"');
    else if (kind === 'duplicate') {
      tables.tasks.push(clone(tables.tasks[0]));
      counts = countsOf(tables);
    } else if (kind === 'not-array') (tables as Record<string, unknown>).tasks = { a: 1 };
    else if (kind === 'counts') counts = { ...countsOf(tables), tasks: tables.tasks.length + 1 };
    else if (kind === 'not-json') text = canonicalJson(p.payload).slice(0, -3);
    else if (kind === 'extra-top') (p.payload as Json).more = 1;
    else if (kind === 'meta-key') tables.tasks[0] = { ...tables.tasks[0], _secret: 1 };
    else if (kind === 'stamps-unknown-field') tables.tasks[0] = { ...tables.tasks[0], _stamps: { ...(tables.tasks[0]._stamps as Json), ghost: formatStamp(T0, 0, DEVICE) } };
    else tables.tasks[0] = { ...tables.tasks[0], _updated: formatStamp(1, 0, DEVICE) };
    const body = text ?? JSON.stringify(p.payload);
    return { name: `shape-${kind}`, bytes: await sign(w.county, p.manifest, rawGzip(body), counts ?? countsOf(tables as Record<string, unknown[]>)), expect: refuse() };
  },
  'random-value': async (rng, w, p) => {
    // Any field of any record replaced by any value: refused or, when still valid, merged correctly.
    const table = pick(rng, BUNDLE_TABLES.filter((t) => p.payload.tables[t].length));
    const rows = p.payload.tables[table];
    const i = int(rng, rows.length);
    const fields = Object.keys(rows[i]);
    const field = rng() < 0.1 ? pick(rng, ['_conflicts', '_siblings', '_seen', 'newField']) : pick(rng, fields);
    rows[i] = { ...rows[i], [field]: randomValue(rng) };
    return payloadCase(w, p, `random-value`, { kind: 'either' });
  },

  // ---- issue 24: what a trusted county's valid-looking file can hold
  'conflict-values': async (rng, w, p) => {
    // One record whose field is in conflict between n laptops: up to the cap merged, past it refused.
    const cap = DEFAULT_LIMITS.maxConflictValues;
    const n = pick(rng, [3, cap - 50, cap, cap + 1, 5000, 100_000]);
    const rows = p.payload.tables.departments;
    const i = int(rng, rows.length);
    const r = rows[i];
    const millis = T0 + 86_400_000 + p.step * 10;
    const values = Array.from({ length: n }, (_, k) => ({ value: `名称${k}`, stamp: formatStamp(millis, 0, `cv${String(k).padStart(6, '0')}`) }));
    const top = values[n - 1];
    const seen = Object.fromEntries(values.map((v, k) => [`cv${String(k).padStart(6, '0')}`, v.stamp]));
    rows[i] = { ...r, name: top.value, _stamps: { ...(r._stamps as Json), name: top.stamp }, _conflicts: [{ field: 'name', values }], _seen: { ...(r._seen as Json), ...seen }, _updated: formatStamp(millis + 1, 0, DEVICE) };
    return payloadCase(w, p, `conflict-values-${n > cap ? 'over' : 'within'}`, n > cap ? refuse('over-limit') : { kind: 'either' });
  },
  'seen-growth': async (rng, w, p) => {
    // A record naming n laptops in _seen (the file had 792k): past the cap refused.
    const cap = DEFAULT_LIMITS.maxSeenDevices;
    const n = pick(rng, [20, cap - 10, cap + 1, 5000, 50_000]);
    const table = pick(rng, ['tasks', 'departments', 'progress'] as const);
    const rows = p.payload.tables[table];
    const i = int(rng, rows.length);
    const s0 = formatStamp(T0, 0, DEVICE);
    const seen = Object.fromEntries(Array.from({ length: n }, (_, k) => [`sg${String(k).padStart(6, '0')}`, s0]));
    rows[i] = { ...rows[i], _seen: { ...(rows[i]._seen as Json), ...seen } };
    return payloadCase(w, p, `seen-growth-${n > cap ? 'over' : 'within'}`, n > cap ? refuse('over-limit') : { kind: 'either' });
  },
  'hlc-edge': async (rng, w, p) => {
    const kind = pick(rng, ['counter-max', 'counter-below-max', 'proto-device', 'drift-inside', 'drift-outside', 'millis-zero', 'counter-7-digits']);
    // On units' names: a stamp near the drift bound, once merged, rightly outlives the task-title edits of valid-edit cases.
    const rows = p.payload.tables.departments;
    const i = int(rng, rows.length);
    const base = T0 + 86_400_000 + p.step * 10;
    const stampOf: Record<string, string> = {
      'counter-max': formatStamp(base, MAX_COUNTER, DEVICE),
      'counter-below-max': formatStamp(base, MAX_COUNTER - 1, DEVICE),
      'proto-device': formatStamp(base, 0, DEVICE).replace(DEVICE, '__proto__'),
      'drift-inside': formatStamp(NOW.getTime() + MAX_DRIFT_MS - 60_000, 0, DEVICE),
      'drift-outside': formatStamp(NOW.getTime() + MAX_DRIFT_MS + 60_000, 0, DEVICE),
      'millis-zero': formatStamp(0, 0, DEVICE),
      'counter-7-digits': formatStamp(base, 0, DEVICE).replace(':000000:', ':1000000:'),
    };
    const st = stampOf[kind];
    const updated = st > String(rows[i]._updated) ? st : rows[i]._updated;
    rows[i] = { ...rows[i], name: `时钟边界 ${kind}`, _stamps: { ...(rows[i]._stamps as Json), name: st }, _updated: updated };
    const expect: Record<string, Expect> = {
      'counter-max': refuse('invalid-payload'),
      'counter-below-max': { kind: 'either' },
      'proto-device': refuse('invalid-payload'),
      'drift-inside': { kind: 'either' },
      'drift-outside': refuse('future-stamp', 'invalid-payload'),
      // The base records carry millis 0 (a seeded plan): an old stamp merely loses to newer ones.
      'millis-zero': { kind: 'either' },
      'counter-7-digits': refuse('invalid-payload'),
    };
    return payloadCase(w, p, `hlc-${kind}`, expect[kind]);
  },
  'two-office-key': async (rng, w, p) => {
    // The county's key also registered (on an older list) for another office: it signs for neither.
    const other = pick(rng, [NEIGHBOUR, '150622', '150623']);
    const c = await payloadCase(w, p, 'two-office-key', refuse('untrusted-key'));
    const trust = other === NEIGHBOUR ? w.trust.map((t) => (t.officeCode === NEIGHBOUR ? { ...t, publicKey: w.county.publicKey } : t)) : [...w.trust, { officeCode: other, publicKey: w.county.publicKey }];
    return { ...c, trust };
  },
  'text-control': async (rng, w, p) => {
    // A control character or a direction override in a text field: refused, naming record and field.
    const table = pick(rng, ['tasks', 'departments', 'progress'] as const);
    const field = { tasks: 'title', departments: 'name', progress: 'thisMonth' }[table];
    const rows = p.payload.tables[table];
    const i = int(rng, rows.length);
    const bad = pick(rng, ['\u0000', '\u0007', '\u001b[31m', '\u202e', '\u2066', '\u200f\u202d', '\u007f']);
    rows[i] = { ...rows[i], [field]: `正常文字${bad}gnp.exe` };
    return payloadCase(w, p, 'text-control', refuse('invalid-payload', 'invalid-text'));
  },

  // ---- valid changes, which must be accepted and merged
  'valid-edit': async (rng, w, p) => {
    const rows = p.payload.tables.tasks;
    const i = int(rng, rows.length);
    const title = `新标题 ${int(rng, 1e6)} 😀`;
    const s = later(p.step * 1000 + int(rng, 1000));
    const id = String(rows[i].id);
    rows[i] = { ...rows[i], title, _stamps: { ...(rows[i]._stamps as Json), title: s }, _updated: s > String(rows[i]._updated) ? s : rows[i]._updated };
    const c = await payloadCase(w, p, 'valid-edit', { kind: 'accept' });
    c.check = (merged) => {
      const row = merged.tasks.find((r) => r.id === id);
      return row?.title === title ? null : `task ${id} title is ${String(row?.title)}, expected ${title}`;
    };
    return c;
  },
  'valid-add': async (rng, w, p) => {
    const s = later(p.step * 1000 + int(rng, 1000));
    const id = `${COUNTY}-pe-${globalThis.crypto.randomUUID()}`;
    const base = p.payload.tables.progress[0];
    p.payload.tables.progress.push({ ...base, id, thisMonth: '新增进展', _stamps: Object.fromEntries(Object.keys(base._stamps as Json).map((k) => [k, s])), _updated: s });
    const c = await payloadCase(w, p, 'valid-add', { kind: 'accept' });
    c.check = (merged) => (merged.progress.some((r) => r.id === id) ? null : `progress ${id} missing after merge`);
    return c;
  },
};

async function payloadCase(w: World, p: Parts, name: string, expect: Expect): Promise<FuzzCase> {
  const tables = p.payload.tables;
  let gz: Uint8Array;
  try {
    gz = gzipPayload(canonicalJsonBytes(p.payload));
  } catch {
    gz = rawGzip(JSON.stringify(p.payload));
  }
  return { name, bytes: await sign(w.county, p.manifest, gz, countsOf(tables as Record<string, unknown[]>)), expect };
}

/** Relative frequency of each mutation kind. */
const WEIGHTS: Record<keyof typeof MAKERS, number> = {
  'flip-byte': 6,
  truncate: 3,
  'append-bytes': 2,
  garbage: 2,
  'header-length': 2,
  'manifest-field': 8,
  'untrusted-key': 2,
  'revoked-key': 2,
  'office-not-taken': 2,
  'claims-neighbour-office': 2,
  replay: 1,
  stale: 2,
  'neighbour-copies-device': 3,
  'foreign-id': 6,
  'owner-field': 4,
  'key-field-conflict': 4,
  'lone-surrogate': 5,
  'future-stamp': 3,
  bomb: 1,
  'gzip-damage': 3,
  shape: 8,
  'random-value': 16,
  'conflict-values': 3,
  'seen-growth': 3,
  'hlc-edge': 4,
  'two-office-key': 2,
  'text-control': 4,
  'valid-edit': 5,
  'valid-add': 3,
};
const WHEEL = Object.entries(WEIGHTS).flatMap(([k, n]) => Array.from({ length: n }, () => k));

/** Case number `index` of the run seeded with `seed`: the same bytes on every machine. */
export async function makeCase(w: World, seed: number, index: number, sequence = 2): Promise<FuzzCase> {
  const rng = rngOf((seed * 1_000_003 + index) >>> 0);
  const kind = WHEEL[int(rng, WHEEL.length)];
  const { header, payload } = decodeContainer(w.first);
  const manifest = { ...clone(header.manifest), sequence, bundleId: globalThis.crypto.randomUUID() };
  const parts: Parts = { step: sequence, manifest, payload: { tables: clone(w.records) as unknown as Record<string, Json[]> } };
  void payload;
  return MAKERS[kind](rng, w, parts);
}

// ---------------------------------------------------------------- checking an outcome

export interface Outcome {
  name: string;
  /** The refusal code, 'accepted', or 'CRASH'. */
  result: BundleErrorCode | 'accepted' | 'CRASH';
  problem: string | null;
  ms: number;
  /** Heap grown while the case ran (MB, measured after it, before any collection; never negative). */
  heapMb: number;
}

/**
 * The bounds every case within the file limits must keep (issue 24): no case hangs or runs away
 * with memory. Since the payload limit is 128 MB (shared/exchange/README.md §4.1), refusing a bomb
 * inflates up to that much, about 1.5 s on a quiet machine; the bound leaves room for a CI machine
 * whose two cores are shared with other test workers, and still catches a hang.
 */
export const CASE_BOUNDS = { ms: 6000, heapMb: 300 } as const;

const heapUsed = () => process.memoryUsage().heapUsed;
export const heapGrowthMb = (before: number) => Math.max(0, heapUsed() - before) / 1048576;
export { heapUsed };

/** Whether an outcome broke the time or memory bound: the problem to report, or null. */
export function boundProblem(o: Pick<Outcome, 'ms' | 'heapMb'>): string | null {
  if (o.ms > CASE_BOUNDS.ms) return `took ${o.ms.toFixed(0)} ms (bound ${CASE_BOUNDS.ms} ms)`;
  if (o.heapMb > CASE_BOUNDS.heapMb) return `grew the heap by ${o.heapMb.toFixed(0)} MB (bound ${CASE_BOUNDS.heapMb} MB)`;
  return null;
}

const CHINESE = /[\u4e00-\u9fff]/;

function expectationProblem(c: FuzzCase, result: Outcome['result'], message: string): string | null {
  if (result === 'CRASH') return `crashed: ${message}`;
  if (result !== 'accepted') {
    if (!BUNDLE_ERROR_CODES.includes(result)) return `unknown refusal code ${result}`;
    if (!CHINESE.test(message)) return `refusal ${result} without a Chinese message: ${message}`;
    if (c.expect.kind === 'accept') return `expected acceptance, refused [${result}] ${message}`;
    if (c.expect.kind === 'refuse' && c.expect.codes && !c.expect.codes.includes(result)) return `expected ${c.expect.codes.join('|')}, got [${result}] ${message}`;
    return null;
  }
  if (c.expect.kind === 'refuse') return 'accepted a bundle that must be refused';
  return null;
}

/** Invariants of an accepted bundle, whatever its content. */
function acceptedProblems(before: BundleTables, after: BundleTables, incoming: BundleTables, officeCode: string): string | null {
  for (const table of BUNDLE_TABLES) {
    const keyField = keyFieldOf(table);
    const ownerField = ownerFieldOf(table);
    for (const r of incoming[table]) {
      const key = String(r[keyField]);
      if (r[ownerField] !== officeCode) return `${table} ${key} accepted for another office`;
      if (table !== 'offices' && !idBelongsTo(key, officeCode)) return `${table} ${key} accepted outside the office namespace`;
    }
    // Every other office's record is untouched: the very same objects.
    const byKey = new Map(after[table].map((r) => [String(r[keyField]), r]));
    for (const r of before[table]) {
      if (r[ownerField] === officeCode) continue;
      if (byKey.get(String(r[keyField])) !== r) return `${table} ${String(r[keyField])} of ${String(r[ownerField])} changed by ${officeCode}'s bundle`;
    }
    for (const r of after[table]) if (r[ownerField] === officeCode && !before[table].includes(r)) canonicalJson(r);
  }
  return null;
}

/**
 * Runs one case as `zwc merge` does (verify, then merge into the receiver's tables). The world is
 * not changed: each case starts from the same receiver.
 */
export async function runPure(w: World, c: FuzzCase): Promise<Outcome> {
  const heap0 = heapUsed();
  const start = performance.now();
  const finish = (result: Outcome['result'], problem: string | null): Outcome => {
    const outcome = { name: c.name, result, problem, ms: performance.now() - start, heapMb: heapGrowthMb(heap0) };
    outcome.problem ??= boundProblem(outcome);
    return outcome;
  };
  let result: Outcome['result'];
  let problem: string | null;
  try {
    const owners = async (table: BundleTableName, keys: readonly string[]) => {
      const keyField = keyFieldOf(table);
      const ownerField = ownerFieldOf(table);
      const byKey = new Map(w.tables[table].map((r) => [String(r[keyField]), String(r[ownerField])]));
      return keys.map((k) => byKey.get(k));
    };
    const v = await verifyBundle(c.bytes, { trust: c.trust ?? w.trust, seen: w.seen, receiver: w.receiver, localOwners: owners, now: NOW });
    if (!v.ok) {
      result = v.error.code;
      problem = expectationProblem(c, result, v.error.message);
    } else {
      // A merge that would cross a workspace limit refuses the file, as the app and `zwc import` do.
      let merged: ReturnType<typeof mergeTables> | null = null;
      try {
        merged = mergeTables(w.tables, v.payload.tables);
      } catch (e) {
        if (!(e instanceof BundleError)) throw e;
        return finish(e.code, expectationProblem(c, e.code, e.message));
      }
      result = 'accepted';
      problem = expectationProblem(c, result, '');
      problem ??= acceptedProblems(w.tables, merged.tables, v.payload.tables, v.manifest.officeCode);
      problem ??= c.check?.(merged.tables) ?? null;
      if (!problem && v.manifest.officeCode !== COUNTY) {
        // Another office's accepted bundle must not block the county's next genuine bundle.
        const seen = recordImport(w.seen, v.manifest);
        const next = await createBundle({ records: w.records, identity: w.county, officeCode: COUNTY, deviceId: DEVICE, sequence: 2, period: '2026-10', kind: 'snapshot', now: NOW });
        const after = await verifyBundle(next, { trust: w.trust, seen, receiver: w.receiver, localOwners: owners, now: NOW });
        if (!after.ok) problem = `the county's genuine bundle was refused after ${c.name}: [${after.error.code}] ${after.error.message}`;
      }
    }
  } catch (e) {
    result = 'CRASH';
    problem = `crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  }
  return finish(result, problem);
}
