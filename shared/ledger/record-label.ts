import type { TABLE_LABELS } from './table-labels';

/** A stored table's name (plan tables, logs and offices). */
export type LabelledTable = keyof typeof TABLE_LABELS;

/**
 * What a clerk calls a record, in lists, the bin, previews and conflict lists. Knowing the table
 * sharpens it: a task as "领域 序号 名称", a report as "期 进展：内容", an indicator value by its
 * year (and month). Otherwise, or for other tables: the record's title, else its name, else a
 * report's month and text, else its id (an office's code).
 */
export function recordLabel(record: Record<string, unknown>, table?: LabelledTable): string {
  if (table === 'tasks') return `${String(record.domainLabel)} ${String(record.number)} ${String(record.title)}`;
  if (table === 'progress') return `${String(record.period)} 进展：${String(record.thisMonth ?? '')}`;
  if (table === 'indicatorValues') return `${String(record.year)}年${record.month ? `${String(record.month)}月` : ''} 指标值`;
  for (const key of ['title', 'name']) if (typeof record[key] === 'string' && record[key]) return record[key] as string;
  if (typeof record.thisMonth === 'string' && record.thisMonth) return `${String(record.period)} 进展：${record.thisMonth}`;
  return String(record.id ?? record.code);
}
