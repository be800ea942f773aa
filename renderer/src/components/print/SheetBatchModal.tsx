import { useMemo, useState } from 'react';
import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { PrintPlan } from '../../../../shared/print/problem-sections';
import { NUMBERED_KIND_LABELS } from '../../../../shared/print/sheet-number';
import { DocumentView } from './DocumentView';
import { canSaveFiles, useSheetOutput, type SheetItem, type SheetJob } from './use-sheet-output';

const BROWSER_DESKTOP_ONLY = '每个单位一个 PDF 文件、一次保存全部，需要使用桌面程序';
const BROWSER_ALL = (label: string, example: string) =>
  `“全部打印”把所选单位的${label}放进一次打印：每个单位从新的一页开始，页脚印单位名称、编号和本单位页码（如“${example} — 1 —”）。浏览器做不到：另存为 PDF 只得到一个合并的文件，${BROWSER_DESKTOP_ONLY}；页码只能居中，不能单双页左右交替；双面打印时下一单位可能印在上一单位末页背面，请用单面打印。`;
const BROWSER_CONFIRM = '浏览器无法得知是否真的打印或保存，对话框关闭后请确认，确认“已打印”才编号。页码需 Chrome 或 Edge 131 及以上版本。';

export interface SheetBatchModalProps {
  /** With the office's problems (usePrintPlan): a 督办单 lists the unit's. */
  plan: PrintPlan;
  job: SheetJob;
  onClose(): void;
  /** Said above the list, e.g. the collective names that get no sheet. */
  note?: string;
}

/**
 * The chosen departments' sheets, each its own document with its own page numbers: preview any of
 * them; print one at a time; in the desktop program save them all as PDF files in one go. A sheet
 * is numbered only when it was saved or (confirmed) printed.
 */
export function SheetBatchModal({ plan, job, onClose, note }: SheetBatchModalProps) {
  const out = useSheetOutput(plan, job);
  const [shown, setShown] = useState<string>(job.items[0]?.departmentId ?? '');
  const label = NUMBERED_KIND_LABELS[job.kind];
  const desktop = canSaveFiles();
  const current = job.items.find((i) => i.departmentId === shown) ?? job.items[0];
  const one = job.items.length === 1;
  const { documentFor } = out;
  const doc = useMemo(() => (current ? documentFor(current) : null), [current, documentFor]);

  return (
    <Modal
      open
      onCancel={onClose}
      width={1100}
      style={{ top: 12 }}
      title={one ? `${label} · ${job.items[0].name}` : `${label} · ${job.items.length}个单位（每个单位单独成文）`}
      footer={
        <Space wrap>
          {current && (
            <Typography.Text type="secondary" data-testid="print-file-name">
              {doc?.fileName}
            </Typography.Text>
          )}
          <Button onClick={onClose}>关闭</Button>
          {one && (
            <Button type={desktop ? 'default' : 'primary'} icon={<PrinterOutlined />} loading={out.busy === current.departmentId} disabled={out.busy !== null} onClick={() => void out.printOne(current)}>
              打印
            </Button>
          )}
          {!desktop && !one && (
            <Button type="primary" icon={<PrinterOutlined />} loading={out.busy === 'all'} disabled={out.busy !== null} onClick={() => void out.printAll()}>
              {`全部打印（一次打印 ${job.items.length} 个单位）`}
            </Button>
          )}
          {desktop && (
            <Button type="primary" icon={<FilePdfOutlined />} loading={out.busy === 'all'} disabled={out.busy !== null} onClick={() => void out.saveAll()}>
              {one ? '保存为 PDF' : `保存为 PDF（${job.items.length}个文件）`}
            </Button>
          )}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        {desktop ? (
          <Alert type="info" showIcon message={`保存时先选择文件夹，程序在其中新建一个文件夹，每个单位一个 PDF 文件（页码各自从 1 开始）。保存或打印完成后才编号并登记；取消不占用编号。`} />
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="browser-print-limit"
            message="浏览器版一次只能打开一份文件的打印对话框"
            description={one ? `点“打印”：页码从 1 开始；在打印对话框中选“另存为 PDF”即可存为文件。${BROWSER_DESKTOP_ONLY}。${BROWSER_CONFIRM}` : `${BROWSER_ALL(label, `${current?.name ?? ''} · ${doc?.sheets[0]?.number ?? ''}`)}${BROWSER_CONFIRM}`}
          />
        )}
        {note && <Alert type="info" showIcon message={note} data-testid="collective-note" />}
        {!one && (
          <Table<SheetItem>
            size="small"
            rowKey="departmentId"
            pagination={false}
            scroll={{ y: 180 }}
            dataSource={job.items}
            data-testid="sheet-batch"
            rowClassName={(i) => (i.departmentId === current?.departmentId ? 'ant-table-row-selected' : '')}
            columns={[
              { title: '单位', render: (_, i) => <Typography.Link onClick={() => setShown(i.departmentId)}>{i.name}</Typography.Link> },
              { title: '内容', dataIndex: 'detail', width: 200 },
              { title: '编号', width: 220, render: (_, i) => (out.issued.get(i.departmentId) ? <Tag color="green">{out.issued.get(i.departmentId)}</Tag> : <Typography.Text type="secondary">保存或打印后编号</Typography.Text>) },
              {
                title: '操作',
                width: 150,
                render: (_, i) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => setShown(i.departmentId)}>
                      预览
                    </Button>
                    <Button size="small" icon={<PrinterOutlined />} aria-label={`打印 ${i.name}`} loading={out.busy === i.departmentId} disabled={out.busy !== null} onClick={() => void out.printOne(i)}>
                      打印
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
        {one && out.issued.get(current.departmentId) && <Alert type="success" showIcon message={`已编号并登记：${out.issued.get(current.departmentId)}。再次打印编号不变。`} />}
        <div style={{ maxHeight: one ? 'calc(100vh - 300px)' : 'calc(100vh - 520px)', minHeight: 200, overflowY: 'auto' }}>{doc && <DocumentView doc={doc} />}</div>
      </Space>
    </Modal>
  );
}
