/**
 * Everything an importer checks before a bundle may touch the database, in a fixed order so the
 * reason given is always the most basic one: a truncated file is reported as truncated, not as
 * "bad signature"; a file from an unknown key is never decompressed.
 *
 *  1 size  2 container  3 format version (then manifest shape)  4 signature  5 receiver takes the
 *  office  6 key trusted for the office (revocation first)  7 payload hash (then: a bundle this key
 *  signed and was imported before is "already imported", its payload untouched)  8 payload: limits while
 *  decompressing, Unicode, schema  9 records belong to the office (owner field, id namespace)
 *  10 no record stored here under another office  11 no stamp from the future  12 device bound to
 *  its key, then sequence
 *
 * The app's exchange service (shared/app/exchange-service.ts) and the command line (cli/zwc.ts) both call verifyBundle: the
 * same checks, in the same order, with the same messages.
 */
import { canonicalJsonBytes } from './canonical-json';
import { divisionName } from '../domain/divisions';
import { sha256Hex } from './bytes';
import { BundleError, refusalOf, type BundleRefusal } from './errors';
import { emptyTables } from './records';
import { fingerprintOf, verifySignatureWithKnownKey } from './identity';
import { formatBytes, limitsWith, type BundleLimits } from './limits';
import { checkNoForeignRecords, checkReceiver, checkStampsNotFuture, type LocalOwners, type Receiver } from './rules';
import { isRevoked, officesTrusting, sameKey, seenKey, type SeenDevice, type SeenState, type TrustEntry } from './trust';
import {
  checkFormatVersion,
  checkRecordsBelongTo,
  decodeContainer,
  decodePayloadNative,
  parseManifest,
  type BundleManifest,
  type BundlePayload,
  type HeldTables,
} from './bundle-format';

export type { SeenDevice, SeenState, TrustEntry } from './trust';
export type { Receiver } from './rules';

export interface VerifyContext {
  trust: readonly TrustEntry[];
  /** Per deviceId, bound to its key. Omit to skip the device and sequence checks (e.g. only inspecting a file). */
  seen?: Readonly<SeenState>;
  /** Who imports: a bundle of an office it does not take is refused. Omit only to inspect a file. */
  receiver?: Receiver;
  /** Looks up which office stores each key here; omit where nothing is stored yet. */
  localOwners?: LocalOwners;
  /**
   * This laptop's stored rows of the bundle's office, by key, per table (read once per import):
   * asked for only after the signature and the payload hash are verified; a record equal to its
   * stored copy is recognised then and not validated again (it cannot change anything).
   */
  held?: (officeCode: string) => Promise<HeldTables>;
  /**
   * True when `seen` describes what the records here already hold (the app's own workspace, where
   * both are written in one transaction): a bundle whose payload hash equals one merged before from
   * the same device and key is known unchanged from its signed header — its payload is neither
   * decompressed nor checked again, and the result carries no records (merging it changes nothing).
   * Not for a seen state kept apart from the records (zwc merge --state).
   */
  absorbed?: boolean;
  /** The receiver's clock, for refusing stamps from the future. Default: now. */
  now?: Date;
  /** Overrides of the limits in limits.ts. */
  limits?: Partial<BundleLimits>;
  /** Largest file accepted, bytes (same as `limits.maxBundleBytes`). */
  maxBytes?: number;
  /** Largest decompressed payload accepted, bytes (same as `limits.maxPayloadBytes`). */
  maxPayloadBytes?: number;
}

export interface VerifiedBundle {
  manifest: BundleManifest;
  payload: BundlePayload;
  /** Fingerprint of the signing key, for the import history. */
  fingerprint: string;
  /** Set when the payload is one merged before (VerifyContext.absorbed): `payload` is then empty. */
  absorbed?: true;
}

export type VerifyResult = ({ ok: true } & VerifiedBundle) | { ok: false; error: BundleRefusal };

