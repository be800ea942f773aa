import type { ZodType, ZodTypeDef } from 'zod';
import type { OfficeLevel } from '../../../shared/domain/office';
import { parseStamp, type ClockState } from '../../../shared/sync/hlc';
import type { LedgerDb } from './schema';

export interface WorkspaceSettings {
  officeCode: string;
  role: OfficeLevel;
  setupAt: string;
}

export async function readSetting<T>(db: LedgerDb, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined;
}

/** A setting read through its schema instead of a cast; a stored value that does not fit is an error, not a guess. */
export async function readParsedSetting<T>(db: LedgerDb, key: string, schema: ZodType<T, ZodTypeDef, unknown>): Promise<T | undefined> {
  const row = await db.settings.get(key);
  if (row === undefined) return undefined;
  const r = schema.safeParse(row.value);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(`本机设置 ${key} 已损坏：${first ? `${first.path.join('.') || '根'} ${first.message}` : '格式不正确'}`);
  }
  return r.data;
}

export async function writeSetting(db: LedgerDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** A random id for this installation, made once and kept. */
export async function deviceIdOf(db: LedgerDb): Promise<string> {
  const existing = await readSetting<string>(db, 'deviceId');
  if (existing) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  await writeSetting(db, 'deviceId', id);
  return id;
}

/**
 * Where the clock must resume: after the highest stamp already stored, so a laptop whose clock
 * was set back never writes stamps older than its own earlier edits.
 */
export async function lastClockState(db: LedgerDb): Promise<ClockState> {
  let best = { millis: 0, counter: 0 };
  for (const table of [db.departments, db.leaders, db.tasks, db.projects, db.indicators, db.progress, db.indicatorValues]) {
    const last = (await table.orderBy('_updated').last()) as { _updated: string } | undefined;
    if (!last) continue;
    const s = parseStamp(last._updated);
    if (s.millis > best.millis || (s.millis === best.millis && s.counter > best.counter)) best = { millis: s.millis, counter: s.counter };
  }
  return best;
}
