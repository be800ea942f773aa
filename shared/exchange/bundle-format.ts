/**
 * The .zwb exchange bundle: one file an office sends to another (county → city, laptop → laptop).
 * README.md beside this file is the format's specification; keep the two in step.
 *
 *   "ZWB1" | uint32 BE header length H | header: H bytes UTF-8 JSON {manifest, signature} | payload (gzip)
 *
 * The signature covers the canonical JSON of the manifest; the manifest carries the SHA-256 and
 * the length of the payload, so one signature protects the whole file.
 */
import { Gunzip, gzipSync } from 'fflate';
import { counterAtLimit, DEVICE_ID_PATTERN, MAX_COUNTER } from '../sync/hlc';
import { z, type ZodType } from 'zod';
import { DivisionCodeSchema, OfficeSchema } from '../domain/office';
import { PeriodSchema } from '../domain/ids';
import { pathLabel, unsafeCharacter, zhErrorMap } from '../domain/validation';
import { ProgressEntrySchema, IndicatorValueSchema } from '../domain/progress';
import { PLAN_SCHEMAS } from '../views/plan-tables';
import { TABLE_LABELS as RECORD_TABLE_LABELS } from '../views/table-labels';
import { canonicalJsonBytes } from './canonical-json';
import { concatBytes, randomUuid, sha256Hex } from './bytes';
import { BundleError } from './errors';
import { PublicKeySchema, signBytes, type Identity } from './identity';
import { checkRecordBounds, DEFAULT_LIMITS, HEADER_LIMITS, JsonLimitScanner, formatBytes, limitsWith, scanJson, type BundleLimits } from './limits';
import { idBelongsTo } from './ownership';
import { compile, isZodObject, textOnly, type CompiledCheck } from './compiled-schema';
import { alreadyHeld, type HeldRecords } from './merge';
import { registerProblems, validateRegister, type BundleRegister } from './register';

/** Signs without holding the private key here, e.g. through the desktop shell's key vault. */
export interface ManifestSigner {
  publicKey: string;
  signManifest(canonicalManifest: Uint8Array): Promise<string>;
}
import {
  BUNDLE_TABLES,
  emptyTables,
  isMetaKey,
  keyFieldOf,
  keyFieldsOf,
  ownerFieldOf,
  plainFields,
  OPTIONAL_BUNDLE_TABLES,
  type BundleTableName,
  type BundleTables,
  type StoredRecord,
} from './records';

export const MAGIC = 'ZWB1';
export const MAGIC_BYTES = new TextEncoder().encode(MAGIC);
/**
 * The newest format version this code writes and reads. Version 2 adds the office's issued-sheet
 * register (register.ts, README §4.2); a bundle with no register to carry is still written as
 * version 1, so offices still on older software keep reading it. Every version listed is read.
 */
export const FORMAT_VERSION = 2;
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2];
/** Written when there is no register to carry. */
export const PLAIN_FORMAT_VERSION = 1;
/** A header is a manifest and a signature: a few kilobytes. A larger length means a damaged file. */
export const MAX_HEADER_BYTES = 1024 * 1024;
export const DEFAULT_MAX_BUNDLE_BYTES = DEFAULT_LIMITS.maxBundleBytes;
/** Decompressed payload limit, so a small file cannot expand into gigabytes (see limits.ts). */
export const DEFAULT_MAX_PAYLOAD_BYTES = DEFAULT_LIMITS.maxPayloadBytes;
/** The file extension users see. */
export const BUNDLE_EXTENSION = '.zwb';

export const StampSchema = z.string().regex(/^\d{15}:\d{6}:(?!__proto__$)[A-Za-z0-9_-]{1,64}$/, '修订戳格式应为 15位毫秒:6位计数:设备标识');
export const DeviceIdSchema = z.string().regex(DEVICE_ID_PATTERN, '设备标识只能含字母、数字、- 和 _，最长64位');

const CountsSchema = z
  .object(
    Object.fromEntries(BUNDLE_TABLES.map((t) => [t, OPTIONAL_BUNDLE_TABLES.has(t) ? z.number().int().nonnegative().optional() : z.number().int().nonnegative()])) as Record<
      Exclude<BundleTableName, 'problems'>,
      z.ZodNumber
    > & { problems: z.ZodOptional<z.ZodNumber> },
  )
  .strict();

