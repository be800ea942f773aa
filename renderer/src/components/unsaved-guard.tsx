import { useCallback, useEffect } from 'react';
import { App as AntApp, type FormInstance } from 'antd';
import { desktop } from '../platform';

/**
 * Unsaved work: every open form registers how to tell whether it holds typing that is not saved.
 * Closing a drawer or a dialog (its ×, Esc, a click outside), going to another page (the menu, the
 * browser's back and forward buttons) and reloading the window all ask first when any form does.
 * Nothing here knows about records: the forms say.
 */
const checks = new Map<symbol, () => boolean>();
/** Told when a form comes or goes (the report to the desktop shell). */
const changeListeners = new Set<() => void>();

export function registerUnsaved(isDirty: () => boolean): () => void {
  const key = Symbol('form');
  checks.set(key, isDirty);
  for (const l of changeListeners) l();
  return () => {
    checks.delete(key);
    for (const l of changeListeners) l();
  };
}

export function hasUnsavedWork(): boolean {
  for (const isDirty of checks.values()) if (isDirty()) return true;
  return false;
}

/** A form without a record to compare with (a new record, a dialog): dirty once a field was touched. */
export function useTouchedGuard(form: FormInstance, active = true): void {
  useEffect(() => (active ? registerUnsaved(() => form.isFieldsTouched()) : undefined), [form, active]);
}

/** Asks "放弃未保存的内容？" when there is unsaved work; resolves true when it may go ahead. */
export function useConfirmDiscard(): () => Promise<boolean> {
  const { modal } = AntApp.useApp();
  return useCallback(async () => {
    if (!hasUnsavedWork()) return true;
    return new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '有尚未保存的内容',
        content: '刚才填写或修改的内容还没有保存。放弃这些内容吗？',
        okText: '放弃修改',
        okButtonProps: { danger: true },
        cancelText: '继续填写',
        autoFocusButton: 'cancel',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  }, [modal]);
}

/** Wraps a close handler (drawer, dialog) so unsaved work is asked about first. */
export function useGuardedClose(onClose: () => void): () => void {
  const confirmDiscard = useConfirmDiscard();
  return useCallback(() => {
    void confirmDiscard().then((ok) => {
      if (ok) onClose();
    });
  }, [confirmDiscard, onClose]);
}

/**
 * The desktop shell asks before its window closes (留下 / 离开, electron/lib/close-prompt.ts), so it
 * is told whether anything is unsaved: after every keystroke, change, click and form coming or
 * going, and every two seconds, only when the answer changed.
 */
function useReportUnsavedToShell(): void {
  useEffect(() => {
    const report = desktop.reportUnsaved;
    if (!report) return;
    let last: boolean | null = null;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      pending = null;
      const unsaved = hasUnsavedWork();
      if (unsaved === last) return;
      last = unsaved;
      void report({ unsaved }).catch(() => (last = null));
    };
    const soon = () => {
      pending ??= setTimeout(check, 0);
    };
    const events = ['input', 'change', 'keyup', 'click'] as const;
    for (const e of events) document.addEventListener(e, soon, true);
    changeListeners.add(soon);
    const timer = setInterval(check, 2000);
    check();
    return () => {
      for (const e of events) document.removeEventListener(e, soon, true);
      changeListeners.delete(soon);
      clearInterval(timer);
      if (pending) clearTimeout(pending);
    };
  }, []);
}

/** Mounted once: the browser's own question before a reload or closing the window with unsaved work. */
export function UnsavedWorkGuard() {
  useReportUnsavedToShell();
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedWork()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  return null;
}

/** A page the clerk already agreed to go to (the menu asked): its hash change is not asked about again. */
let approvedHash: string | null = null;

/** Goes to a page after the clerk was asked (or nothing was unsaved): `/tasks`. */
export function goToApproved(route: string): void {
  if (window.location.hash === `#${route}`) return;
  approvedHash = `#${route}`;
  window.location.hash = route;
}

/**
 * Pages are hash routes (#/tasks). The browser's back and forward buttons, and a typed address,
 * change the hash without asking anyone: with unsaved work the window stays where it was and the
 * clerk is asked; only then does the route change. `onRoute` is called for every change that goes ahead.
 */
export function useGuardedHashRoute(onRoute: () => void): void {
  const confirmDiscard = useConfirmDiscard();
  useEffect(() => {
    // Routes are compared by their hash: "#/tasks"; "" (and "#") for the start page.
    let current = window.location.hash;
    let asking = false;
    const onHashChange = () => {
      const target = window.location.hash;
      if (target === current) return;
      if (target === approvedHash || !hasUnsavedWork()) {
        approvedHash = null;
        current = target;
        onRoute();
        return;
      }
      // Put the address back while the clerk decides (pushState fires no event); pressing back
      // again comes back here and asks again.
      window.history.pushState(window.history.state, '', current || window.location.pathname + window.location.search);
      if (asking) return;
      asking = true;
      void confirmDiscard().then((ok) => {
        asking = false;
        if (!ok) return;
        current = target;
        window.location.hash = target;
        onRoute();
      });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [confirmDiscard, onRoute]);
}
