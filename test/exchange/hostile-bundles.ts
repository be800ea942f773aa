/** Signed bundles around any payload: what a trusted but hostile office can send (issue 24's tests and the fuzz run). */
import { gzipSync } from 'fflate';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { sha256Hex } from '../../shared/exchange/bytes';
import { encodeContainer } from '../../shared/exchange/bundle-format';
import { signBytes, type Identity } from '../../shared/exchange/identity';
import { emptyTables, type BundleTables } from '../../shared/exchange/records';
import { OFFICE } from './fixtures';

export interface RawOptions {
  manifest?: Record<string, unknown>;
  counts?: Record<string, number>;
  now?: Date;
}

export async function signedRaw(identity: Identity, payloadJson: Uint8Array, options: RawOptions = {}): Promise<Uint8Array> {
  const gz = gzipSync(payloadJson, { level: 6, mtime: 0 });
  const manifest = {
    formatVersion: 1,
    bundleId: globalThis.crypto.randomUUID(),
    officeCode: OFFICE,
    deviceId: 'laptopA',
    publicKey: identity.publicKey,
    sequence: 1,
    period: '2026-10',
    createdAt: (options.now ?? new Date()).toISOString(),
    kind: 'snapshot',
    payloadBytes: gz.length,
    payloadSha256: await sha256Hex(gz),
    counts: { ...Object.fromEntries(Object.keys(emptyTables()).map((t) => [t, 0])), ...options.counts },
    ...options.manifest,
  };
  const signature = await signBytes(identity, canonicalJsonBytes(manifest));
  return encodeContainer(canonicalJsonBytes({ manifest, signature }), gz);
}

export async function signedTables(identity: Identity, tables: Partial<BundleTables>, options: RawOptions = {}): Promise<Uint8Array> {
  const full = { ...emptyTables(), ...tables };
  const counts = Object.fromEntries(Object.entries(full).map(([t, rows]) => [t, rows.length]));
  return signedRaw(identity, canonicalJsonBytes({ tables: full }), { ...options, counts });
}
