/**
 * The issued-sheet register (发文登记: which 交办单/督办单 number went to which department) as it
 * travels in an office's bundle from format version 2 on, so the office's laptops know each other's
 * numbers. It is not a stamped table: sheets are never edited except for their receipt, and the
 * receiving laptop merges them with mergeRegisters (shared/app/issued-sheets.ts).
 *
 *   payload.register = {officeCode, series, sheets: [IssuedSheet, …]}
 *
 * `series` is the exporting laptop's 本机编号, so a laptop of the same office that has the same one
 * can say so before two sheets share a number. Like every record, the register speaks only for
 * the office that signed the bundle: its `officeCode`, and every department, task and project a
 * sheet names, belong to that office (checkRegisterBelongsTo).
 */
import { z } from 'zod';
import { DivisionCodeSchema } from '../domain/office';
import { DeviceSeriesSchema, IssuedSheetSchema, type IssuedSheet } from '../domain/issued-sheet';
import { BundleError } from './errors';
import type { BundleLimits } from './limits';
import { idBelongsTo } from './ownership';

export interface BundleRegister {
  officeCode: string;
  series: number;
  sheets: IssuedSheet[];
}

const RegisterHeadSchema = z.object({ officeCode: DivisionCodeSchema, series: DeviceSeriesSchema, sheets: z.array(z.unknown()) }).strict();

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a payload's `register` member: its shape, the number of sheets against the limit and
 * the manifest, and every sheet against the register's schema (text lengths included). Problems go
 * to `problems`, as the record problems do; the caller refuses the file.
 */
export function validateRegister(raw: unknown, declared: number | undefined, limits: BundleLimits, problems: string[]): BundleRegister | undefined {
  if (!isObject(raw)) {
    problems.push('发文登记：不是对象');
    return undefined;
  }
  const head = RegisterHeadSchema.safeParse(raw);
  if (!head.success) {
    problems.push(...head.error.issues.slice(0, 3).map((i) => `发文登记 ${i.path.join('.') || ''}：${i.message}`));
    return undefined;
  }
  const rows = head.data.sheets;
  if (rows.length > limits.maxSheets) throw new BundleError('over-limit', `交换文件中的发文登记超过 ${limits.maxSheets} 份的上限，已拒绝`);
  if (declared !== undefined && declared !== rows.length) problems.push(`发文登记：清单写明 ${declared} 份，实际 ${rows.length} 份`);
  const sheets: IssuedSheet[] = [];
  for (let i = 0; i < rows.length && problems.length < limits.maxProblems; i++) {
    const r = IssuedSheetSchema.safeParse(rows[i]);
    const row = rows[i];
    const name = isObject(row) && typeof row.number === 'string' ? row.number.slice(0, 40) : `#${i + 1}`;
    if (r.success) sheets.push(r.data);
    else problems.push(...r.error.issues.slice(0, 3).map((issue) => `发文登记 ${name}：${issue.path.join('.') || '登记'} ${issue.message}`));
  }
  return { officeCode: head.data.officeCode, series: head.data.series, sheets };
}

/**
 * A key trusted for one office writes that office's register only: the register names the signing
 * office, and every department, task and project on its sheets is in that office's id namespace.
 */
export function registerProblems(register: BundleRegister, officeCode: string): string[] {
  const out: string[] = [];
  if (register.officeCode !== officeCode) out.push(`发文登记（属于 ${register.officeCode}）`);
  for (const s of register.sheets) {
    const foreign = [s.departmentId, ...s.taskIds, ...s.projectIds].find((id) => !idBelongsTo(id, officeCode));
    if (foreign) out.push(`发文登记 ${s.number}（${foreign} 不以 ${officeCode}- 开头）`);
  }
  return out;
}
