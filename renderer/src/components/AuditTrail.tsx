import { useEffect, useState } from 'react';
import { Table, Typography } from 'antd';
import type { AuditEntry } from '../../../shared/app/storage';
import { useAppState } from '../app/store';
import { logReadError } from '../app/read-errors';
import { fieldLabel } from '../../../shared/views/field-labels';
import { deviceLabel, formatFieldValue } from '../../../shared/views/field-value';
import { EMPTY_LOOKUP, type LabelledTable, type RecordLookup } from '../../../shared/views/record-label';
import { formatMomentZh } from '../../../shared/domain/time';
import { Excerpt } from './Excerpt';
import { auditActionText, importedFieldsOf } from '../../../shared/app/audit';


/** The 字段 column: the field changed, or the fields an import changed in this record. */
function fieldsText(r: AuditEntry): string {
  const imported = importedFieldsOf(r);
  return imported.length ? imported.map((f) => fieldLabel(f, r.table)).join('、') : fieldLabel(r.field, r.table);
}

/** Every change ever made to one record, oldest first. */
export function AuditTrail({ recordId }: { recordId: string }) {
  const workspace = useAppState((s) => s.workspace);
  const plan = useAppState((s) => s.phase);
  const officeCode = plan.kind === 'ready' ? plan.plan.office.code : undefined;
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [lookup, setLookup] = useState<RecordLookup>(EMPTY_LOOKUP);
  useEffect(() => {
    void workspace?.records.auditOf(recordId).then(setRows).catch(logReadError('修改记录'));
    // Units and leaders by name, deleted ones too (a change may name a unit deleted since).
    if (workspace && officeCode) void workspace.records.lookup(officeCode).then(setLookup).catch(logReadError('记录名称'));
  }, [workspace, recordId, plan, officeCode]);
  if (!rows.length) return <Typography.Text type="secondary">此记录自载入方案后没有改动。</Typography.Text>;
  const show = (r: AuditEntry, value: unknown) => <Excerpt text={formatFieldValue(r.field, value, { table: r.table as LabelledTable, lookup })} />;
  return (
    <Table<AuditEntry>
      size="small"
      rowKey={(r) => String(r.seq)}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="audit-trail"
      columns={[
        { title: '时间', width: 150, render: (_, r) => formatMomentZh(r.at) },
        { title: '操作', width: 90, render: (_, r) => auditActionText(r) },
        { title: '字段', width: 100, render: (_, r) => fieldsText(r) },
        { title: '原值', render: (_, r) => (r.action === 'update' ? show(r, r.before) : '') },
        { title: '新值', render: (_, r) => (r.action === 'update' ? show(r, r.after) : '') },
        { title: '设备', width: 110, render: (_, r) => deviceLabel(r.deviceId, workspace?.deviceId) },
      ]}
    />
  );
}
