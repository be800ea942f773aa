import { z } from 'zod';

const SCALE = 10000n;

/**
 * Amounts in 万元 as decimal strings ("1234.5"), never binary floats: investment totals are summed
 * across dozens of projects and banners and must add up to the yuan. Four decimals of 万元 is one yuan.
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
