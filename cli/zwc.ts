/**
 * zwc — command line for exchange bundles, for offices that script their monthly exchange and for
 * checking a file the desktop app refused. Built to dist/cli/zwc.js (scripts/build-cli.mjs).
 * Everything it does goes through shared/exchange, the same code the app uses.
 *
 * Exit codes: 0 ok · 1 usage · 2 refused or invalid input · 3 file could not be read or written ·
 * 70 internal error (a bug: reported as one sentence, never as a stack trace).
 */
import { constants, type Stats } from 'node:fs';
import { open, stat, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEVICE_ID_PATTERN, HybridClock } from '../shared/sync/hlc';
import { stampAll } from '../shared/sync/stamped';
import { createBundle, decodeContainer, TABLE_LABELS, type BundleManifest } from '../shared/exchange/bundle-format';
import { canonicalJson, CanonicalJsonError } from '../shared/exchange/canonical-json';
import { BundleError, type BundleRefusal } from '../shared/exchange/errors';
import { DEFAULT_LIMITS } from '../shared/exchange/limits';
import { receiverOf, type Receiver } from '../shared/exchange/rules';
import { SeenStateSchema, TrustListSchema, type SeenState, type TrustEntry } from '../shared/exchange/trust';
import { exportIdentity, fingerprintOf, generateIdentity, importIdentity, StoredIdentitySchema, type StoredIdentity } from '../shared/exchange/identity';
import { openConflicts } from '../shared/exchange/merge';
import { BUNDLE_TABLES, emptyTables, keyFieldOf, maxStampOf, type BundleTables, type StoredRecord } from '../shared/exchange/records';
import { verifyBundle } from '../shared/exchange/verify';
import { DivisionCodeSchema } from '../shared/domain/office';
import { xlsxMain, XLSX_USAGE } from './commands/xlsx';
import { PLAN_USAGE } from './commands/plan';
import { randomBytes } from 'node:crypto';
import { MemoryStorage } from '../shared/app/memory-storage';
import { openWorkspace } from '../shared/app/workspace';
import { writeSetting } from '../shared/app/settings';
import { EXCHANGE_KEYS, saveSeenDevices, seenDevices } from '../shared/app/trust-service';
import type { PreparedImport } from '../shared/app/exchange-service';
import { runWorkspaceCommand, WorkspaceInputError, WorkspaceUsageError } from './commands/workspace';

export const EXIT = { ok: 0, usage: 1, refused: 2, io: 3, internal: 70 } as const;

/** No input file is read past this: a bundle is at most DEFAULT_LIMITS.maxBundleBytes, other inputs far less. */
export const MAX_INPUT_BYTES = Math.max(64 * 1024 * 1024, DEFAULT_LIMITS.maxBundleBytes);

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** `exclusive`: fail rather than overwrite (key files). */
  writeFile(path: string, data: Uint8Array | string, exclusive?: boolean): Promise<void>;
  now(): Date;
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile: (p) => readBounded(p, MAX_INPUT_BYTES),
    writeFile: (p, d, exclusive) => writeFile(p, d, exclusive ? { flag: 'wx', mode: 0o600 } : {}),
    now: () => new Date(),
  };
}

// O_NONBLOCK: opening a FIFO swapped in after the check must not wait for a writer (absent on Windows).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function kindOf(info: Stats): string {
  if (info.isDirectory()) return '文件夹 / a directory';
  if (info.isFIFO()) return '管道（FIFO） / a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return '设备文件 / a device';
  if (info.isSocket()) return '套接字 / a socket';
  return '特殊文件 / a special file';
}

/**
 * Reads a regular file of at most `limit` bytes. Its type and size are checked before it is opened
 * (a FIFO or a device is never opened, so never waited on), and again on the open descriptor (a
 * file swapped in between is caught), as the desktop shell does (electron/lib/safe-file.ts).
 */
