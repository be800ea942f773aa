import { useMemo, type ReactNode } from 'react';
import { Alert, Col, List, Row, Space, Statistic, Typography } from 'antd';
import type { PreparedImport } from '../../../../shared/app/exchange/exchange-service';
import { TABLE_LABELS } from '../../../../shared/exchange/bundle-format';
import type { BundleTableName } from '../../../../shared/exchange/records';
import { divisionName } from '../../../../shared/domain/divisions';
import { fieldLabel } from '../../../../shared/views/field-labels';
import { formatFieldValue } from '../../../../shared/views/field-value';
import { namedRecord } from '../../../../shared/views/record-label';
import { formatMomentZh, formatPeriodTextZh } from '../../../../shared/domain/time';
import { RegisterImportNote } from '../../components/print/RegisterImportNote';
import { Excerpt } from '../../components/Excerpt';

const when = (iso: string) => formatMomentZh(iso);
/** At most this many lines are listed; the counts above say how many there are. */
const MAX_LINES = 200;

interface Line {
  key: string;
  node: ReactNode;
}

/** What a checked file would change, before anything is written. */
export function ImportPreview({ prepared }: { prepared: Extract<PreparedImport, { kind: 'ready' }> }) {
  const m = prepared.bundle.manifest;
  const p = prepared.preview;
  const { lookup } = prepared;
  // Records as a clerk knows them: a report by its task or project and month, a value by its
  // indicator and year; parents are looked up in the file first, then on this computer.
  const names = useMemo(() => {
    const full = new Map<string, string>();
    const short = new Map<string, string>();
    for (const [table, rows] of Object.entries(prepared.bundle.payload.tables) as [BundleTableName, Record<string, unknown>[]][]) {
      for (const r of rows) {
        const key = `${table}:${String(r.id ?? r.code)}`;
        full.set(key, namedRecord(r, table, lookup));
        short.set(key, namedRecord(r, table, lookup, { withText: false }));
      }
    }
    return { full, short };
  }, [prepared, lookup]);
  const name = (table: BundleTableName, id: string, withText = false) => (withText ? names.full : names.short).get(`${table}:${id}`) ?? id;
  const value = (table: BundleTableName, field: string, v: unknown) => <Excerpt text={formatFieldValue(field, v, { table, lookup })} />;

  const lines: Line[] = [
    ...p.added.map((a) => ({
      key: `added:${a.table}:${a.id}`,
      node: (
        <span>
          新增 {TABLE_LABELS[a.table]}：<Excerpt text={name(a.table, a.id, true)} />
          {a.deleted ? '（已删除）' : ''}
        </span>
      ),
    })),
    ...p.changed.map((c) => ({
      key: `changed:${c.table}:${c.id}`,
      node: (
        <div>
          <div>
            更新 {TABLE_LABELS[c.table]}「{name(c.table, c.id)}」{c.liveness === 'deleted' ? '：删除' : c.liveness === 'restored' ? '：恢复' : ''}
          </div>
          {c.changes.map((f) => (
            <div key={f.field} style={{ paddingLeft: 16 }} data-testid="preview-field-change">
              {fieldLabel(f.field, c.table)}：{value(c.table, f.field, f.before)} → {value(c.table, f.field, f.after)}
            </div>
          ))}
        </div>
      ),
    })),
    ...p.conflicts.map((c) => ({
      key: `conflict:${c.table}:${c.id}:${c.field}`,
      node: (
        <div>
          <div>
            冲突 {TABLE_LABELS[c.table]}「{name(c.table, c.id)}」：{fieldLabel(c.field, c.table)}（两台电脑同时修改，导入后在“待处理冲突”中选择）
          </div>
          {c.values.map((v) => (
            <div key={v.stamp} style={{ paddingLeft: 16 }}>
              · {'value' in v ? value(c.table, c.field, v.value) : '（已清空）'}
            </div>
          ))}
        </div>
      ),
    })),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-file-preview">
      <Typography.Text>
        {divisionName(m.officeCode)} · {formatPeriodTextZh(m.period)} · 设备 {m.deviceId} 第 {m.sequence} 份 · 导出于 {when(m.createdAt)}
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
      <RegisterImportNote register={prepared.register} />
      {p.changed.length + p.added.length + p.conflicts.length === 0 && <Alert type="info" message="文件中的数据本机都已有，合并不会改变任何内容。" />}
      <List
        size="small"
        bordered
        style={{ maxHeight: 320, overflow: 'auto' }}
        dataSource={lines.slice(0, MAX_LINES)}
        rowKey={(l) => l.key}
        renderItem={(l) => <List.Item data-testid="preview-line">{l.node}</List.Item>}
        footer={lines.length > MAX_LINES ? <Typography.Text type="secondary">另有 {lines.length - MAX_LINES} 项未列出</Typography.Text> : undefined}
      />
    </Space>
  );
}
