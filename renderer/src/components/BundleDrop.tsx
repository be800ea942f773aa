import { App as AntApp } from 'antd';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../../../shared/exchange/bundle-format';
import { receiveOpenedBundle } from '../app/opened-bundles';
import { messageOf } from '../app/error-text';
import { readPickedFiles } from '../platform/read-files';
import { droppedFiles } from './excel/files';
import { useFileDrop } from './excel/use-file-drop';
import { DropHint } from './excel/DropHint';

const BUNDLES = [{ name: '无废城市交换文件', extensions: ['zwb'] }];

/**
 * A .zwb dragged onto the window on any page without a drop of its own (数据交换 and 月度调度 take
 * their own files) goes to 数据交换's import, checked like a chosen file; anything else is named.
 */
export function BundleDrop({ enabled }: { enabled: boolean }) {
  const { message } = AntApp.useApp();
  const drop = async (entries: (FileSystemEntry | null)[], loose: File[]) => {
    try {
      const files = await droppedFiles(entries, loose, BUNDLES);
      const bundles = files.filter((f) => f.name.toLowerCase().endsWith('.zwb'));
      const others = files.filter((f) => !bundles.includes(f)).map((f) => `「${f.name}」`);
      if (others.length) message.warning(`${others.join('、')}不是交换文件（.zwb）。填回的填报表请拖到“月度调度”页导入。`);
      if (!bundles.length) return;
      for (const entry of await readPickedFiles(bundles, DEFAULT_MAX_BUNDLE_BYTES)) {
        if ('data' in entry) receiveOpenedBundle({ name: entry.name, data: entry.data });
        else message.error(entry.refusal);
      }
      if (!window.location.hash.startsWith('#/exchange')) window.location.hash = '/exchange';
    } catch (e) {
      message.error(`未能读取拖入的文件：${messageOf(e)}`);
    }
  };
  const dragging = useFileDrop((entries, loose) => void drop(entries, loose), enabled);
  return <DropHint visible={dragging} title="松开鼠标，导入交换文件" detail="交换文件（.zwb）会在“数据交换”中逐个校验后再导入" />;
}
