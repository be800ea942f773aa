import { useCallback, useState } from 'react';
import { App as AntApp } from 'antd';
import { messageOf } from './error-text';

/**
 * A button's long work: `busy` while it runs (the button shows loading and cannot run twice), and a
 * failure shown as the error's own Chinese message instead of an unhandled rejection.
 */
export function useBusy(): { busy: boolean; run: (work: () => Promise<unknown>) => Promise<void> } {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      setBusy(true);
      try {
        await work();
      } catch (e) {
        message.error(messageOf(e));
      } finally {
        setBusy(false);
      }
    },
    [message],
  );
  return { busy, run };
}
