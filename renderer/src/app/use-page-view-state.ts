import { useCallback, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useAppState } from './store';
import { EMPTY_VIEW, filtersFromTable, pageViewKey, parsePageView, serialisePageView, sortFromTable, type FilterValue, type PageView } from './page-view-state';

/**
 * A page's view (sort, filters, search, table page, opened groups) kept while the clerk goes to
 * another page and comes back, and across a reload of the window.
 *
 * Kept in sessionStorage, per office and page, not in the workspace's settings: a view is how
 * this window looks, not a record. It is not written to the database on every keystroke, not
 * carried into backups and exchange files, not pushed to another window, and a new window (the
 * next day's start) opens each list as published: sorted by number, unfiltered.
 */
export function usePageViewState(page: string, defaults?: Partial<PageView>) {
  const officeCode = useAppState((s) => (s.phase.kind === 'ready' ? s.phase.settings.officeCode : ''));
  const key = pageViewKey(officeCode, page);
  const [view, setViewState] = useState<PageView>(() => parsePageView(readSaved(key), { ...EMPTY_VIEW, ...defaults }));

  const setView = useCallback(
    (patch: Partial<PageView> | ((v: PageView) => Partial<PageView>)) => {
      setViewState((v) => {
        const next = { ...v, ...(typeof patch === 'function' ? patch(v) : patch) };
        save(key, next);
        return next;
      });
    },
    [key],
  );
  const setFilter = useCallback(
    (name: string, value: FilterValue | undefined | null) =>
      setView((v) => {
        const filters = { ...v.filters };
        if (value === undefined || value === null || value === false || (Array.isArray(value) && value.length === 0)) delete filters[name];
        else filters[name] = value;
        return { filters, page: 1 };
      }),
    [setView],
  );
  /** For antd Table's onChange: the sort, the column filters and the page the clerk chose. */
  const onTableChange = useCallback(
    (pagination: TablePaginationConfig, filters: Record<string, unknown>, sorter: unknown) =>
      setView((v) => {
        const kept = Object.fromEntries(Object.entries(v.filters).filter(([name]) => !(name in filters)));
        return { sort: sortFromTable(sorter), filters: { ...kept, ...filtersFromTable(filters) }, page: pagination.current ?? 1 };
      }),
    [setView],
  );
  return { view, setView, setFilter, onTableChange };
}

function readSaved(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function save(key: string, view: PageView): void {
  try {
    window.sessionStorage.setItem(key, serialisePageView(view));
  } catch {
    // A full or refused storage: the view is still kept while the page is open.
  }
}
