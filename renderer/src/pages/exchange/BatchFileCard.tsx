import { useState } from 'react';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import type { BatchItem } from '../../../../shared/app/exchange/import-batch';
import { divisionName } from '../../../../shared/domain/divisions';
import { formatPeriodZh } from '../../../../shared/domain/time';
import { ImportPreview } from './ImportPreview';
import { FingerprintGroups } from './FingerprintGroups';

/** What a file is, in one tag: ready to merge, its key to check, already taken in, or refused. */
export function batchTag(item: BatchItem) {
  const p = item.prepared;
  if (!p) return <Tag color="red">未读取</Tag>;
  if (p.kind === 'ready') return <Tag color="green">可导入</Tag>;
  if (p.kind === 'untrusted') return <Tag color="orange">待核对指纹</Tag>;
  return p.refusal.level === 'noop' ? <Tag>之前已导入</Tag> : <Tag color="red">不能导入</Tag>;
}

/** One file of a batch: its name, office and month, what it changes or why it cannot be taken in. */
export function BatchFileCard({ item, busy, onTrust, detailed }: { item: BatchItem; busy: boolean; onTrust: (item: BatchItem) => void; detailed: boolean }) {
  // A file alone opens with its details; among many, each file's details open on request.
  const [open, setOpen] = useState(detailed);
  const p = item.prepared;
  const office = item.officeCode ? divisionName(item.officeCode) : '单位不明';
  return (
    <section data-testid="batch-file" aria-label={item.fileName} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
      <Space wrap size={8}>
        <Typography.Text strong data-testid="batch-file-name">
          {item.fileName}
        </Typography.Text>
        {batchTag(item)}
        <Typography.Text data-testid="batch-file-office">{office}</Typography.Text>
        <Typography.Text type="secondary">{item.period ? formatPeriodZh(item.period) : '报送月份不明'}</Typography.Text>
        {p?.kind === 'ready' && (
          <Typography.Text data-testid="batch-file-counts">
            新增 {p.preview.added.length} 条，更新 {p.preview.changed.length} 条
            {p.preview.conflicts.length > 0 && <Typography.Text type="danger">，冲突 {p.preview.conflicts.length} 处</Typography.Text>}
          </Typography.Text>
        )}
        {p?.kind === 'ready' && (
          <Button size="small" type="link" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? '收起明细' : '查看明细'}
          </Button>
        )}
      </Space>
      {item.nameWarning && <Alert type="warning" showIcon data-testid="name-warning" message={item.nameWarning} style={{ marginTop: 6 }} />}
      {!p && <Alert type="error" showIcon data-testid="import-refused" message={item.unreadable} style={{ marginTop: 6 }} />}
      {p?.kind === 'refused' && (
        <Alert type={p.refusal.level === 'noop' ? 'info' : 'error'} showIcon data-testid="import-refused" message={p.refusal.message} style={{ marginTop: 6 }} />
      )}
      {p?.kind === 'untrusted' && (
        <Alert
          type="warning"
          style={{ marginTop: 6 }}
          message={`首次收到这台电脑的文件（${divisionName(p.officeCode)}，设备 ${p.refusal.detail.deviceId ?? '不明'}）：请打电话请对方在“数据交换”页念出本机密钥指纹，逐组核对`}
          description={
            <Space wrap align="center">
              <FingerprintGroups fingerprint={p.fingerprint} testId="import-fingerprint" />
              <Button type="primary" size="small" loading={busy} onClick={() => onTrust(item)} data-testid="trust-and-continue">
                核对无误，信任此电脑
              </Button>
              <Typography.Text type="secondary">不一致时不要信任：文件可能被冒名或篡改，导入时将被拒绝。</Typography.Text>
            </Space>
          }
        />
      )}
      {open && p?.kind === 'ready' && (
        <div style={{ marginTop: 6 }}>
          <ImportPreview prepared={p} />
        </div>
      )}
    </section>
  );
}
