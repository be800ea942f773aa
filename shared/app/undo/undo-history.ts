import { z } from 'zod';
import type { Change } from '../change';
import { readSetting, writeSetting } from '../settings';
import type { StoragePort } from '../storage';
import type { RecordsService } from '../records-service';

/** The setting that keeps the inverses of the clerk's latest actions, so undo survives a reload. */
const UNDO_KEY = 'ledger.undo';

/** How many actions can be undone. */
export const UNDO_DEPTH = 50;

const RefSchema = z.object({ table: z.string(), id: z.string() }).passthrough();

/**
 * A stored inverse change. Its records are checked again by RecordsService.apply when it is undone,
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

const UndoHistorySchema = z.array(StoredChangeSchema).max(UNDO_DEPTH);

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

/**
 * Undo as a service of the workspace, the same for the app and `zwc undo`: every change a clerk
 * makes goes through `commit`, which applies it and keeps its inverse; `undo` applies the latest
 * inverse. The history lives in the workspace's settings, not in one window's memory: undo survives
 * a reload, every window of the app sees one history, and a command-line run (a process per
 * command) can undo what the previous run did.
 */
export class UndoService {
  constructor(
    private readonly storage: StoragePort,
    private readonly records: Pick<RecordsService, 'apply'>,
  ) {}

  /** The inverses of the latest actions, oldest first. */
  history(): Promise<Change[]> {
    return readUndoHistory(this.storage);
  }

  /** What undo would undo next (its label names the action), or undefined when there is nothing. */
  async next(): Promise<Change | undefined> {
    const stack = await this.history();
    return stack[stack.length - 1];
  }

  /** Applies a clerk's change and makes it undoable; returns its inverse. Throws ValidationError on bad input. */
  async commit(change: Change): Promise<Change> {
    const inverse = await this.records.apply(change);
    await writeUndoHistory(this.storage, [...(await this.history()), inverse]);
    return inverse;
  }

  /** Undoes the latest action; returns what was undone (its label without “撤销：”), or null when there is nothing to undo. */
  async undo(): Promise<string | null> {
    const stack = await this.history();
    const last = stack[stack.length - 1];
    if (!last) return null;
    await this.records.apply(last);
    await writeUndoHistory(this.storage, stack.slice(0, -1));
    return undoneLabel(last);
  }
}

/** The action an inverse undoes, in the clerk's words: its label without the “撤销：” the ledger puts before it. */
export function undoneLabel(inverse: Pick<Change, 'label'>): string {
  return inverse.label.replace(/^撤销：/, '');
}
