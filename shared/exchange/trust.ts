/**
 * What a receiving office keeps between imports, in one shape for the app (settings table) and
 * the command line (trust.json, state.json): the keys it trusts, and per device what it has
 * merged. Both are read through these schemas, never cast.
 */
import { z } from 'zod';
import { DivisionCodeSchema } from '../domain/office';
import { divisionName } from '../domain/divisions';
import { DEVICE_ID_PATTERN } from '../sync/hlc';
import { PublicKeySchema } from './identity';

/**
 * A key the receiving office has registered, after a person compared its fingerprint. Strict:
 * a misspelt member (say `revokd`) must not silently leave a lost laptop's key trusted.
 */
export const TrustEntrySchema = z
  .object({
    officeCode: DivisionCodeSchema,
    /** Raw Ed25519 public key, base64. */
    publicKey: PublicKeySchema,
    /** A revoked key (lost laptop) is refused even for bundles it signed before, whatever else the list says. */
    revoked: z.boolean().optional(),
    /** Who holds it, for people: "伊旗无废办 张三的笔记本". */
    label: z.string().max(500).optional(),
    /** Spoken fingerprint, as shown when it was registered. */
    fingerprint: z.string().max(100).optional(),
    addedAt: z.string().max(100).optional(),
    revokedAt: z.string().max(100).optional(),
  })
  .strict();
export type TrustEntry = z.infer<typeof TrustEntrySchema>;

/** The trust list: the app's setting `exchange.trust` and the command line's trust.json. */
export const TrustListSchema = z.array(TrustEntrySchema).max(10_000);

/** Equal keys, whatever the base64 padding or spelling. Keys are validated, so this is exact. */
export function sameKey(a: string, b: string): boolean {
  return a === b;
}

/** Why a key trusted for one office cannot be registered for another: each office signs with its own keys. */
export function keyOfAnotherOfficeMessage(registeredFor: string, wanted: string): string {
  return (
    `该密钥已登记为 ${divisionName(registeredFor)}（${registeredFor}）的可信密钥，不能再登记给 ${divisionName(wanted)}（${wanted}）。` +
    '一把密钥只能属于一个单位；请与对方核对指纹，确认是哪个单位的电脑'
  );
}

/** Offices (not revoked) a key is trusted for; more than one makes the key unusable (verify.ts). */
export function officesTrusting(trust: readonly TrustEntry[], publicKey: string): string[] {
  return [...new Set(trust.filter((t) => !t.revoked && sameKey(t.publicKey, publicKey)).map((t) => t.officeCode))];
}

/** True when any entry revokes the key, for any office: a revoked key is compromised everywhere. */
export function isRevoked(trust: readonly TrustEntry[], publicKey: string): TrustEntry | undefined {
  return trust.find((t) => t.revoked === true && sameKey(t.publicKey, publicKey));
}

/**
 * What has been merged from one device of one office. The entry is bound to the key that first
 * signed for that device: a bundle signed by any other key claiming the device for that office is
 * refused (unless the bound key has been revoked: a laptop whose key was replaced). Entries are
 * per office, so a bundle of one office can never block or replay another office's laptop, even
 * by copying its device id: sequences are in effect keyed by signing key and device.
 */
export const SeenDeviceSchema = z
  .object({
    /** The key bound to this device id. */
    publicKey: PublicKeySchema,
    /** The office that key signed for (also in the entry's name). */
    officeCode: DivisionCodeSchema,
    /** The highest sequence merged from this device under this key. */
    highestSequence: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    bundleIds: z.array(z.string().max(100)),
    /**
     * The payload hashes (SHA-256, as signed in the manifest) of the last bundles merged from this
     * device: a later bundle carrying the same payload, byte for byte, changes nothing (issue 29).
     */
    payloads: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100).optional(),
  })
  .strict();
export type SeenDevice = z.infer<typeof SeenDeviceSchema>;

/** The name of an entry: `<officeCode>/<deviceId>`. */
export function seenKey(officeCode: string, deviceId: string): string {
  return `${officeCode}/${deviceId}`;
}

const SEEN_KEY = new RegExp(`^\\d{6}/${DEVICE_ID_PATTERN.source.slice(1, -1)}$`);

/** Entries written before devices were bound to keys (named by device id alone): dropped on reading. */
const UnboundSeenDeviceSchema = z.object({ highestSequence: z.number(), bundleIds: z.array(z.string()) }).strict();

/**
 * Seen sequences per office and device, each bound to its key: the app's setting `exchange.seen`
 * and the command line's state file. Entries from before the binding are dropped on reading
 * (merging is idempotent, so the cost is at most re-merging a file once).
 */
export const SeenStateSchema = z
  .record(z.union([SeenDeviceSchema, UnboundSeenDeviceSchema]))
  .superRefine((seen, ctx) => {
    for (const [name, entry] of Object.entries(seen)) {
      if (!('publicKey' in entry)) continue;
      if (!SEEN_KEY.test(name) || !name.startsWith(`${entry.officeCode}/`)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `导入记录的名称应为 单位代码/设备标识：${name}`, path: [name] });
      }
    }
  })
  .transform((seen) => {
    const out: Record<string, SeenDevice> = {};
    for (const [name, entry] of Object.entries(seen)) if ('publicKey' in entry) out[name] = entry;
    return out;
  });
export type SeenState = Record<string, SeenDevice>;