function checkTrust(manifest: BundleManifest, trust: readonly TrustEntry[], fingerprint: string): string {
  const detail = { officeCode: manifest.officeCode, deviceId: manifest.deviceId, publicKey: manifest.publicKey, fingerprint };
  // Revocation wins wherever it stands in the list, and for whichever office it was registered.
  const revoked = isRevoked(trust, manifest.publicKey);
  if (revoked) {
    throw new BundleError(
      'revoked-key',
      `签名密钥（指纹 ${fingerprint}）已被吊销${revoked.label ? `（${revoked.label}）` : ''}，此文件不能导入；请让 ${manifest.officeCode} 用新登记的密钥重新导出`,
      detail,
    );
  }
  const entries = trust.filter((t) => sameKey(t.publicKey, manifest.publicKey));
  // One key, one office: a key trusted for two (registered before that was refused) signs for neither.
  const offices = officesTrusting(trust, manifest.publicKey);
  if (offices.length > 1) {
    throw new BundleError(
      'untrusted-key',
      `签名密钥（指纹 ${fingerprint}）同时登记给了 ${offices.map((o) => `${divisionName(o)}（${o}）`).join('、')}，一把密钥只能属于一个单位，此文件不能导入。` +
        '请与各单位核对指纹后，在信任列表中吊销登记错的那一条',
      detail,
    );
  }
  if (entries.some((t) => t.officeCode === manifest.officeCode)) return fingerprint;
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

/**
 * Within an office, a device id belongs to the key that first signed for it; after that, its
 * sequence numbers are compared. A different key claiming the device is refused, unless the bound
 * key has since been revoked (a laptop whose key was replaced). Other offices' entries are never
 * consulted, so one office cannot block another's laptop by copying its device id.
 */
function checkSequence(manifest: BundleManifest, seen: Readonly<SeenState>, trust: readonly TrustEntry[], fingerprint: string): void {
  const device: SeenDevice | undefined = seen[seenKey(manifest.officeCode, manifest.deviceId)];
  if (!device) return;
  const detail = { officeCode: manifest.officeCode, deviceId: manifest.deviceId, bundleId: manifest.bundleId, sequence: manifest.sequence, fingerprint };
  if (!sameKey(device.publicKey, manifest.publicKey)) {
    if (isRevoked(trust, device.publicKey)) return;
    throw new BundleError(
      'device-key-mismatch',
      `此文件自称来自 ${manifest.officeCode} 的设备 ${manifest.deviceId}，但该设备的文件此前一直由另一把密钥签名，` +
        `而此文件的签名密钥指纹为 ${fingerprint}。一台设备只能用一把密钥，此文件不能导入；如确为更换了密钥，请先吊销原密钥`,
      detail,
    );
  }
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

function payloadMergedBefore(manifest: BundleManifest, seen: Readonly<SeenState>): boolean {
  const device: SeenDevice | undefined = seen[seenKey(manifest.officeCode, manifest.deviceId)];
  return device !== undefined && sameKey(device.publicKey, manifest.publicKey) && (device.payloads ?? []).includes(manifest.payloadSha256);
}

function checkAlreadyImported(manifest: BundleManifest, seen: Readonly<SeenState>, fingerprint: string): void {
  const device: SeenDevice | undefined = seen[seenKey(manifest.officeCode, manifest.deviceId)];
  if (device && sameKey(device.publicKey, manifest.publicKey) && device.bundleIds.includes(manifest.bundleId)) checkSequence(manifest, seen, [], fingerprint);
}

async function verifyOrThrow(bytes: Uint8Array, ctx: VerifyContext): Promise<VerifiedBundle> {
  const limits = limitsWith({
    ...(ctx.maxBytes !== undefined ? { maxBundleBytes: ctx.maxBytes } : {}),
    ...(ctx.maxPayloadBytes !== undefined ? { maxPayloadBytes: ctx.maxPayloadBytes } : {}),
    ...ctx.limits,
  });
  if (bytes.length > limits.maxBundleBytes) {
    throw new BundleError('too-large', `文件太大（${formatBytes(bytes.length)}），超过 ${formatBytes(limits.maxBundleBytes)} 的上限，已拒绝`);
  }

  const { header, payload: gz } = decodeContainer(bytes);

  checkFormatVersion(header.manifest);
  const manifest = parseManifest(header.manifest);

  // The key's fingerprint and the payload's hash are computed while the signature is verified (the
  // platform's crypto works beside this thread); they are looked at only in their turn below, so a
  // refusal names the same, most basic reason. The payload is hashed, never decompressed, before then.
  const fingerprinting = fingerprintOf(manifest.publicKey);
  const hashing = sha256Hex(gz);
  fingerprinting.catch(() => undefined);
  hashing.catch(() => undefined);

  const signed = typeof header.signature === 'string' && (await verifySignatureWithKnownKey(manifest.publicKey, canonicalJsonBytes(header.manifest), header.signature));
  if (!signed) {
    throw new BundleError('bad-signature', '签名不符：文件清单在签名后被改动过，或签名已损坏。此文件不能导入，请让对方重新导出', {
      officeCode: manifest.officeCode,
      deviceId: manifest.deviceId,
    });
  }

  if (ctx.receiver) checkReceiver(ctx.receiver, manifest.officeCode);

  const fingerprint = checkTrust(manifest, ctx.trust, await fingerprinting);

  if ((await hashing) !== manifest.payloadSha256) {
    throw new BundleError('payload-hash', '数据内容与签名清单不符：文件在传输或保存中被改动或损坏。此文件不能导入，请让对方重新导出', {
      officeCode: manifest.officeCode,
      bundleId: manifest.bundleId,
    });
  }

  // A file already imported is known from its signed header: the same key signed this bundle id
  // before, and the payload's hash matches what it signed. Its payload (imported then, checked
  // then) is not decompressed, parsed or validated again.
  if (ctx.seen) checkAlreadyImported(manifest, ctx.seen, fingerprint);

  // The same payload as a bundle merged before from this device and key (a monthly snapshot in
  // which nothing changed): known from the signed hash; its sequence is still checked.
  if (ctx.seen && ctx.absorbed && payloadMergedBefore(manifest, ctx.seen)) {
    checkSequence(manifest, ctx.seen, ctx.trust, fingerprint);
    return { manifest, payload: { tables: emptyTables() }, fingerprint, absorbed: true };
  }

  const held = ctx.held ? await ctx.held(manifest.officeCode) : undefined;
  const payload = await decodePayloadNative(gz, manifest, limits, held);

  checkRecordsBelongTo(payload, manifest.officeCode);

  if (ctx.localOwners) await checkNoForeignRecords(payload, manifest.officeCode, ctx.localOwners);

  checkStampsNotFuture(payload, manifest.since, ctx.now ?? new Date());

  if (ctx.seen) checkSequence(manifest, ctx.seen, ctx.trust, fingerprint);

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

/** The payload hashes remembered per device: the newest few, enough for the monthly snapshots that repeat one. */
const REMEMBERED_PAYLOADS = 12;

function payloadsAfter(known: readonly string[] | undefined, hash: string | undefined): { payloads?: string[] } {
  if (hash === undefined) return known ? { payloads: [...known] } : {};
  return { payloads: [...(known ?? []).filter((h) => h !== hash), hash].slice(-REMEMBERED_PAYLOADS) };
}

/** The import history after a bundle has been merged: feed it back as `ctx.seen` next time. */
export function recordImport(
  seen: Readonly<SeenState>,
  manifest: Pick<BundleManifest, 'deviceId' | 'sequence' | 'bundleId' | 'publicKey' | 'officeCode'> & Partial<Pick<BundleManifest, 'payloadSha256'>>,
): SeenState {
  const name = seenKey(manifest.officeCode, manifest.deviceId);
  const previous = seen[name];
  // A device re-bound to a new key (its old key revoked) starts a fresh history under that key.
  const device = previous && sameKey(previous.publicKey, manifest.publicKey) ? previous : undefined;
  return {
    ...seen,
    [name]: {
      publicKey: manifest.publicKey,
      officeCode: manifest.officeCode,
      highestSequence: Math.max(device?.highestSequence ?? 0, manifest.sequence),
      bundleIds: device?.bundleIds.includes(manifest.bundleId) ? device.bundleIds : [...(device?.bundleIds ?? []), manifest.bundleId],
      ...payloadsAfter(device?.payloads, manifest.payloadSha256),
    },
  };
}
