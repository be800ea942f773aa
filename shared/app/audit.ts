import type { AuditEntry, ImportedChange } from './storage';

/**
 * The audit trail of imports: one row per import (not one per record), naming every record the
 * import changed and the fields whose value changed. A record's history (records.auditOf) finds
 * that row among its office's import rows (`officeCode`) and shows it as one line of the record's
 * own history.
 */

/** What the import row says of its file: which bundle, from which office and laptop, which sequence. */
export interface ImportSource {
  bundleId: string;
  /** "<office name> <device id>". */
  from: string;
  sequence: number;
}

/**
 * The row an import writes; null when it changed no record (nothing is written then). `officeCode`
 * is the office whose records the file carries (its manifest's): the one index entry of the row.
 */
export function importAuditRow(
  source: ImportSource,
  officeCode: string,
  changes: readonly ImportedChange[],
  base: Pick<AuditEntry, 'at' | 'stamp' | 'deviceId' | 'actor'>,
): AuditEntry | null {
  if (!changes.length) return null;
  return {
    ...base,
    table: '*',
    recordId: `import:${source.bundleId}`,
    field: '*',
    action: 'merge',
    before: null,
    after: source,
    changes: [...changes],
    officeCode,
  };
}

/**
 * One record's view of an audit row: an import row becomes the line for this record alone (its
 * table, its id, the fields the import changed in `after.fields`), without the other records.
 */
export function entryForRecord(row: AuditEntry, recordId: string): AuditEntry {
  if (!row.changes) return row;
  const mine = row.changes.filter((c) => c.id === recordId);
  const { changes: _all, recordIds: _ids, officeCode: _office, ...rest } = row;
  const fields = [...new Set(mine.flatMap((c) => c.fields))];
  return { ...rest, table: mine[0]?.table ?? row.table, recordId, after: { ...(isObject(row.after) ? row.after : {}), fields } };
}

/** Whether an import row names the record (a row of any other kind does not). */
export function namesRecord(row: AuditEntry, recordId: string): boolean {
  return row.changes?.some((c) => c.id === recordId) ?? false;
}

/** A record's history, oldest first: its own rows and the import rows naming it. */
export function recordHistory(own: readonly AuditEntry[], imports: readonly AuditEntry[], recordId: string): AuditEntry[] {
  const bySeq = new Map<number | string, AuditEntry>();
  for (const r of [...own, ...imports]) bySeq.set(r.seq ?? `${r.stamp}:${r.recordId}`, entryForRecord(r, recordId));
  return [...bySeq.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where an import came from, as its row says ("鄂尔多斯市 laptopA"); null for any other row. */
export function importSourceOf(entry: AuditEntry): string | null {
  if (entry.action !== 'merge' || !isObject(entry.after)) return null;
  return typeof entry.after.from === 'string' ? entry.after.from : null;
}

/** The fields an import changed in this record (empty for a record it added, or an old row). */
export function importedFieldsOf(entry: AuditEntry): string[] {
  if (entry.action !== 'merge' || !isObject(entry.after) || !Array.isArray(entry.after.fields)) return [];
  return entry.after.fields.filter((f): f is string => typeof f === 'string' && f !== '*');
}

const ACTIONS: Record<AuditEntry['action'], string> = { create: '新增', update: '修改', delete: '删除', restore: '恢复', seed: '载入方案', merge: '合并导入' };

/** The 操作 column of a record's history: "合并导入（来自 鄂尔多斯市 laptopA）" for an import. */
export function auditActionText(entry: AuditEntry): string {
  const from = importSourceOf(entry);
  return from ? `合并导入（来自 ${from}）` : ACTIONS[entry.action];
}
