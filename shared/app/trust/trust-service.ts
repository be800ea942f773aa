import { z } from 'zod';
import { fingerprintOf, publicKeyBytes } from '../../exchange/identity';
import { isRevoked, keyOfAnotherOfficeMessage, sameKey, seenKey, SeenStateSchema, TrustListSchema, type SeenState, type TrustEntry } from '../../exchange/trust';
import { recordImport } from '../../exchange/verify';
import { decodeContainer } from '../../exchange/bundle-format';
import { IMPORT_HISTORY_KEY, type ImportRecord } from '../../exchange/history';
import { ImportHistorySchema } from '../../exchange/history-schema';
import { readSetting, writeSetting } from '../settings';
import { readKeyText } from './key-registration';
import { appendToPagedList, readPagedList, replacePagedList } from './paged-list';
import type { StoragePort, StorageReader, StorageWriter } from '../storage';

/** Settings keys of what an installation keeps for exchange. */
export const EXCHANGE_KEYS = { sequence: 'exchange.sequence', trust: 'exchange.trust', seen: 'exchange.seen', history: IMPORT_HISTORY_KEY } as const;

/** A trust-list entry as the app shows it: the shared schema's entry, with its fingerprint and date filled in. */
export interface TrustedKey extends TrustEntry {
  fingerprint: string;
  addedAt: string;
}

/** The trust list, read through the schema the command line uses too (shared/exchange/trust.ts). */
export async function trustedKeys(storage: StorageReader): Promise<TrustedKey[]> {
  const keys = (await readSetting(storage, EXCHANGE_KEYS.trust, TrustListSchema)) ?? [];
  return Promise.all(keys.map(async (k) => ({ ...k, fingerprint: k.fingerprint ?? (await fingerprintOf(k.publicKey)), addedAt: k.addedAt ?? '' })));
}

/**
 * What has been merged from each laptop is kept one settings row per laptop
 * (`exchange.seen/<office>/<device>`), with the laptops' names in a paged list
 * (`exchange.seen.devices`, paged-list.ts): an import rewrites its own laptop's row, not every
 * laptop's. A workspace that kept them all in one row (`exchange.seen`) is read as before and moved
 * to rows the next time the whole state is saved.
 */
const SEEN_DEVICES_KEY = 'exchange.seen.devices';
const seenRowKey = (name: string) => `${EXCHANGE_KEYS.seen}/${name}`;
const NamesSchema = z.array(z.string());

/** A stored value through its schema, or the settings' message naming the row (as readSetting says it). */
function parseStored<T>(key: string, value: unknown, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  throw new Error(`本机设置 ${key} 已损坏：${first ? `${first.path.join('.') || '根'} ${first.message}` : '格式不正确'}`);
}

/** The laptops' own rows by name (a row written null: the laptop was dropped from the state). */
async function seenRows(storage: StorageReader, names: readonly string[]): Promise<SeenState> {
  const rows = await storage.getMany('settings', names.map(seenRowKey));
  const raw: Record<string, unknown> = {};
  names.forEach((name, i) => {
    const value = rows[i]?.value;
    if (value !== undefined && value !== null) raw[name] = value;
  });
  return parseStored(SEEN_DEVICES_KEY, raw, SeenStateSchema);
}

/** Every laptop merged from: the whole state (zwc's state file, the tests); an import reads only its own laptop (seenDevice). */
export async function seenDevices(storage: StorageReader): Promise<SeenState> {
  const whole = (await readSetting(storage, EXCHANGE_KEYS.seen, SeenStateSchema)) ?? {};
  return { ...whole, ...(await seenRows(storage, await readPagedList(storage, SEEN_DEVICES_KEY, NamesSchema))) };
}

