import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { parseManifest } from '../../shared/exchange/bundle-format';
import { exportIdentity, generateIdentity, importIdentity, signBytes, StoredIdentitySchema, type Identity, type StoredIdentity } from '../../shared/exchange/identity';
import { SignManifestRequestSchema, type PublicIdentity } from '../../shared/platform/desktop-api';

/** Electron's safeStorage (the OS keychain), injected so the vault can be tested without Electron. */
export interface SecretBox {
  available(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

const SEALED = Buffer.from('ZWK1');
const PLAIN = Buffer.from('ZWK0');

export class KeyVaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyVaultError';
  }
}

/**
 * The installation's Ed25519 key, kept in the main process: the renderer may ask for the public
 * half and for signatures of bundle manifests, nothing else, so a compromised page cannot take the
 * key away or make it sign arbitrary data. On disk the key is sealed with the OS keychain where
 * one exists, and the file is readable by the user only.
 */
export class KeyVault {
  private loaded: Promise<{ identity: Identity; stored: StoredIdentity }> | null = null;

  constructor(
    private readonly file: string,
    private readonly box: SecretBox,
    private readonly deviceId: () => string = () => 'desktop',
    private readonly now: () => Date = () => new Date(),
  ) {}

  async identity(): Promise<PublicIdentity> {
    const { stored } = await this.load();
    return { publicKey: stored.publicKey, fingerprint: stored.fingerprint, createdAt: stored.createdAt };
  }

  /** Signs a canonical bundle manifest of this key; refuses anything else. */
  async signManifest(request: unknown): Promise<string> {
    const parsed = SignManifestRequestSchema.safeParse(request);
    if (!parsed.success) throw new KeyVaultError(`签名请求不正确：${parsed.error.issues.map((i) => i.message).join('；')}`);
    const bytes = parsed.data.manifest;
    let manifest;
    try {
      manifest = parseManifest(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    } catch (e) {
      throw new KeyVaultError(`只能为交换文件清单签名：${e instanceof Error ? e.message : String(e)}`);
    }
    if (!Buffer.from(canonicalJsonBytes(manifest)).equals(Buffer.from(bytes))) throw new KeyVaultError('清单不是规范 JSON（RFC 8785），拒绝签名');
    const { identity } = await this.load();
    if (manifest.publicKey !== identity.publicKey) throw new KeyVaultError('清单中的公钥不是本机密钥，拒绝签名');
    return signBytes(identity, bytes);
  }

  private load() {
    this.loaded ??= this.readOrCreate();
    return this.loaded;
  }

  private async readOrCreate(): Promise<{ identity: Identity; stored: StoredIdentity }> {
    let raw: Buffer | null = null;
    try {
      raw = await readFile(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new KeyVaultError(`无法读取密钥文件 ${this.file}：${String(e)}`);
    }
    if (raw) {
      // A damaged key file is reported, never silently replaced: the offices that trust this key
      // would otherwise start refusing this laptop without anyone knowing why.
      try {
        const stored = StoredIdentitySchema.parse(JSON.parse(this.unseal(raw)));
        return { identity: await importIdentity(stored), stored };
      } catch (e) {
        throw new KeyVaultError(`密钥文件 ${this.file} 已损坏或无法解密（${e instanceof Error ? e.message : String(e)}）。请从备份恢复，或删除后重新生成并通知各方重新登记`);
      }
    }
    const identity = await generateIdentity(true);
    const stored = await exportIdentity(identity, this.deviceId(), this.now());
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, this.seal(JSON.stringify(stored)), { mode: 0o600 });
    await chmod(this.file, 0o600);
    return { identity, stored };
  }

  private seal(plain: string): Buffer {
    return this.box.available() ? Buffer.concat([SEALED, this.box.encrypt(plain)]) : Buffer.concat([PLAIN, Buffer.from(plain, 'utf8')]);
  }

  private unseal(raw: Buffer): string {
    const magic = raw.subarray(0, 4);
    if (magic.equals(SEALED)) return this.box.decrypt(raw.subarray(4));
    if (magic.equals(PLAIN)) return raw.subarray(4).toString('utf8');
    throw new Error('不是本软件的密钥文件');
  }
}
