import { z } from 'zod';
import type { Change } from './change';
import { readSetting, writeSetting } from './settings';
import type { StoragePort } from './storage';

/** The setting that keeps the inverses of the clerk's latest actions, so undo survives a reload. */
export const UNDO_KEY = 'ledger.undo';

/** How many actions can be undone. */
export const UNDO_DEPTH = 50;

const RefSchema = z.object({ table: z.string(), id: z.string() }).passthrough();

/**
 * A stored inverse change. Its records are checked again by LedgerService.apply when it is undone,
 * so here only its shape is: a label and lists of records and references.
 */
const StoredChangeSchema = z
  .object({
    label: z.string(),
    creates: z.array(z.object({ table: z.string(), record: z.object({ id: z.string() }).passthrough() })).optional(),
    edits: z.array(z.object({ table: z.string(), id: z.string(), patch: z.record(z.unknown()) })).optional(),
    appends: z.array(z.object({ table: z.string(), record: z.object({ id: z.string() }).passthrough() })).optional(),
    deletes: z.array(RefSchema).optional(),
    restores: z.array(RefSchema).optional(),
  })
  // Other kinds of change (office edits) are kept as they are; apply() checks them.
  .passthrough();

export const UndoHistorySchema = z.array(StoredChangeSchema).max(UNDO_DEPTH);

/** The undo history as stored; an unreadable one is dropped (undo is a convenience), never a failure to start. */
export async function readUndoHistory(storage: StoragePort): Promise<Change[]> {
  try {
    return ((await readSetting(storage, UNDO_KEY, UndoHistorySchema)) ?? []) as Change[];
  } catch {
    return [];
  }
}

export async function writeUndoHistory(storage: StoragePort, stack: readonly Change[]): Promise<void> {
  await storage.transaction((tx) => writeSetting(tx, UNDO_KEY, stack.slice(-UNDO_DEPTH)));
}
