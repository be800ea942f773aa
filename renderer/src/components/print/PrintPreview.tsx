import { useEffect, useState } from 'react';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { PrintDocument } from '../../../../shared/print/document';
import { renderDocumentHtml } from '../../../../shared/print/html';
import { desktop } from '../../platform';
import { DocumentView } from './DocumentView';
import { messageOf } from '../../app/error-text';

export interface PrintPreviewProps {
  /** What to show; null keeps the preview closed. */
  doc: PrintDocument | null;
  onClose(): void;
  /**
   * Called once before the first print or save, e.g. to give the sheets their numbers; returns the
   * document as it must print, which the preview then shows.
   */
  prepare?: () => Promise<PrintDocument>;
  /** Said above the pages, e.g. that printing gives the sheets their numbers. */
  notice?: string;
}

/** Shows a document as it will print, then prints it or saves it as PDF through the desktop API. */
export function PrintPreview({ doc, onClose, prepare, notice }: PrintPreviewProps) {
  const { message } = App.useApp();
  const [shown, setShown] = useState<PrintDocument | null>(doc);
  const [prepared, setPrepared] = useState(false);
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  useEffect(() => {
    setShown(doc);
    setPrepared(false);
  }, [doc]);

  const output = async (how: 'print' | 'pdf') => {
    if (!shown) return;
    setBusy(how);
    try {
      let final = shown;
      if (prepare && !prepared) {
        final = await prepare();
        setShown(final);
        setPrepared(true);
      }
      const request = { html: renderDocumentHtml(final), suggestedName: final.fileName };
      if (how === 'pdf') {
        const saved = await desktop.printToPDF(request);
        if (saved) message.success(`已保存 ${saved}`);
      } else {
        await desktop.print(request);
      }
    } catch (e) {
      message.error(`${how === 'pdf' ? '保存 PDF' : '打印'}失败：${messageOf(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      open={doc !== null}
      onCancel={onClose}
      width={1000}
      style={{ top: 16 }}
      title={shown ? `打印预览 · ${shown.title}` : '打印预览'}
      destroyOnClose
      footer={
        <Space>
          <Typography.Text type="secondary" data-testid="print-file-name">
            {shown?.fileName}
          </Typography.Text>
          <Button onClick={onClose}>关闭</Button>
          <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void output('pdf')}>
            保存为 PDF
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} loading={busy === 'print'} disabled={busy !== null} onClick={() => void output('print')}>
            打印
          </Button>
        </Space>
      }
    >
      {notice && !prepared && <Alert type="info" showIcon message={notice} style={{ marginBottom: 8 }} />}
      {prepared && prepare && <Alert type="success" showIcon message="已编号并登记，重新打印时编号不变。" style={{ marginBottom: 8 }} />}
      <div style={{ maxHeight: 'calc(100vh - 240px)', overflowY: 'auto' }}>{shown && <DocumentView doc={shown} />}</div>
    </Modal>
  );
}
