import { useCallback, useEffect, useState } from 'react';
import { App, Button, DatePicker, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { clashesIn, type IssuedSheet, type RegisterPeer } from '../../../../shared/app/printing/issued-sheets';
import type { PlanData } from '../../../../shared/views/plan-data';
import { chinaToday } from '../../../../shared/domain/time';
import type { PrintDocument } from '../../../../shared/print/document';
import { buildDocument } from '../../../../shared/print/documents';
import { reprintRequest } from '../../../../shared/print/sheet-job';
import { NUMBERED_KIND_LABELS } from '../../../../shared/print/sheet-number';
import { PrintPreview } from './PrintPreview';
import { RegisterWarnings } from './RegisterWarnings';
import { useIssuedSheets } from './use-print';
import { usePrintPlan } from './use-print-plan';
import { DAY_PICKER_FORMAT } from '../picker-formats';
import { messageOf } from '../../app/error-text';

/** The register: every numbered sheet, whether its receipt came back; re-print with the same number, record a receipt. */
export function IssuedSheetsModal({ plan, open, onClose }: { plan: PlanData; open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const register = useIssuedSheets();
  const withProblems = usePrintPlan(plan);
  const [rows, setRows] = useState<IssuedSheet[]>([]);
  const [peers, setPeers] = useState<{ series: number; same: RegisterPeer[] }>({ series: 1, same: [] });
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const [receipt, setReceipt] = useState<{ sheet: IssuedSheet; day: string; signer: string } | null>(null);

  const reload = useCallback(async () => {
    if (!register) return;
    setRows((await register.list()).reverse());
    setPeers({ series: await register.series(), same: await register.sameSeriesPeers() });
  }, [register]);
  useEffect(() => {
    if (open) void reload().catch((e: unknown) => message.error(`无法读取发文登记：${messageOf(e)}`));
  }, [open, reload, message]);

  const reprint = async (s: IssuedSheet) => {
    if (!register) return;
    const settings = await register.settings(plan.office);
    try {
      setDoc(buildDocument(withProblems, reprintRequest(s), settings));
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  const saveReceipt = async () => {
    if (!register || !receipt) return;
    try {
      await register.recordReceipt(receipt.sheet.number, receipt.day, receipt.signer, receipt.sheet.departmentId);
      message.success(`已登记 ${receipt.sheet.number} 的回执`);
      setReceipt(null);
      await reload();
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  const received = rows.filter((r) => r.receipt).length;
  return (
    <>
      <Modal open={open && !doc} title="交办记录" footer={null} onCancel={onClose} width={960}>
        <Typography.Paragraph type="secondary">
          共 {rows.length} 份，已收回回执 {received} 份，未收回 {rows.length - received} 份。编号一经使用不再重复。
        </Typography.Paragraph>
        <RegisterWarnings clashes={clashesIn(rows)} samePeers={peers.same} series={peers.series} />
        <Table<IssuedSheet>
          size="small"
          rowKey={(r) => `${r.number}|${r.departmentId}|${r.recordedAt}`}
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="issued-sheets"
          columns={[
            { title: '编号', dataIndex: 'number', width: 190 },
            { title: '类型', width: 90, render: (_, r) => NUMBERED_KIND_LABELS[r.kind] },
            { title: '单位', dataIndex: 'departmentName' },
            { title: '日期', dataIndex: 'issuedOn', width: 110 },
            {
              title: '回执',
              width: 190,
              render: (_, r) => (r.receipt ? <Tag color="green">{`${r.receipt.receivedOn} 已签收${r.receipt.signer ? `（${r.receipt.signer}）` : ''}`}</Tag> : <Tag color="orange">未收回</Tag>),
            },
            {
              title: '操作',
              width: 210,
              render: (_, r) => (
                <Space size={4}>
                  <Button size="small" onClick={() => void reprint(r)}>
                    重新打印
                  </Button>
                  {r.receipt ? (
                    <Popconfirm title="撤销这条回执登记？" onConfirm={() => void register?.clearReceipt(r.number, r.departmentId).then(reload).catch((e: unknown) => message.error(`撤销回执登记失败：${messageOf(e)}`))}>
                      <Button size="small">撤销回执</Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" type="primary" ghost onClick={() => setReceipt({ sheet: r, day: chinaToday(), signer: '' })}>
                      登记回执
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Modal>
      <Modal open={receipt !== null} title={`登记回执 · ${receipt?.sheet.number ?? ''}`} okText="登记" cancelText="取消" onOk={() => void saveReceipt()} onCancel={() => setReceipt(null)}>
        {receipt && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{receipt.sheet.departmentName}</Typography.Text>
            <DatePicker format={DAY_PICKER_FORMAT} allowClear={false} aria-label="签收日期" value={dayjs(receipt.day)} onChange={(d) => d && setReceipt({ ...receipt, day: d.format('YYYY-MM-DD') })} />
            <Input aria-label="签收人" placeholder="签收人" maxLength={40} value={receipt.signer} onChange={(e) => setReceipt({ ...receipt, signer: e.target.value })} />
          </Space>
        )}
      </Modal>
      <PrintPreview doc={doc} onClose={() => setDoc(null)} />
    </>
  );
}