export const ManifestSchema = z
  .object({
    formatVersion: z.union([z.literal(1), z.literal(2)]),
    bundleId: z.string().uuid(),
    officeCode: DivisionCodeSchema,
    deviceId: DeviceIdSchema,
    publicKey: PublicKeySchema,
    sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    period: PeriodSchema,
    createdAt: z.string().datetime({ offset: true }),
    kind: z.enum(['snapshot', 'delta']),
    since: StampSchema.optional(),
    payloadBytes: z.number().int().nonnegative(),
    payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
    counts: CountsSchema,
    /** Version 2: sheets in the payload's register (0 when it only tells the laptop's 本机编号). */
    issuedSheets: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((m) => (m.kind === 'delta') === (m.since !== undefined), {
    message: '增量包（delta）必须写明 since，全量包（snapshot）不能有 since',
    path: ['since'],
  })
  .refine((m) => (m.formatVersion >= 2) === (m.issuedSheets !== undefined), {
    message: '格式版本 2 的清单必须写明 issuedSheets（发文登记份数），格式版本 1 的清单不能有',
    path: ['issuedSheets'],
  });
export type BundleManifest = z.infer<typeof ManifestSchema>;

export interface BundlePayload {
  tables: BundleTables;
  /** Version 2: the signing office's issued-sheet register, as the exporting laptop knows it. */
  register?: BundleRegister;
}

export interface BundleHeader {
  manifest: Record<string, unknown>;
  signature: unknown;
}

export interface DecodedContainer {
  header: BundleHeader;
  payload: Uint8Array;
}

// ---------------------------------------------------------------- container

/** Frames a header and a payload. */
export function encodeContainer(headerJson: Uint8Array, payload: Uint8Array): Uint8Array {
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerJson.length, false);
  return concatBytes([MAGIC_BYTES, length, headerJson, payload]);
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Splits a file into header and payload, checking only the framing. The payload length comes from
 * `manifest.payloadBytes` (signed later), which is how a file cut short in transit is told apart
 * from a damaged one.
 */
export function decodeContainer(bytes: Uint8Array): DecodedContainer {
  const headerStart = MAGIC_BYTES.length + 4;
  if (bytes.length < headerStart) {
    if (bytes.length > 0 && startsWith(MAGIC_BYTES, bytes.subarray(0, Math.min(bytes.length, MAGIC_BYTES.length)))) {
      throw new BundleError('truncated', '文件不完整：只有开头几个字节，可能没有复制完，请重新拷贝或让对方重新导出');
    }
    throw new BundleError('bad-container', '这不是本软件的交换文件（.zwb）：文件太短');
  }
  if (!startsWith(bytes, MAGIC_BYTES)) {
    throw new BundleError('bad-container', '这不是本软件的交换文件（.zwb）：文件开头的标识不对，可能选错了文件');
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC_BYTES.length, false);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) {
    throw new BundleError('bad-container', `交换文件已损坏：文件头长度 ${headerLength} 字节不合理`);
  }
  if (bytes.length < headerStart + headerLength) {
    throw new BundleError('truncated', '文件不完整：文件头被截断，可能没有复制完，请重新拷贝或让对方重新导出');
  }
  let header: unknown;
  const headerBytes = bytes.subarray(headerStart, headerStart + headerLength);
  try {
    scanJson(headerBytes, HEADER_LIMITS, '文件头');
  } catch (e) {
    if (e instanceof BundleError) throw new BundleError('bad-container', `交换文件已损坏：${e.message}`);
    throw e;
  }
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch {
    throw new BundleError('bad-container', '交换文件已损坏：文件头不是合法的 JSON 文本');
  }
  if (!isObject(header) || !isObject(header.manifest) || !('signature' in header)) {
    throw new BundleError('bad-container', '交换文件已损坏：文件头缺少清单（manifest）或签名（signature）');
  }
  const payload = bytes.subarray(headerStart + headerLength);
  const declared = header.manifest.payloadBytes;
  if (typeof declared === 'number' && Number.isInteger(declared) && declared >= 0) {
    if (payload.length < declared) {
      throw new BundleError(
        'truncated',
        `文件不完整：数据部分应有 ${declared} 字节，实际只有 ${payload.length} 字节，可能没有复制完，请重新拷贝或让对方重新导出`,
      );
    }
    if (payload.length > declared) {
      throw new BundleError('bad-container', `交换文件已损坏：数据部分之后多出 ${payload.length - declared} 字节`);
    }
  }
  return { header: { manifest: header.manifest, signature: header.signature }, payload };
}

/** Refuses a manifest written by a newer version of the software, before looking at its shape. */
export function checkFormatVersion(manifest: Record<string, unknown>): void {
  const v = manifest.formatVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > FORMAT_VERSION) {
    throw new BundleError(
      'unsupported-version',
      `此文件由更新版本的软件生成（格式版本 ${v}，本软件支持到 ${FORMAT_VERSION}），请更新本软件后再导入`,
    );
  }
  if (typeof v !== 'number' || !READABLE_FORMAT_VERSIONS.includes(v)) throw new BundleError('invalid-manifest', `交换文件的格式版本不正确：${JSON.stringify(v) ?? '缺失'}`);
}

function issuesOf(error: z.ZodError, limit = 5, whole = '清单'): string[] {
  return error.issues.slice(0, limit).map((i) => `${i.path.length ? pathLabel(i.path) : whole}：${i.message}`);
}

/** Zod's checks with Chinese messages (shared/domain/validation.ts): refusals name the place in a clerk's words. */
const ZH = { errorMap: zhErrorMap };

/**
 * The characters unsafeCharacter refuses, as one regex built from it at load (every UTF-16 code
 * unit asked once): a native test over a text instead of a loop over its characters in JS.
 */
const UNSAFE_CHARACTER = (() => {
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  const ranges: string[] = [];
  let start = -1;
  for (let c = 0; c <= 0x10000; c++) {
    const unsafe = c < 0x10000 && unsafeCharacter(String.fromCharCode(c)) !== null;
    if (unsafe && start < 0) start = c;
    if (!unsafe && start >= 0) {
      ranges.push(start === c - 1 ? hex(start) : `${hex(start)}-${hex(c - 1)}`);
      start = -1;
    }
  }
  return new RegExp(`[${ranges.join('')}]`);
})();

/**
 * unsafeIn's yes or no, reading the same texts without building a list of an object's values: true
 * whenever unsafeIn finds a character (it may also say true where unsafeIn would not, for an
 * enumerable inherited name, which JSON never makes: the caller then asks unsafeIn).
 */
