import type { ZodType, ZodTypeDef } from 'zod';
import type { LedgerDb } from './schema';

export type { WorkspaceSettings } from '../../../shared/app/settings';

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
