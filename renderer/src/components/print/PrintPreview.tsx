import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { PrintDocument } from '../../../../shared/print/document';
import { renderDocumentHtml } from '../../../../shared/print/html';
import { desktop } from '../../platform';
import { DocumentView } from './DocumentView';
import { canSaveFiles } from './use-sheet-output';
import { useBusyKey } from '../../app/use-busy';

export interface PrintPreviewProps {
  /** What to show; null keeps the preview closed. */
  doc: PrintDocument | null;
  onClose(): void;
}

/**
 * Shows a document as it will print, then prints it, or (desktop program) saves it as PDF. A plain
 * browser only has its print dialog, where “另存为 PDF” saves a file; it cannot tell whether the
 * clerk printed or saved, so nothing here claims it did.
 */
export function PrintPreview({ doc, onClose }: PrintPreviewProps) {
  const { message } = App.useApp();
  const shown = doc;
  const { busy, run } = useBusyKey<'print' | 'pdf'>();
  const files = canSaveFiles();

  const output = async (how: 'print' | 'pdf') => {
    if (!shown) return;
    await run(
      how,
      async () => {
        const request = { html: renderDocumentHtml(shown), suggestedName: shown.fileName };
        if (how === 'pdf') {
          const saved = await desktop.printToPDF(request);
          if (saved) message.success(`已保存 ${saved}`);
        } else {
          await desktop.print(request);
        }
      },
      how === 'pdf' ? '保存 PDF' : '打印',
    );
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
          {files && (
            <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void output('pdf')}>
              保存为 PDF
            </Button>
          )}
          <Button type="primary" icon={<PrinterOutlined />} loading={busy === 'print'} disabled={busy !== null} onClick={() => void output('print')}>
            打印
          </Button>
        </Space>
      }
    >
      {!files && <Alert type="info" showIcon message="浏览器版：点“打印”打开打印对话框，要存为文件请在其中选“另存为 PDF”。" style={{ marginBottom: 8 }} />}
      <div style={{ maxHeight: 'calc(100vh - 240px)', overflowY: 'auto' }}>{shown && <DocumentView doc={shown} />}</div>
    </Modal>
  );
}