function mayHoldUnsafe(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return UNSAFE_CHARACTER.test(value);
  if (depth > 8 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (mayHoldUnsafe(value[i], depth + 1)) return true;
    return false;
  }
  const o = value as Record<string, unknown>;
  for (const k in o) if (mayHoldUnsafe(o[k], depth + 1)) return true;
  return false;
}

/** The first text anywhere in a value holding a control character or a direction override, as "U+XXXX". */
function unsafeIn(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return UNSAFE_CHARACTER.test(value) ? unsafeCharacter(value) : null;
  if (depth > 8 || typeof value !== 'object' || value === null) return null;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const found = unsafeIn(v, depth + 1);
    if (found) return found;
  }
  return null;
}

export function parseManifest(manifest: unknown): BundleManifest {
  const r = ManifestSchema.safeParse(manifest, ZH);
  if (!r.success) {
    const problems = issuesOf(r.error);
    throw new BundleError('invalid-manifest', `交换文件的清单不完整或有误：${problems.join('；')}`, { problems });
  }
  return r.data;
}

// ---------------------------------------------------------------- payload

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(chunks: readonly Uint8Array[]): number {
  let c = 0xffffffff;
  for (const chunk of chunks) for (let i = 0; i < chunk.length; i++) c = CRC_TABLE[(c ^ chunk[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function gzipPayload(json: Uint8Array): Uint8Array {
  // mtime 0 leaves the timestamp out, so the same records always give the same bytes.
  return gzipSync(json, { level: 9, mtime: 0 });
}

/** Deflate cannot expand data more than about 1032 times: a trailer claiming more is damaged, not large. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * gzip's trailer states the decompressed length (modulo 4 GiB): a payload declaring more than the
 * limit, and no more than deflate could produce from its size, is refused before anything is
 * inflated. A trailer claiming the impossible (a damaged or cut file) is left to the inflater, which
 * reports the damage; one that understates is stopped by the limit while inflating, and must match
 * the output at the end.
 */
function checkDeclaredSize(gz: Uint8Array, limits: BundleLimits): void {
  const declared = new DataView(gz.buffer, gz.byteOffset + gz.length - 4, 4).getUint32(0, true);
  if (declared > limits.maxPayloadBytes && declared <= gz.length * MAX_DEFLATE_RATIO) {
    throw new BundleError('too-large', `交换文件的数据部分声明解压后有 ${formatBytes(declared)}，超过 ${formatBytes(limits.maxPayloadBytes)} 的上限，已拒绝`);
  }
}

/** Compressed bytes handed to gzip per step: bounds what one step can produce (deflate expands at most ~1032×). */
const INFLATE_STEP = 16 * 1024;

/**
 * Decompresses a payload: exactly one gzip member, CRC-32 and length checked, and every limit of
 * `limits` checked on the JSON text as it comes out (JsonLimitScanner), so a file over a limit is
 * refused as soon as the limit is crossed, without ever holding more than the limit in memory.
 * A number is taken as the decompressed byte limit alone (the other limits keep their defaults).
 */
export function gunzipPayload(gz: Uint8Array, limits: BundleLimits | number = DEFAULT_LIMITS): Uint8Array {
  const l = typeof limits === 'number' ? limitsWith({ maxPayloadBytes: limits }) : limits;
  const damaged = (why: string) => new BundleError('invalid-payload', `交换文件的数据部分无法解压：${why}`);
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8) throw damaged('不是 gzip 数据');
  checkDeclaredSize(gz, l);
  const chunks: Uint8Array[] = [];
  const scanner = new JsonLimitScanner(l);
  let total = 0;
  let members = 1;
  const stream = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > l.maxPayloadBytes) throw new BundleError('too-large', `交换文件解压后超过 ${formatBytes(l.maxPayloadBytes)}，已拒绝`);
    scanner.push(chunk);
    chunks.push(chunk);
  });
  stream.onmember = () => {
    members += 1;
  };
  try {
    for (let i = 0; i < gz.length; i += INFLATE_STEP) {
      stream.push(gz.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= gz.length);
      if (members !== 1) throw damaged('含有多段 gzip 数据');
    }
    scanner.finish();
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw damaged(e instanceof Error ? e.message : String(e));
  }
  if (members !== 1) throw damaged('含有多段 gzip 数据');
  const trailer = new DataView(gz.buffer, gz.byteOffset + gz.length - 8, 8);
  if (trailer.getUint32(0, true) !== crc32(chunks)) throw damaged('校验码（CRC-32）不符');
  if (trailer.getUint32(4, true) !== total % 2 ** 32) throw damaged('长度不符');
  return concatBytes(chunks);
}

/** The platform's gzip decompressor (browsers, Node 18+), where it has one. */
export type DecompressionStreamClass = typeof DecompressionStream;

function platformDecompression(): DecompressionStreamClass | undefined {
  return typeof DecompressionStream === 'function' ? DecompressionStream : undefined;
}

/**
 * gunzipPayload on the platform's native `DecompressionStream` where there is one (fflate
 * otherwise): the same limits, checked on every chunk as it comes out, so a file over a limit is
 * refused as soon as it crosses it. The native stream checks each member's CRC-32 and length; the
 * trailer's length must equal all the output, which a second gzip member (Node joins members) or
 * bytes after the first cannot pass.
 */
