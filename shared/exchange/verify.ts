/**
 * Everything an importer checks before a bundle may touch the database, in a fixed order so the
 * reason given is always the most basic one: a truncated file is reported as truncated, not as
 * "bad signature"; a file from an unknown key is never decompressed.
 *
 *  1 size  2 container  3 format version (then manifest shape)  4 signature  5 key trusted for
 *  the office  6 payload hash  7 payload schema  8 records belong to the office  9 sequence
 */
import { canonicalJsonBytes } from './canonical-json';
import { fromBase64, sha256Hex, toBase64 } from './bytes';
import { BundleError, refusalOf, type BundleRefusal } from './errors';
import { fingerprintOf, verifySignature } from './identity';
import {
  DEFAULT_MAX_BUNDLE_BYTES,
  DEFAULT_MAX_PAYLOAD_BYTES,
  checkFormatVersion,
  checkRecordsBelongTo,
  decodeContainer,
  gunzipPayload,
  parseManifest,
  parsePayloadJson,
  validatePayload,
  type BundleManifest,
  type BundlePayload,
} from './bundle-format';

/** A key the receiving office has registered (after checking its fingerprint with a person). */
export interface TrustEntry {
  officeCode: string;
  /** Raw Ed25519 public key, base64. */
  publicKey: string;
  /** A revoked key (lost laptop) is refused even for bundles it signed before. */
  revoked?: boolean;
  /** Who holds it, for people: "伊旗无废办 张三的笔记本". */
  label?: string;
}

/** What has been imported from one device. Device ids are random per installation, hence global. */
export interface SeenDevice {
  /** The highest sequence merged from this device. */
  highestSequence: number;
  bundleIds: string[];
}

export interface VerifyContext {
  trust: readonly TrustEntry[];
  /** Per deviceId. Omit to skip the sequence check (e.g. only inspecting a file). */
  seen?: Readonly<Record<string, SeenDevice>>;
  /** Largest file accepted, bytes. Default 50 MB. */
  maxBytes?: number;
  /** Largest decompressed payload accepted, bytes. Default 256 MB. */
  maxPayloadBytes?: number;
}

export interface VerifiedBundle {
  manifest: BundleManifest;
  payload: BundlePayload;
  /** Fingerprint of the signing key, for the import history. */
  fingerprint: string;
}

export type VerifyResult = ({ ok: true } & VerifiedBundle) | { ok: false; error: BundleRefusal };

function sameKey(a: string, b: string): boolean {
  try {
    return toBase64(fromBase64(a)) === toBase64(fromBase64(b));
  } catch {
    return false;
  }
}

