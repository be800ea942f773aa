import { useCallback, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import type { Receiver } from '../../../../shared/app/exchange/exchange-service';
import { batchSummary, type BatchEntry, type BatchItem, type BatchResult } from '../../../../shared/app/exchange/import-batch';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../../../../shared/exchange/bundle-format';
import type { OpenFileFilter } from '../../../../shared/platform/desktop-api';
import { useAppState, useWorkspace } from '../../app/store';
import { desktop } from '../../platform';
import { readPickedFiles } from '../../platform/read-files';
import { droppedFiles } from '../../components/excel/files';
import { messageOf } from '../../app/error-text';

export const BUNDLE_OPEN_FILTERS: OpenFileFilter[] = [{ name: '无废城市交换文件', extensions: ['zwb'] }];

/**
 * Bundles taken in several at once: chosen in a dialog, a folder, or dropped on the page. Each file
 * is checked and shown under its own name; a new key is trusted only after its fingerprint was
 * compared; 确认导入 merges every file that passed, one transaction each, and keeps the others in the
 * import history with their reasons.
 */
export function useBundleBatch(receiver: Receiver, onMerged: (results: BatchResult[]) => Promise<void>) {
  const ws = useWorkspace();
  const reload = useAppState((s) => s.reload);
  const { message, modal } = AntApp.useApp();
  const [items, setItems] = useState<BatchItem[]>([]);
  const [reading, setReading] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const add = useCallback(
    (entries: readonly BatchEntry[]) =>
      (queue.current = queue.current
        .catch(() => undefined)
        .then(async () => {
          if (!entries.length) return;
          setReading(`正在校验 ${entries.length} 个文件…`);
          try {
            const checked = await ws.exchange.prepareMany(receiver, entries);
            setItems((list) => [...list.filter((i) => !checked.some((c) => c.fileName === i.fileName)), ...checked]);
          } catch (e) {
            message.error(`无法校验所选文件：${messageOf(e)}`);
          } finally {
            setReading(null);
          }
        })),
    [ws, receiver, message],
  );

  const choose = async (directory: boolean) => {
    try {
      const entries = await desktop.openFiles({ filters: BUNDLE_OPEN_FILTERS, directory, maxFileBytes: DEFAULT_MAX_BUNDLE_BYTES });
      if (entries === null) return;
      if (entries.length === 0) message.warning('所选文件夹中没有交换文件（.zwb）。');
      else await add(entries);
    } catch (e) {
      message.error(`未能读取所选${directory ? '文件夹' : '文件'}：${messageOf(e)}`);
    }
  };

  const drop = async (entries: (FileSystemEntry | null)[], loose: File[]) => {
    try {
      await add(await readPickedFiles(await droppedFiles(entries, loose, BUNDLE_OPEN_FILTERS), DEFAULT_MAX_BUNDLE_BYTES));
    } catch (e) {
      message.error(`未能读取拖入的文件：${messageOf(e)}`);
    }
  };

  /** The clerk compared this file's fingerprint with the sender: its key is trusted, and every file it signed is checked again. */
  const trust = async (item: BatchItem) => {
    const p = item.prepared;
    if (p?.kind !== 'untrusted' || busy) return;
    setBusy(true);
    try {
      // No label: conflicts then name this laptop by its place among the office's laptops (第N台电脑).
      await ws.trust.trust({ officeCode: p.officeCode, publicKey: p.publicKey });
      const same = items.filter((i) => i.prepared?.kind === 'untrusted' && i.prepared.publicKey === p.publicKey && i.data);
      const again = await ws.exchange.prepareMany(
        receiver,
        same.map((i) => ({ name: i.fileName, data: i.data as Uint8Array })),
      );
      setItems((list) => list.map((i) => again.find((a) => a.fileName === i.fileName) ?? i));
    } catch (e) {
      message.error(`未能登记该密钥：${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  /** Merges what passed; what did not is kept in the import history. */
  const confirm = async () => {
    setBusy(true);
    try {
      const results = await ws.exchange.applyMany(receiver, items);
      setItems([]);
      await reload();
      await onMerged(results);
      const failed = results.filter((r) => r.outcome === 'refused' || r.outcome === 'unreadable');
      if (failed.length === 0) message.success(batchSummary(results));
      else
        modal.warning({
          title: batchSummary(results),
          width: 640,
          content: (
            <ul data-testid="import-result-refused" style={{ paddingLeft: 18 }}>
              {failed.map((r) => (
                <li key={r.fileName}>
                  {r.fileName}：{r.reason}
                </li>
              ))}
            </ul>
          ),
        });
    } catch (e) {
      message.error(`导入中断：${messageOf(e)}。已合并的文件保留，其余未写入，请查看导入记录后重试。`);
    } finally {
      setBusy(false);
    }
  };

  /** Closing without merging: the files that could not be taken in are still recorded as arrived and refused. */
  const close = async () => {
    const notReady = items.filter((i) => i.prepared?.kind !== 'ready');
    setItems([]);
    if (notReady.length) {
      await ws.exchange.applyMany(receiver, notReady);
      await onMerged([]);
    }
  };

  return { items, reading, busy, add, choose, drop, trust, confirm, close };
}