export async function inflatePayload(gz: Uint8Array, limits: BundleLimits = DEFAULT_LIMITS, native: DecompressionStreamClass | undefined = platformDecompression()): Promise<Uint8Array> {
  if (!native) return gunzipPayload(gz, limits);
  const damaged = (why: string) => new BundleError('invalid-payload', `交换文件的数据部分无法解压：${why}`);
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8) throw damaged('不是 gzip 数据');
  checkDeclaredSize(gz, limits);
  const trailer = new DataView(gz.buffer, gz.byteOffset + gz.length - 8, 8);
  const declared = trailer.getUint32(4, true);
  // Where the trailer's length is believable (within the limit, and no more than deflate could
  // make of this input), the output goes into one buffer of that length, each chunk copied in as it
  // comes; past that length (the trailer lied: refused below), the chunks are collected as they are.
  let out = declared <= limits.maxPayloadBytes && declared <= gz.length * MAX_DEFLATE_RATIO ? new Uint8Array(declared) : undefined;
  let chunks: Uint8Array[] = [];
  const scanner = new JsonLimitScanner(limits);
  let total = 0;
  const input = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      for (let i = 0; i < gz.length; i += INFLATE_STEP) controller.enqueue(gz.slice(i, i + INFLATE_STEP));
      controller.close();
    },
  });
  const reader = input.pipeThrough(new native('gzip')).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limits.maxPayloadBytes) throw new BundleError('too-large', `交换文件解压后超过 ${formatBytes(limits.maxPayloadBytes)}，已拒绝`);
      scanner.push(value);
      if (out !== undefined && total <= out.length) out.set(value, total - value.length);
      else {
        if (out !== undefined) chunks = [out.subarray(0, total - value.length)];
        out = undefined;
        chunks.push(value);
      }
    }
    scanner.finish();
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    if (e instanceof BundleError) throw e;
    throw damaged(e instanceof Error ? e.message : String(e));
  }
  if (declared !== total % 2 ** 32) throw damaged('含有多段 gzip 数据或长度不符');
  return out ?? concatBytes(chunks);
}

/** The revision envelope and the merge's bookkeeping, as a bundle carries them (shared/sync/stamped.ts). */
const ENVELOPE_SHAPE = {
  _stamps: z.record(StampSchema),
  _deleted: StampSchema.nullable(),
  _updated: StampSchema,
  _conflicts: z
    .array(
      z
        .object({
          field: z.string().min(1),
          values: z.array(z.object({ value: z.unknown().optional(), stamp: StampSchema }).strict()).min(2),
        })
        .strict(),
    )
    .optional(),
  _siblings: z.record(z.array(StampSchema).min(2)).optional(),
  _seen: z.record(StampSchema).optional(),
};

const TABLE_SCHEMAS: Record<BundleTableName, ZodType<unknown>> = {
  offices: OfficeSchema,
  ...PLAN_SCHEMAS,
  progress: ProgressEntrySchema,
  indicatorValues: IndicatorValueSchema,
};

function objectSchema(table: BundleTableName): z.AnyZodObject {
  const schema = TABLE_SCHEMAS[table];
  if (!(schema instanceof z.ZodObject)) throw new Error(`${table} 的数据格式不是对象`);
  return schema;
}

/**
 * One schema per table, built once: the domain record (strict) with its envelope, so a record is
 * parsed once. Any name not in either (an unknown `_…` name included) is refused by it.
 */
const RECORD_SCHEMAS = Object.fromEntries(BUNDLE_TABLES.map((t) => [t, objectSchema(t).extend(ENVELOPE_SHAPE)])) as Record<BundleTableName, z.AnyZodObject>;

/** The same schemas as plain checks, compiled once (compiled-schema.ts): zod runs only to explain a refusal. */
const RECORD_CHECKS = Object.fromEntries(BUNDLE_TABLES.map((t) => [t, compile(RECORD_SCHEMAS[t])])) as Record<BundleTableName, CompiledCheck>;
const DOMAIN_CHECKS = Object.fromEntries(BUNDLE_TABLES.map((t) => [t, compile(objectSchema(t))])) as Record<BundleTableName, CompiledCheck>;

/** The data fields a table's schema knows: the only names `_stamps`, `_siblings` and `_conflicts` may use. */
const TABLE_FIELDS = new Map<BundleTableName, ReadonlySet<string>>(BUNDLE_TABLES.map((t) => [t, new Set(Object.keys(objectSchema(t).shape as Record<string, unknown>))]));

export const TABLE_LABELS: Record<BundleTableName, string> = RECORD_TABLE_LABELS;

const UNDERSCORE = 0x5f;

const NO_PROBLEMS: readonly string[] = Object.freeze([]);

/**
 * The envelope's rules below for a record of a known shape that has no conflicts and no siblings,
 * in one pass that only answers "no problem": true only when recordProblems would find none (when
 * it says false, recordProblems runs its own loops to name the problems). A stamp equal to the one
 * before it (a record's stamps are mostly one and the same) is not compared again.
 */
