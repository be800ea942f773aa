import { useState } from 'react';
import { App as AntApp, Button, Card, Typography } from 'antd';
import type { RestorePreview } from '../../../../shared/app/backup/backup';
import { useWorkspace } from '../../app/store';
import { messageOf } from '../../app/error-text';
import { pickBackupFile } from './backup-actions';
import { RestoreModal } from './RestoreModal';

/** On the first-run page (a new laptop, or after a reset): bring a workspace back from a backup file. */
export function RestoreEntry() {
  const { message } = AntApp.useApp();
  const ws = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<{ file: { name: string; data: Uint8Array }; preview: RestorePreview } | null>(null);
  const pick = async () => {
    setBusy(true);
    let name = '';
    try {
      const file = await pickBackupFile();
      if (!file) return;
      name = file.name;
      setRestoring({ file, preview: await ws.backup.preview(file.data) });
    } catch (e) {
      message.error(name ? `不能从“${name}”恢复：${messageOf(e)}` : messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="换了新电脑或重置过？" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>有本单位台账的备份文件（.zwbak）时，可以直接恢复，不必重新建立。</Typography.Paragraph>
      <Button loading={busy} onClick={() => void pick()} data-testid="setup-restore">
        从备份恢复…
      </Button>
      {restoring && <RestoreModal ws={ws} file={restoring.file} preview={restoring.preview} onClose={() => setRestoring(null)} />}
    </Card>
  );
}
