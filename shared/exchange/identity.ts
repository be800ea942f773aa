/**
 * Each installation signs its bundles with its own Ed25519 key. Only WebCrypto is used so the same
 * code runs in the renderer (browser) and in Node 20 (globalThis.crypto.subtle supports Ed25519).
 *
 * The city trusts a key after a person has compared its fingerprint with the county, by phone or on
 * paper, so the fingerprint is digits in short groups that can be read aloud without ambiguity.
 */
import { z } from 'zod';
import { DEVICE_ID_PATTERN } from '../sync/hlc';
import { fromBase64, ownBuffer, sha256, subtleCrypto, toBase64 } from './bytes';

const ED25519 = { name: 'Ed25519' } as const;
export const PUBLIC_KEY_BYTES = 32;
/** A raw 32-byte Ed25519 public key in standard base64, as manifests and trust lists carry it. */
export const PublicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/, '公钥应为32字节 Ed25519 公钥的 base64 文本')
  // One spelling per key (the unused low bits of the last digit are zero), so keys compare as text:
  // a revoked key cannot come back under another spelling of the same bytes.
  .refine((k) => {
    try {
      return toBase64(fromBase64(k)) === k;
    } catch {
      return false; // not base64 at all: the pattern above has said so already
    }
  }, '公钥的 base64 写法不规范（末位多余的位应为 0）');
export const SIGNATURE_BYTES = 64;

export interface Identity {
  /** Raw 32-byte Ed25519 public key, standard base64. */
  publicKey: string;
  privateKey: CryptoKey;
}

/**
 * How a key is written to disk or to the key vault. The private key is PKCS#8 DER, base64;
 * `deviceId` is the device this key belongs to, also the device id written into its bundles.
 */
export const StoredIdentitySchema = z
  .object({
    kind: z.literal('zwb-ed25519-key'),
    publicKey: z.string(),
    privateKeyPkcs8: z.string(),
    fingerprint: z.string(),
    deviceId: z.string().regex(DEVICE_ID_PATTERN),
    createdAt: z.string(),
  })
  .strict();
export type StoredIdentity = z.infer<typeof StoredIdentitySchema>;

function isKeyPair(k: CryptoKey | CryptoKeyPair): k is CryptoKeyPair {
  return 'privateKey' in k && 'publicKey' in k;
}

/**
 * A new key pair. `extractable` must be true when the private key is to be saved (CLI key file,
 * backup); the renderer's key vault can keep a non-extractable key instead.
 */
export async function generateIdentity(extractable = true): Promise<Identity> {
  const pair = await subtleCrypto().generateKey(ED25519, extractable, ['sign', 'verify']);
  if (!isKeyPair(pair)) throw new Error('生成密钥失败');
  const raw = new Uint8Array(await subtleCrypto().exportKey('raw', pair.publicKey));
  return { publicKey: toBase64(raw), privateKey: pair.privateKey };
}

export async function exportIdentity(identity: Identity, deviceId: string, now: Date): Promise<StoredIdentity> {
  const pkcs8 = new Uint8Array(await subtleCrypto().exportKey('pkcs8', identity.privateKey));
  return {
    kind: 'zwb-ed25519-key',
    publicKey: identity.publicKey,
    privateKeyPkcs8: toBase64(pkcs8),
    fingerprint: await fingerprintOf(identity.publicKey),
    deviceId,
    createdAt: now.toISOString(),
  };
}

/** Reads a stored key and checks that its private half really belongs to its public half. */
export async function importIdentity(stored: StoredIdentity): Promise<Identity> {
  publicKeyBytes(stored.publicKey);
  const privateKey = await subtleCrypto().importKey('pkcs8', ownBuffer(fromBase64(stored.privateKeyPkcs8)), ED25519, true, ['sign']);
  const identity = { publicKey: stored.publicKey, privateKey };
  // A key file whose halves were mixed up would sign bundles nobody can verify; catch it here.
  const probe = new TextEncoder().encode('zwb key check');
  if (!(await verifySignature(stored.publicKey, probe, await signBytes(identity, probe)))) {
    throw new Error('密钥文件的公钥与私钥不匹配');
  }
  return identity;
}

