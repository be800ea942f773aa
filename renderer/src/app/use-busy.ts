import { useCallback, useState } from 'react';
import { App as AntApp } from 'antd';
import { messageOf } from './error-text';

/**
 * Long work behind one of several buttons: `busy` names the one running (it shows loading, and no
 * button can start another run meanwhile); a failure is shown as the error's own Chinese message,
 * after what failed when `failure` names it (“打印失败：…”), instead of an unhandled rejection.
 */
export function useBusyKey<K extends string>(): { busy: K | null; run: (key: K, work: () => Promise<unknown>, failure?: string) => Promise<void> } {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<K | null>(null);
  const run = useCallback(
    async (key: K, work: () => Promise<unknown>, failure?: string) => {
      setBusy(key);
      try {
        await work();
      } catch (e) {
        message.error(failure ? `${failure}失败：${messageOf(e)}` : messageOf(e));
      } finally {
        setBusy(null);
      }
    },
    [message],
  );
  return { busy, run };
}

/** A button's long work: `busy` while it runs, a failure shown as its Chinese message (useBusyKey for one button). */
export function useBusy(): { busy: boolean; run: (work: () => Promise<unknown>, failure?: string) => Promise<void> } {
  const { busy, run } = useBusyKey<'busy'>();
  const runOne = useCallback((work: () => Promise<unknown>, failure?: string) => run('busy', work, failure), [run]);
  return { busy: busy !== null, run: runOne };
}
