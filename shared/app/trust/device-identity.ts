import { fingerprintOf, generateIdentity, signBytes } from '../../exchange/identity';
import type { ManifestSigner } from '../../exchange/bundle-format';
import { ownBuffer } from '../../exchange/bytes';
import type { KeyVaultApi } from '../../platform/desktop-api';
import { readRawSetting, writeSetting } from '../settings';
import type { StoragePort } from '../storage';

const IDENTITY_KEY = 'exchange.identity';

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

function isKept(v: unknown): v is KeptIdentity {
  const k = v as Partial<KeptIdentity> | undefined;
  return !!k && typeof k.publicKey === 'string' && typeof k.fingerprint === 'string' && typeof k.createdAt === 'string' && typeof k.privateKey === 'object' && k.privateKey !== null;
}

/**
 * The installation's Ed25519 key, created on first use. In the desktop shell the key lives in the
 * main process (`vault`) and only signatures cross over; in a browser it is a non-extractable
 * WebCrypto key kept in the workspace's storage (which must hold key objects: IndexedDB does).
 */
export async function deviceIdentity(storage: StoragePort, vault?: KeyVaultApi, now: Date = new Date()): Promise<DeviceIdentity> {
  if (vault) {
    const id = await vault.identity();
    return { ...id, signManifest: (manifest) => vault.signManifest({ manifest: ownBuffer(manifest) }) };
  }
  const stored = await readRawSetting(storage, IDENTITY_KEY);
  if (stored !== undefined && !isKept(stored)) throw new Error('本机签名密钥已损坏，请联系技术人员');
  let kept = stored;
  if (!kept) {
    const fresh = await generateIdentity(false);
    const created: KeptIdentity = { ...fresh, fingerprint: await fingerprintOf(fresh.publicKey), createdAt: now.toISOString() };
    await storage.transaction((tx) => writeSetting(tx, IDENTITY_KEY, created));
    kept = created;
  }
  const { publicKey, privateKey, fingerprint, createdAt } = kept;
  return { publicKey, fingerprint, createdAt, signManifest: (manifest) => signBytes({ publicKey, privateKey }, manifest) };
}
