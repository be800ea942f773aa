import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyVault, MAX_SIGNING_DEVICES, type SecretBox } from '../../electron/lib/key-vault';
import { createBundle, decodeContainer } from '../../shared/exchange/bundle-format';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { verifySignature } from '../../shared/exchange/identity';
import { verifyBundle } from '../../shared/exchange/verify';
import { emptyTables } from '../../shared/exchange/records';

/** Stands in for safeStorage: reversible, and visibly not the plain text. */
const box: SecretBox = {
  available: async () => true,
  encrypt: async (plain) => Buffer.from(Buffer.from(plain, 'utf8').toString('base64').split('').reverse().join('')),
  decrypt: async (sealed) => Buffer.from(sealed.toString().split('').reverse().join(''), 'base64').toString('utf8'),
};

function vaultFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'zwc-vault-')), 'device-key.zwk');
}

/** The canonical manifest of a real bundle made with this vault's public key (signed by a throwaway key). */
async function manifestFor(vault: KeyVault, over: { officeCode?: string; deviceId?: string; sequence?: number } = {}): Promise<Uint8Array> {
  const signer = { publicKey: (await vault.identity()).publicKey, signManifest: async () => 'unused' };
  const bytes = await createBundle({
    records: emptyTables(),
    identity: signer,
    officeCode: over.officeCode ?? '150627',
    deviceId: over.deviceId ?? 'desk1',
    sequence: over.sequence ?? 1,
    period: '2026-11',
    kind: 'snapshot',
    now: new Date('2026-11-23T08:00:00Z'),
  });
  return canonicalJsonBytes(decodeContainer(bytes).header.manifest);
}

const sign = async (vault: KeyVault, over: Parameters<typeof manifestFor>[1] = {}) => vault.signManifest({ manifest: await manifestFor(vault, over) });

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
    const plainBox: SecretBox = { ...box, available: async () => false };
    const id = await new KeyVault(file, plainBox).identity();
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('ZWK0');
    expect((await new KeyVault(file, plainBox).identity()).publicKey).toBe(id.publicKey);
  });

  it('signs for one office only: the office of its first signature, also after a restart', async () => {
    const file = vaultFile();
    const vault = new KeyVault(file, box);
    expect(await vault.officeCode()).toBeNull();
    await sign(vault, { officeCode: '150627', sequence: 1 });
    expect(await vault.officeCode()).toBe('150627');
    await expect(sign(vault, { officeCode: '150600', sequence: 2 })).rejects.toThrow('本机密钥只为 150627 签名，拒绝为 150600 的交换文件签名');
    const again = new KeyVault(file, box);
    await expect(sign(again, { officeCode: '150203', sequence: 3 })).rejects.toThrow(/只为 150627 签名/);
    await expect(sign(again, { officeCode: '150627', sequence: 2 })).resolves.toEqual(expect.any(String));
  });

  it('signs only sequences above the last one signed for the device, also after a restart', async () => {
    const file = vaultFile();
    const vault = new KeyVault(file, box);
    await sign(vault, { sequence: 5 });
    await expect(sign(vault, { sequence: 5 })).rejects.toThrow('序号 5 不大于本机为设备 desk1 签过的最大序号 5，拒绝签名（序号只能增加）');
    await expect(sign(vault, { sequence: 4 })).rejects.toThrow(/序号 4 不大于/);
    await sign(vault, { sequence: 9 });
    const again = new KeyVault(file, box);
    await expect(sign(again, { sequence: 9 })).rejects.toThrow(/序号 9 不大于/);
    await expect(sign(again, { sequence: 10 })).resolves.toEqual(expect.any(String));
    // Another device id of the same laptop (a reset browser profile) has its own sequence.
    await expect(sign(again, { deviceId: 'desk2', sequence: 1 })).resolves.toEqual(expect.any(String));
    expect(JSON.parse(readFileSync(`${file}.state`, 'utf8'))).toMatchObject({
      officeCode: '150627',
      sequences: [
        { deviceId: 'desk1', sequence: 10 },
        { deviceId: 'desk2', sequence: 1 },
      ],
    });
    // A device id that names an object's own member is remembered like any other (__proto__ itself is refused by the manifest).
    await sign(again, { deviceId: 'constructor', sequence: 4 });
    await expect(sign(new KeyVault(file, box), { deviceId: 'constructor', sequence: 4 })).rejects.toThrow(/序号 4 不大于本机为设备 constructor/);
  });

  it('gives one sequence to one of two requests made at the same time', async () => {
    const vault = new KeyVault(vaultFile(), box);
    const manifest = await manifestFor(vault, { sequence: 3 });
    const results = await Promise.allSettled([vault.signManifest({ manifest }), vault.signManifest({ manifest })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses a new device id beyond the limit', async () => {
    const vault = new KeyVault(vaultFile(), box);
    for (let i = 0; i < MAX_SIGNING_DEVICES; i++) await sign(vault, { deviceId: `d${i}` });
    await expect(sign(vault, { deviceId: 'one-more' })).rejects.toThrow(/拒绝为新的设备标识 one-more 签名/);
    await expect(sign(vault, { deviceId: 'd0', sequence: 2 })).resolves.toEqual(expect.any(String));
  });

  it('stops signing when its record is damaged, instead of starting the sequences again', async () => {
    const file = vaultFile();
    const vault = new KeyVault(file, box);
    await sign(vault, { sequence: 1 });
    writeFileSync(`${file}.state`, '{"kind":"zwc-vault-state"');
    await expect(sign(new KeyVault(file, box), { sequence: 2 })).rejects.toThrow(/签名记录 .* 已损坏/);
  });

  it('starts afresh for a new key (the record belongs to the key it was made with)', async () => {
    const file = vaultFile();
    await sign(new KeyVault(file, box), { officeCode: '150627', sequence: 7 });
    rmSync(file);
    const fresh = new KeyVault(file, box);
    expect(await fresh.officeCode()).toBeNull();
    await expect(sign(fresh, { officeCode: '150203', sequence: 1 })).resolves.toEqual(expect.any(String));
  });
});
