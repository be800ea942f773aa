import { z } from 'zod';
import { DEVICE_ID_PATTERN, HybridClock } from '../../shared/sync/hlc';
import { stampAll } from '../../shared/sync/stamped';
import { createBundle, decodeContainer, TABLE_LABELS, type BundleManifest } from '../../shared/exchange/bundle-format';
import { canonicalJson } from '../../shared/exchange/canonical-json';
import type { BundleRefusal } from '../../shared/exchange/errors';
import { receiverOf, type Receiver } from '../../shared/exchange/rules';
import { SeenStateSchema, TrustListSchema, type SeenState, type TrustEntry } from '../../shared/exchange/trust';
import { exportIdentity, fingerprintOf, generateIdentity, importIdentity, StoredIdentitySchema, type StoredIdentity } from '../../shared/exchange/identity';
import { openConflicts } from '../../shared/exchange/merge';
import { BUNDLE_TABLES, emptyTables, keyFieldOf, maxStampOf, type BundleTables, type StoredRecord } from '../../shared/exchange/records';
import { verifyBundle } from '../../shared/exchange/verify';
import { DivisionCodeSchema } from '../../shared/domain/office';
import { writeSetting } from '../../shared/app/settings';
import { EXCHANGE_KEYS, saveSeenDevices, seenDevices } from '../../shared/app/trust/trust-service';
import type { PreparedImport } from '../../shared/app/exchange/exchange-service';
import type { Options } from '../args';
import type { Command } from '../command';
import { InputError, UsageError, type Outcome } from '../errors';
import { readInput, writeOutput, type CliIo } from '../io';
import { openMemoryWorkspace } from '../workspace-dir';

/**
 * Bundles without a workspace: a key of one's own, building and checking a .zwb, merging several as
 * an office would. For offices that script their exchange and for checking a file the app refused.
 */

async function readJson<T>(io: CliIo, path: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, what: string): Promise<T> {
  const bytes = await readInput(io, path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new InputError(`${what} ${path} 不是合法的 JSON（${path} is not valid JSON）`);
  }
  const r = schema.safeParse(parsed);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new InputError(`${what} ${path} 格式不正确：${first.path.join('.') || '根'} ${first.message}（${path} has the wrong shape）`);
  }
  return r.data;
}

/** trust.json: the app's trust list (shared/exchange/trust.ts), bare or as {"trust": [...]}. */
const TrustFileSchema = z.union([TrustListSchema, z.object({ trust: TrustListSchema }).strict().transform((o) => o.trust)]);

const RecordsFileSchema = z.union([
  z.object({ tables: z.record(z.array(z.record(z.unknown()))) }).transform((o) => o.tables),
  z.record(z.array(z.record(z.unknown()))),
]);

const loadTrust = (io: CliIo, path: string): Promise<TrustEntry[]> => readJson(io, path, TrustFileSchema, '信任列表 / trust list');

async function loadKey(io: CliIo, path: string): Promise<{ stored: StoredIdentity; identity: Awaited<ReturnType<typeof importIdentity>> }> {
  const stored = await readJson(io, path, StoredIdentitySchema, '密钥文件 / key file');
  try {
    return { stored, identity: await importIdentity(stored) };
  } catch (e) {
    throw new InputError(`密钥文件 ${path} 无法使用：${e instanceof Error ? e.message : String(e)}（key file unusable）`);
  }
}

/** A device id for a key made on the command line: derived from its fingerprint, so it is stable and unique. */
const deviceIdFromFingerprint = (fingerprint: string): string => `cli-${fingerprint.replace(/\s+/g, '').slice(0, 16)}`;

function describeCounts(counts: Record<string, number>): string {
  return BUNDLE_TABLES.filter((t) => counts[t])
    .map((t) => `${TABLE_LABELS[t]} ${counts[t]}`)
    .join('，');
}

function refusalText(file: string, r: BundleRefusal): string {
  const head = r.level === 'noop' ? '无需导入 / nothing to do' : '已拒绝 / refused';
  return `${head}: ${file}\n  [${r.code}] ${r.message}\n`;
}

