import { z } from 'zod';
import { Gunzip, gzipSync } from 'fflate';
import { canonicalJson, canonicalJsonBytes } from '../../exchange/canonical-json';
import { concatBytes, sha256Hex } from '../../exchange/bytes';
import { formatBytes, JsonLimitScanner, type BundleLimits } from '../../exchange/limits';
import { BundleError } from '../../exchange/errors';
import { OfficeLevelSchema } from '../../domain/office';
import { PRIMARY_KEYS, STORE_NAMES, type StoreName } from '../storage';

/**
 * The backup file (.zwbak): a full snapshot of one workspace — every table of the storage port —
 * that a workspace can be restored from. Not a bundle: nothing is signed, nothing is merged; the
 * clerk's own laptop made it and restoring replaces everything. Layout, version 1:
 *
 *   ZWCBACKUP 1\n                       magic and format version (read before anything else)
 *   {header as canonical JSON}\n        office, date, counts per table, payload size, hash
 *   gzip( {"tables":{…}} as canonical JSON )
 *
 * `hash` is the SHA-256 (hex) of the header's canonical JSON without `hash`, a line feed, and the
 * decompressed payload: any changed byte of header or data is found before anything is restored.
 * The private signing key is never in a backup (see BACKUP_EXCLUDED_SETTINGS).
 *
 * Every released version must stay readable: test/fixtures/backup-v1.zwbak is restored by the
 * tests (test/app/backup.test.ts); a later version adds a reader, never changes this one.
 */

export const BACKUP_MAGIC = 'ZWCBACKUP';
export const BACKUP_FORMAT = 'zwc-backup' as const;
/** The version this program writes. */
export const BACKUP_VERSION = 1;
/** Versions this program reads. */
export const READABLE_BACKUP_VERSIONS: readonly number[] = [1];
export const BACKUP_EXTENSION = 'zwbak';

/**
 * Settings never written to a backup: the browser's private signing key (a non-extractable key
 * object), and the installation's own device id (a restored laptop keeps its own; another laptop
 * writing stamps with this one's id would break the other offices' checks).
 */
export const BACKUP_EXCLUDED_SETTINGS: readonly string[] = ['exchange.identity', 'deviceId'];

const MB = 1024 * 1024;

/** What a backup file may hold, checked while it is read: a whole workspace, far above the real ones. */
export const BACKUP_LIMITS: Readonly<BundleLimits> = Object.freeze({
  maxBundleBytes: 256 * MB,
  maxPayloadBytes: 256 * MB,
  maxRecords: 5_000_000,
  maxDepth: 32,
  maxStringBytes: 4 * MB,
  maxItems: 5_000_000,
  maxValues: 150_000_000,
  maxProblems: 20,
  maxSheets: 0,
});

const HEADER_MAX_BYTES = 64 * 1024;
const HEADER_LIMITS: Readonly<BundleLimits> = Object.freeze({ ...BACKUP_LIMITS, maxPayloadBytes: HEADER_MAX_BYTES, maxDepth: 3, maxStringBytes: 1024, maxItems: 64, maxValues: 200 });

export type TableCounts = { [N in StoreName]: number };

/** Stores added after backups were first written (问题清单): a backup without one has it empty. */
const ADDED_STORES: ReadonlySet<StoreName> = new Set<StoreName>(['problems']);