function envelopeFine(e: StoredRecord, known: ReadonlySet<string>): boolean {
  if (e._conflicts !== undefined || e._siblings !== undefined) return false;
  const stamps = e._stamps;
  const updated = e._updated;
  if (counterAtLimit(updated)) return false;
  for (const field in e) {
    if (field.charCodeAt(0) === UNDERSCORE && isMetaKey(field)) continue;
    const value = e[field];
    if (value === undefined) continue;
    if (stamps[field] === undefined || mayHoldUnsafe(value, 0)) return false;
  }
  // `updated` itself is neither later than itself nor (checked above) at the limit.
  let passed = updated;
  for (const field in stamps) {
    if (!known.has(field)) return false;
    const stamp = stamps[field];
    if (stamp !== passed) {
      if (stamp > updated || counterAtLimit(stamp)) return false;
      passed = stamp;
    }
  }
  const deleted = e._deleted;
  if (deleted && deleted !== passed && (deleted > updated || counterAtLimit(deleted))) return false;
  const seen = e._seen;
  if (seen !== undefined) {
    for (const device in seen) {
      const stamp = seen[device];
      if (stamp !== passed) {
        if (stamp > updated || counterAtLimit(stamp)) return false;
        passed = stamp;
      }
    }
  }
  return true;
}

const STAMP_CHECK = compile(StampSchema);

/**
 * RECORD_CHECKS and envelopeFine at once, for a record without conflicts or siblings: one walk of
 * its fields (each domain field's compiled check, its stamp there, its text safe) and one of its
 * stamps, instead of two each. True only when both would say true; on false, recordProblems asks
 * them (and zod) as before, so a refusal and its words do not depend on this function.
 */
function fusedCheckOf(table: BundleTableName): (e: unknown) => boolean {
  const shape = objectSchema(table).shape as Record<string, ZodType<unknown>>;
  const names = Object.keys(shape);
  const n = names.length;
  // Fields walked are marked in one number's bits.
  if (n > 30) return () => false;
  const checks = names.map((k) => compile(shape[k] as Parameters<typeof compile>[0]));
  const remembers = names.map((k) => textOnly(shape[k] as Parameters<typeof textOnly>[0]));
  const index = new Map(names.map((k, i) => [k, i]));
  const known: ReadonlySet<string> = new Set(names);
  // As in compiled-schema's objects: the last record's names in order, and each field's last accepted text.
  const lastNames: string[] = [];
  const lastPlaces: number[] = [];
  const lastText: (string | undefined)[] = names.map(() => undefined);
  // A stamp passes when it is one (StampSchema), no later than _updated, its counter not at the limit; equal texts are asked once.
  let updated = '';
  let passed = '';
  const stampFine = (stamp: unknown): boolean => {
    if (stamp === passed) return true;
    if (typeof stamp !== 'string' || !STAMP_CHECK(stamp) || stamp > updated || counterAtLimit(stamp)) return false;
    passed = stamp;
    return true;
  };
  return (e) => {
    if (!isZodObject(e)) return false;
    const stamps = e._stamps;
    const u = e._updated;
    if (!isZodObject(stamps) || typeof u !== 'string' || !STAMP_CHECK(u) || counterAtLimit(u)) return false;
    updated = u;
    passed = u;
    const deleted = e._deleted;
    if (deleted !== null && !stampFine(deleted)) return false;
    let walked = 0;
    let at = 0;
    let seen = false;
    for (const k in e) {
      if (k.charCodeAt(0) === UNDERSCORE) {
        if (k === '_stamps' || k === '_updated' || k === '_deleted') continue;
        if (k === '_seen') {
          seen = true;
          continue;
        }
        return false; // _conflicts, _siblings, or a name only the full check can judge
      }
      let i: number | undefined;
      if (lastNames[at] === k) i = lastPlaces[at];
      else {
        i = index.get(k);
        if (i === undefined) return false;
        lastNames[at] = k;
        lastPlaces[at] = i;
      }
      at += 1;
      walked |= 1 << i;
      const value = e[k];
      if (value === undefined) {
        if (!checks[i](value)) return false;
        continue;
      }
      if (stamps[k] === undefined) return false;
      // A text this field accepted last time (its check and its safety answer for the text alone) is not asked again.
      if (value !== lastText[i]) {
        if (!checks[i](value)) return false;
        if (typeof value === 'string') {
          if (value.length !== 0 && UNSAFE_CHARACTER.test(value)) return false;
          if (remembers[i]) lastText[i] = value;
        } else if (typeof value === 'object' && mayHoldUnsafe(value, 0)) return false;
      }
    }
    // Fields not there: as the compiled check asks them (an optional one passes, a required one refuses).
    for (let i = 0; i < n; i++) if ((walked & (1 << i)) === 0 && !checks[i](e[names[i]])) return false;
    for (const field in stamps) if (!known.has(field) || !stampFine(stamps[field])) return false;
    if (seen) {
      const devices = e._seen;
      if (devices !== undefined) {
        if (!isZodObject(devices)) return false;
        for (const device in devices) if (!stampFine(devices[device])) return false;
      }
    }
    return true;
  };
}

const FUSED_CHECKS = Object.fromEntries(BUNDLE_TABLES.map((t) => [t, fusedCheckOf(t)])) as Record<BundleTableName, (e: unknown) => boolean>;