export function manifestText(m: BundleManifest, fingerprint: string): string {
  return (
    `办公室 / office ${m.officeCode} · 设备 / device ${m.deviceId} · 序号 / sequence ${m.sequence} · 月份 / period ${m.period} · ${m.kind}\n` +
    `文件编号 / bundle id ${m.bundleId} · 生成于 / created ${m.createdAt}\n` +
    `签名密钥指纹 / key fingerprint ${fingerprint}\n` +
    `记录 / records: ${describeCounts(m.counts) || '无 none'}\n`
  );
}

function receiverOption(args: Options, isRequired: boolean): Receiver | undefined {
  const code = isRequired ? args.need('office') : args.get('office');
  if (code === undefined) return undefined;
  if (!DivisionCodeSchema.safeParse(code).success) throw new UsageError(`--office 应为6位行政区划代码 / --office must be a 6-digit division code: ${code}`);
  return receiverOf(code);
}

/** The state file: seen sequences, bound to keys. A missing file is an empty state (first run). */
async function loadState(io: CliIo, path: string | undefined, mayBeMissing: boolean): Promise<SeenState | undefined> {
  if (path === undefined) return undefined;
  if (mayBeMissing) {
    try {
      await io.readFile(path);
    } catch {
      return {};
    }
  }
  return readJson(io, path, SeenStateSchema, '导入记录 / state file');
}

export const keygen: Command = {
  name: 'keygen',
  summary: '生成本机签名密钥（不会覆盖已有文件）/ create a signing key (never overwrites)',
  usage: '--out key.json [--device ID]',
  workspace: 'none',
  options: { out: { type: 'string' }, device: { type: 'string' } },
  async run({ args, io }) {
    const out = args.need('out');
    const identity = await generateIdentity(true);
    const fingerprint = await fingerprintOf(identity.publicKey);
    const device = args.get('device') ?? deviceIdFromFingerprint(fingerprint);
    if (!DEVICE_ID_PATTERN.test(device)) throw new UsageError('设备标识只能含字母、数字、- 和 _ / --device: letters, digits, - and _ only');
    const stored = await exportIdentity(identity, device, io.now());
    await writeOutput(io, out, `${JSON.stringify(stored, null, 2)}\n`, true);
    io.stdout(
      `已生成密钥 / key written: ${out}\n` +
        `设备 / device:       ${device}\n` +
        `公钥 / public key:   ${identity.publicKey}\n` +
        `指纹 / fingerprint:  ${fingerprint}\n` +
        `请把公钥交给接收方，并通过电话或纸面核对指纹。/ Give the public key to the receiving office and confirm the fingerprint by phone or on paper.\n`,
    );
  },
};

export const bundleCreate: Command = {
  name: 'bundle create',
  summary: '打包并签名 / build and sign a bundle (with --since: a delta)',
  usage: '--key key.json --office 150627 --records records.json --period 2026-10 --sequence 1 --out x.zwb [--since STAMP]',
  details: '  records.json  {"tables":{"departments":[…],"tasks":[…],…}}；未带 _stamps 的记录会用本机时钟盖修订戳 / records without _stamps are stamped now\n',
  workspace: 'none',
  options: { key: { type: 'string' }, office: { type: 'string' }, records: { type: 'string' }, period: { type: 'string' }, sequence: { type: 'string' }, out: { type: 'string' }, since: { type: 'string' } },
  async run({ args, io }) {
    const { stored, identity } = await loadKey(io, args.need('key'));
    const office = args.need('office');
    const sequenceText = args.need('sequence');
    const sequence = Number(sequenceText);
    if (!/^\d+$/.test(sequenceText) || !Number.isSafeInteger(sequence) || sequence < 1) {
      throw new UsageError(`--sequence 应为正整数 / --sequence must be a positive integer: ${sequenceText}`);
    }
    const out = args.need('out');
    const period = args.need('period');
    const since = args.get('since');
    const raw = await readJson(io, args.need('records'), RecordsFileSchema, '记录文件 / records file');

    const unknown = Object.keys(raw).filter((t) => !(BUNDLE_TABLES as readonly string[]).includes(t));
    if (unknown.length) throw new InputError(`记录文件含有未知的表 / unknown tables: ${unknown.join(', ')}`);
    // Plain records (no envelope) get one fresh stamp, after every stamp already present in the file.
    const all = Object.values(raw).flat();
    const isStored = (r: Record<string, unknown>) => '_stamps' in r;
    let stamp = '';
    if (all.some((r) => !isStored(r))) {
      const clock = new HybridClock(stored.deviceId, () => io.now().getTime());
      const latest = maxStampOf(all.filter((r): r is StoredRecord => isStored(r) && typeof r._updated === 'string'));
      try {
        if (latest) clock.receive(latest);
      } catch (e) {
        throw new InputError(`记录文件中的修订戳有误：${e instanceof Error ? e.message : String(e)}（bad stamps in the records file）`);
      }
      stamp = clock.tick();
    }
    const records = emptyTables();
    for (const table of BUNDLE_TABLES) {
      records[table] = (raw[table] ?? []).map((r) => (isStored(r) ? (r as StoredRecord) : (stampAll(r, stamp) as StoredRecord)));
    }
    const bytes = await createBundle({
      records,
      identity,
      officeCode: office,
      deviceId: stored.deviceId,
      sequence,
      period,
      kind: since ? 'delta' : 'snapshot',
      ...(since ? { since } : {}),
      now: io.now(),
    });
    await writeOutput(io, out, bytes);
    io.stdout(
      `已生成交换文件 / bundle written: ${out}（${bytes.length} 字节 bytes）\n` +
        `办公室 / office ${office} · 设备 / device ${stored.deviceId} · 序号 / sequence ${sequence} · 月份 / period ${period}\n` +
        `记录 / records: ${describeCounts(Object.fromEntries(BUNDLE_TABLES.map((t) => [t, records[t].length]))) || '无 none'}\n`,
    );
  },
};

