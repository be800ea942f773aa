import type { TABLE_LABELS } from './table-labels';
import { formatPeriodZh } from '../domain/time';

/** A stored table's name (plan tables, logs and offices). */
export type LabelledTable = keyof typeof TABLE_LABELS;

/**
 * What a clerk calls a record, in lists, the bin, previews and conflict lists. Knowing the table
 * sharpens it: a task as "领域 序号 名称", a report as "期 进展：内容", an indicator value by its
 * year (and month). Otherwise, or for other tables: the record's title, else its name, else a
 * report's month and text, else its id (an office's code).
 *
 * A report or an indicator value says little without its task, project or indicator: where those
 * can be looked up, use {@link namedRecord}.
 */
export function recordLabel(record: Record<string, unknown>, table?: LabelledTable): string {
  if (table === 'tasks') return taskLabel(record);
  if (table === 'progress') return `${periodText(record.period)} 进展：${String(record.thisMonth ?? '')}`;
  if (table === 'indicatorValues') return `${yearMonthText(record.year, record.month)} 指标值`;
  if (table === 'problems') return `问题：${String(record.text ?? '')}`;
  for (const key of ['title', 'name']) if (typeof record[key] === 'string' && record[key]) return record[key] as string;
  if (typeof record.thisMonth === 'string' && record.thisMonth) return `${periodText(record.period)} 进展：${record.thisMonth}`;
  return String(record.id ?? record.code);
}

/** Tables whose records other records point at, and that a lookup can find by id. */
export type LookupTable = 'tasks' | 'projects' | 'indicators' | 'departments' | 'leaders';
const LOOKUP_TABLES: readonly LookupTable[] = ['tasks', 'projects', 'indicators', 'departments', 'leaders'];

/** A row a lookup found; `deleted` when it is in the bin (stored rows carry `_deleted`). */
export interface FoundRecord {
  record: Readonly<Record<string, unknown>>;
  deleted: boolean;
}

/** Finds the records others point at (a report's task, a value's indicator, a unit by its id), live or deleted. */
export interface RecordLookup {
  find(table: LookupTable, id: string): FoundRecord | undefined;
}

/** Rows per table, as a bundle, a storage read or a plan holds them. */
export type LookupSource = Partial<Record<LookupTable, readonly object[]>>;

/**
 * A lookup over several sources; where two hold the same id, the earlier source wins (an import
 * preview passes the file's records first, then this laptop's). Rows may be plain records or
 * stored rows: a stored row whose `_deleted` is set counts as deleted.
 */
export function recordLookup(...sources: readonly LookupSource[]): RecordLookup {
  const maps = new Map<LookupTable, Map<string, FoundRecord>>();
  for (const table of LOOKUP_TABLES) {
    const map = new Map<string, FoundRecord>();
    for (const source of sources) {
      for (const row of source[table] ?? []) {
        const r = row as Record<string, unknown>;
        const id = r.id;
        if (typeof id !== 'string' || map.has(id)) continue;
        map.set(id, { record: r, deleted: r._deleted !== null && r._deleted !== undefined });
      }
    }
    maps.set(table, map);
  }
  return { find: (table, id) => maps.get(table)?.get(id) };
}

/** A lookup that finds nothing. */
export const EMPTY_LOOKUP: RecordLookup = { find: () => undefined };

function periodText(period: unknown): string {
  return typeof period === 'string' && /^\d{4}-\d{2}$/.test(period) ? formatPeriodZh(period) : String(period ?? '');
}

function yearMonthText(year: unknown, month: unknown): string {
  if (typeof year === 'number' && typeof month === 'number') return formatPeriodZh(`${year}-${String(month).padStart(2, '0')}`);
  return `${String(year)}年`;
}

function taskLabel(task: Readonly<Record<string, unknown>>): string {
  return [task.domainLabel, task.number, task.title].filter((p) => typeof p === 'string' && p !== '').join(' ');
}

function nameOf(record: Readonly<Record<string, unknown>>): string {
  return typeof record.name === 'string' && record.name ? record.name : String(record.id ?? record.code ?? '');
}

const GONE = '（已删除）';

/** The task or project a report is on: "任务 工业固体废物 3 尾矿综合利用", "项目 某某项目". */
function subjectText(report: Readonly<Record<string, unknown>>, lookup: RecordLookup): string {
  const isProject = report.subjectKind === 'project';
  const found = typeof report.subjectId === 'string' ? lookup.find(isProject ? 'projects' : 'tasks', report.subjectId) : undefined;
  if (!found) return isProject ? '未知项目' : '未知任务';
  const name = isProject ? nameOf(found.record) : taskLabel(found.record);
  return `${isProject ? '项目' : '任务'} ${name}${found.deleted ? GONE : ''}`;
}

function indicatorText(value: Readonly<Record<string, unknown>>, lookup: RecordLookup): string {
  const found = typeof value.indicatorId === 'string' ? lookup.find('indicators', value.indicatorId) : undefined;
  return found ? `${nameOf(found.record)}${found.deleted ? GONE : ''}` : '未知指标';
}

/**
 * A record named with what it belongs to, the one way the bin, import previews, conflicts and the
 * audit trail name records:
 * - a report: "任务 工业固体废物 3 尾矿综合利用 · 2026年11月 进展：完成排查" (or "项目 名称 · …");
 * - an indicator value: "一般工业固体废物综合利用率 2025年 指标值" (a monthly one "2025年11月");
 * - a task: "工业固体废物 3 尾矿综合利用" (numbers restart in each domain, so the domain is kept);
 * - a project, indicator, unit or leader: its name; an office: its name, else its code.
 * A parent the lookup cannot find is "未知任务/项目/指标"; one in the bin is marked （已删除）.
 * `withText: false` leaves a report's own text off (when it is shown beside the label).
 */
export function namedRecord(record: Readonly<Record<string, unknown>>, table: LabelledTable, lookup: RecordLookup = EMPTY_LOOKUP, options: { withText?: boolean } = {}): string {
  switch (table) {
    case 'progress': {
      const head = `${subjectText(record, lookup)} · ${periodText(record.period)} 进展`;
      const text = typeof record.thisMonth === 'string' ? record.thisMonth.trim() : '';
      return options.withText === false || !text ? head : `${head}：${text}`;
    }
    case 'indicatorValues':
      return `${indicatorText(record, lookup)} ${yearMonthText(record.year, record.month)} 指标值`;
    case 'tasks':
      return taskLabel(record) || String(record.id);
    case 'problems':
      return `${subjectText(record, lookup)} · 问题：${String(record.text ?? '')}`;
    case 'offices':
      return nameOf(record);
    default:
      return nameOf(record);
  }
}
