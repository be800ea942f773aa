import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { goToApproved, hasUnsavedWork, useConfirmDiscard } from '../components/unsaved-guard';
import { recordInHash, routeWithoutRecord, routeWithRecord, tabInHash, type OpenedRecord, type RecordPage } from './record-route';

/**
 * Hash routes. A page is "#/monthly"; a task or project opened on it adds itself to the address,
 * "#/monthly?task=<id>" or "#/dashboard?project=<id>", and its drawer opens over the page the
 * clerk is on. The page stays mounted underneath with everything the clerk had open (月度调度's
 * departments, the list's scroll), the browser's back button closes the drawer, and closing the
 * drawer comes back to the page as it was. "#/tasks?open=<id>" (older links) still opens a task.
 */
export type { OpenedRecord, RecordPage } from './record-route';

/** The last record opened in this window: the address it was opened from and its own. */
let lastOpened: { from: string; to: string } | null = null;

/** Opens a task's or project's drawer over the page the clerk is on (one step back in the browser's history closes it). */
export function openRecord(page: RecordPage, id: string): void {
  const from = window.location.hash;
  const to = `#${routeWithRecord(from, { page, id })}`;
  if (to === from) return;
  lastOpened = { from, to };
  window.location.hash = to.slice(1);
}

/**
 * Shows another record in the drawer instead of this one (月度调度's 下一项): the address is
 * replaced, so the back button and closing still return to the page the first one was opened from.
 */
function replaceRecord(page: RecordPage, id: string): void {
  const from = window.location.hash;
  const to = `#${routeWithRecord(from, { page, id })}`;
  if (to === from) return;
  if (lastOpened?.to === from) lastOpened = { ...lastOpened, to };
  window.location.replace(to);
}

function currentRecord(): OpenedRecord | null {
  return recordInHash(window.location.hash);
}

const same = (a: OpenedRecord | null, b: OpenedRecord | null) => a?.page === b?.page && a?.id === b?.id;

/**
 * The record the address opens on this page, and how to close it. A page that shows records
 * renders their drawer for it. The address is read after the unsaved-work guard has had its say
 * (it puts the address back when the clerk keeps typing), so a drawer with unsaved typing stays.
 */
export function useOpenedRecord(): { record: OpenedRecord | null; close: () => void; showInstead: (next: OpenedRecord) => Promise<void> } {
  const [record, setRecord] = useState<OpenedRecord | null>(currentRecord);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onHashChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setRecord((r) => (same(r, currentRecord()) ? r : currentRecord())));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('hashchange', onHashChange);
    };
  }, []);
  const close = useCallback(() => {
    // The drawer and its forms go first, so leaving its address asks nothing a second time.
    flushSync(() => setRecord(null));
    const hash = window.location.hash;
    if (!recordInHash(hash)) return;
    // Opened from this page in this window: step back, as the browser's back button would.
    if (lastOpened && lastOpened.to === hash && !recordInHash(lastOpened.from)) {
      lastOpened = null;
      window.history.back();
    } else goToApproved(routeWithoutRecord(hash));
  }, []);
  const confirmDiscard = useConfirmDiscard();
  const showInstead = useCallback(
    async (next: OpenedRecord) => {
      if (hasUnsavedWork()) {
        if (!(await confirmDiscard())) return;
        // As when closing: the forms holding the discarded typing go before the address changes.
        flushSync(() => setRecord(null));
      }
      replaceRecord(next.page, next.id);
    },
    [confirmDiscard],
  );
  return { record, close, showInstead };
}

/** "#/exchange?tab=conflicts": the tab a link asked for, or null. */
export function requestedTab(): string | null {
  return tabInHash(window.location.hash);
}
