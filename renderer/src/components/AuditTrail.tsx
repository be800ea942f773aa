import { useEffect, useState } from 'react';
import { Table, Typography } from 'antd';
import type { AuditEntry } from '../../../shared/app/storage';
import { useLedger } from '../app/store';
import { fieldLabel } from '../../../shared/ledger/field-labels';
import { showValue } from './show-value';
import { formatMomentZh } from '../../../shared/domain/time';

const ACTIONS: Record<AuditEntry['action'], string> = { create: '新增', update: '修改', delete: '删除', restore: '恢复', seed: '载入方案', merge: '导入合并' };

const show = (value: unknown) => showValue(value, 120);

/** Every change ever made to one record, oldest first. */
export function AuditTrail({ recordId }: { recordId: string }) {
  const workspace = useLedger((s) => s.workspace);
  const plan = useLedger((s) => s.phase);
  const [rows, setRows] = useState<AuditEntry[]>([]);
  useEffect(() => {
    void workspace?.ledger.auditOf(recordId).then(setRows);
  }, [workspace, recordId, plan]);
  if (!rows.length) return <Typography.Text type="secondary">此记录自载入方案后没有改动。</Typography.Text>;
  return (
    <Table<AuditEntry>
      size="small"
      rowKey={(r) => String(r.seq)}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="audit-trail"
      columns={[
        { title: '时间', width: 150, render: (_, r) => formatMomentZh(r.at) },
        { title: '操作', width: 60, render: (_, r) => ACTIONS[r.action] },
        { title: '字段', width: 100, render: (_, r) => fieldLabel(r.field) },
        { title: '原值', render: (_, r) => (r.action === 'update' ? show(r.before) : '') },
        { title: '新值', render: (_, r) => (r.action === 'update' ? show(r.after) : '') },
        { title: '设备', width: 90, render: (_, r) => r.deviceId.slice(0, 8) },
      ]}
    />
  );
}
