/**
 * Byte helpers that behave the same in the renderer and in Node: only WebCrypto, btoa/atob and
 * TextEncoder are used, never Node's Buffer, so shared/exchange runs unchanged in both.
 *
 * The core's WebCrypto port: the one file of shared/ that reaches the environment's `crypto`
 * (eslint.config.mjs refuses the global everywhere else in shared/); hashing, signing, random
 * bytes and ids all come through here.
 */

function webCrypto(): Crypto {
  const crypto = globalThis.crypto;
  if (!crypto) throw new Error('此环境没有 WebCrypto（crypto），无法签名、校验或生成编号');
  return crypto;
}

export function subtleCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('此环境没有 WebCrypto（crypto.subtle），无法签名或校验交换文件');
  return subtle;
}

/** `n` random bytes from the platform's secure generator. */
export function randomBytes(n: number): Uint8Array {
  return webCrypto().getRandomValues(new Uint8Array(n));
}

/** A random (version 4) UUID. */
export function randomUuid(): string {
  return webCrypto().randomUUID();
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict standard base64 (with padding); anything else is refused rather than guessed at. */
export function fromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new Error('不是合法的 base64 文本');
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/**
 * A copy in a fresh ArrayBuffer. WebCrypto's typings (and some implementations) want an
 * ArrayBuffer-backed view; a subarray of a larger or shared buffer is copied to be safe.
 */
export function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return copy;
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtleCrypto().digest('SHA-256', ownBuffer(bytes)));
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await sha256(bytes));
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
