/**
 * The envelope's rules on every record (bundle-format.ts): a record passing them in the one-pass
 * check (envelopeFine) is exactly one the detailed loops find nothing wrong with. Each rule broken
 * alone, in each place a stamp or a text can be, is refused with its own words; the record as
 * exported is accepted.
 */
import { validatePayload } from '../../shared/exchange/bundle-format';
import { BundleError } from '../../shared/exchange/errors';
import { emptyTables, type BundleTableName, type StoredRecord } from '../../shared/exchange/records';
import { realisticOffice } from '../../scripts/bench-data';

const office = realisticOffice();
const STAMP = office.progress[0]._updated;
const LATER = `${String(Number(STAMP.slice(0, 15)) + 1000).padStart(15, '0')}${STAMP.slice(15)}`;
const AT_LIMIT = `${STAMP.slice(0, 16)}999999${STAMP.slice(22)}`;

function refusal(table: BundleTableName, change: (r: Record<string, unknown>) => void): string {
  const record = structuredClone(office[table][0]) as unknown as Record<string, unknown>;
  change(record);
  const tables = emptyTables();
  tables[table] = [record as unknown as StoredRecord];
  try {
    validatePayload({ tables });
    return 'accepted';
  } catch (e) {
    if (e instanceof BundleError) return e.message;
    throw e;
  }
}

describe('the envelope rules, record by record', () => {
  it('accepts the records as exported', () => {
    expect(refusal('progress', () => undefined)).toBe('accepted');
    expect(refusal('tasks', () => undefined)).toBe('accepted');
  });

  it.each<[string, BundleTableName, (r: Record<string, unknown>) => void, RegExp]>([
    ['a field stamped later than _updated', 'progress', (r) => ((r._stamps as Record<string, string>).status = LATER), /_updated 应是记录上最晚的修订戳/],
    ['_deleted later than _updated', 'progress', (r) => (r._deleted = LATER), /_updated 应是记录上最晚的修订戳/],
    ['a device seen later than _updated', 'progress', (r) => (r._seen = { laptopA: STAMP, laptopB: LATER }), /_updated 应是记录上最晚的修订戳/],
    ['_updated at the counter limit', 'progress', (r) => {
      r._updated = AT_LIMIT;
      for (const k of Object.keys(r._stamps as object)) (r._stamps as Record<string, string>)[k] = AT_LIMIT;
    }, /计数已到上限/],
    ['a seen stamp at the counter limit', 'progress', (r) => (r._seen = { laptopA: AT_LIMIT }), /计数已到上限/],
    ['a stamp for a field the table does not have', 'progress', (r) => ((r._stamps as Record<string, string>).colour = STAMP), /修订戳中有未知字段 colour/],
    ['a field without its stamp', 'progress', (r) => delete (r._stamps as Record<string, string>).status, /字段 status 没有修订戳/],
    ['a direction override in a text', 'progress', (r) => (r.thisMonth = '完成\u202e调查'), /控制字符或文字方向控制符（U\+202E）/],
    ['a control character deep in a task', 'tasks', (r) => ((r.deadline as { text: string }).text = '2025年\u0007底'), /控制字符或文字方向控制符（U\+0007）/],
  ])('refuses %s', (_what, table, change, message) => {
    expect(refusal(table, change)).toMatch(message);
  });
});
