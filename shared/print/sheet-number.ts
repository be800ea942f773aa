import { z } from 'zod';
import type { Office } from '../domain/office';
import { NumberedKindSchema, type NumberedKind } from '../domain/issued-sheet';

export { NumberedKindSchema, type NumberedKind };

export const NUMBERED_KIND_LABELS: Record<NumberedKind, string> = { assignment: '任务交办单', supervision: '督办单' };

/** "{year}" is the issue year, "{n}" the running number within the year. */
export const NumberPatternSchema = z
  .string()
  .min(3)
  .max(60)
  .refine((p) => p.includes('{n}'), '编号格式须含 {n}（当年序号）')
  .refine((p) => !/[\\/:*?"<>|]/.test(p), '编号格式含有不能用于文件名的字符');

/** What the office prints on its sheets; kept in the workspace's settings, edited in the print dialog. */
export const PrintSettingsSchema = z
  .object({
    /** 发文机关署名: the issuing office's full name. */
    issuer: z.string().min(1).max(80),
    /** Short name used in running text ("报送旗无废办"). */
    issuerShort: z.string().min(1).max(30),
    patterns: z.object({ assignment: NumberPatternSchema, supervision: NumberPatternSchema }).strict(),
    contact: z.string().max(40),
    phone: z.string().max(40),
    /** How departments report: the Excel fill-in form, the printed sheet, or either. */
    reportMethod: z.enum(['form', 'sheet', 'either']),
    /** Days a department has to answer a 督办单. */
    answerDays: z.number().int().min(1).max(90),
  })
  .strict();
export type PrintSettings = z.infer<typeof PrintSettingsSchema>;

/** The one-character office prefix of a sheet number: 伊旗 → 伊, 昆区 → 昆, 鄂尔多斯市 → 鄂. */
function officePrefix(office: Pick<Office, 'name' | 'shortName'>): string {
  return [...(office.shortName ?? office.name)][0] ?? '';
}

/** The issuing office's short name as a county office calls itself (旗无废办, 区无废办, 市无废办). */
function shortIssuer(office: Pick<Office, 'name'>): string {
  const last = [...office.name].pop() ?? '';
  return `${['旗', '区', '县', '市'].includes(last) ? last : ''}无废办`;
}

export function defaultPrintSettings(office: Pick<Office, 'name' | 'shortName'>): PrintSettings {
  const prefix = officePrefix(office);
  return {
    issuer: `${office.name}“无废城市”建设工作领导小组办公室`,
    issuerShort: shortIssuer(office),
    patterns: { assignment: `${prefix}无废交〔{year}〕{n}号`, supervision: `${prefix}无废督〔{year}〕{n}号` },
    contact: '',
    phone: '',
    reportMethod: 'either',
    answerDays: 10,
  };
}

/**
 * The running part of a number: "n" on the office's first laptop (本机编号 1), "k-n" on laptop k.
 * Laptops of one office that number while apart therefore never write the same text: with one
 * pattern and a four-digit year, the running part sits at a fixed place in the number, and "5",
 * "2-5" and "3-5" differ (test/app/issued-sheets.test.ts checks it as a property).
 */
function runningPart(n: number | string, series = 1): string {
  return series > 1 ? `${series}-${n}` : String(n);
}

export function formatSheetNumber(pattern: string, year: number, n: number, series = 1): string {
  return pattern.replaceAll('{year}', String(year)).replaceAll('{n}', runningPart(n, series));
}

/** What a sheet shows before it is issued: the pattern with the running number a box (□) to be filled in. */
export function draftSheetNumber(pattern: string, year: number, series = 1): string {
  return pattern.replaceAll('{year}', String(year)).replaceAll('{n}', runningPart('□', series));
}
