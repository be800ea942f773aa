import { mkdtempSync, existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyVault, type SecretBox } from '../../electron/lib/key-vault';
import { keyFileHeader, openKeyFile, SCRYPT_PARAMS } from '../../electron/lib/key-transfer';
import { createBundle, decodeContainer } from '../../shared/exchange/bundle-format';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { verifySignature } from '../../shared/exchange/identity';
import { emptyTables } from '../../shared/exchange/records';

const box: SecretBox = {
  available: async () => true,
  encrypt: async (plain) => Buffer.from(Buffer.from(plain, 'utf8').toString('base64').split('').reverse().join('')),
  decrypt: async (sealed) => Buffer.from(sealed.toString().split('').reverse().join(''), 'base64').toString('utf8'),
};
const laptop = () => new KeyVault(join(mkdtempSync(join(tmpdir(), 'zwc-move-')), 'device-key.zwk'), box);
const PASS = '沙尘暴里的胡杨林2026';

async function manifest(vault: KeyVault, sequence: number, deviceId = 'desk1', officeCode = '150627'): Promise<Uint8Array> {
  const signer = { publicKey: (await vault.identity()).publicKey, signManifest: async () => 'unused' };
  const bytes = await createBundle({ records: emptyTables(), identity: signer, officeCode, deviceId, sequence, period: '2026-11', kind: 'snapshot', now: new Date('2026-11-23T08:00:00Z') });
  return canonicalJsonBytes(decodeContainer(bytes).header.manifest);
}

describe('moving the signing key to a new laptop', () => {
  it('exports with scrypt (N=2^15, r=8, p=1) and AES-256-GCM; the new laptop signs as the old one did', async () => {
    const old = laptop();
    await old.signManifest({ manifest: await manifest(old, 3) });
    const file = await old.exportKey({ passphrase: PASS });
    const text = new TextDecoder().decode(file);
    expect(keyFileHeader(file)).toMatchObject({ format: 'zwc-key-export', kdf: { name: 'scrypt', ...SCRYPT_PARAMS }, cipher: { name: 'aes-256-gcm' } });
    // The private key is not in the file in clear.
    const stored = JSON.parse(await box.decrypt(readFileSync((old as unknown as { file: string }).file).subarray(4))) as { privateKeyPkcs8: string };
    expect(text).not.toContain(stored.privateKeyPkcs8);

    const fresh = laptop();
    const imported = await fresh.importKey({ data: file, passphrase: PASS });
    expect(imported).toEqual(await old.identity());
    const m = await manifest(fresh, 4);
    expect(await verifySignature(imported.publicKey, m, await fresh.signManifest({ manifest: m }))).toBe(true);
    // The signing state came along: the office binding and the sequences already used.
    await expect(fresh.signManifest({ manifest: await manifest(fresh, 3) })).rejects.toThrow(/序号 3 不大于/);
    await expect(fresh.signManifest({ manifest: await manifest(fresh, 9, 'desk1', '150203') })).rejects.toThrow(/只为 150627 签名/);
  });

  it('refuses a wrong passphrase in Chinese and changes nothing', async () => {
    const file = await laptop().exportKey({ passphrase: PASS });
    const fresh = laptop();
    const before = await fresh.identity();
    await expect(fresh.importKey({ data: file, passphrase: '沙尘暴里的胡杨林2025' })).rejects.toThrow(/口令不正确，无法打开密钥文件/);
    await expect(openKeyFile(file, 'wrong')).rejects.toThrow(/口令不正确/);
    expect(await fresh.identity()).toEqual(before);
  });

  it('refuses a changed file, a foreign file and a short passphrase', async () => {
    const vault = laptop();
    await expect(vault.exportKey({ passphrase: '短口令' })).rejects.toThrow(/口令太短：至少 10 个字符/);
    const file = await vault.exportKey({ passphrase: PASS });
    const json = JSON.parse(new TextDecoder().decode(file));
    json.header.fingerprint = '0000 0000 0000 0000 0000 0000 0000 0000';
    await expect(openKeyFile(new TextEncoder().encode(JSON.stringify(json)), PASS)).rejects.toThrow(/口令不正确.*改动/);
    json.header.kdf.N = 2 ** 30;
    expect(() => keyFileHeader(new TextEncoder().encode(JSON.stringify(json)))).toThrow(/不是本程序导出的密钥文件/);
    await expect(laptop().importKey({ data: new TextEncoder().encode('hello'), passphrase: PASS })).rejects.toThrow(/不是本程序导出的密钥文件/);
    await expect(laptop().importKey({ data: file, passphrase: PASS, path: '/x' })).rejects.toThrow(/导入请求不正确/);
  });

  it('never replaces a key that already signed files', async () => {
    const file = await laptop().exportKey({ passphrase: PASS });
    const used = laptop();
    await used.signManifest({ manifest: await manifest(used, 1) });
    await expect(used.importKey({ data: file, passphrase: PASS })).rejects.toThrow(/已经签过交换文件，不能被替换/);
  });

  it('starts with a new key, telling the old and the new fingerprint; erase removes key and state', async () => {
    const vault = laptop();
    const first = await vault.identity();
    await vault.signManifest({ manifest: await manifest(vault, 1) });
    const { previous, current } = await vault.newKey();
    expect(previous?.fingerprint).toBe(first.fingerprint);
    expect(current.fingerprint).not.toBe(first.fingerprint);
    expect(await vault.identity()).toEqual(current);
    // The new key signs from a fresh state (another office would be fine too).
    await vault.signManifest({ manifest: await manifest(vault, 1, 'desk1', '150203') });
    const file = (vault as unknown as { file: string }).file;
    expect(existsSync(`${file}.state`)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    await vault.erase();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.state`)).toBe(false);
    // The next use makes a new key, free of the old office.
    const after = await vault.identity();
    expect(after.fingerprint).not.toBe(current.fingerprint);
    await vault.signManifest({ manifest: await manifest(vault, 1, 'desk1', '150600') });
  });
});
