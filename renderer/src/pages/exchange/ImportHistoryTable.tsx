import { Table, Tag } from 'antd';
import { IMPORT_OUTCOME_LABELS, type ImportRecord } from '../../../../shared/exchange/history';
import { divisionName } from '../../../../shared/domain/divisions';
import { formatMomentZh, formatPeriodTextZh } from '../../../../shared/domain/time';

/** Every import attempt, newest first, with what became of it and why. */
export function ImportHistoryTable({ history }: { history: readonly ImportRecord[] }) {
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.at}-${r.fileName}`}
      dataSource={[...history].reverse()}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="import-history"
      columns={[
        { title: '时间', dataIndex: 'at', render: (at: string) => formatMomentZh(at), width: 170 },
        { title: '单位', dataIndex: 'officeCode', render: (c: string) => (c ? divisionName(c) : '—'), width: 110 },
        { title: '期间', dataIndex: 'period', width: 100, render: (p: ImportRecord['period']) => (p ? formatPeriodTextZh(p) : '—') },
        { title: '设备 / 序号', render: (_, r) => (r.deviceId ? `${r.deviceId} / ${r.sequence}` : '—'), width: 170 },
        {
          title: '结果',
          dataIndex: 'outcome',
          width: 130,
          render: (o: ImportRecord['outcome']) => <Tag color={IMPORT_OUTCOME_LABELS[o].tone}>{IMPORT_OUTCOME_LABELS[o].text}</Tag>,
        },
        { title: '说明', render: (_, r) => r.reason ?? (r.counts ? `新增 ${r.counts.added}，更新 ${r.counts.changed}，冲突 ${r.counts.conflicts}` : '') },
        { title: '文件', dataIndex: 'fileName', ellipsis: true },
      ]}
    />
  );
}