export const bundleVerify: Command = {
  name: 'bundle verify',
  summary: '校验交换文件 / verify a bundle (with --office: as that office would import it)',
  usage: 'x.zwb --trust trust.json [--office 150600] [--state state.json]',
  details:
    '  trust.json    [{"officeCode":"150627","publicKey":"<base64>","label":"…","revoked":false}]\n' +
    '  state.json    {"<deviceId>":{"publicKey":"<base64>","officeCode":"150627","highestSequence":3,"bundleIds":["…"]}}（--seen 为旧名）\n',
  workspace: 'none',
  options: { trust: { type: 'string' }, seen: { type: 'string' }, state: { type: 'string' }, office: { type: 'string' } },
  async run({ args, io }) {
    if (args.positionals.length !== 1) throw new UsageError('请给出一个交换文件 / give exactly one bundle file');
    const [file] = args.positionals;
    const trust = await loadTrust(io, args.need('trust'));
    const receiver = receiverOption(args, false);
    const seen = await loadState(io, args.get('state') ?? args.get('seen'), false);
    const bytes = await readInput(io, file);
    const result = await verifyBundle(bytes, { trust, now: io.now(), ...(seen ? { seen } : {}), ...(receiver ? { receiver } : {}) });
    if (!result.ok) {
      (result.error.level === 'noop' ? io.stdout : io.stderr)(refusalText(file, result.error));
      return result.error.level === 'noop' ? 'ok' : 'refused';
    }
    io.stdout(`校验通过 / verified: ${file}\n${manifestText(result.manifest, result.fingerprint)}`);
  },
};

/** Sequence of a file that may be broken, only to order the files; verification decides later. */
function sequenceHint(bytes: Uint8Array): { device: string; sequence: number } {
  try {
    const { manifest } = decodeContainer(bytes).header;
    return {
      device: typeof manifest.deviceId === 'string' ? manifest.deviceId : '',
      sequence: typeof manifest.sequence === 'number' ? manifest.sequence : 0,
    };
  } catch {
    return { device: '', sequence: 0 };
  }
}

interface RefusedFile extends Omit<BundleRefusal, 'code'> {
  file: string;
  code: BundleRefusal['code'] | 'internal-error';
}

