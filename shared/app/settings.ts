import { z, type ZodType, type ZodTypeDef } from 'zod';
import { OfficeLevelSchema } from '../domain/office';
import { DEVICE_ID_PATTERN, parseStamp, type ClockState } from '../sync/hlc';
import type { StoragePort, StorageReader, StorageWriter } from './storage';

/** Which office this workspace keeps and in what role; written once at set-up. */
export const WorkspaceSettingsSchema = z.object({
  officeCode: z.string().regex(/^\d{6}$/),
  role: OfficeLevelSchema,
  setupAt: z.string(),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;

export const WORKSPACE_KEY = 'workspace';
const DEVICE_ID_KEY = 'deviceId';

/** A setting as stored, unchecked: only for values this program alone writes and reads back whole (key objects). */
export async function readRawSetting(storage: StorageReader, key: string): Promise<unknown> {
  return (await storage.get('settings', key))?.value;
}

/** A setting read through its schema instead of a cast; a stored value that does not fit is an error, not a guess. */
export async function readSetting<T>(storage: StorageReader, key: string, schema: ZodType<T, ZodTypeDef, unknown>): Promise<T | undefined> {
  const row = await storage.get('settings', key);
  if (row === undefined) return undefined;
  const r = schema.safeParse(row.value);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(`本机设置 ${key} 已损坏：${first ? `${first.path.join('.') || '根'} ${first.message}` : '格式不正确'}`);
  }
  return r.data;
}

export async function writeSetting(storage: StorageWriter, key: string, value: unknown): Promise<void> {
  await storage.bulkPut('settings', [{ key, value }]);
}

export function workspaceSettings(storage: StorageReader): Promise<WorkspaceSettings | undefined> {
  return readSetting(storage, WORKSPACE_KEY, WorkspaceSettingsSchema);
}

/** A random id for this installation, made once and kept. */
export async function deviceIdOf(storage: StoragePort, random: (n: number) => Uint8Array): Promise<string> {
  const existing = await readSetting(storage, DEVICE_ID_KEY, z.string().regex(DEVICE_ID_PATTERN));
  if (existing) return existing;
  const id = Array.from(random(8), (b) => b.toString(16).padStart(2, '0')).join('');
  await storage.transaction((tx) => writeSetting(tx, DEVICE_ID_KEY, id));
  return id;
}

/**
 * Where the clock must resume: after the highest stamp already stored, so a laptop whose clock
 * was set back never writes stamps older than its own earlier edits.
 */
export async function lastClockState(storage: StorageReader): Promise<ClockState> {
  let best = { millis: 0, counter: 0 };
  for (const table of ['offices', 'departments', 'leaders', 'tasks', 'projects', 'indicators', 'progress', 'indicatorValues'] as const) {
    const row = await storage.latest(table);
    if (row) {
      const s = parseStamp(row._updated);
      if (s.millis > best.millis || (s.millis === best.millis && s.counter > best.counter)) best = { millis: s.millis, counter: s.counter };
    }
  }
  return best;
}