/** The raw public key bytes, refusing anything that is not a 32-byte Ed25519 key. */
export function publicKeyBytes(publicKeyB64: string): Uint8Array {
  let raw: Uint8Array;
  try {
    raw = fromBase64(publicKeyB64);
  } catch {
    throw new Error('公钥不是合法的 base64 文本');
  }
  if (raw.length !== PUBLIC_KEY_BYTES) throw new Error(`公钥长度应为 ${PUBLIC_KEY_BYTES} 字节，实际 ${raw.length} 字节`);
  if (toBase64(raw) !== publicKeyB64) throw new Error('公钥的 base64 写法不规范（末位多余的位应为 0），请从对方“数据交换”页重新复制');
  return raw;
}

export async function signBytes(identity: Identity, data: Uint8Array): Promise<string> {
  const sig = await subtleCrypto().sign(ED25519, identity.privateKey, ownBuffer(data));
  return toBase64(new Uint8Array(sig));
}

/** A public key imported for verifying. */
function importVerifyKey(publicKeyB64: string): Promise<CryptoKey> {
  return subtleCrypto().importKey('raw', ownBuffer(publicKeyBytes(publicKeyB64)), ED25519, false, ['verify']);
}

/** The signature checked under the key `key` gives. */
async function verifyWith(key: () => Promise<CryptoKey>, data: Uint8Array, signatureB64: string): Promise<boolean> {
  try {
    const sig = fromBase64(signatureB64);
    if (sig.length !== SIGNATURE_BYTES) return false;
    return await subtleCrypto().verify(ED25519, await key(), ownBuffer(sig), ownBuffer(data));
  } catch {
    return false;
  }
}

/** False for a wrong signature and for malformed keys or signatures: the caller only needs yes or no. */
export function verifySignature(publicKeyB64: string, data: Uint8Array, signatureB64: string): Promise<boolean> {
  return verifyWith(() => importVerifyKey(publicKeyB64), data, signatureB64);
}

/**
 * What is worked out from a public key (its imported form, its fingerprint), by the key's base64
 * text: once per process, not once per file (a city imports its counties' files month after month
 * under the same keys). A public key is no secret; a map is emptied when it holds more keys than
 * any trust list would, and a failure is not remembered (the next call asks again).
 */
const MAX_CACHED_KEYS = 1024;
function rememberedFor<T>(cache: Map<string, Promise<T>>, publicKeyB64: string, work: (key: string) => Promise<T>): Promise<T> {
  let found = cache.get(publicKeyB64);
  if (found === undefined) {
    if (cache.size >= MAX_CACHED_KEYS) cache.clear();
    found = work(publicKeyB64);
    cache.set(publicKeyB64, found);
    found.catch(() => cache.delete(publicKeyB64));
  }
  return found;
}
const VERIFY_KEYS = new Map<string, Promise<CryptoKey>>();
const FINGERPRINTS = new Map<string, Promise<string>>();

/** verifySignature with the public key imported once per process: the same answer. */
export function verifySignatureWithKnownKey(publicKeyB64: string, data: Uint8Array, signatureB64: string): Promise<boolean> {
  return verifyWith(() => rememberedFor(VERIFY_KEYS, publicKeyB64, importVerifyKey), data, signatureB64);
}

export const FINGERPRINT_GROUPS = 8;

/**
 * SHA-256 of the raw public key as 8 groups of 4 decimal digits, e.g. "0412 9937 … 5521".
 * Each group is one 32-bit big-endian word of the hash modulo 10000, so all 32 bytes count
 * (about 106 bits survive, far beyond what a forger could match), and digits are easy to read
 * over a poor phone line, as with Signal's safety numbers.
 */
export function fingerprintOf(publicKeyB64: string): Promise<string> {
  return rememberedFor(FINGERPRINTS, publicKeyB64, computeFingerprint);
}

async function computeFingerprint(publicKeyB64: string): Promise<string> {
  const hash = await sha256(publicKeyBytes(publicKeyB64));
  const view = new DataView(hash.buffer, hash.byteOffset, hash.byteLength);
  const groups: string[] = [];
  for (let i = 0; i < FINGERPRINT_GROUPS; i++) groups.push(String(view.getUint32(i * 4) % 10000).padStart(4, '0'));
  return groups.join(' ');
}

/** Fingerprints compare equal however the person typed the spaces. */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '');
  return norm(a) === norm(b) && norm(a).length === FINGERPRINT_GROUPS * 4;
}
