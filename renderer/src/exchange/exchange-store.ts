import { fingerprintOf, generateIdentity, signBytes } from '../../../shared/exchange/identity';
import type { ManifestSigner } from '../../../shared/exchange/bundle-format';
import { ownBuffer } from '../../../shared/exchange/bytes';
import type { KeyVaultApi } from '../../../shared/platform/desktop-api';
import { SeenStateSchema, TrustListSchema, type SeenState, type TrustEntry } from '../../../shared/exchange/trust';
import { IMPORT_HISTORY_KEY, type ImportRecord } from '../../../shared/exchange/history';
import { readParsedSetting, readSetting, writeSetting } from '../db/settings';
import type { LedgerDb } from '../db/schema';

/**
 * What this installation keeps for exchange, in the settings table: its signing key, the
 * sequence of its last export, the keys it trusts, what it has merged from each device, and
 * the history of every import attempt.
 */
const IDENTITY_KEY = 'exchange.identity';
const SEQUENCE_KEY = 'exchange.sequence';
const TRUST_KEY = 'exchange.trust';
const SEEN_KEY = 'exchange.seen';

export interface DeviceIdentity extends ManifestSigner {
  fingerprint: string;
  createdAt: string;
}

interface KeptIdentity {
  publicKey: string;
  /** Non-extractable: IndexedDB keeps the key object, and no script can read its bytes. */
  privateKey: CryptoKey;
  fingerprint: string;
  createdAt: string;
}

/**
 * The installation's Ed25519 key, created on first use. In the desktop shell the key lives in the
 * main process (`vault`) and only signatures cross over; in a browser it is kept here, in IndexedDB.
 */
export async function deviceIdentity(db: LedgerDb, vault?: KeyVaultApi, now: Date = new Date()): Promise<DeviceIdentity> {
  if (vault) {
    const id = await vault.identity();
    return { ...id, signManifest: (manifest) => vault.signManifest({ manifest: ownBuffer(manifest) }) };
  }
  let kept = await readSetting<KeptIdentity>(db, IDENTITY_KEY);
  if (!kept) {
    const fresh = await generateIdentity(false);
    kept = { ...fresh, fingerprint: await fingerprintOf(fresh.publicKey), createdAt: now.toISOString() };
    await writeSetting(db, IDENTITY_KEY, kept);
  }
  const { publicKey, privateKey, fingerprint, createdAt } = kept;
  return { publicKey, fingerprint, createdAt, signManifest: (manifest) => signBytes({ publicKey, privateKey }, manifest) };
}

/** Reserves the next export sequence number; numbers are never reused, even if an export fails later. */
export async function nextSequence(db: LedgerDb): Promise<number> {
  return db.transaction('rw', db.settings, async () => {
    const next = ((await readSetting<number>(db, SEQUENCE_KEY)) ?? 0) + 1;
    await writeSetting(db, SEQUENCE_KEY, next);
    return next;
  });
}

/** A trust-list entry as the app keeps it: the shared schema's entry, with its fingerprint and date filled in. */
export interface TrustedKey extends TrustEntry {
  fingerprint: string;
  addedAt: string;
}

/** The trust list, read through the schema the command line uses too (shared/exchange/trust.ts). */
export async function trustedKeys(db: LedgerDb): Promise<TrustedKey[]> {
  const keys = (await readParsedSetting(db, TRUST_KEY, TrustListSchema)) ?? [];
  return Promise.all(keys.map(async (k) => ({ ...k, fingerprint: k.fingerprint ?? (await fingerprintOf(k.publicKey)), addedAt: k.addedAt ?? '' })));
}

export async function saveTrustedKeys(db: LedgerDb, keys: readonly TrustedKey[]): Promise<void> {
  await writeSetting(db, TRUST_KEY, TrustListSchema.parse(keys));
}

/** What has been merged from each device, bound to its key (entries from before the binding are dropped). */
export async function seenDevices(db: LedgerDb): Promise<SeenState> {
  return (await readParsedSetting(db, SEEN_KEY, SeenStateSchema)) ?? {};
}

export async function saveSeenDevices(db: LedgerDb, seen: SeenState): Promise<void> {
  await writeSetting(db, SEEN_KEY, SeenStateSchema.parse(seen));
}

export async function importHistory(db: LedgerDb): Promise<ImportRecord[]> {
  return (await readSetting<ImportRecord[]>(db, IMPORT_HISTORY_KEY)) ?? [];
}

export async function appendImportHistory(db: LedgerDb, record: ImportRecord): Promise<void> {
  await writeSetting(db, IMPORT_HISTORY_KEY, [...(await importHistory(db)), record]);
}