export async function readBounded(path: string, limit: number): Promise<Uint8Array> {
  const before = await stat(path);
  if (!before.isFile()) throw new Error(`是${kindOf(before)}，不是普通文件 / not a regular file`);
  const tooLarge = () => new Error(`文件超过 ${Math.round(limit / 1024 / 1024)} MB / larger than ${Math.round(limit / 1024 / 1024)} MB`);
  if (before.size > limit) throw tooLarge();
  const handle = await open(path, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`是${kindOf(info)}，不是普通文件 / not a regular file`);
    if (info.dev !== before.dev || info.ino !== before.ino) throw new Error('文件在打开时被替换 / the file was replaced while being opened');
    if (info.size > limit) throw tooLarge();
    const out = new Uint8Array(info.size);
    let offset = 0;
    while (offset < out.length) {
      const { bytesRead } = await handle.read(out, offset, out.length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === out.length ? out : out.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

export const USAGE = `zwc — 无废城市建设台账 交换文件工具 / exchange bundle tool

用法 / Usage:
  zwc keygen --out key.json [--device ID]
      生成本机签名密钥（不会覆盖已有文件）/ create a signing key (never overwrites)
  zwc bundle create --key key.json --office 150627 --records records.json
                    --period 2026-10 --sequence 1 --out x.zwb [--since STAMP]
      打包并签名 / build and sign a bundle (with --since: a delta)
  zwc bundle verify x.zwb --trust trust.json [--office 150600] [--state state.json]
      校验交换文件 / verify a bundle (with --office: as that office would import it)
  zwc merge a.zwb b.zwb ... --office 150600 --trust trust.json --out merged.json [--state state.json]
      以本单位（--office）身份校验并合并多个交换文件，报告被拒绝的文件及原因；
      --state 保存已导入的序号，下次运行接着用（文件不存在时新建）
      / verify and merge bundles as office --office would, reporting refusals; --state keeps the
      sequences seen across runs (created when missing)
  zwc --workspace DIR init --office 150600 [--empty yes]
      在 DIR 中建立本单位的工作区（载入预置方案）/ set up a workspace in DIR for an office
  zwc --workspace DIR trust --office 150627 --public-key KEY [--label 说明]
  zwc --workspace DIR revoke --office 150627 --public-key KEY
      登记 / 吊销可信密钥 / trust or revoke a key
  zwc --workspace DIR import a.zwb b.zwb ...
      与桌面程序完全相同地校验、合并并记录导入 / check, merge and record imports exactly as the app does
  zwc --workspace DIR overview [--period 2026-11] [--json yes]
      市级：各旗区总览与本期未报送的旗区 / city: every county office side by side, and who has not reported
  zwc --workspace DIR print assignment|task-list|project-list|indicators|reporting --out x.html
                    [--period 2026-11] [--department 旗生态环境局|all] [--recipients lead|all]
      生成与桌面程序相同的打印文件（HTML，可用浏览器打印或存为 PDF）；交办单默认只发牵头单位（--recipients all 含配合单位），编号与程序共用登记
      / the app's printed documents as HTML; sheet numbers come from the same register
  zwc --workspace DIR backup [--out FILE.zwbak]
      完整备份工作区（全部记录、修改记录、可信密钥、导入记录、交办记录；不含私钥），默认存入 DIR/backups
      / a full, verified backup of the workspace (never the private key), into DIR/backups by default
  zwc --workspace DIR restore FILE.zwbak --yes yes
      校验备份后先备份现有数据，再整体替换 / verify, back up the current data, then replace it all
${PLAN_USAGE}${XLSX_USAGE}  zwc --help

文件 / Files:
  key.json      keygen 生成，含私钥，请妥善保管 / written by keygen; holds the private key
  trust.json    [{"officeCode":"150627","publicKey":"<base64>","label":"…","revoked":false}]
  records.json  {"tables":{"departments":[…],"tasks":[…],…}}；未带 _stamps 的记录会用本机时钟盖修订戳
                / records without _stamps are stamped now
  state.json    {"<deviceId>":{"publicKey":"<base64>","officeCode":"150627","highestSequence":3,"bundleIds":["…"]}}
                （--seen 为旧名 / --seen is the old name of --state for bundle verify）

规则与桌面程序相同 / Same rules as the desktop app: 未来一天以上的修订戳、不属于签名单位的记录、
他单位的设备标识、超出上限的数据都会被拒绝 / future stamps, foreign records, another key's device id
and anything over the limits are refused.

退出码 / Exit codes:
  0 成功 ok · 1 用法错误 usage · 2 拒绝或内容无效 refused/invalid · 3 读写文件失败 I/O error
  70 内部错误 internal error
`;

class UsageError extends Error {}
class InputError extends Error {}
class IoError extends Error {}

interface Args {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
}

const FLAGS = new Set(['help']);

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h') args.flags.add('help');
    else if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (FLAGS.has(name)) args.flags.add(name);
      else if (inline !== undefined) args.options.set(name, inline);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) args.options.set(name, argv[++i]);
      else throw new UsageError(`选项 --${name} 缺少取值 / option --${name} needs a value`);
    } else args.positional.push(a);
  }
  return args;
}