/** Problems with one stored record: one parse of its table's schema (envelope included), then the envelope's own rules. */
function recordProblems(table: BundleTableName, raw: unknown): readonly string[] {
  if (FUSED_CHECKS[table](raw)) return NO_PROBLEMS;
  if (!isObject(raw)) return ['不是对象'];
  if (!RECORD_CHECKS[table](raw)) {
    const parsed = RECORD_SCHEMAS[table].safeParse(raw, ZH);
    if (!parsed.success) return issuesOf(parsed.error, 3, '记录');
  }
  // The shape is known from here on: `raw` is the record as parsed.
  const e = raw as StoredRecord;
  const known = TABLE_FIELDS.get(table) ?? new Set<string>();
  if (envelopeFine(e, known)) return NO_PROBLEMS;
  const problems: string[] = [];
  const keyFields = keyFieldsOf(table);
  // Every data field has a stamp; text holds no control characters (other than tab and line breaks)
  // and no direction overrides, in values or conflicting values. One pass, problems in that order.
  let unsafe: string[] | undefined;
  for (const field in e) {
    if (field.charCodeAt(0) === UNDERSCORE && isMetaKey(field)) continue;
    const value = e[field];
    if (value !== undefined && e._stamps[field] === undefined) problems.push(`字段 ${field} 没有修订戳`);
    const c = unsafeIn(value);
    if (c) (unsafe ??= []).push(`字段 ${pathLabel([field])} 含有不可见的控制字符或文字方向控制符（${c}）`);
  }
  if (unsafe) for (const p of unsafe) problems.push(p);
  for (const c of e._conflicts ?? []) {
    const found = unsafeIn(c.values.map((v) => v.value));
    if (found) problems.push(`冲突字段 ${pathLabel([c.field])} 的取值含有不可见的控制字符或文字方向控制符（${found}）`);
  }
  for (const field in e._stamps) if (!known.has(field)) problems.push(`修订戳中有未知字段 ${field}`);
  for (const field in e._siblings ?? {}) if (!known.has(field)) problems.push(`_siblings 中有未知字段 ${field}`);
  // Every stamp on the record, without building a list: none later than _updated, none with its counter at the limit.
  const updated = e._updated;
  let late = false;
  let atLimit = counterAtLimit(updated);
  const stampSeen = (s: string) => {
    if (s > updated) late = true;
    if (counterAtLimit(s)) atLimit = true;
  };
  for (const field in e._stamps) stampSeen(e._stamps[field]);
  if (e._deleted) stampSeen(e._deleted);
  for (const c of e._conflicts ?? []) for (const v of c.values) stampSeen(v.stamp);
  for (const field in e._siblings ?? {}) for (const s of (e._siblings ?? {})[field]) stampSeen(s);
  for (const device in e._seen ?? {}) stampSeen((e._seen ?? {})[device]);
  if (late) problems.push('_updated 应是记录上最晚的修订戳');
  // A counter at its maximum leaves the receiving clock no room: refused here, not when merging.
  if (atLimit) problems.push(`修订戳的计数已到上限 ${MAX_COUNTER}，不是正常软件写出的修订戳`);
  const conflictFields = new Set<string>();
  for (const c of e._conflicts ?? []) {
    if (!known.has(c.field)) {
      problems.push(`冲突中有未知字段 ${c.field}`);
      continue;
    }
    // The key and the owner are fixed when a record is made: a "conflict" over them would let a
    // merge move the record under another key or hand it to another office.
    if (keyFields.includes(c.field)) {
      problems.push(`主键字段 ${c.field} 不能有冲突`);
      continue;
    }
    if (conflictFields.has(c.field)) problems.push(`字段 ${c.field} 的冲突出现两次`);
    conflictFields.add(c.field);
    const plain = plainFields(e);
    for (const v of c.values) {
      const candidate: Record<string, unknown> = { ...plain };
      if (v.value === undefined) delete candidate[c.field];
      else candidate[c.field] = v.value;
      if (!DOMAIN_CHECKS[table](candidate)) problems.push(`冲突字段 ${c.field} 的取值 ${v.stamp} 不合格式`);
    }
  }
  return problems;
}

/**
 * The importing office's rows stored here, by key, per table: only ever passed once the bundle's
 * signature and payload hash are verified (verify.ts), so a record equal to its stored copy is
 * exactly what was signed.
 */
export type HeldTables = Partial<Record<BundleTableName, HeldRecords>>;

/**
 * Checks the decoded payload: its shape, every record against the envelope and its domain schema,
 * no duplicate keys, and, when a manifest is given, that the counts match. Stops collecting after
 * `maxProblems` problems: a file that bad is refused either way.
 */