function megabytes(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

async function checkTrust(manifest: BundleManifest, trust: readonly TrustEntry[]): Promise<string> {
  const fingerprint = await fingerprintOf(manifest.publicKey);
  const detail = { officeCode: manifest.officeCode, deviceId: manifest.deviceId, publicKey: manifest.publicKey, fingerprint };
  const entries = trust.filter((t) => sameKey(t.publicKey, manifest.publicKey));
  const forOffice = entries.find((t) => t.officeCode === manifest.officeCode);
  if (forOffice?.revoked) {
    throw new BundleError(
      'revoked-key',
      `签名密钥（指纹 ${fingerprint}）已被吊销${forOffice.label ? `（${forOffice.label}）` : ''}，此文件不能导入；请让 ${manifest.officeCode} 用新登记的密钥重新导出`,
      detail,
    );
  }
  if (forOffice) return fingerprint;
  if (entries.length) {
    throw new BundleError(
      'untrusted-key',
      `签名密钥（指纹 ${fingerprint}）登记给了 ${entries.map((t) => t.officeCode).join('、')}，而文件自称来自 ${manifest.officeCode}，不能导入`,
      detail,
    );
  }
  throw new BundleError(
    'untrusted-key',
    `签名密钥尚未登记为 ${manifest.officeCode} 的可信密钥。指纹：${fingerprint}。请先通过电话或纸面与对方核对指纹，确认无误后再登记信任`,
    detail,
  );
}

function checkSequence(manifest: BundleManifest, seen: Readonly<Record<string, SeenDevice>>): void {
  const device = seen[manifest.deviceId];
  if (!device) return;
  const detail = { officeCode: manifest.officeCode, deviceId: manifest.deviceId, bundleId: manifest.bundleId, sequence: manifest.sequence };
  if (device.bundleIds.includes(manifest.bundleId)) {
    throw new BundleError('already-imported', `此文件（${manifest.period}，序号 ${manifest.sequence}）之前已经导入过，无需再次导入`, detail);
  }
  if (manifest.sequence < device.highestSequence) {
    throw new BundleError(
      'stale',
      `此文件是旧的：序号 ${manifest.sequence}，而该设备序号 ${device.highestSequence} 的文件已经导入。请让对方导出最新的文件`,
      detail,
    );
  }
  if (manifest.sequence === device.highestSequence) {
    throw new BundleError(
      'stale',
      `该设备已导入过序号 ${manifest.sequence} 的另一份文件，此文件重复使用了这个序号，不能导入。请让对方重新导出`,
      detail,
    );
  }
}

async function verifyOrThrow(bytes: Uint8Array, ctx: VerifyContext): Promise<VerifiedBundle> {
  const maxBytes = ctx.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  if (bytes.length > maxBytes) {
    throw new BundleError('too-large', `文件太大（${megabytes(bytes.length)}），超过 ${megabytes(maxBytes)} 的上限，已拒绝`);
  }

  const { header, payload: gz } = decodeContainer(bytes);

  checkFormatVersion(header.manifest);
  const manifest = parseManifest(header.manifest);

  const signed = typeof header.signature === 'string' && (await verifySignature(manifest.publicKey, canonicalJsonBytes(header.manifest), header.signature));
  if (!signed) {
    throw new BundleError('bad-signature', '签名不符：文件清单在签名后被改动过，或签名已损坏。此文件不能导入，请让对方重新导出', {
      officeCode: manifest.officeCode,
      deviceId: manifest.deviceId,
    });
  }

  const fingerprint = await checkTrust(manifest, ctx.trust);

  if ((await sha256Hex(gz)) !== manifest.payloadSha256) {
    throw new BundleError('payload-hash', '数据内容与签名清单不符：文件在传输或保存中被改动或损坏。此文件不能导入，请让对方重新导出', {
      officeCode: manifest.officeCode,
      bundleId: manifest.bundleId,
    });
  }

  const payload = validatePayload(parsePayloadJson(gunzipPayload(gz, ctx.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES)), manifest);

  checkRecordsBelongTo(payload, manifest.officeCode);

  if (ctx.seen) checkSequence(manifest, ctx.seen);

  return { manifest, payload, fingerprint };
}

/** Runs every check; never throws for a bad file, only returns the first refusal. */
export async function verifyBundle(bytes: Uint8Array, ctx: VerifyContext): Promise<VerifyResult> {
  try {
    return { ok: true, ...(await verifyOrThrow(bytes, ctx)) };
  } catch (e) {
    if (e instanceof BundleError) return { ok: false, error: refusalOf(e) };
    throw e;
  }
}

/** The import history after a bundle has been merged: feed it back as `ctx.seen` next time. */
export function recordImport(seen: Readonly<Record<string, SeenDevice>>, manifest: Pick<BundleManifest, 'deviceId' | 'sequence' | 'bundleId'>): Record<string, SeenDevice> {
  const device = seen[manifest.deviceId] ?? { highestSequence: 0, bundleIds: [] };
  return {
    ...seen,
    [manifest.deviceId]: {
      highestSequence: Math.max(device.highestSequence, manifest.sequence),
      bundleIds: device.bundleIds.includes(manifest.bundleId) ? device.bundleIds : [...device.bundleIds, manifest.bundleId],
    },
  };
}
