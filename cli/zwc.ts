/**
 * zwc — command line for exchange bundles, for offices that script their monthly exchange and for
 * checking a file the desktop app refused. Built to dist/cli/zwc.js (scripts/build-cli.mjs).
 * Everything it does goes through shared/exchange, the same code the app uses.
 *
 * Exit codes: 0 ok · 1 usage · 2 refused or invalid input · 3 file could not be read or written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEVICE_ID_PATTERN, HybridClock } from '../shared/sync/hlc';
import { stampAll } from '../shared/sync/stamped';
import { createBundle, decodeContainer, TABLE_LABELS, type BundleManifest } from '../shared/exchange/bundle-format';
import { canonicalJson } from '../shared/exchange/canonical-json';
import { BundleError, type BundleRefusal } from '../shared/exchange/errors';
import { exportIdentity, fingerprintOf, generateIdentity, importIdentity, StoredIdentitySchema, type StoredIdentity } from '../shared/exchange/identity';
import { mergeTables, openConflicts } from '../shared/exchange/merge';
import { BUNDLE_TABLES, emptyTables, keyFieldOf, maxStampOf, type BundleTables, type StoredRecord } from '../shared/exchange/records';
import { recordImport, verifyBundle, type SeenDevice, type TrustEntry } from '../shared/exchange/verify';

export const EXIT = { ok: 0, usage: 1, refused: 2, io: 3 } as const;

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
    readFile: async (p) => new Uint8Array(await readFile(p)),
    writeFile: (p, d, exclusive) => writeFile(p, d, exclusive ? { flag: 'wx', mode: 0o600 } : {}),
    now: () => new Date(),
  };
}

export const USAGE = `zwc — 无废城市建设台账 交换文件工具 / exchange bundle tool

用法 / Usage:
  zwc keygen --out key.json [--device ID]
      生成本机签名密钥（不会覆盖已有文件）/ create a signing key (never overwrites)
  zwc bundle create --key key.json --office 150627 --records records.json
                    --period 2026-10 --sequence 1 --out x.zwb [--since STAMP]
      打包并签名 / build and sign a bundle (with --since: a delta)
  zwc bundle verify x.zwb --trust trust.json [--seen seen.json]
      校验交换文件 / verify a bundle
  zwc merge a.zwb b.zwb ... --trust trust.json --out merged.json
      校验并合并多个交换文件，报告被拒绝的文件及原因 / verify and merge bundles, reporting refusals
  zwc --help

文件 / Files:
  key.json      keygen 生成，含私钥，请妥善保管 / written by keygen; holds the private key
  trust.json    [{"officeCode":"150627","publicKey":"<base64>","label":"…","revoked":false}]
  records.json  {"tables":{"departments":[…],"tasks":[…],…}}；未带 _stamps 的记录会用本机时钟盖修订戳
                / records without _stamps are stamped now
  seen.json     {"<deviceId>":{"highestSequence":3,"bundleIds":["…"]}}

退出码 / Exit codes:
  0 成功 ok · 1 用法错误 usage · 2 拒绝或内容无效 refused/invalid · 3 读写文件失败 I/O error
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
    parsed = JSON.parse(new TextDecoder().decode(bytes));
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

const TrustEntrySchema = z
  .object({ officeCode: z.string(), publicKey: z.string(), revoked: z.boolean().optional(), label: z.string().optional() })
  .passthrough();
const TrustFileSchema = z.union([z.array(TrustEntrySchema), z.object({ trust: z.array(TrustEntrySchema) }).transform((o) => o.trust)]);

const SeenFileSchema = z.record(z.object({ highestSequence: z.number().int().nonnegative(), bundleIds: z.array(z.string()) }));

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

async function bundleVerify(args: Args, io: CliIo): Promise<number> {
  allowOnly(args, ['trust', 'seen']);
  if (args.positional.length !== 1) throw new UsageError('请给出一个交换文件 / give exactly one bundle file');
  const [file] = args.positional;
  const trust = await loadTrust(io, required(args, 'trust'));
  const seenPath = args.options.get('seen');
  const seen = seenPath ? await readJson(io, seenPath, SeenFileSchema, '导入记录 / seen file') : undefined;
  const bytes = await readBytes(io, file);
  const result = await verifyBundle(bytes, { trust, ...(seen ? { seen } : {}) });
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

async function merge(args: Args, io: CliIo): Promise<number> {
  allowOnly(args, ['trust', 'out']);
  if (args.positional.length === 0) throw new UsageError('请给出至少一个交换文件 / give at least one bundle file');
  const trust = await loadTrust(io, required(args, 'trust'));
  const out = required(args, 'out');

  const files = [];
  for (const file of args.positional) {
    const bytes = await readBytes(io, file);
    files.push({ file, bytes, ...sequenceHint(bytes) });
  }
  // Oldest first per device, so files named out of order on the command line are not called stale.
  files.sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : a.sequence - b.sequence));

  let seen: Record<string, SeenDevice> = {};
  let tables: BundleTables = emptyTables();
  const accepted: unknown[] = [];
  const refused: unknown[] = [];
  const skipped: unknown[] = [];
  for (const { file, bytes } of files) {
    const result = await verifyBundle(bytes, { trust, seen });
    if (!result.ok) {
      (result.error.level === 'noop' ? skipped : refused).push({ file, ...result.error });
      (result.error.level === 'noop' ? io.stdout : io.stderr)(refusalText(file, result.error));
      continue;
    }
    const m = result.manifest;
    const merged = mergeTables(tables, result.payload.tables);
    tables = merged.tables;
    seen = recordImport(seen, m);
    accepted.push({
      file,
      bundleId: m.bundleId,
      officeCode: m.officeCode,
      deviceId: m.deviceId,
      sequence: m.sequence,
      period: m.period,
      kind: m.kind,
      fingerprint: result.fingerprint,
      counts: m.counts,
      added: merged.preview.added.length,
      changed: merged.preview.changed.length,
      newConflicts: merged.preview.conflicts.length,
    });
    io.stdout(`已合并 / merged: ${file}（${m.officeCode}，${m.period}，序号 / sequence ${m.sequence}）\n`);
  }

  const conflicts = BUNDLE_TABLES.flatMap((table) =>
    tables[table].flatMap((r) => openConflicts(r).map((c) => ({ table, id: String(r[keyFieldOf(table)]), field: c.field, values: c.values }))),
  );
  const report = { accepted, refused, skipped, conflicts, seen };
  const output = { kind: 'zwb-merge', generatedAt: io.now().toISOString(), tables, report };
  await write(io, out, `${canonicalJson(output)}\n`);
  io.stdout(
    `已写出 / written: ${out} — 合并 / merged ${accepted.length}，拒绝 / refused ${refused.length}，` +
      `无需导入 / already imported ${skipped.length}，冲突 / conflicts ${conflicts.length}\n`,
  );
  return refused.length ? EXIT.refused : EXIT.ok;
}

/** Runs one command; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  try {
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
    throw new UsageError(command ? `未知命令 / unknown command: ${[command, sub].filter(Boolean).join(' ')}` : '缺少命令 / no command given');
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof IoError) {
      io.stderr(`错误 / error: ${e.message}\n`);
      return EXIT.io;
    }
    if (e instanceof InputError || e instanceof BundleError) {
      io.stderr(`无效 / invalid: ${e.message}\n`);
      return EXIT.refused;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`内部错误 / internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
