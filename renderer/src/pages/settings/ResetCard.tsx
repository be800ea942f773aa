import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Space, Typography } from 'antd';
import { ownBuffer } from '../../../../shared/exchange/bytes';
import { useLedger, useWorkspace } from '../../app/store';
import { desktop } from '../../platform';
import { messageOf } from '../../app/error-text';

/**
 * Starting again (another office, or a fresh plan): only after a full backup of this office's
 * records has been written to a file, and the clerk has typed the confirmation.
 */
export function ResetCard({ officeCode, officeName }: { officeCode: string; officeName: string }) {
  const { message } = AntApp.useApp();
  const ws = useWorkspace();
  const period = useLedger((s) => s.period);
  const reset = useLedger((s) => s.resetWorkspace);
  const [backup, setBackup] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const phrase = `重置${officeName}`;

  const writeBackup = async () => {
    setBusy(true);
    try {
      const out = await ws.exchange.exportBundle(officeCode, period);
      const name = `备份-${out.fileName}`;
      const saved = await desktop.saveFile({ suggestedName: name, data: ownBuffer(out.bytes), filters: [{ name: '无废城市交换文件', extensions: ['zwb'] }] });
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
        <Typography.Text>重置会删除本机的全部台账数据（所有方案、进展、密钥与导入记录），然后回到首次使用的设置页面。必须先导出完整备份。</Typography.Text>
        <Button onClick={writeBackup} loading={busy} data-testid="reset-backup">
          1. 导出完整备份（签名交换文件）
        </Button>
        {backup && <Alert type="success" showIcon message={`已备份到 ${backup}。需要时可在“数据交换”中导入恢复。`} data-testid="reset-backup-done" />}
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
