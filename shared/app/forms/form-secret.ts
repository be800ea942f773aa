import { z } from 'zod';
import { FORM_SECRET_KEY } from '../../xlsx/form-seal';
import { fromBase64, toBase64 } from '../../exchange/bytes';
import { readSetting, writeSetting } from '../settings';
import type { StoragePort } from '../storage';

/** 32 random bytes, kept as standard base64 (44 characters). */
const SecretSchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, '不是 32 字节的签发密钥');

/**
 * The office's department-form secret (issue 24): the key of the HMAC that seals each issued form
 * and its rows (shared/xlsx/form-seal.ts). Made once per workspace from the workspace's random
 * source and kept in the settings, so a backup carries it and a restored workspace still verifies
 * the forms it issued before. Read and made in one transaction: two windows never make two.
 */
export async function formSecretOf(storage: StoragePort, random: (n: number) => Uint8Array): Promise<Uint8Array> {
  const existing = await readSetting(storage, FORM_SECRET_KEY, SecretSchema);
  if (existing) return fromBase64(existing);
  const fresh = random(32);
  if (fresh.length !== 32) throw new Error('随机数来源没有给出 32 字节，无法生成填报表签发密钥');
  const kept = await storage.transaction(async (tx) => {
    const raced = await tx.get('settings', FORM_SECRET_KEY);
    const other = SecretSchema.safeParse(raced?.value);
    if (other.success) return other.data;
    const text = toBase64(fresh);
    await writeSetting(tx, FORM_SECRET_KEY, text);
    return text;
  });
  return fromBase64(kept);
}
