import { fingerprintOf, publicKeyBytes, sameFingerprint } from '../../exchange/identity';

/**
 * 换机说明: what a county office sends the city when its laptop's signing key changed (a new
 * laptop that did not bring the old key, a lost or reinstalled one). The city registers the new
 * key where it registers keys (数据交换 → 可信密钥 → 更换密钥: the new public key replaces the old
 * one, which is revoked), after reading the new fingerprint back to the county over the phone.
 * The text is plain so it can be printed, sealed and faxed, or sent as a file.
 */
export interface KeyChange {
  officeCode: string;
  officeName: string;
  /** The old key's fingerprint; null when it cannot be read any more (the city finds it in its list). */
  oldFingerprint: string | null;
  newFingerprint: string;
  newPublicKey: string;
  /** 2026年11月24日 */
  date: string;
  deviceId?: string;
}

const LINE = {
  office: '单位',
  code: '区划代码',
  date: '日期',
  old: '原密钥指纹',
  fresh: '新密钥指纹',
  key: '新公钥',
} as const;

export function keyChangeNotice(c: KeyChange): string {
  return [
    '无废城市建设台账 · 换机说明（签名密钥更换）',
    '',
    `${LINE.office}：${c.officeName}无废办`,
    `${LINE.code}：${c.officeCode}`,
    `${LINE.date}：${c.date}`,
    `${LINE.old}：${c.oldFingerprint ?? '不详（原电脑的密钥已无法读取，请在可信密钥中按单位查找）'}`,
    `${LINE.fresh}：${c.newFingerprint}`,
    `${LINE.key}：${c.newPublicKey}`,
    ...(c.deviceId ? [`设备标识：${c.deviceId}`] : []),
    '',
    '请市无废办在“数据交换 → 可信密钥”中找到本单位的原密钥，点“更换密钥”，把上面的新公钥粘贴到“公钥”一栏登记；',
    '登记前请打电话与本单位逐组核对新密钥指纹。原密钥登记后即被吊销，之后用原密钥签名的文件一律不接受。',
    '',
    '经办人：________________    联系电话：________________    （盖章）',
  ].join('\n');
}

export class KeyChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyChangeError';
  }
}

/**
 * Reads a 换机说明 back (the city's side), checking that the new public key is a key and that its
 * fingerprint is the one written: a mistyped or altered line is refused, naming the line.
 */
export async function readKeyChangeNotice(text: string): Promise<Omit<KeyChange, 'date' | 'deviceId'> & { date: string }> {
  const value = (label: string): string | undefined => new RegExp(`^${label}[：:]\\s*(.+)$`, 'm').exec(text)?.[1]?.trim();
  const need = (label: string): string => {
    const v = value(label);
    if (!v) throw new KeyChangeError(`换机说明中缺少“${label}”一行`);
    return v;
  };
  const officeCode = need(LINE.code);
  if (!/^\d{6}$/.test(officeCode)) throw new KeyChangeError(`换机说明中“${LINE.code}”不是 6 位数字：${officeCode}`);
  const newPublicKey = need(LINE.key);
  try {
    publicKeyBytes(newPublicKey);
  } catch (e) {
    throw new KeyChangeError(`换机说明中“${LINE.key}”不正确：${e instanceof Error ? e.message : String(e)}`);
  }
  const newFingerprint = need(LINE.fresh);
  if (!sameFingerprint(await fingerprintOf(newPublicKey), newFingerprint)) throw new KeyChangeError(`换机说明中“${LINE.fresh}”与新公钥不符，请与对方核对`);
  const old = need(LINE.old);
  return {
    officeCode,
    officeName: need(LINE.office).replace(/无废办$/, ''),
    oldFingerprint: /^[0-9 ]+$/.test(old) ? old : null,
    newFingerprint,
    newPublicKey,
    date: need(LINE.date),
  };
}
