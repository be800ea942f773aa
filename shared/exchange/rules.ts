/**
 * The importer's rules beyond the file itself, as pure functions shared by the app
 * (shared/app/exchange-service.ts) and the command line (cli/zwc.ts), so both refuse
 * exactly the same bundles with the same reasons.
 */
import { divisionName, isSubordinateOf } from '../domain/divisions';
import type { OfficeLevel } from '../domain/office';
import { MAX_DRIFT_MS, parseStamp } from '../sync/hlc';
import { BundleError } from './errors';
import { BUNDLE_TABLES, keyFieldOf, type BundleTableName } from './records';
import type { BundlePayload } from './bundle-format';
import { TABLE_LABELS } from '../views/table-labels';

/** Who is importing: an office accepts its own laptops' bundles, and a city also its counties'. */
export interface Receiver {
  officeCode: string;
  level: OfficeLevel;
}

export function accepts(receiver: Receiver, officeCode: string): boolean {
  return officeCode === receiver.officeCode || (receiver.level === 'city' && isSubordinateOf(officeCode, receiver.officeCode));
}

/** The receiver of a division code, by GB/T 2260: `xxxx00` (not `xx0000`) is a city, anything else a county. */
export function receiverOf(officeCode: string): Receiver {
  return { officeCode, level: /^\d{2}(?!00)\d{2}00$/.test(officeCode) ? 'city' : 'county' };
}

export function wrongReceiverError(receiver: Receiver, officeCode: string): BundleError {
  const whose = `${divisionName(officeCode)}（${officeCode}）`;
  const message =
    receiver.level === 'city'
      ? `这是 ${whose} 的交换文件，不属于本市（${divisionName(receiver.officeCode)}）所辖旗区，不能导入`
      : `这是 ${whose} 的交换文件；本机是 ${divisionName(receiver.officeCode)}，只接收本单位其他电脑的文件（上报请交给市无废办）`;
  return new BundleError('wrong-office', message, { officeCode });
}

/** Refuses a bundle the receiver does not take, whatever its signature. */
export function checkReceiver(receiver: Receiver, officeCode: string): void {
  if (!accepts(receiver, officeCode)) throw wrongReceiverError(receiver, officeCode);
}

/**
 * Refuses stamps more than a day ahead of the receiver's clock: merged, they would drag every
 * later local edit along (the hybrid clock refuses them too, shared/sync/hlc.ts). `_updated` is
 * the latest stamp of each record (validatePayload checks that).
 */
export function checkStampsNotFuture(payload: BundlePayload, since: string | undefined, now: Date): void {
  const limit = now.getTime() + MAX_DRIFT_MS;
  // A stamp (checked by validatePayload) is 15 digits of milliseconds, 6 of counter and a device of
  // letters, digits, - and _, so one later than the limit, and only such a one, sorts after this
  // text: the limit's 15 digits, the largest counter, and '~' (after every character a device
  // uses). Only those are parsed.
  const ceiling = limit >= 0 && limit < 1e15 ? `${String(Math.floor(limit)).padStart(15, '0')}:999999:~` : '';
  let worst: { table: BundleTableName; key: string; millis: number } | null = null;
  for (const table of BUNDLE_TABLES) {
    for (const r of payload.tables[table]) {
      if (r._updated <= ceiling) continue;
      const { millis } = parseStamp(r._updated);
      if (millis > limit && (!worst || millis > worst.millis)) worst = { table, key: String(r[keyFieldOf(table)]), millis };
    }
  }
  if (since !== undefined && parseStamp(since).millis > limit && !worst) worst = { table: 'offices', key: 'since', millis: parseStamp(since).millis };
  if (worst) {
    throw new BundleError(
      'future-stamp',
      `交换文件中的修订时间比本机时钟晚一天以上（${TABLE_LABELS[worst.table]} ${worst.key}：${new Date(worst.millis).toISOString()}），` +
        '可能是对方电脑的日期设错了。请核对两台电脑的日期和时间后，让对方重新导出',
    );
  }
}

/** The office owning each key locally, undefined where the key is not stored: a batch lookup per table. */
export type LocalOwners = (table: BundleTableName, keys: readonly string[], officeCode: string) => Promise<readonly (string | undefined)[]>;

/**
 * Refuses records whose key is already stored here under another office: an office's bundle may
 * only add or change that office's records. (Ids carry the office's namespace, so this only
 * happens with data from before that rule, or tampering; it is checked anyway.)
 */
export async function checkNoForeignRecords(payload: BundlePayload, officeCode: string, owners: LocalOwners): Promise<void> {
  const foreign: string[] = [];
  for (const table of BUNDLE_TABLES) {
    const keyField = keyFieldOf(table);
    const rows = payload.tables[table];
    if (!rows.length) continue;
    const keys: string[] = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) keys[i] = String(rows[i][keyField]);
    const found = await owners(table, keys, officeCode);
    for (let i = 0; i < keys.length; i++) {
      const owner = found[i];
      if (owner !== undefined && owner !== officeCode) foreign.push(`${TABLE_LABELS[table]} ${keys[i]}（本机记为 ${divisionName(owner)} ${owner} 的记录）`);
    }
  }
  if (foreign.length) {
    throw new BundleError(
      'foreign-record',
      `交换文件由 ${officeCode} 签名，却要改写本机其他单位的 ${foreign.length} 条记录，例如：${foreign.slice(0, 3).join('、')}。此文件不能导入`,
      { officeCode, problems: foreign.slice(0, 5) },
    );
  }
}
