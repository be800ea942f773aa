import { recordLookup, type LookupTable, type RecordLookup } from '../views/record-label';
import type { StorageReader } from './storage';

const TABLES: readonly LookupTable[] = ['tasks', 'projects', 'indicators', 'departments', 'leaders'];

/**
 * One office's tasks, projects, indicators, units and leaders as stored here, deleted ones too:
 * what the bin and the audit trail name records by (a report in the bin may belong to a task that
 * is in the bin as well).
 */
export async function storedLookup(storage: StorageReader, officeCode: string): Promise<RecordLookup> {
  const lists = await Promise.all(TABLES.map((t) => storage.listBy(t, 'officeCode', officeCode)));
  return recordLookup(Object.fromEntries(TABLES.map((t, i) => [t, lists[i]])));
}
