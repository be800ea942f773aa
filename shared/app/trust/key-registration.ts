/**
 * Registering another laptop's key by hand (数据交换 → 可信密钥 → 登记密钥): which offices a key can
 * be registered for, in the order a clerk needs them, and what is wrong with a pasted key, in plain
 * words (a clerk knows 公钥 and 指纹 from the screens, not bytes or base64).
 */
import { fingerprintOf, PUBLIC_KEY_BYTES } from '../../exchange/identity';
import { fromBase64, toBase64 } from '../../exchange/bytes';
import { overseenOffices } from '../../views/city-overview';
import { divisionName } from '../../domain/divisions';
import type { StorageReader } from '../storage';
import type { TrustEntry } from '../../exchange/trust';

/** One office a key can be registered for, with how many valid keys it has already. */
export interface RegistrationOffice {
  code: string;
  name: string;
  /** Keys of this office trusted now (not revoked). */
  registered: number;
  /** This installation's own office (its other laptops). */
  own: boolean;
}

/**
 * The offices a key can be registered for: at a city, its county offices (those without a key
 * first, each group by code) and then the city itself; at a county office, only itself.
 */
export async function registrationOffices(
  ws: { storage: StorageReader },
  office: { code: string; name: string },
  level: 'city' | 'county',
  keys: readonly Pick<TrustEntry, 'officeCode' | 'revoked'>[],
): Promise<RegistrationOffice[]> {
  const count = (code: string) => keys.filter((k) => k.officeCode === code && !k.revoked).length;
  const officeCode = office.code;
  const own: RegistrationOffice = { code: officeCode, name: office.name || divisionName(officeCode), registered: count(officeCode), own: true };
  if (level !== 'city') return [own];
  const stored = (await ws.storage.listBy('offices', 'parentCode', officeCode)).filter((o) => o._deleted === null);
  const counties = overseenOffices(officeCode, stored).map((o) => ({ ...o, registered: count(o.code), own: false }));
  return [...counties.filter((o) => o.registered === 0), ...counties.filter((o) => o.registered > 0), own];
}

/** A pasted key, read: the key itself and the fingerprint to compare by phone, or what is wrong with it. */
export type KeyText = { ok: true; publicKey: string; fingerprint: string } | { ok: false; message: string };

const WHERE = '请在对方电脑的“数据交换”页，点“本机签名密钥 → 公钥”后面的复制按钮，把整段文字发来粘贴到这里';
const KEY_CHARS = Math.ceil(PUBLIC_KEY_BYTES / 3) * 4;

/**
 * Reads a key as pasted (spaces and line breaks from a chat message are dropped). Every refusal
 * says what the clerk can do; none speaks of bytes or encodings.
 */
export async function readKeyText(text: string): Promise<KeyText> {
  const key = text.replace(/\s+/g, '');
  if (!key) return { ok: false, message: `还没有填写公钥。${WHERE}` };
  if (/^\d{32}$/.test(key)) return { ok: false, message: `这是密钥指纹（8 组数字），不是公钥。指纹用于电话核对；${WHERE}` };
  if (!/^[A-Za-z0-9+/=]+$/.test(key)) return { ok: false, message: `公钥里有不该出现的字符（如汉字、标点），可能多复制了别的内容。${WHERE}` };
  if (key.length !== KEY_CHARS) {
    const how = key.length < KEY_CHARS ? '少了' : '多了';
    return { ok: false, message: `公钥应为 ${KEY_CHARS} 个字符，这里是 ${key.length} 个，${how} ${Math.abs(KEY_CHARS - key.length)} 个，可能没有复制完整。${WHERE}` };
  }
  let canonical = false;
  try {
    const raw = fromBase64(key);
    canonical = raw.length === PUBLIC_KEY_BYTES && toBase64(raw) === key;
  } catch {
    canonical = false;
  }
  if (!canonical) return { ok: false, message: `公钥的个别字符不对，可能是手工抄写时出错。${WHERE}` };
  return { ok: true, publicKey: key, fingerprint: await fingerprintOf(key) };
}
