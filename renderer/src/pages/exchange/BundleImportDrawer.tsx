import { Alert, Button, Drawer, Space, Typography } from 'antd';
import { FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import type { BatchItem } from '../../../../shared/app/exchange/import-batch';
import { BatchFileCard } from './BatchFileCard';

interface Props {
  items: BatchItem[];
  reading: string | null;
  busy: boolean;
  onAddFiles: () => void;
  onAddFolder: () => void;
  onTrust: (item: BatchItem) => void;
  onConfirm: () => void;
  onClose: () => void;
}

/** The combined preview of every file chosen or dropped: each by name, nothing written until 确认导入. */
export function BundleImportDrawer({ items, reading, busy, onAddFiles, onAddFolder, onTrust, onConfirm, onClose }: Props) {
  const ready = items.filter((i) => i.prepared?.kind === 'ready');
  const untrusted = items.filter((i) => i.prepared?.kind === 'untrusted');
  const noop = items.filter((i) => i.prepared?.kind === 'refused' && i.prepared.refusal.level === 'noop');
  const refused = items.length - ready.length - untrusted.length - noop.length;
  const warned = items.filter((i) => i.nameWarning).length;
  const conflicts = ready.reduce((n, i) => n + (i.prepared?.kind === 'ready' ? i.prepared.preview.conflicts.length : 0), 0);
  const parts = [`可导入 ${ready.length} 个`];
  if (untrusted.length) parts.push(`待核对指纹 ${untrusted.length} 个（核对后点“信任”，否则不导入）`);
  if (noop.length) parts.push(`之前已导入 ${noop.length} 个`);
  if (refused) parts.push(`不能导入 ${refused} 个`);
  if (warned) parts.push(`文件名与内容不符 ${warned} 个`);
  return (
    <Drawer
      open={items.length > 0 || reading !== null}
      width="min(1080px, 96vw)"
      onClose={() => !busy && onClose()}
      title="导入交换文件：确认后才写入"
      data-testid="import-preview"
      destroyOnClose
      extra={
        <Space>
          <Button icon={<UploadOutlined />} onClick={onAddFiles} disabled={busy}>
            添加文件
          </Button>
          <Button icon={<FolderOpenOutlined />} onClick={onAddFolder} disabled={busy}>
            添加文件夹
          </Button>
          <Button type="primary" disabled={ready.length === 0 || reading !== null} loading={busy} onClick={onConfirm} data-testid="confirm-merge">
            确认导入 {ready.length} 个文件
          </Button>
        </Space>
      }
    >
      {reading && <Alert type="info" showIcon role="status" message={reading} />}
      {items.length > 0 && (
        <Alert
          type={refused || untrusted.length || warned ? 'warning' : 'info'}
          data-testid="batch-overview"
          message={`共 ${items.length} 个文件：${parts.join('，')}。${conflicts ? `合并后有 ${conflicts} 处冲突，在“待处理冲突”中选择。` : ''}`}
          description="每个文件单独合并（一个文件要么全部写入、要么不写入）；不能导入的文件会记入导入记录并在各旗区总览显示为“已收到但未导入”。"
          style={{ marginBottom: 8 }}
        />
      )}
      {items.map((i) => (
        <BatchFileCard key={i.fileName} item={i} busy={busy} onTrust={onTrust} detailed={items.length === 1} />
      ))}
      {items.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          可继续添加文件或文件夹，也可以把文件直接拖到本页。
        </Typography.Text>
      )}
    </Drawer>
  );
}
