import { namedRecord } from '../../views/record-label';
import { TABLE_LABELS } from '../../views/table-labels';
import type { Change, RecordTable } from '../change';
import type { RecordsService } from '../records-service';

/** One deleted record, as 回收站 lists it. */
export interface BinRow {
  table: RecordTable;
  id: string;
  /** The record with what it belongs to and, for a report, its text. */
  label: string;
  /** The same without a report's text, for messages. */
  name: string;
  deletedAt: string;
}

export const BIN_TABLES: readonly RecordTable[] = ['tasks', 'projects', 'indicators', 'departments', 'leaders', 'progress', 'indicatorValues', 'problems'];

/** 回收站: an office's deleted records, newest first (a report or a value named by what it is about, found among live and deleted records). */
export async function binRows(records: Pick<RecordsService, 'lookup' | 'deleted'>, officeCode: string): Promise<BinRow[]> {
  const lookup = await records.lookup(officeCode);
  const lists = await Promise.all(
    BIN_TABLES.map(async (table) =>
      (await records.deleted(table, officeCode)).map((d) => {
        const record = d.record as Record<string, unknown>;
        return { table, id: d.record.id, label: namedRecord(record, table, lookup), name: namedRecord(record, table, lookup, { withText: false }), deletedAt: d.deletedAt };
      }),
    ),
  );
  return lists.flat().sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

/** Putting a deleted record back (undoable). */
export function restoreChange(row: Pick<BinRow, 'table' | 'id' | 'name'>): Change {
  return { label: `恢复${TABLE_LABELS[row.table]} ${row.name}`, restores: [{ table: row.table, id: row.id }] };
}
