import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { canonicalJsonBytes } from '../../shared/exchange/canonical-json';
import { parseManifest, type BundleManifest } from '../../shared/exchange/bundle-format';
import { exportIdentity, generateIdentity, importIdentity, signBytes, StoredIdentitySchema, type Identity, type StoredIdentity } from '../../shared/exchange/identity';
import { ExportKeyRequestSchema, ImportKeyRequestSchema, SignManifestRequestSchema, type NewKeyResult, type PublicIdentity } from '../../shared/platform/desktop-api';
import { KeyTransferError, openKeyFile, sealKeyFile } from './key-transfer';

/** Electron's safeStorage (the OS keychain), its asynchronous calls, injected so the vault can be tested without Electron. */
export interface SecretBox {
  available(): Promise<boolean>;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
}

const SEALED = Buffer.from('ZWK1');
const PLAIN = Buffer.from('ZWK0');

/** Most device ids one key signs for: a laptop has one; a reset browser profile adds another. */
export const MAX_SIGNING_DEVICES = 16;

/**
 * What the vault has signed, beside the key file (`<key file>.state`, not secret): the office the
 * key was set up for and, per device id, the highest sequence signed. Tied to the public key, so
 * a newly generated key starts afresh.
 */
export const SigningStateSchema = z
  .object({
    kind: z.literal('zwc-vault-state'),
    publicKey: z.string(),
    officeCode: z.string(),
    // A list, not an object keyed by device id: a device id may be any word, "__proto__" included.
    sequences: z.array(z.object({ deviceId: z.string(), sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict()),
  })
  .strict();
export type SigningState = z.infer<typeof SigningStateSchema>;

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
 *
 * It signs manifests of one office only: the office of its first signature (the office chosen when
 * the laptop was set up, which is the key the city registers), and for each device only sequences
 * above the last one it signed. Both are written to disk before the signature is returned, so a
 * page cannot make it sign another office's bundle, sign a second bundle under a sequence already
 * used, or go back to an older one, even across restarts.
 */
export class KeyVault {
  private loaded: Promise<{ identity: Identity; stored: StoredIdentity }> | null = null;
  /** Signatures are made one at a time, so two requests cannot both claim the same sequence. */
  private signing: Promise<unknown> = Promise.resolve();

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

  /** Signs a canonical bundle manifest of this key, office and a fresh sequence; refuses anything else. */
  signManifest(request: unknown): Promise<string> {
    const next = this.signing.then(() => this.signOne(request));
    this.signing = next.catch(() => undefined);
    return next;
  }

  /** The office this key signs for, once it has signed; null before. */
  async officeCode(): Promise<string | null> {
    const { identity } = await this.load();
    return (await this.readState(identity.publicKey))?.officeCode ?? null;
  }

  /**
   * The key and its signing state as a file protected by a passphrase (./key-transfer.ts), to be
   * imported on a new laptop. The passphrase never leaves the main process.
   */
  async exportKey(request: unknown): Promise<Uint8Array> {
    const r = ExportKeyRequestSchema.safeParse(request);
    if (!r.success) throw new KeyTransferError(`导出请求不正确：${r.error.issues.map((i) => i.message).join('；')}`);
    const { identity, stored } = await this.load();
    return sealKeyFile(stored, await this.readState(identity.publicKey), r.data.passphrase, this.now());
  }

  /**
   * Takes the key from a key file (the old laptop's). Refused with a wrong passphrase, and when
   * this laptop's own key already signed files (they would stop being this office's key without
   * anyone being told): reset first, or tell the city of the change instead.
   */
  async importKey(request: unknown): Promise<PublicIdentity> {
    const r = ImportKeyRequestSchema.safeParse(request);
    if (!r.success) throw new KeyTransferError(`导入请求不正确：${r.error.issues.map((i) => i.message).join('；')}`);
    const opened = await openKeyFile(r.data.data, r.data.passphrase);
    const state = opened.state === null ? null : SigningStateSchema.safeParse(opened.state);
    if (state && (!state.success || state.data.publicKey !== opened.identity.publicKey)) throw new KeyTransferError('密钥文件中的签名记录不正确，不能导入');
    const current = await this.existing();
    if (current && current.stored.publicKey !== opened.identity.publicKey && (await this.readState(current.stored.publicKey))) {
      throw new KeyTransferError('本机的密钥已经签过交换文件，不能被替换。如确要改用旧电脑的密钥，请先在“设置”中重置本机（重置前会备份）。');
    }
    const identity = await importIdentity(opened.identity).catch((e: unknown) => {
      throw new KeyTransferError(`密钥文件中的密钥无法使用：${e instanceof Error ? e.message : String(e)}`);
    });
    await this.writeKey(opened.identity);
    if (state?.success) await this.writeState(state.data);
    else if (!current || current.stored.publicKey !== opened.identity.publicKey) await rm(this.stateFile, { force: true });
    this.loaded = Promise.resolve({ identity, stored: opened.identity });
    return this.identity();
  }

  /** Starts again with a new key (the old one lost, or no longer to be used); the signing state starts afresh. */
  async newKey(): Promise<NewKeyResult> {
    const before = await this.existing().catch(() => null);
    const identity = await generateIdentity(true);
    const stored = await exportIdentity(identity, this.deviceId(), this.now());
    await this.writeKey(stored);
    await rm(this.stateFile, { force: true });
    this.loaded = Promise.resolve({ identity, stored });
    const pub = (s: StoredIdentity): PublicIdentity => ({ publicKey: s.publicKey, fingerprint: s.fingerprint, createdAt: s.createdAt });
    return { previous: before ? pub(before.stored) : null, current: pub(stored) };
  }

  /** Removes the key and its signing state (a reset of the laptop, after its backup). */
  async erase(): Promise<void> {
    await this.signing;
    await rm(this.stateFile, { force: true });
    await rm(`${this.stateFile}.tmp`, { force: true });
    await rm(this.file, { force: true });
    this.loaded = null;
  }

  /** The key on disk, or null when there is none yet (never creates one). */
  private async existing(): Promise<{ identity: Identity; stored: StoredIdentity } | null> {
    try {
      await readFile(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    }
    this.loaded = null;
    return this.load();
  }

  private async writeKey(stored: StoredIdentity): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    await writeFile(temporary, await this.seal(JSON.stringify(stored)), { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, this.file);
  }

  private get stateFile(): string {
    return `${this.file}.state`;
  }

  private async signOne(request: unknown): Promise<string> {
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
    const state = this.admit(manifest, await this.readState(identity.publicKey));
    await this.writeState(state);
    return signBytes(identity, bytes);
  }

  /** The state after signing `manifest`, or a refusal: another office, or a sequence not above the last. */
  private admit(manifest: BundleManifest, state: SigningState | null): SigningState {
    const { officeCode, deviceId, sequence } = manifest;
    if (state && state.officeCode !== officeCode) {
      throw new KeyVaultError(`本机密钥只为 ${state.officeCode} 签名，拒绝为 ${officeCode} 的交换文件签名`);
    }
    const others = (state?.sequences ?? []).filter((s) => s.deviceId !== deviceId);
    const last = state?.sequences.find((s) => s.deviceId === deviceId)?.sequence ?? 0;
    if (sequence <= last) {
      throw new KeyVaultError(`序号 ${sequence} 不大于本机为设备 ${deviceId} 签过的最大序号 ${last}，拒绝签名（序号只能增加）`);
    }
    if (last === 0 && others.length >= MAX_SIGNING_DEVICES) {
      throw new KeyVaultError(`本机密钥已为 ${MAX_SIGNING_DEVICES} 个设备标识签名，拒绝为新的设备标识 ${deviceId} 签名`);
    }
    return { kind: 'zwc-vault-state', publicKey: manifest.publicKey, officeCode, sequences: [...others, { deviceId, sequence }] };
  }

  /** Null when nothing was signed with this key yet; a damaged file is an error, never a fresh start. */
  private async readState(publicKey: string): Promise<SigningState | null> {
    let raw: string;
    try {
      raw = await readFile(this.stateFile, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new KeyVaultError(`无法读取签名记录 ${this.stateFile}：${String(e)}`);
    }
    let state: SigningState;
    try {
      state = SigningStateSchema.parse(JSON.parse(raw));
    } catch (e) {
      throw new KeyVaultError(
        `签名记录 ${this.stateFile} 已损坏（${e instanceof Error ? e.message : String(e)}），为防止重复使用序号，暂停签名。请从备份恢复该文件；若删除它，本机将重新开始记录，但可能重复使用已发出的序号`,
      );
    }
    return state.publicKey === publicKey ? state : null;
  }

  /** Written to a temporary file and renamed over the old one, so a crash leaves one or the other. */
  private async writeState(state: SigningState): Promise<void> {
    const temporary = `${this.stateFile}.tmp`;
    await mkdir(dirname(this.stateFile), { recursive: true });
    await writeFile(temporary, JSON.stringify(state), { mode: 0o600 });
    await rename(temporary, this.stateFile);
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
        const stored = StoredIdentitySchema.parse(JSON.parse(await this.unseal(raw)));
        return { identity: await importIdentity(stored), stored };
      } catch (e) {
        throw new KeyVaultError(`密钥文件 ${this.file} 已损坏或无法解密（${e instanceof Error ? e.message : String(e)}）。请从备份恢复，或删除后重新生成并通知各方重新登记`);
      }
    }
    const identity = await generateIdentity(true);
    const stored = await exportIdentity(identity, this.deviceId(), this.now());
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, await this.seal(JSON.stringify(stored)), { mode: 0o600 });
    await chmod(this.file, 0o600);
    return { identity, stored };
  }

  private async seal(plain: string): Promise<Buffer> {
    return (await this.box.available()) ? Buffer.concat([SEALED, await this.box.encrypt(plain)]) : Buffer.concat([PLAIN, Buffer.from(plain, 'utf8')]);
  }

  private async unseal(raw: Buffer): Promise<string> {
    const magic = raw.subarray(0, 4);
    if (magic.equals(SEALED)) return this.box.decrypt(raw.subarray(4));
    if (magic.equals(PLAIN)) return raw.subarray(4).toString('utf8');
    throw new Error('不是本软件的密钥文件');
  }
}
