import { z } from 'zod';

const SCALE = 10000n;

/**
 * Amounts in 万元 as decimal strings ("1234.5"), never binary floats: investment totals are summed
 * across dozens of projects and counties and must add up to the yuan. Four decimals of 万元 is one yuan.
 */
export const WanYuanSchema = z
  .string()
  .regex(/^\d+(\.\d{1,4})?$/, '金额应为非负数，单位万元，最多4位小数')
  .refine((s: string) => !(Number(s) > MAX_WAN_YUAN), '金额不能超过 100000000 万元（1 万亿元），请核对单位是否为万元');
export type WanYuan = z.infer<typeof WanYuanSchema>;

/** The largest amount accepted, 万元: 1 万亿元. Anything above is a typing error for a county office. */
export const MAX_WAN_YUAN = 100_000_000;

/** Whole yuan, as a bigint, from a 万元 decimal string. */
export function wanToYuan(amount: WanYuan): bigint {
  const [whole, frac = ''] = amount.split('.');
  return BigInt(whole) * SCALE + BigInt(frac.padEnd(4, '0'));
}

export function yuanToWan(yuan: bigint): WanYuan {
  const whole = yuan / SCALE;
  const frac = (yuan % SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

export function sumWan(amounts: readonly (WanYuan | null | undefined)[]): WanYuan {
  let total = 0n;
  for (const a of amounts) if (a) total += wanToYuan(a);
  return yuanToWan(total);
}

/** Reads a clerk's input: "1,234.5", " 12 " → canonical form, or null if it is not an amount. */
export function parseWan(input: string): WanYuan | null {
  const cleaned = input.replace(/[,，\s]/g, '').replace(/万元$|万$/, '');
  return WanYuanSchema.safeParse(cleaned).success ? yuanToWan(wanToYuan(cleaned)) : null;
}

/** Ratio of two amounts as a percentage with one decimal, or null when the base is zero. */
export function percentOf(part: WanYuan, whole: WanYuan): number | null {
  const w = wanToYuan(whole);
  if (w === 0n) return null;
  return Number((wanToYuan(part) * 1000n) / w) / 10;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9 };
const CN_SMALL: Record<string, bigint> = { 十: 10n, 拾: 10n, 百: 100n, 佰: 100n, 千: 1000n, 仟: 1000n };
/** Arabic parts ("1亿2000万", "2.5亿") are kept to this many decimals while the units multiply them. */
const MICRO = 1_000_000n;

/**
 * An amount written in Chinese numerals as offices write investment (三千万元, 一亿二千万元,
 * 两千五百万元, 壹仟万元, also mixed with digits: 1亿2000万元, 2.5亿元), in 万元; null if it is not
 * such an amount or is ambiguous (二百五: 250 or 205?). Without 万/亿/元 the number itself is 万元
 * (三千 in a 投资（万元） column). Amounts finer than a yuan are refused, as parseWan does.
 */
export function parseChineseWan(input: string): WanYuan | null {
  let t = input.replace(/[\s,，]/g, '').replace(/^(人民币|约|共计|总投资)/, '');
  const yuan = /元$/.test(t);
  t = t.replace(/元$/, '');
  if (!t || !/[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿]/.test(t)) return null;
  const bigUnits = /[万亿]/.test(t);
  // All values in millionths (MICRO) of the text's own unit.
  let yi = 0n;
  let wan = 0n;
  let section = 0n;
  let num: bigint | null = null;
  let lastSmall = 0n;
  let seenWan = false;
  let i = 0;
  while (i < t.length) {
    const ch = t[i];
    const arabic = /^\d+(?:\.\d{1,6})?/.exec(t.slice(i));
    if (arabic) {
      if (num !== null) return null;
      const [w, f = ''] = arabic[0].split('.');
      num = BigInt(w) * MICRO + BigInt(f.padEnd(6, '0'));
      i += arabic[0].length;
      lastSmall = 0n;
      continue;
    }
    if (ch in CN_DIGITS) {
      const d = BigInt(CN_DIGITS[ch]) * MICRO;
      if (num !== null && d !== 0n && num !== 0n) return null;
      num = d === 0n && num !== null ? num : d;
      i++;
      continue;
    }
    if (ch in CN_SMALL) {
      const u = CN_SMALL[ch];
      if (lastSmall && u >= lastSmall && num === null) return null;
      section += (num ?? (section === 0n ? MICRO : -1n)) * u;
      if (section < 0n) return null;
      num = null;
      lastSmall = u;
      i++;
      continue;
    }
    if (ch === '万') {
      if (seenWan) return null;
      wan = section + (num ?? 0n);
      if (wan === 0n) return null;
      section = 0n;
      num = null;
      lastSmall = 0n;
      seenWan = true;
      i++;
      continue;
    }
    if (ch === '亿') {
      if (seenWan || yi) return null;
      yi = section + (num ?? 0n);
      if (yi === 0n) return null;
      section = 0n;
      num = null;
      lastSmall = 0n;
      i++;
      continue;
    }
    return null;
  }
  // A bare digit after 百/千 (二百五, 三千五) is colloquial shorthand: 250 or 205 cannot be told.
  if (num !== null && num !== 0n && lastSmall > 10n && !/零/.test(t.slice(-2))) return null;
  const rest = section + (num ?? 0n);
  // In millionths of a yuan (or of a 万元 when the text has no unit).
  const micro = yi * 100_000_000n + wan * 10_000n + rest;
  const inYuan = bigUnits || yuan ? micro : micro * 10_000n;
  if (inYuan % MICRO !== 0n) return null;
  const out = yuanToWan(inYuan / MICRO);
  return WanYuanSchema.safeParse(out).success ? out : null;
}
