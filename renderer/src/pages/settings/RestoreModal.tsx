import { useState } from 'react';
import { Alert, App as AntApp, Descriptions, Modal, Table, Typography } from 'antd';
import type { RestorePreview } from '../../../../shared/app/backup/backup';
import { TABLE_LABELS } from '../../../../shared/app/backup/backup';
import { STORE_NAMES } from '../../../../shared/app/storage';
import { sizeText } from '../../../../shared/platform/desktop-api';
import type { Workspace } from '../../../../shared/app/workspace';
import { formatDateTimeZh } from './backup-text';
import { reloadAfterRestore, saveBackup } from './backup-actions';
import { messageOf } from '../../app/error-text';

/**
 * What a restore will replace, table by table, and the confirmation. The file was verified
 * (integrity, version, office) before this opens; the current data is saved as a backup first.
 */
export function RestoreModal({ ws, file, preview, onClose }: { ws: Workspace; file: { name: string; data: Uint8Array }; preview: RestorePreview; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const h = preview.backup.header;
  const rows = STORE_NAMES.map((n) => ({ key: n, label: TABLE_LABELS[n], now: preview.current.counts[n], backup: h.counts[n] }));

  const restore = async () => {
    setBusy(true);
    try {
      await ws.backup.restore(file.data, {
        saveCurrent: async (current) => {
          if (!(await saveBackup(ws, current, 'before-restore'))) throw new Error('没有保存现有数据的备份，未恢复');
        },
      });
      message.success('已从备份恢复');
      reloadAfterRestore();
    } catch (e) {
      message.error(`恢复失败：${messageOf(e)}`);
      setBusy(false);
    }
  };

  return (
    <Modal open title="从备份恢复" okText="替换本机数据并恢复" okButtonProps={{ danger: true, loading: busy, ...{ 'data-testid': 'restore-confirm' } }} cancelText="取消" onOk={() => void restore()} onCancel={onClose} width={640}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="备份文件">{file.name}</Descriptions.Item>
        <Descriptions.Item label="单位">
          {h.officeName}（{h.officeCode}）
        </Descriptions.Item>
        <Descriptions.Item label="备份时间">{formatDateTimeZh(h.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="大小">{sizeText(preview.backup.size)}</Descriptions.Item>
        <Descriptions.Item label="含各单位记录">{preview.backup.offices.map((o) => `${o.name} ${o.records} 条`).join('，')}</Descriptions.Item>
      </Descriptions>
      <Table size="small" pagination={false} style={{ marginTop: 12 }} dataSource={rows} data-testid="restore-preview"
        columns={[
          { title: '内容', dataIndex: 'label' },
          { title: '本机现有', dataIndex: 'now', align: 'right' },
          { title: '恢复后', dataIndex: 'backup', align: 'right' },
        ]}
      />
      <Alert style={{ marginTop: 12 }} type="warning" showIcon message="本机现有的全部数据将被替换为备份中的内容。" description="替换前会先把本机现有数据另存为一份备份。本机的签名密钥不变；可信密钥以备份中的为准，不会因恢复而信任新的密钥。" />
      {preview.current.damaged && <Typography.Paragraph type="danger">本机数据无法读取（{preview.current.damaged}），恢复前不能为它做备份。</Typography.Paragraph>}
    </Modal>
  );
}