function allowOnly(args: Args, allowed: readonly string[]): void {
  for (const name of args.options.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`未知选项 --${name} / unknown option --${name}`);
  }
}

function required(args: Args, name: string): string {
  const v = args.options.get(name);
  if (v === undefined || v === '') throw new UsageError(`缺少 --${name} / missing --${name}`);
  return v;
}

async function readBytes(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (e) {
    throw new IoError(`无法读取文件 ${path}（cannot read ${path}: ${e instanceof Error ? e.message : String(e)}）`);
  }
}

async function write(io: CliIo, path: string, data: Uint8Array | string, exclusive = false): Promise<void> {
  try {
    await io.writeFile(path, data, exclusive);
  } catch (e) {
    throw new IoError(`无法写入文件 ${path}（cannot write ${path}: ${e instanceof Error ? e.message : String(e)}）`);
  }
}

async function readJson<T>(io: CliIo, path: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, what: string): Promise<T> {
  const bytes = await readBytes(io, path);
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

async function loadTrust(io: CliIo, path: string): Promise<TrustEntry[]> {
  return readJson(io, path, TrustFileSchema, '信任列表 / trust list');
}

async function loadKey(io: CliIo, path: string): Promise<{ stored: StoredIdentity; identity: Awaited<ReturnType<typeof importIdentity>> }> {
  const stored = await readJson(io, path, StoredIdentitySchema, '密钥文件 / key file');
  try {
    return { stored, identity: await importIdentity(stored) };
  } catch (e) {
    throw new InputError(`密钥文件 ${path} 无法使用：${e instanceof Error ? e.message : String(e)}（key file unusable）`);
  }
}

/** A device id for a key made on the command line: derived from its fingerprint, so it is stable and unique. */
function deviceIdFromFingerprint(fingerprint: string): string {
  return `cli-${fingerprint.replace(/\s+/g, '').slice(0, 16)}`;
}

async function keygen(args: Args, io: CliIo): Promise<number> {
  allowOnly(args, ['out', 'device']);
  const out = required(args, 'out');
  const identity = await generateIdentity(true);
  const fingerprint = await fingerprintOf(identity.publicKey);
  const device = args.options.get('device') ?? deviceIdFromFingerprint(fingerprint);
  if (!DEVICE_ID_PATTERN.test(device)) throw new UsageError('设备标识只能含字母、数字、- 和 _ / --device: letters, digits, - and _ only');
  const stored = await exportIdentity(identity, device, io.now());
  await write(io, out, `${JSON.stringify(stored, null, 2)}\n`, true);
  io.stdout(
    `已生成密钥 / key written: ${out}\n` +
      `设备 / device:       ${device}\n` +
      `公钥 / public key:   ${identity.publicKey}\n` +
      `指纹 / fingerprint:  ${fingerprint}\n` +
      `请把公钥交给接收方，并通过电话或纸面核对指纹。/ Give the public key to the receiving office and confirm the fingerprint by phone or on paper.\n`,
  );
  return EXIT.ok;
}

function describeCounts(counts: Record<string, number>): string {
  return BUNDLE_TABLES.filter((t) => counts[t])
    .map((t) => `${TABLE_LABELS[t]} ${counts[t]}`)
    .join('，');
}

async function bundleCreate(args: Args, io: CliIo): Promise<number> {
  allowOnly(args, ['key', 'office', 'records', 'period', 'sequence', 'out', 'since']);
  const { stored, identity } = await loadKey(io, required(args, 'key'));
  const office = required(args, 'office');
  const sequenceText = required(args, 'sequence');
  const sequence = Number(sequenceText);
  if (!/^\d+$/.test(sequenceText) || !Number.isSafeInteger(sequence) || sequence < 1) {
    throw new UsageError(`--sequence 应为正整数 / --sequence must be a positive integer: ${sequenceText}`);
  }
  const out = required(args, 'out');
  const period = required(args, 'period');
  const since = args.options.get('since');
  const raw = await readJson(io, required(args, 'records'), RecordsFileSchema, '记录文件 / records file');

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
  await write(io, out, bytes);
  io.stdout(
    `已生成交换文件 / bundle written: ${out}（${bytes.length} 字节 bytes）\n` +
      `办公室 / office ${office} · 设备 / device ${stored.deviceId} · 序号 / sequence ${sequence} · 月份 / period ${period}\n` +
      `记录 / records: ${describeCounts(Object.fromEntries(BUNDLE_TABLES.map((t) => [t, records[t].length]))) || '无 none'}\n`,
  );
  return EXIT.ok;
}

function refusalText(file: string, r: BundleRefusal): string {
  const head = r.level === 'noop' ? '无需导入 / nothing to do' : '已拒绝 / refused';
  return `${head}: ${file}\n  [${r.code}] ${r.message}\n`;
}

function manifestText(m: BundleManifest, fingerprint: string): string {
  return (
    `办公室 / office ${m.officeCode} · 设备 / device ${m.deviceId} · 序号 / sequence ${m.sequence} · 月份 / period ${m.period} · ${m.kind}\n` +
    `文件编号 / bundle id ${m.bundleId} · 生成于 / created ${m.createdAt}\n` +
    `签名密钥指纹 / key fingerprint ${fingerprint}\n` +
    `记录 / records: ${describeCounts(m.counts) || '无 none'}\n`
  );
}

function receiverOption(args: Args, isRequired: boolean): Receiver | undefined {
  const code = isRequired ? required(args, 'office') : args.options.get('office');
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

async function bundleVerify(args: Args, io: CliIo): Promise<number> {
  allowOnly(args, ['trust', 'seen', 'state', 'office']);
  if (args.positional.length !== 1) throw new UsageError('请给出一个交换文件 / give exactly one bundle file');
  const [file] = args.positional;
  const trust = await loadTrust(io, required(args, 'trust'));
  const receiver = receiverOption(args, false);
  const seen = await loadState(io, args.options.get('state') ?? args.options.get('seen'), false);
  const bytes = await readBytes(io, file);
  const result = await verifyBundle(bytes, { trust, now: io.now(), ...(seen ? { seen } : {}), ...(receiver ? { receiver } : {}) });
  if (!result.ok) {
    (result.error.level === 'noop' ? io.stdout : io.stderr)(refusalText(file, result.error));
    return result.error.level === 'noop' ? EXIT.ok : EXIT.refused;
  }
  io.stdout(`校验通过 / verified: ${file}\n${manifestText(result.manifest, result.fingerprint)}`);
  return EXIT.ok;
}

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

async function merge(args: Args, io: CliIo): Promise<number> {
  allowOnly(args, ['trust', 'out', 'office', 'state']);
  if (args.positional.length === 0) throw new UsageError('请给出至少一个交换文件 / give at least one bundle file');
  const receiver = receiverOption(args, true) as Receiver;
  const trust = await loadTrust(io, required(args, 'trust'));
  const out = required(args, 'out');
  const statePath = args.options.get('state');
  let seen: SeenState = (await loadState(io, statePath, true)) ?? {};

  const files = [];
  for (const file of args.positional) {
    const bytes = await readBytes(io, file);
    files.push({ file, bytes, ...sequenceHint(bytes) });
  }
  // Oldest first per device, so files named out of order on the command line are not called stale.
  files.sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : a.sequence - b.sequence));

  // The very services the app imports with, on a workspace held in memory for this run.
  const ws = await openWorkspace(new MemoryStorage(), { random: (n) => new Uint8Array(randomBytes(n)), now: () => io.now().getTime() });
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
  for (const t of BUNDLE_TABLES) tables[t] = (await ws.storage.listAll(t)) as unknown as StoredRecord[];
  seen = await seenDevices(ws.storage);

  const conflicts = BUNDLE_TABLES.flatMap((table) =>
    tables[table].flatMap((r) => openConflicts(r).map((c) => ({ table, id: String(r[keyFieldOf(table)]), field: c.field, values: c.values }))),
  );
  const report = { receiver, accepted, refused, skipped, conflicts, seen };
  const output = { kind: 'zwb-merge', generatedAt: io.now().toISOString(), tables, report };
  await write(io, out, `${canonicalJson(output)}\n`);
  if (statePath !== undefined) await write(io, statePath, `${JSON.stringify(SeenStateSchema.parse(seen), null, 2)}\n`);
  io.stdout(
    `已写出 / written: ${out} — 合并 / merged ${accepted.length}，拒绝 / refused ${refused.length}，` +
      `无需导入 / already imported ${skipped.length}，冲突 / conflicts ${conflicts.length}\n`,
  );
  return refused.length ? EXIT.refused : EXIT.ok;
}

