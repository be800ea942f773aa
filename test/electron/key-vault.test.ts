import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyVault, type SecretBox } from '../../electron/lib/key-vault';
import { createBundle, decodeContainer } from '../../shared/exchange/bundle-format';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { verifySignature } from '../../shared/exchange/identity';
import { verifyBundle } from '../../shared/exchange/verify';
import { emptyTables } from '../../shared/exchange/records';

/** Stands in for safeStorage: reversible, and visibly not the plain text. */
const box: SecretBox = {
  available: () => true,
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').toString('base64').split('').reverse().join('')),
  decrypt: (sealed) => Buffer.from(sealed.toString().split('').reverse().join(''), 'base64').toString('utf8'),
};

function vaultFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'zwc-vault-')), 'device-key.zwk');
}

async function manifestFor(vault: KeyVault): Promise<Uint8Array> {
  const signer = { publicKey: (await vault.identity()).publicKey, signManifest: (m: Uint8Array) => vault.signManifest({ manifest: m }) };
  const bytes = await createBundle({ records: emptyTables(), identity: signer, officeCode: '150627', deviceId: 'desk1', sequence: 1, period: '2026-11', kind: 'snapshot', now: new Date('2026-11-23T08:00:00Z') });
  return canonicalJsonBytes(decodeContainer(bytes).header.manifest);
}

describe('KeyVault (main-process key store)', () => {
  it('creates the key once, sealed and readable by the user only, and finds it again', async () => {
    const file = vaultFile();
    const first = await new KeyVault(file, box).identity();
    expect(first.fingerprint).toMatch(/^\d{4}( \d{4}){7}$/);
    const raw = readFileSync(file);
    expect(raw.subarray(0, 4).toString()).toBe('ZWK1');
    expect(raw.toString()).not.toContain('privateKeyPkcs8');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    expect(await new KeyVault(file, box).identity()).toEqual(first);
  });

  it('signs bundle manifests of its own key, and the bundle verifies', async () => {
    const vault = new KeyVault(vaultFile(), box);
    const { publicKey } = await vault.identity();
    const signer = { publicKey, signManifest: (m: Uint8Array) => vault.signManifest({ manifest: m }) };
    const bundle = await createBundle({ records: emptyTables(), identity: signer, officeCode: '150627', deviceId: 'desk1', sequence: 1, period: '2026-11', kind: 'snapshot', now: new Date() });
    const result = await verifyBundle(bundle, { trust: [{ officeCode: '150627', publicKey }] });
    expect(result.ok).toBe(true);
  });

  it('refuses to sign anything but a canonical manifest of its own key', async () => {
    const vault = new KeyVault(vaultFile(), box);
    const manifest = await manifestFor(vault);
    await expect(vault.signManifest({ manifest: new TextEncoder().encode('任意数据') })).rejects.toThrow(/只能为交换文件清单签名/);
    const spaced = new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(manifest)), null, 1));
    await expect(vault.signManifest({ manifest: spaced })).rejects.toThrow(/规范 JSON/);
    const other = new KeyVault(vaultFile(), box);
    await expect(other.signManifest({ manifest })).rejects.toThrow(/不是本机密钥/);
    await expect(vault.signManifest('not a request')).rejects.toThrow(/签名请求不正确/);
    const signature = await vault.signManifest({ manifest });
    expect(await verifySignature((await vault.identity()).publicKey, manifest, signature)).toBe(true);
  });

  it('reports a damaged key file instead of silently making a new key', async () => {
    const file = vaultFile();
    writeFileSync(file, 'ZWK1garbage');
    await expect(new KeyVault(file, box).identity()).rejects.toThrow(/密钥文件 .* 已损坏或无法解密/);
    expect(readFileSync(file, 'utf8')).toBe('ZWK1garbage');
  });

  it('still works where the OS has no keychain, storing the key readable by the user only', async () => {
    const file = vaultFile();
    const plainBox: SecretBox = { ...box, available: () => false };
    const id = await new KeyVault(file, plainBox).identity();
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('ZWK0');
    expect((await new KeyVault(file, plainBox).identity()).publicKey).toBe(id.publicKey);
  });
});