/** What has been merged from one laptop of one office, as a state holding that laptop only: all an import's checks look at. */
export async function seenDevice(storage: StorageReader, officeCode: string, deviceId: string): Promise<SeenState> {
  const name = seenKey(officeCode, deviceId);
  const row = await storage.get('settings', seenRowKey(name));
  if (row !== undefined) return row.value === null ? {} : parseStored(seenRowKey(name), { [name]: row.value }, SeenStateSchema);
  const whole = (await readSetting(storage, EXCHANGE_KEYS.seen, SeenStateSchema)) ?? {};
  return whole[name] ? { [name]: whole[name] } : {};
}

/**
 * The seen state an import of this file reads: its laptop's entry, the laptop named by the file's
 * header as read before verification (`key`; the importer checks it against the signed manifest).
 */
export async function seenOfFile(storage: StorageReader, data: Uint8Array): Promise<{ key: string | null; seen: SeenState }> {
  let manifest: Record<string, unknown>;
  try {
    manifest = decodeContainer(data).header.manifest;
  } catch {
    return { key: null, seen: {} }; // refused by the verification, with its own message
  }
  const { officeCode, deviceId } = manifest;
  if (typeof officeCode !== 'string' || typeof deviceId !== 'string') return { key: null, seen: {} };
  return { key: seenKey(officeCode, deviceId), seen: await seenDevice(storage, officeCode, deviceId) };
}

/** Records a merged bundle against its laptop: that laptop's row is the one written. */
export async function recordSeenImport(tx: StorageWriter, manifest: Parameters<typeof recordImport>[1]): Promise<void> {
  const name = seenKey(manifest.officeCode, manifest.deviceId);
  // Listed already when its row holds an entry (a row written null belongs to a laptop dropped from the list).
  const listed = ((await tx.get('settings', seenRowKey(name)))?.value ?? null) !== null;
  const next = recordImport(await seenDevice(tx, manifest.officeCode, manifest.deviceId), manifest);
  await writeSetting(tx, seenRowKey(name), SeenStateSchema.parse({ [name]: next[name] })[name]);
  if (!listed) await appendToPagedList(tx, SEEN_DEVICES_KEY, NamesSchema, [name]);
}

/** Saves a whole state: only the laptops whose entry changed are written (all of them once, when moving from the single row). */
export async function saveSeenDevices(tx: StorageWriter, seen: SeenState): Promise<void> {
  const next = SeenStateSchema.parse(seen);
  const whole = (await readSetting(tx, EXCHANGE_KEYS.seen, SeenStateSchema)) ?? {};
  const names = await readPagedList(tx, SEEN_DEVICES_KEY, NamesSchema);
  const stored = { ...whole, ...(await seenRows(tx, names)) };
  const dropped = Object.keys(stored).filter((n) => !(n in next));
  if (Object.keys(whole).length || dropped.length) {
    await tx.bulkPut('settings', [...Object.entries(next).map(([n, v]) => ({ key: seenRowKey(n), value: v })), ...dropped.map((n) => ({ key: seenRowKey(n), value: null }))]);
    await replacePagedList(tx, SEEN_DEVICES_KEY, NamesSchema, Object.keys(next));
    await writeSetting(tx, EXCHANGE_KEYS.seen, {});
    return;
  }
  const changed = Object.entries(next).filter(([n, v]) => JSON.stringify(stored[n]) !== JSON.stringify(v));
  if (changed.length) await tx.bulkPut('settings', changed.map(([n, v]) => ({ key: seenRowKey(n), value: v })));
  const listed = new Set(names);
  await appendToPagedList(
    tx,
    SEEN_DEVICES_KEY,
    NamesSchema,
    changed.map(([n]) => n).filter((n) => !listed.has(n)),
  );
}

/** Every import attempt, oldest first (kept in pages: paged-list.ts). */
export async function importHistory(storage: StorageReader): Promise<ImportRecord[]> {
  return readPagedList(storage, EXCHANGE_KEYS.history, ImportHistorySchema);
}

