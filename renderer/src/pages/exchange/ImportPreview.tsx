import { useMemo } from 'react';
import { Alert, Col, List, Row, Space, Statistic, Typography } from 'antd';
import type { PreparedImport } from '../../../../shared/app/exchange-service';
import { TABLE_LABELS } from '../../../../shared/exchange/bundle-format';
import { divisionName } from '../../../../shared/domain/divisions';
import { fieldLabel } from '../../../../shared/ledger/field-labels';
import { recordLabel } from '../../../../shared/ledger/record-label';
import { formatMomentZh } from '../../../../shared/domain/time';

const when = (iso: string) => formatMomentZh(iso);

/** What a checked file would change, before anything is written. */
export function ImportPreview({ prepared }: { prepared: Extract<PreparedImport, { kind: 'ready' }> }) {
  const m = prepared.bundle.manifest;
  const p = prepared.preview;
  // Records are named as a clerk knows them: task titles, department names, progress by month.
  const names = useMemo(() => {
    const out = new Map<string, string>();
    for (const rows of Object.values(prepared.bundle.payload.tables)) for (const r of rows) out.set(String(r.id ?? r.code), recordLabel(r));
    return out;
  }, [prepared]);
  const name = (id: string) => names.get(id) ?? id;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-preview">
      <Typography.Text>
        {divisionName(m.officeCode)} · {m.period} · 设备 {m.deviceId} 第 {m.sequence} 份 · 导出于 {when(m.createdAt)}
      </Typography.Text>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title="新增" value={p.added.length} suffix="条" />
        </Col>
        <Col span={8}>
          <Statistic title="更新" value={p.changed.length} suffix="条" />
        </Col>
        <Col span={8}>
          <Statistic title="冲突" value={p.conflicts.length} suffix="处" valueStyle={p.conflicts.length ? { color: '#d4380d' } : undefined} />
        </Col>
      </Row>
      {p.changed.length + p.added.length === 0 && <Alert type="info" message="文件中的数据本机都已有，合并不会改变任何内容。" />}
      <List
        size="small"
        bordered
        style={{ maxHeight: 260, overflow: 'auto' }}
        dataSource={[
          ...p.added.map((a) => `新增 ${TABLE_LABELS[a.table]}：${name(a.id)}${a.deleted ? '（已删除）' : ''}`),
          ...p.changed.map((c) => `更新 ${TABLE_LABELS[c.table]}「${name(c.id)}」：${c.fields.map(fieldLabel).join('、')}${c.liveness === 'deleted' ? '（删除）' : c.liveness === 'restored' ? '（恢复）' : ''}`),
          ...p.conflicts.map((c) => `冲突 ${TABLE_LABELS[c.table]}「${name(c.id)}」：${fieldLabel(c.field)}`),
        ].slice(0, 200)}
        renderItem={(line) => <List.Item>{line}</List.Item>}
      />
    </Space>
  );
}
