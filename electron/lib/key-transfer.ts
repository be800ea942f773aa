import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { StoredIdentitySchema, type StoredIdentity } from '../../shared/exchange/identity';

/**
 * Moving the signing key to a new laptop: a key file (.zwkey) protected by a passphrase. The key
 * is derived with scrypt (Node's crypto, N = 2^15, r = 8, p = 1, a fresh 16-byte salt) and the
 * key and its signing state are sealed with AES-256-GCM (fresh 12-byte nonce); the file's header
 * (format, parameters, public key, fingerprint) is the additional authenticated data, so changing
 * any of it is found like a wrong passphrase. Nothing here is hand-written cryptography.
 */
export const KEY_FILE_FORMAT = 'zwc-key-export' as const;
export const SCRYPT_PARAMS = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
/** A file's parameters are read back only within these bounds: a file cannot make the main process spend minutes or gigabytes. */
const MAX_SCRYPT_N = 2 ** 17;
export const MIN_PASSPHRASE_CHARS = 10;
export const MAX_KEY_FILE_BYTES = 64 * 1024;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(20_000);
const KeyFileHeaderSchema = z
  .object({
    format: z.literal(KEY_FILE_FORMAT),
    version: z.literal(1),
    kdf: z
      .object({
        name: z.literal('scrypt'),
        N: z.number().int().min(2 ** 14).max(MAX_SCRYPT_N).refine((n) => (n & (n - 1)) === 0, 'N 须为 2 的幂'),
        r: z.literal(8),
        p: z.literal(1),
        salt: b64,
      })
      .strict(),
    cipher: z.object({ name: z.literal('aes-256-gcm'), iv: b64 }).strict(),
    publicKey: z.string().max(100),
    fingerprint: z.string().max(100),
    createdAt: z.string().max(40),
    exportedAt: z.string().max(40),
  })
  .strict();
const KeyFileSchema = z.object({ header: KeyFileHeaderSchema, tag: b64, data: b64 }).strict();
/** The signing state travels as the vault wrote it; the vault checks it with its own schema. */
const SealedSchema = z.object({ identity: StoredIdentitySchema, state: z.unknown() }).strict();

export class KeyTransferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyTransferError';
  }
}

export function checkPassphrase(passphrase: unknown): string {
  if (typeof passphrase !== 'string') throw new KeyTransferError('口令不正确：请输入口令');
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) throw new KeyTransferError(`口令太短：至少 ${MIN_PASSPHRASE_CHARS} 个字符（可用一句好记的话）`);
  if (passphrase.length > 200) throw new KeyTransferError('口令太长：最多 200 个字符');
  return passphrase;
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(passphrase.normalize('NFC'), salt, 32, options, (e, key) => (e ? reject(e) : resolve(key))));
}

/** The key file for `identity` and its signing state, sealed with `passphrase`. */
export async function sealKeyFile(identity: StoredIdentity, state: unknown, passphrase: string, now: Date = new Date()): Promise<Uint8Array> {
  checkPassphrase(passphrase);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = {
    format: KEY_FILE_FORMAT,
    version: 1 as const,
    kdf: { name: 'scrypt' as const, ...SCRYPT_PARAMS, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm' as const, iv: iv.toString('base64') },
    publicKey: identity.publicKey,
    fingerprint: identity.fingerprint,
    createdAt: identity.createdAt,
    exportedAt: now.toISOString(),
  };
  const key = await deriveKey(passphrase, salt, SCRYPT_PARAMS);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(canonicalJsonBytes(header)));
  const data = Buffer.concat([cipher.update(JSON.stringify({ identity, state }), 'utf8'), cipher.final()]);
  const file = { header, tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  return new TextEncoder().encode(JSON.stringify(file, null, 1));
}

/** What a key file says about itself before it is opened (for the import's confirmation). */
export function keyFileHeader(bytes: Uint8Array): z.infer<typeof KeyFileHeaderSchema> {
  return parseFile(bytes).header;
}

function parseFile(bytes: Uint8Array): z.infer<typeof KeyFileSchema> {
  if (bytes.byteLength > MAX_KEY_FILE_BYTES) throw new KeyTransferError('这不是本程序导出的密钥文件（文件过大）');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new KeyTransferError('这不是本程序导出的密钥文件（无法读取），请选择“.zwkey”文件');
  }
  const r = KeyFileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new KeyTransferError(`这不是本程序导出的密钥文件，或文件已损坏（${issue?.path.join('.') || '内容'}：${issue?.message ?? ''}）`);
  }
  return r.data;
}

/** Opens a key file; a wrong passphrase (or a changed file) is refused in Chinese, nothing else said. */
export async function openKeyFile(bytes: Uint8Array, passphrase: string): Promise<{ identity: StoredIdentity; state: unknown }> {
  if (typeof passphrase !== 'string' || passphrase.length === 0 || passphrase.length > 200) throw new KeyTransferError('请输入导出密钥时设定的口令');
  const { header, tag, data } = parseFile(bytes);
  const key = await deriveKey(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
  let plain: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
    decipher.setAAD(Buffer.from(canonicalJsonBytes(header)));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new KeyTransferError('口令不正确，无法打开密钥文件（也可能文件被改动过）。请核对口令，注意大小写和全角半角后再试。');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain);
  } catch {
    parsed = null;
  }
  const sealed = SealedSchema.safeParse(parsed);
  if (!sealed.success || sealed.data.identity.publicKey !== header.publicKey) {
    throw new KeyTransferError('密钥文件内容不一致，不能导入');
  }
  return { identity: sealed.data.identity, state: sealed.data.state ?? null };
}
