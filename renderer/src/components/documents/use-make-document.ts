import { useCallback } from 'react';
import { App as AntApp } from 'antd';
import type { DocumentOptions } from '../../../../shared/app/documents/documents';
import type { DocumentKind } from '../../../../shared/documents/model';
import { DOCUMENT_KIND_LABELS } from '../../../../shared/documents/model';
import { ownBuffer } from '../../../../shared/exchange/bytes';
import { useAppState } from '../../app/store';
import { useBusy } from '../../app/use-busy';
import { desktop } from '../../platform';
import { DOCX_FILTERS, loadDocuments } from './documents';

/**
 * Makes a document through the core's DocumentService and saves it (a dialog in the app, a download
 * in a browser), with 正在生成… shown while it is made. Resolves to where it went, or null.
 */
export function useMakeDocument(): { busy: boolean; make: <K extends DocumentKind>(kind: K, options: DocumentOptions[K]) => Promise<void> } {
  const { message } = AntApp.useApp();
  const workspace = useAppState((s) => s.workspace);
  const { busy, run } = useBusy();
  const make = useCallback(
    <K extends DocumentKind>(kind: K, options: DocumentOptions[K]) =>
      run(async () => {
        if (!workspace) throw new Error('工作区尚未打开');
        const label = DOCUMENT_KIND_LABELS[kind];
        const hide = message.loading(`正在生成${label}…`, 0);
        try {
          const { DocumentService } = await loadDocuments();
          const made = await new DocumentService(workspace).make(kind, options);
          hide();
          const saved = await desktop.saveFile({ suggestedName: made.fileName, data: ownBuffer(made.bytes), filters: DOCX_FILTERS });
          if (saved) message.success(`${label}已保存：${saved}`);
        } finally {
          hide();
        }
      }),
    [message, run, workspace],
  );
  return { busy, make };
}
