import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Space, Table, Typography } from 'antd';
import type { RestorePreview } from '../../../../shared/app/backup/backup';
import type { BackupEntry } from '../../../../shared/platform/desktop-api';
import { BACKUP_REASON_LABELS, sizeText } from '../../../../shared/platform/desktop-api';
import { daysSinceBackup, REMIND_AFTER_DAYS } from '../../../../shared/app/backup/backup-rotation';
import { useWorkspace } from '../../app/store';
import { desktop } from '../../platform';
import { messageOf } from '../../app/error-text';
import { formatDateTimeZh } from './backup-text';
import { pickBackupFile, saveBackup } from './backup-actions';
import { RestoreModal } from './RestoreModal';
import { useBusy } from '../../app/use-busy';

const countsText = (c?: Record<string, number>) => (c ? `任务 ${c.tasks}，项目 ${c.projects}，指标 ${c.indicators}，进展 ${c.progress}，修改记录 ${c.audit}` : '');

/**
 * 设置 → 备份与恢复: the desktop lists the backups in its data folder (made at quit and once a
 * day, rotated); a browser downloads them and reminds the clerk when the last one is old.
 */
export function BackupCard() {
  const { message } = AntApp.useApp();
  const ws = useWorkspace();
  const folder = desktop.backups;
  const [entries, setEntries] = useState<BackupEntry[]>([]);
  const [last, setLast] = useState<string | undefined>();
  const { busy, run } = useBusy();
  const [restoring, setRestoring] = useState<{ file: { name: string; data: Uint8Array }; preview: RestorePreview } | null>(null);

  const refresh = useCallback(async () => {
    setLast((await ws.backup.last())?.at);
    if (folder) setEntries(await folder.list());
  }, [ws, folder]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const backupNow = () =>
    run(async () => {
      const where = await saveBackup(ws, await ws.backup.create(), 'manual');
      if (where) message.success(folder ? `已备份：${where}` : `已下载备份：${where}`);
      await refresh();
    });
  const startRestore = (file: { name: string; data: Uint8Array } | null) =>
    run(async () => {
      if (!file) return;
      try {
        setRestoring({ file, preview: await ws.backup.preview(file.data) });
      } catch (e) {
        throw new Error(`不能从“${file.name}”恢复：${messageOf(e)}`);
      }
    });

  const days = daysSinceBackup(last ?? entries[0]?.createdAt, new Date());
  const old = days === null || days >= REMIND_AFTER_DAYS;
  return (
    <Card title="备份与恢复" size="small" data-testid="backup-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          备份包含本机的全部台账：各单位的记录、修改记录、可信密钥、导入记录和交办记录，不含签名私钥。
          {folder ? '桌面版在退出时和每天自动备份到数据文件夹，保留最近 30 天每天一份和最近 12 个月每月一份。' : '浏览器版请定期下载备份，保存到U盘或其他电脑。'}
        </Typography.Text>
        {old && (
          <Alert type="warning" showIcon data-testid="backup-reminder" message={days === null ? '本机还没有备份过' : `上次备份是 ${days} 天前`} description="电脑损坏、系统重装或浏览器清除数据时，没有备份的台账无法找回。请现在备份。" />
        )}
        {!old && last && <Typography.Text type="secondary" data-testid="backup-last">上次备份：{formatDateTimeZh(last)}</Typography.Text>}
        <Space wrap>
          <Button type="primary" loading={busy} onClick={() => void backupNow()} data-testid="backup-now">
            {folder ? '立即备份' : '下载备份'}
          </Button>
          {folder && (
            <Button onClick={() => void run(() => folder.openFolder())} data-testid="backup-open-folder">
              打开备份文件夹
            </Button>
          )}
          <Button loading={busy} onClick={() => void run(async () => startRestore(await pickBackupFile()))} data-testid="restore-pick">
            从备份恢复…
          </Button>
        </Space>
        {folder && (
          <Table size="small" rowKey="name" dataSource={entries} pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: '备份时间', render: (_, e) => (e.createdAt ? formatDateTimeZh(e.createdAt) : e.name) },
              { title: '方式', render: (_, e) => (e.reason ? BACKUP_REASON_LABELS[e.reason] : '') },
              { title: '大小', render: (_, e) => sizeText(e.size) },
              { title: '内容', render: (_, e) => e.problem ?? countsText(e.counts) },
              { title: '', render: (_, e) => <Button size="small" disabled={!!e.problem} onClick={() => void run(async () => startRestore({ name: e.name, data: await folder.read({ name: e.name }) }))}>恢复</Button> },
            ]}
          />
        )}
      </Space>
      {restoring && <RestoreModal ws={ws} file={restoring.file} preview={restoring.preview} onClose={() => setRestoring(null)} />}
    </Card>
  );
}