export function validatePayload(
  json: unknown,
  manifest?: Pick<BundleManifest, 'counts'> & Partial<Pick<BundleManifest, 'formatVersion' | 'issuedSheets'>>,
  limits: BundleLimits = DEFAULT_LIMITS,
  held?: HeldTables,
): BundlePayload {
  if (!isObject(json) || !isObject(json.tables)) throw new BundleError('invalid-payload', '交换文件的数据部分格式不正确：缺少 tables');
  const unknownTables = Object.keys(json.tables).filter((t) => !(BUNDLE_TABLES as readonly string[]).includes(t));
  if (unknownTables.length) {
    throw new BundleError('invalid-payload', `交换文件含有本软件不认识的数据表：${unknownTables.slice(0, 5).join('、')}`);
  }
  // Version 1 carries tables only; version 2 may add the register. Without a manifest (a writer
  // checking what it is about to sign) the register is allowed.
  const registerAllowed = (manifest?.formatVersion ?? FORMAT_VERSION) >= 2;
  const extra = Object.keys(json).filter((k) => k !== 'tables' && !(k === 'register' && registerAllowed));
  if (extra.length) throw new BundleError('invalid-payload', `交换文件的数据部分含有未知的内容：${extra.slice(0, 5).join('、')}`);
  const tables = emptyTables();
  const problems: string[] = [];
  let total = 0;
  const full = () => problems.length >= limits.maxProblems;
  for (const table of BUNDLE_TABLES) {
    if (full()) break;
    const rows: unknown = json.tables[table] ?? [];
    if (!Array.isArray(rows)) {
      problems.push(`${TABLE_LABELS[table]}表不是数组`);
      continue;
    }
    total += rows.length;
    if (total > limits.maxRecords) throw new BundleError('over-limit', `交换文件中的记录超过 ${limits.maxRecords} 条的上限，已拒绝`);
    const keyField = keyFieldOf(table);
    const keys = new Set<string>();
    const copies = held?.[table];
    for (let i = 0; i < rows.length && !full(); i++) {
      const row: unknown = rows[i];
      const key = isObject(row) && typeof row[keyField] === 'string' ? (row[keyField] as string) : `#${i + 1}`;
      // A record equal to the copy stored here (its office's, verified when it came) cannot change
      // anything: recognised by its stamp and compared field by field, it is not validated again.
      const copy = copies?.get(key);
      if (copy !== undefined && isObject(row) && alreadyHeld(copy, row)) {
        if (keys.has(key)) problems.push(`${TABLE_LABELS[table]} ${key}：同一记录出现两次`);
        keys.add(key);
        continue;
      }
      // Conflicts and _seen counted (most records have neither: no place name built for them).
      if (isObject(row) && (row._conflicts !== undefined || row._seen !== undefined)) checkRecordBounds(row, limits, `${TABLE_LABELS[table]} ${key.slice(0, 80)}`);
      const found = recordProblems(table, row);
      if (found !== NO_PROBLEMS) for (const p of found) problems.push(`${TABLE_LABELS[table]} ${key}：${p}`);
      if (keys.has(key)) problems.push(`${TABLE_LABELS[table]} ${key}：同一记录出现两次`);
      keys.add(key);
    }
    tables[table] = rows as StoredRecord[];
    if (manifest && (manifest.counts[table] ?? 0) !== rows.length) {
      problems.push(`${TABLE_LABELS[table]}表：清单写明 ${manifest.counts[table] ?? 0} 条，实际 ${rows.length} 条`);
    }
  }
  const register = json.register === undefined || full() ? undefined : validateRegister(json.register, manifest?.issuedSheets, limits, problems);
  if (json.register === undefined && manifest?.issuedSheets) problems.push(`发文登记：清单写明 ${manifest.issuedSheets} 份，文件中没有`);
  if (problems.length) {
    const shown = problems.slice(0, 5);
    const count = problems.length >= limits.maxProblems ? `至少 ${limits.maxProblems}` : String(problems.length);
    throw new BundleError('invalid-payload', `交换文件中有 ${count} 处数据不合格式，例如：${shown.join('；')}`, { problems: shown });
  }
  return register ? { tables, register } : { tables };
}

/**
 * Every record must belong to the office that signed the bundle: an office speaks only for itself.
 * Its owner field (`officeCode`, for offices `code`) names the office, including any conflicting
 * value of that field, and its id carries the office's namespace (`<officeCode>-…`, ownership.ts).
 */
export function checkRecordsBelongTo(payload: BundlePayload, officeCode: string): void {
  const foreign: string[] = [];
  for (const table of BUNDLE_TABLES) {
    const ownerField = ownerFieldOf(table);
    const keyField = keyFieldOf(table);
    for (const r of payload.tables[table]) {
      // The owner field, then any conflicting value of it (which would hand the record to another
      // office once chosen): the first that is not the office is named.
      let owner: unknown = r[ownerField];
      if (owner === officeCode && r._conflicts !== undefined) {
        for (const c of r._conflicts) {
          if (c.field !== ownerField) continue;
          const other = c.values.find((v) => v.value !== officeCode);
          if (other) {
            owner = other.value;
            break;
          }
        }
      }
      if (owner !== officeCode) foreign.push(`${TABLE_LABELS[table]} ${String(r[keyField])}（属于 ${String(owner)}）`);
      else if (table !== 'offices' && !idBelongsTo(String(r[keyField]), officeCode)) foreign.push(`${TABLE_LABELS[table]} ${String(r[keyField])}（编号不以 ${officeCode}- 开头）`);
    }
  }
  if (payload.register) for (const p of registerProblems(payload.register, officeCode)) foreign.push(p);
  if (foreign.length) {
    throw new BundleError(
      'wrong-office',
      `交换文件由 ${officeCode} 签名，却含有 ${foreign.length} 条不属于 ${officeCode} 的记录，例如：${foreign.slice(0, 3).join('、')}。` +
        '每个单位只能报送自己的记录，记录编号须以本单位代码开头',
      { officeCode, problems: foreign.slice(0, 5) },
    );
  }
}

export function countsOf(tables: BundleTables): Record<BundleTableName, number> {
  return Object.fromEntries(BUNDLE_TABLES.filter((t) => !OPTIONAL_BUNDLE_TABLES.has(t) || tables[t].length).map((t) => [t, tables[t].length])) as Record<BundleTableName, number>;
}

// ---------------------------------------------------------------- writing and reading

