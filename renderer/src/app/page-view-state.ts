/**
 * How a list page was left: its column sort, its filters, its search text, its table page and
 * the groups opened on it. Kept per office and page in the window's sessionStorage (see
 * use-page-view-state.ts), so it survives leaving the page and a reload; a value that does not
 * parse (an older version, a hand edit, a full quota) is ignored and the page opens as new.
 * Pure: no React, no storage, unit-tested.
 */

export type SortOrder = 'ascend' | 'descend';
/** A filter's value: one choice, several, or a switch. */
export type FilterValue = string | number | boolean | (string | number)[];

export interface PageView {
  /** The column sorted by (its key) and the direction; null: no column sort. */
  sort: { key: string; order: SortOrder } | null;
  filters: Record<string, FilterValue>;
  text: string;
  /** 1-based page of a paginated table. */
  page: number;
  /** Keys of opened groups (月度调度's departments). */
  expanded: string[];
}

export const EMPTY_VIEW: PageView = { sort: null, filters: {}, text: '', page: 1, expanded: [] };

const MAX_TEXT = 200;
const MAX_ITEMS = 500;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function filterValue(v: unknown): FilterValue | undefined {
  if (typeof v === 'boolean' || isScalar(v)) return v;
  if (Array.isArray(v) && v.length <= MAX_ITEMS && v.every(isScalar)) return v;
  return undefined;
}

/** The saved view, or the defaults for whatever part of it is missing or malformed. */
export function parsePageView(raw: string | null | undefined, defaults: PageView = EMPTY_VIEW): PageView {
  if (!raw) return defaults;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return defaults;
  }
  if (!isRecord(data)) return defaults;
  const view: PageView = { ...defaults, filters: { ...defaults.filters } };
  if ('sort' in data) {
    const s = data.sort;
    if (s === null) view.sort = null;
    else if (isRecord(s) && typeof s.key === 'string' && s.key && (s.order === 'ascend' || s.order === 'descend')) view.sort = { key: s.key, order: s.order };
  }
  if (isRecord(data.filters)) {
    const filters: Record<string, FilterValue> = {};
    for (const [k, v] of Object.entries(data.filters)) {
      const value = filterValue(v);
      if (value !== undefined) filters[k] = value;
    }
    view.filters = filters;
  }
  if (typeof data.text === 'string' && data.text.length <= MAX_TEXT) view.text = data.text;
  if (typeof data.page === 'number' && Number.isInteger(data.page) && data.page >= 1) view.page = data.page;
  if (Array.isArray(data.expanded) && data.expanded.length <= MAX_ITEMS && data.expanded.every((k) => typeof k === 'string')) view.expanded = data.expanded as string[];
  return view;
}

export function serialisePageView(view: PageView): string {
  return JSON.stringify({ ...view, text: view.text.slice(0, MAX_TEXT) });
}

/** The storage key of one office's page: `zwc.view.150627.tasks`. */
export function pageViewKey(officeCode: string, page: string): string {
  return `zwc.view.${officeCode}.${page}`;
}

/** antd's sortOrder for a column: its direction when it is the sorted one, else null (unsorted). */
export function sortOrderOf(view: Pick<PageView, 'sort'>, key: string): SortOrder | null {
  return view.sort?.key === key ? view.sort.order : null;
}

/** What antd's Table onChange reports as its sorter (one column, or several), as the view's sort. */
export function sortFromTable(sorter: unknown): PageView['sort'] {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!isRecord(one)) return null;
  const key = one.columnKey ?? one.field;
  const order = one.order;
  return typeof key === 'string' && (order === 'ascend' || order === 'descend') ? { key, order } : null;
}

/** antd's Table filters ({ columnKey: values | null }) as the view's filters, dropping empty ones. */
export function filtersFromTable(filters: Record<string, unknown>): Record<string, FilterValue> {
  const out: Record<string, FilterValue> = {};
  for (const [k, v] of Object.entries(filters)) {
    const value = filterValue(v);
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) out[k] = value;
  }
  return out;
}

// Typed reads of a filter: a value of another type (a stale or edited save) reads as absent.
export function stringFilter(view: PageView, key: string): string | undefined {
  const v = view.filters[key];
  return typeof v === 'string' ? v : undefined;
}

export function listFilter<T extends string | number>(view: PageView, key: string, allowed?: readonly T[]): T[] {
  const v = view.filters[key];
  if (!Array.isArray(v)) return [];
  return (allowed ? v.filter((x): x is T => (allowed as readonly (string | number)[]).includes(x)) : v) as T[];
}

export function flagFilter(view: PageView, key: string): boolean {
  return view.filters[key] === true;
}

/** Columns with the view's sort applied: each sortable column with a key gets its controlled sortOrder. */
export function withViewSort<C extends { key?: unknown; sorter?: unknown }>(columns: readonly C[], view: Pick<PageView, 'sort'>): C[] {
  return columns.map((c) => (c.sorter && typeof c.key === 'string' ? ({ ...c, sortOrder: sortOrderOf(view, c.key) } as C) : c));
}
