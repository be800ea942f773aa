import { useCallback, useEffect } from 'react';
import { App as AntApp, type FormInstance } from 'antd';

/**
 * Unsaved work: every open form registers how to tell whether it holds typing that is not saved.
 * Closing a drawer or a dialog (its ×, Esc, a click outside), going to another page and reloading
 * the window all ask first when any form does. Nothing here knows about records: the forms say.
 */
const checks = new Map<symbol, () => boolean>();

export function registerUnsaved(isDirty: () => boolean): () => void {
  const key = Symbol('form');
  checks.set(key, isDirty);
  return () => void checks.delete(key);
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

/** Mounted once: the browser's own question before a reload or closing the window with unsaved work. */
export function UnsavedWorkGuard() {
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