export interface CreateBundleOptions {
  records: Partial<BundleTables>;
  identity: Identity | ManifestSigner;
  officeCode: string;
  deviceId: string;
  /** Per device, one more than the last bundle it exported. */
  sequence: number;
  period: string;
  kind: 'snapshot' | 'delta';
  /** For a delta: the records changed after this stamp are included. */
  since?: string;
  now: Date;
  /** Fixed in tests; a random UUID otherwise. */
  bundleId?: string;
  /** The limits the receiver will apply; defaults as in limits.ts. */
  limits?: Partial<BundleLimits>;
  /**
   * The office's issued-sheet register and this laptop's 本机编号. Written (format version 2) when
   * there are sheets or the 本机编号 is not 1; otherwise the file is version 1, as before.
   */
  register?: BundleRegister;
}

function byKey(table: BundleTableName, rows: readonly StoredRecord[]): StoredRecord[] {
  const keyField = keyFieldOf(table);
  return [...rows].sort((a, b) => {
    const ka = String(a[keyField]);
    const kb = String(b[keyField]);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/**
 * Builds and signs a bundle. The records are validated exactly as a reader will validate them, so
 * a bundle this function returns is never refused for its content.
 */
export async function createBundle(options: CreateBundleOptions): Promise<Uint8Array> {
  const tables = emptyTables();
  for (const table of BUNDLE_TABLES) tables[table] = byKey(table, options.records[table] ?? []);
  const register = options.register && (options.register.sheets.length > 0 || options.register.series !== 1) ? options.register : undefined;
  const written = Object.fromEntries(BUNDLE_TABLES.filter((t) => !OPTIONAL_BUNDLE_TABLES.has(t) || tables[t].length).map((t) => [t, tables[t]]));
  const content = register ? { tables: written, register } : { tables: written };
  const payload = validatePayload(content, undefined, limitsWith(options.limits));
  checkRecordsBelongTo(payload, options.officeCode);
  const json = canonicalJsonBytes(content);
  // What a reader would refuse is refused here, when the sender can still do something about it.
  scanJson(json, limitsWith(options.limits), '要导出的数据');
  const gz = gzipPayload(json);
  const manifest = parseManifest({
    formatVersion: register ? FORMAT_VERSION : PLAIN_FORMAT_VERSION,
    bundleId: options.bundleId ?? randomUuid(),
    officeCode: options.officeCode,
    deviceId: options.deviceId,
    publicKey: options.identity.publicKey,
    sequence: options.sequence,
    period: options.period,
    createdAt: options.now.toISOString(),
    kind: options.kind,
    ...(options.since !== undefined ? { since: options.since } : {}),
    payloadBytes: gz.length,
    payloadSha256: await sha256Hex(gz),
    counts: countsOf(tables),
    ...(register ? { issuedSheets: register.sheets.length } : {}),
  });
  const signed = canonicalJsonBytes(manifest);
  const signature = 'signManifest' in options.identity ? await options.identity.signManifest(signed) : await signBytes(options.identity, signed);
  return encodeContainer(canonicalJsonBytes({ manifest, signature }), gz);
}

export interface ReadBundle {
  manifest: BundleManifest;
  signature: string;
  payload: BundlePayload;
}

/** UTF-8 text to JSON; invalid UTF-8 (including encoded surrogates) is not Unicode text. */
export function parsePayloadJson(json: Uint8Array): unknown {
  // Decoded leniently first (the platform's fastest path): a malformed sequence becomes U+FFFD, so
  // only a text holding U+FFFD is decoded again strictly, to tell a real U+FFFD from damage.
  let text = new TextDecoder('utf-8').decode(json);
  if (text.includes('\uFFFD')) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(json);
    } catch {
      throw new BundleError('invalid-text', '交换文件的数据部分不是合法的 UTF-8 文本，已拒绝。请让对方重新导出');
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BundleError('invalid-payload', '交换文件的数据部分不是合法的 JSON 文本');
  }
}

/**
 * Decompresses, scans (limits.ts) and parses a payload, then checks every record: what an importer
 * does with the payload bytes once their hash matches the signed manifest.
 */
export function decodePayload(gz: Uint8Array, manifest: Pick<BundleManifest, 'counts'> | undefined, limits: BundleLimits = DEFAULT_LIMITS): BundlePayload {
  return validatePayload(parsePayloadJson(gunzipPayload(gz, limits)), manifest, limits);
}

/** decodePayload with the platform's native decompressor where it has one (inflatePayload). */
export async function decodePayloadNative(
  gz: Uint8Array,
  manifest: Pick<BundleManifest, 'counts'> | undefined,
  limits: BundleLimits = DEFAULT_LIMITS,
  held?: HeldTables,
): Promise<BundlePayload> {
  return validatePayload(parsePayloadJson(await inflatePayload(gz, limits)), manifest, limits, held);
}

/**
 * Reads a bundle's structure and content WITHOUT checking signature, trust, hash or sequence: for
 * showing what a file claims to be. Anything imported must go through verifyBundle.
 */
export function readBundle(bytes: Uint8Array, limits: BundleLimits | number = DEFAULT_LIMITS): ReadBundle {
  const l = typeof limits === 'number' ? limitsWith({ maxPayloadBytes: limits }) : limits;
  const { header, payload } = decodeContainer(bytes);
  checkFormatVersion(header.manifest);
  const manifest = parseManifest(header.manifest);
  if (typeof header.signature !== 'string') throw new BundleError('bad-container', '交换文件已损坏：签名不是文本');
  return { manifest, signature: header.signature, payload: decodePayload(payload, manifest, l) };
}