/** Runs one command; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  try {
    // Excel commands parse their own options (cli/commands/xlsx.ts).
    if (argv[0] === 'xlsx' && !argv.includes('--help') && !argv.includes('-h')) return await xlsxMain(argv.slice(1), io);
    if (argv[0] === '--workspace' && argv[2] === 'xlsx') return await xlsxMain([argv[3] ?? '', '--workspace', argv[1], ...argv.slice(4)], io);
    const args = parseArgs(argv);
    const [command, sub] = args.positional;
    if (args.flags.has('help') || command === 'help') {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    if (command === 'keygen') {
      args.positional.shift();
      return await keygen(args, io);
    }
    if (command === 'bundle' && (sub === 'create' || sub === 'verify')) {
      args.positional.splice(0, 2);
      return sub === 'create' ? await bundleCreate(args, io) : await bundleVerify(args, io);
    }
    if (command === 'merge') {
      args.positional.shift();
      return await merge(args, io);
    }
    const workspace = args.options.get('workspace');
    if (workspace !== undefined) {
      if (!command) throw new UsageError('缺少工作区命令 / no workspace command given');
      args.options.delete('workspace');
      args.positional.shift();
      return await runWorkspaceCommand(workspace, command, args, io);
    }
    throw new UsageError(command ? `未知命令 / unknown command: ${[command, sub].filter(Boolean).join(' ')}` : '缺少命令 / no command given');
  } catch (e) {
    if (e instanceof UsageError || e instanceof WorkspaceUsageError) {
      io.stderr(`${e.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof IoError) {
      io.stderr(`错误 / error: ${e.message}\n`);
      return EXIT.io;
    }
    if (e instanceof InputError || e instanceof WorkspaceInputError || e instanceof BundleError || e instanceof CanonicalJsonError) {
      io.stderr(`无效 / invalid: ${e.message}\n`);
      return EXIT.refused;
    }
    io.stderr(internalErrorText(e));
    return EXIT.internal;
  }
}

/** An internal error in one sentence, never a stack trace: clerks read this. */
export function internalErrorText(e: unknown): string {
  const what = e instanceof Error ? e.message : String(e);
  return `内部错误 / internal error: ${what}\n这是本工具的缺陷，不是您的文件的问题；请把这条信息转给技术人员。/ This is a bug in zwc, not a problem with your files.\n`;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(internalErrorText(e));
      process.exitCode = EXIT.internal;
    },
  );
}