export const merge: Command = {
  name: 'merge',
  summary: '以本单位（--office）身份校验并合并多个交换文件，报告被拒绝的文件及原因 / verify and merge bundles as office --office would',
  usage: 'a.zwb b.zwb ... --office 150600 --trust trust.json --out merged.json [--state state.json]',
  details: '  --state 保存已导入的序号，下次运行接着用（文件不存在时新建）/ keeps the sequences seen across runs (created when missing)\n',
  workspace: 'none',
  options: { trust: { type: 'string' }, out: { type: 'string' }, office: { type: 'string' }, state: { type: 'string' } },
  async run({ args, io }): Promise<Outcome> {
    if (args.positionals.length === 0) throw new UsageError('请给出至少一个交换文件 / give at least one bundle file');
    const receiver = receiverOption(args, true) as Receiver;
    const trust = await loadTrust(io, args.need('trust'));
    const out = args.need('out');
    const statePath = args.get('state');
    let seen: SeenState = (await loadState(io, statePath, true)) ?? {};

    const files = [];
    for (const file of args.positionals) {
      const bytes = await readInput(io, file);
      files.push({ file, bytes, ...sequenceHint(bytes) });
    }
    // Oldest first per device, so files named out of order on the command line are not called stale.
    files.sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : a.sequence - b.sequence));

    // The very services the app imports with, on a workspace held in memory for this run.
    const ws = await openMemoryWorkspace(io);
    await ws.storage.transaction(async (tx) => {
      await writeSetting(tx, EXCHANGE_KEYS.trust, trust);
      await saveSeenDevices(tx, seen);
    });
    const accepted: unknown[] = [];
    const refused: RefusedFile[] = [];
    const skipped: RefusedFile[] = [];
    for (const { file, bytes } of files) {
      let prepared: PreparedImport;
      try {
        prepared = await ws.exchange.prepareImport(receiver, { name: file, data: bytes }, io.now());
        if (prepared.kind === 'ready') await ws.exchange.applyImport(prepared, io.now());
      } catch (e) {
        // One file that trips a bug is reported as refused; the others are still merged.
        const message = `处理此文件时出错，已跳过：${e instanceof Error ? e.message : String(e)}`;
        const entry: RefusedFile = { file, code: 'internal-error', message, level: 'refused', detail: {} };
        refused.push(entry);
        io.stderr(`已拒绝 / refused: ${file}\n  [${entry.code}] ${message}\n`);
        continue;
      }
      if (prepared.kind !== 'ready') {
        const refusal = prepared.refusal;
        (refusal.level === 'noop' ? skipped : refused).push({ file, ...refusal });
        (refusal.level === 'noop' ? io.stdout : io.stderr)(refusalText(file, refusal));
        continue;
      }
      const m = prepared.bundle.manifest;
      accepted.push({
        file,
        bundleId: m.bundleId,
        officeCode: m.officeCode,
        deviceId: m.deviceId,
        sequence: m.sequence,
        period: m.period,
        kind: m.kind,
        fingerprint: prepared.bundle.fingerprint,
        counts: m.counts,
        added: prepared.preview.added.length,
        changed: prepared.preview.changed.length,
        newConflicts: prepared.preview.conflicts.length,
      });
      io.stdout(`已合并 / merged: ${file}（${m.officeCode}，${m.period}，序号 / sequence ${m.sequence}）\n`);
    }
    const tables: BundleTables = emptyTables();
    for (const t of BUNDLE_TABLES) {
      const rows: StoredRecord[] = await ws.storage.listAll(t);
      tables[t] = rows;
    }
    seen = await seenDevices(ws.storage);

    const conflicts = BUNDLE_TABLES.flatMap((table) =>
      tables[table].flatMap((r) => openConflicts(r).map((c) => ({ table, id: String(r[keyFieldOf(table)]), field: c.field, values: c.values }))),
    );
    const report = { receiver, accepted, refused, skipped, conflicts, seen };
    const output = { kind: 'zwb-merge', generatedAt: io.now().toISOString(), tables, report };
    await writeOutput(io, out, `${canonicalJson(output)}\n`);
    if (statePath !== undefined) await writeOutput(io, statePath, `${JSON.stringify(SeenStateSchema.parse(seen), null, 2)}\n`);
    io.stdout(
      `已写出 / written: ${out} — 合并 / merged ${accepted.length}，拒绝 / refused ${refused.length}，` +
        `无需导入 / already imported ${skipped.length}，冲突 / conflicts ${conflicts.length}\n`,
    );
    return refused.length ? 'refused' : 'ok';
  },
};

export const BUNDLE_COMMANDS: readonly Command[] = [keygen, bundleCreate, bundleVerify, merge];
