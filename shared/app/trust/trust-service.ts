import { z } from 'zod';
import { fingerprintOf, publicKeyBytes } from '../../exchange/identity';
import { isRevoked, keyOfAnotherOfficeMessage, sameKey, SeenStateSchema, TrustListSchema, type SeenState, type TrustEntry } from '../../exchange/trust';
import { IMPORT_HISTORY_KEY, type ImportRecord } from '../../exchange/history';
import { ImportHistorySchema } from '../../exchange/history-schema';
import { readSetting, writeSetting } from '../settings';
import { readKeyText } from './key-registration';
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

export async function seenDevices(storage: StorageReader): Promise<SeenState> {
  return (await readSetting(storage, EXCHANGE_KEYS.seen, SeenStateSchema)) ?? {};
}

export async function saveSeenDevices(tx: StorageWriter, seen: SeenState): Promise<void> {
  await writeSetting(tx, EXCHANGE_KEYS.seen, SeenStateSchema.parse(seen));
}

export async function importHistory(storage: StorageReader): Promise<ImportRecord[]> {
  return (await readSetting(storage, EXCHANGE_KEYS.history, ImportHistorySchema)) ?? [];
}

export async function appendImportHistory(tx: StorageWriter, record: ImportRecord): Promise<void> {
  await writeSetting(tx, EXCHANGE_KEYS.history, [...(await importHistory(tx)), record]);
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