/** Adds an import attempt to the history: one page of it is rewritten, however long the history. */
export async function appendImportHistory(tx: StorageWriter, record: ImportRecord): Promise<void> {
  await appendToPagedList(tx, EXCHANGE_KEYS.history, ImportHistorySchema, [record]);
}

/** Reserves the next export sequence number; numbers are never reused, even if an export fails later. */
export function nextSequence(storage: StoragePort): Promise<number> {
  return storage.transaction(async (tx) => {
    const next = ((await readSetting(tx, EXCHANGE_KEYS.sequence, z.number().int().nonnegative())) ?? 0) + 1;
    await writeSetting(tx, EXCHANGE_KEYS.sequence, next);
    return next;
  });
}

/**
 * The keys this installation trusts, per office: registering a key after the clerk compared its
 * fingerprint, revoking a lost laptop's key. Written once for the app and the command line.
 */
export class TrustService {
  constructor(private readonly storage: StoragePort) {}

  list(): Promise<TrustedKey[]> {
    return trustedKeys(this.storage);
  }

  /**
   * Registers a key as trusted for an office. A revoked key can never be trusted again, and a key
   * already trusted for another office is refused (one key, one office).
   */
  async trust(entry: { officeCode: string; publicKey: string; label?: string }, now: Date = new Date()): Promise<TrustedKey> {
    // What is wrong with a key, in the clerk's words (key-registration.ts), not in bytes and base64.
    const read = await readKeyText(entry.publicKey);
    if (!read.ok) throw new Error(read.message);
    publicKeyBytes(entry.publicKey);
    const key: TrustedKey = {
      officeCode: entry.officeCode,
      publicKey: entry.publicKey,
      ...(entry.label ? { label: entry.label } : {}),
      fingerprint: await fingerprintOf(entry.publicKey),
      addedAt: now.toISOString(),
    };
    // Inside the transaction only storage calls are awaited (no hashing): IndexedDB would commit early.
    await this.storage.transaction(async (tx) => {
      const keys = (await readSetting(tx, EXCHANGE_KEYS.trust, TrustListSchema)) ?? [];
      if (isRevoked(keys, entry.publicKey)) throw new Error('该密钥已被吊销，不能再登记为可信；请让对方生成新密钥');
      if (keys.some((k) => k.publicKey === entry.publicKey && k.officeCode === entry.officeCode)) throw new Error('该密钥已经登记为可信');
      // One key, one office: the importer refuses a key trusted for two, so registering one is refused here, naming the office.
      const elsewhere = keys.find((k) => sameKey(k.publicKey, entry.publicKey) && k.officeCode !== entry.officeCode);
      if (elsewhere) throw new Error(keyOfAnotherOfficeMessage(elsewhere.officeCode, entry.officeCode));
      await writeSetting(tx, EXCHANGE_KEYS.trust, TrustListSchema.parse([...keys, key]));
    });
    return key;
  }

  /** A lost or replaced laptop: its key is refused from now on, even for files it signed before. */
  async revoke(publicKey: string, officeCode: string, now: Date = new Date()): Promise<void> {
    await this.storage.transaction(async (tx) => {
      const keys = (await readSetting(tx, EXCHANGE_KEYS.trust, TrustListSchema)) ?? [];
      const next = keys.map((k) => (k.publicKey === publicKey && k.officeCode === officeCode ? { ...k, revoked: true, revokedAt: now.toISOString() } : k));
      await writeSetting(tx, EXCHANGE_KEYS.trust, TrustListSchema.parse(next));
    });
  }

  /** Replaces a laptop's key: the new one is trusted and the old one revoked, together. */
  async replace(old: { publicKey: string; officeCode: string }, entry: { officeCode: string; publicKey: string; label?: string }, now: Date = new Date()): Promise<TrustedKey> {
    const key = await this.trust(entry, now);
    await this.revoke(old.publicKey, old.officeCode, now);
    return key;
  }
}
