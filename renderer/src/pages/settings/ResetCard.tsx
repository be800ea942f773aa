import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Space, Typography } from 'antd';
import { STORE_NAMES } from '../../../../shared/app/storage';
import { useAppState, useWorkspace } from '../../app/store';
import { messageOf } from '../../app/error-text';
import { saveBackup } from './backup-actions';
import { desktop } from '../../platform';

/**
 * Starting again (another office, or a fresh plan): only after a complete backup of the whole
 * workspace (shared/app/backup.ts: every office's records, audit, trusted keys, import history,
 * the issued-sheet register) was saved and verified — read back and counted against the data —
 * and the clerk has typed the confirmation.
 */
export function ResetCard({ officeCode, officeName }: { officeCode: string; officeName: string }) {
  const { message } = AntApp.useApp();
  const ws = useWorkspace();
  const resetData = useAppState((s) => s.resetWorkspace);
  // The key and its signing state go with the data: a laptop reset to another office must not
  // sign with the old office's key (the desktop keeps it in the main process; a browser's is in the database).
  const reset = async () => {
    try {
      await desktop.keyVault?.erase?.();
    } catch (e) {
      message.error(`无法删除本机签名密钥，未重置：${messageOf(e)}`);
      return;
    }
    await resetData();
  };
  const [backup, setBackup] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const phrase = `重置${officeName}`;

  const writeBackup = async () => {
    setBusy(true);
    try {
      const file = await ws.backup.create();
      // Verified before it counts: the file reads back whole and holds every row there is now.
      const checked = await ws.backup.inspect(file.bytes);
      const now = await ws.backup.counts();
      const short = STORE_NAMES.find((n) => n !== 'settings' && checked.header.counts[n] !== now[n]);
      if (short || checked.header.officeCode !== officeCode) throw new Error('备份与本机数据不一致，请重试');
      const saved = await saveBackup(ws, file, 'before-reset');
      if (saved) setBackup(saved);
    } catch (e) {
      message.error(`备份失败：${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="更换单位或重新开始" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>重置会删除本机的全部台账数据（所有方案、进展、可信密钥与导入记录）和本机的签名密钥，然后回到首次使用的设置页面。必须先做完整备份（含各单位记录、修改记录、可信密钥、导入记录和交办记录；备份不含签名密钥，如还要用它，请先在“更换电脑”中导出）。</Typography.Text>
        <Button onClick={writeBackup} loading={busy} data-testid="reset-backup">
          1. 完整备份并校验
        </Button>
        {backup && <Alert type="success" showIcon message={`已备份并校验：${backup}。需要时可在“设置 → 备份与恢复”或首次使用页“从备份恢复”。`} data-testid="reset-backup-done" />}
        <Typography.Text>
          2. 输入 <Typography.Text code>{phrase}</Typography.Text> 以确认：
        </Typography.Text>
        <Input value={typed} onChange={(e) => setTyped(e.target.value)} disabled={!backup} aria-label="输入确认文字" style={{ maxWidth: 320 }} />
        <Button danger type="primary" disabled={!backup || typed.trim() !== phrase} onClick={() => void reset()} data-testid="reset-confirm">
          3. 删除本机数据并重新开始
        </Button>
      </Space>
    </Card>
  );
}