export const BackupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(1),
    createdAt: z.string().datetime(),
    appVersion: z.string().max(50).optional(),
    /** The office the workspace keeps; null for a workspace not set up yet. */
    officeCode: z.string().regex(/^\d{6}$/).nullable(),
    officeName: z.string().max(100).nullable(),
    role: OfficeLevelSchema.nullable(),
    /** The installation that made the backup. */
    deviceId: z.string().max(64),
    counts: z
      .object(Object.fromEntries(STORE_NAMES.map((n) => [n, ADDED_STORES.has(n) ? z.number().int().nonnegative().optional() : z.number().int().nonnegative()])) as { [N in StoreName]: z.ZodNumber })
      .strict(),
    payloadBytes: z.number().int().nonnegative(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

/** Why a backup file is refused: a Chinese sentence a clerk can act on. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export type BackupTables = { [N in StoreName]: Record<string, unknown>[] };

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

async function hashOf(header: Omit<BackupHeader, 'hash'>, payload: Uint8Array): Promise<string> {
  return sha256Hex(concatBytes([canonicalJsonBytes(header), encoder.encode('\n'), payload]));
}

/** Writes a backup file from its tables and the header's descriptive fields. */
export async function encodeBackup(tables: BackupTables, info: Omit<BackupHeader, 'format' | 'version' | 'counts' | 'payloadBytes' | 'hash'>): Promise<{ bytes: Uint8Array; header: BackupHeader }> {
  const payload = encoder.encode(canonicalJson({ tables }));
  const counts = Object.fromEntries(STORE_NAMES.map((n) => [n, tables[n].length])) as TableCounts;
  const unsigned = { format: BACKUP_FORMAT, version: BACKUP_VERSION as 1, ...info, counts, payloadBytes: payload.length };
  const header: BackupHeader = { ...unsigned, hash: await hashOf(unsigned, payload) };
  const head = encoder.encode(`${BACKUP_MAGIC} ${BACKUP_VERSION}\n${canonicalJson(header)}\n`);
  return { bytes: concatBytes([head, gzipSync(payload, { level: 6, mtime: 0 })]), header };
}

function lineEnd(bytes: Uint8Array, from: number, max: number): number {
  const stop = Math.min(bytes.length, from + max);
  for (let i = from; i < stop; i++) if (bytes[i] === 0x0a) return i;
  return -1;
}

/** The header alone (for listing backups without reading them whole), and where the data starts. */
export function readBackupHeader(bytes: Uint8Array): { header: BackupHeader; dataStart: number } {
  const foreign = new BackupError('不是本程序的备份文件（文件开头不对），请选择“.zwbak”备份文件');
  const magicEnd = lineEnd(bytes, 0, 32);
  if (magicEnd < 0) throw foreign;
  const first = new TextDecoder().decode(bytes.subarray(0, magicEnd));
  const m = /^ZWCBACKUP (\d{1,6})$/.exec(first);
  if (!m) throw foreign;
  const version = Number(m[1]);
  if (!READABLE_BACKUP_VERSIONS.includes(version)) {
    throw new BackupError(
      version > BACKUP_VERSION
        ? `备份文件是较新版本的程序做的（格式 ${version}，本程序能读到格式 ${BACKUP_VERSION}），请先升级本程序再恢复`
        : `备份文件的格式 ${version} 无法识别`,
    );
  }
  const headerEnd = lineEnd(bytes, magicEnd + 1, HEADER_MAX_BYTES);
  if (headerEnd < 0) throw new BackupError('备份文件已损坏：文件头不完整');
  const headerBytes = bytes.subarray(magicEnd + 1, headerEnd);
  let raw: unknown;
  try {
    const scanner = new JsonLimitScanner(HEADER_LIMITS, '备份文件头');
    scanner.push(headerBytes);
    scanner.finish();
    raw = JSON.parse(decoder.decode(headerBytes));
  } catch (e) {
    throw new BackupError(`备份文件已损坏：文件头无法读取（${e instanceof Error ? e.message : String(e)}）`);
  }
  const r = BackupHeaderSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new BackupError(`备份文件已损坏：文件头中 ${issue?.path.join('.') || '内容'} 不正确（${issue?.message ?? ''}）`);
  }
  return { header: r.data, dataStart: headerEnd + 1 };
}

/** Decompresses the data, checking every limit while it comes out; never more than the header said. */
function gunzip(gz: Uint8Array, expected: number): Uint8Array {
  const damaged = (why: string) => new BackupError(`备份文件已损坏：数据部分无法解压（${why}）`);
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b) throw damaged('不是 gzip 数据');
  const limit = Math.min(expected, BACKUP_LIMITS.maxPayloadBytes);
  const scanner = new JsonLimitScanner(BACKUP_LIMITS, '备份文件的数据部分');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > limit) throw damaged(`解压后超过文件头所写的 ${formatBytes(limit)}`);
    scanner.push(chunk);
    chunks.push(chunk);
  });
  try {
    const step = 16 * 1024;
    for (let i = 0; i < gz.length; i += step) stream.push(gz.subarray(i, i + step), i + step >= gz.length);
    scanner.finish();
  } catch (e) {
    if (e instanceof BackupError) throw e;
    if (e instanceof BundleError) throw new BackupError(e.message);
    throw damaged(e instanceof Error ? e.message : String(e));
  }
  if (total !== expected) throw damaged(`数据长度 ${total} 与文件头所写的 ${expected} 不符，文件可能不完整`);
  return concatBytes(chunks);
}

