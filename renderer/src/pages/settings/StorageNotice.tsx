import { Alert } from 'antd';
import type { StorageState } from '../../app/persistent-storage';

const DISMISSED_KEY = 'zwc.storage-notice-dismissed';

/**
 * What the engine said about keeping the ledger's data, told as it is on each platform. The desktop
 * asks for persistent storage for its own origin (electron/lib/session-rules.ts grants it); should
 * it still be refused, the desktop says so too, and asks for backups. A browser may
 * refuse: then the clerk is told to download backups.
 */
export function StorageNotice({ state, desktop }: { state: StorageState | null; desktop: boolean }) {
  if (state === null || state === 'persisted' || localStorage.getItem(DISMISSED_KEY) === '1') return null;
  const refused = state === 'refused' ? '未同意' : '不支持';
  const message = desktop ? `本程序未获得“持久存储”（系统${refused}）` : `浏览器${refused}“持久存储”`;
  const description = desktop
    ? '磁盘空间紧张时，本机数据可能被清除。请在“设置 → 备份与恢复”中定期备份，并把备份复制到U盘。'
    : '磁盘空间紧张时，浏览器可能清除本地数据。请在“设置 → 备份与恢复”中定期“下载备份”，保存到U盘或其他电脑。';
  return (
    <Alert
      type="warning"
      showIcon
      closable
      onClose={() => localStorage.setItem(DISMISSED_KEY, '1')}
      style={{ marginBottom: 12 }}
      message={message}
      description={description}
      data-testid="storage-notice"
    />
  );
}