const keySchema = (name: StoreName): z.ZodType<string | number> => (name === 'audit' ? z.number().int().positive() : z.string().min(1).max(512));

/** Every table present, each a list of objects with a unique primary key, counted as the header says. */
function checkTables(raw: unknown, header: BackupHeader): BackupTables {
  const tables = (raw as { tables?: unknown } | null)?.tables;
  if (typeof raw !== 'object' || raw === null || Object.keys(raw).length !== 1 || typeof tables !== 'object' || tables === null) {
    throw new BackupError('备份文件已损坏：数据部分结构不正确');
  }
  const names = Object.keys(tables);
  const unknown = names.find((n) => !STORE_NAMES.includes(n as StoreName));
  if (unknown) throw new BackupError(`备份文件中有本程序不认识的表“${unknown.slice(0, 40)}”`);
  const out = {} as BackupTables;
  for (const name of STORE_NAMES) {
    const rows = (tables as Record<string, unknown>)[name] ?? (ADDED_STORES.has(name) ? [] : undefined);
    if (!Array.isArray(rows)) throw new BackupError(`备份文件已损坏：缺少表 ${name}`);
    if (rows.length !== (header.counts[name] ?? 0)) throw new BackupError(`备份文件已损坏：表 ${name} 有 ${rows.length} 行，文件头写的是 ${header.counts[name] ?? 0} 行`);
    const keys = new Set<string | number>();
    rows.forEach((row, i) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new BackupError(`备份文件已损坏：表 ${name} 第 ${i + 1} 行不是记录`);
      const key = keySchema(name).safeParse((row as Record<string, unknown>)[PRIMARY_KEYS[name]]);
      if (!key.success) throw new BackupError(`备份文件已损坏：表 ${name} 第 ${i + 1} 行缺少编号 ${PRIMARY_KEYS[name]}`);
      if (keys.has(key.data)) throw new BackupError(`备份文件已损坏：表 ${name} 中编号 ${String(key.data).slice(0, 60)} 出现两次`);
      keys.add(key.data);
      if (name !== 'settings' && name !== 'audit' && typeof (row as { _updated?: unknown })._updated !== 'string') {
        throw new BackupError(`备份文件已损坏：表 ${name} 第 ${i + 1} 行缺少修订戳`);
      }
    });
    out[name] = rows as Record<string, unknown>[];
  }
  const excluded = out.settings.find((r) => BACKUP_EXCLUDED_SETTINGS.includes(String(r.key)));
  if (excluded) throw new BackupError(`备份文件中不应有本机设置“${String(excluded.key)}”，这不是本程序做的备份`);
  return out;
}

/** Reads and verifies a whole backup: format version, size limits while reading, integrity hash, tables. */
export async function decodeBackup(bytes: Uint8Array): Promise<{ header: BackupHeader; tables: BackupTables }> {
  if (bytes.length > BACKUP_LIMITS.maxBundleBytes) throw new BackupError(`备份文件过大（${formatBytes(bytes.length)}，上限 ${formatBytes(BACKUP_LIMITS.maxBundleBytes)}）`);
  const { header, dataStart } = readBackupHeader(bytes);
  const payload = gunzip(bytes.subarray(dataStart), header.payloadBytes);
  const { hash, ...unsigned } = header;
  if ((await hashOf(unsigned, payload)) !== hash) throw new BackupError('备份文件已损坏：内容与校验值（SHA-256）不符，文件被改动过或没有完整复制');
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(payload));
  } catch {
    throw new BackupError('备份文件已损坏：数据部分不是有效的 JSON');
  }
  return { header, tables: checkTables(raw, header) };
}
