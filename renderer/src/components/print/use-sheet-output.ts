import { useCallback, useState } from 'react';
import { App } from 'antd';
import { numberFrom, type IssuedSheet } from '../../../../shared/app/printing/issued-sheets';
import type { SheetCandidate } from '../../../../shared/print/sheet-candidates';
import { sheetRequest, type SheetJob } from '../../../../shared/print/sheet-job';
import type { PrintPlan } from '../../../../shared/print/problem-sections';
import type { PrintDocument } from '../../../../shared/print/document';
import { batchFolderName, combinedDocument, perDepartmentDocuments } from '../../../../shared/print/documents';
import { renderDocumentHtml } from '../../../../shared/print/html';
import { draftSheetNumber, NUMBERED_KIND_LABELS } from '../../../../shared/print/sheet-number';
import { desktop } from '../../platform';
import { useBusyKey } from '../../app/use-busy';
import { useIssuedSheets } from './use-print';

export type { SheetJob } from '../../../../shared/print/sheet-job';
/** One department's sheet in a batch: who, and what it lists. */
export type SheetItem = SheetCandidate;

/** The desktop shell writes files and knows whether a print went through; a plain browser does neither. */
export const canSaveFiles = (): boolean => typeof desktop.savePDFs === 'function';

const range = (issued: readonly IssuedSheet[]) => `${issued[0].number}${issued.length > 1 ? ` 至 ${issued[issued.length - 1].number}` : ''}`;

/**
 * Prints or saves a batch of sheets, one document per department, and gives a sheet its number
 * only when it really went out: the desktop shell reports a written file or a finished print; in a
 * browser the clerk confirms the print after the dialog closed.
 */
export function useSheetOutput(plan: PrintPlan, job: SheetJob) {
  const { message, modal } = App.useApp();
  const register = useIssuedSheets();
  const [issued, setIssued] = useState<ReadonlyMap<string, string>>(new Map());
  const label = NUMBERED_KIND_LABELS[job.kind];

  /** A department's document: with its number once issued, with □ for the number before. */
  const documentFor = useCallback(
    (item: SheetItem, number = issued.get(item.departmentId) ?? draftSheetNumber(job.settings.patterns[job.kind], Number(job.day.slice(0, 4)))): PrintDocument =>
      perDepartmentDocuments(plan, sheetRequest(job, [item], () => number), job.settings)[0],
    [plan, job, issued],
  );

  const remember = (sheets: readonly IssuedSheet[]) => setIssued((m) => new Map([...m, ...sheets.map((s) => [s.departmentId, s.number] as const)]));

  const askPrinted = (item: SheetItem, number: string) =>
    new Promise<boolean>((resolve) =>
      modal.confirm({
        title: `${item.name}的${label}打印了吗？`,
        content: `浏览器无法得知打印对话框中是否真的打印或另存了文件。已打印（或已另存为 PDF）请点“已打印”，编号 ${number} 即登记；没有打印请点“没有打印”，不占用编号。`,
        okText: '已打印',
        cancelText: '没有打印',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );

  const { busy, run: runBusy } = useBusyKey<string>();
  const run = (key: string, what: string, work: () => Promise<void>) => (register ? runBusy(key, work, what) : Promise.resolve());

  /** Prints one department's sheet on its own (its pages numbered from 1). */
  const printOne = (item: SheetItem) =>
    run(item.departmentId, '打印', async () => {
      const number = issued.get(item.departmentId);
      const print = async (doc: PrintDocument) => desktop.print({ html: renderDocumentHtml(doc), suggestedName: doc.fileName });
      if (number) return void (await print(documentFor(item, number)));
      const done = await register!.issueJob(job, [item], async ([held]) => {
        if (!(await print(documentFor(item, held.number)))) return null;
        return canSaveFiles() || (await askPrinted(item, held.number)) ? true : null;
      });
      if (!done) return void message.info(`未打印，${item.name}的${label}没有编号`);
      remember(done.issued);
      message.success(`已登记${label}：${done.issued[0].number}（${item.name}）`);
    });

  const askAllPrinted = (count: number, numbers: string) =>
    new Promise<boolean>((resolve) =>
      modal.confirm({
        title: '是否已全部打印？',
        content: `浏览器无法得知打印对话框中是否真的打印或另存了文件。${count}个单位的${label}都已打印（或已另存为 PDF）请点“已打印”，编号 ${numbers} 即登记；没有打印或只打印了一部分请点“没有打印”，不占用编号，可再逐个单位打印。`,
        okText: '已打印',
        cancelText: '没有打印',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );

  /**
   * Browser: every chosen department's sheet in one print dialog (one document, each department
   * from a new page, its footer naming it and its number); the clerk confirms once and all new
   * numbers are issued together, or none.
   */
  const printAll = () =>
    run('all', '打印', async () => {
      const fresh = job.items.filter((i) => !issued.has(i.departmentId));
      const print = async (reserved: readonly IssuedSheet[]) => {
        const doc = combinedDocument(plan, sheetRequest(job, job.items, numberFrom(reserved, issued)), job.settings);
        return desktop.print({ html: renderDocumentHtml(doc), suggestedName: doc.fileName });
      };
      if (!fresh.length) return void (await print([]));
      const done = await register!.issueJob(job, fresh, async (reserved) => {
        if (!(await print(reserved))) return null;
        return (await askAllPrinted(reserved.length, range(reserved))) ? true : null;
      });
      if (!done) return void message.info(`未打印，没有使用编号`);
      remember(done.issued);
      message.success(`已登记${label} ${range(done.issued)}（${done.issued.length}个单位）`);
    });

  /** Desktop: every department's own PDF, together in a new folder; numbers issued once the files are written. */
  const saveAll = () =>
    run('all', '保存 PDF', async () => {
      const fresh = job.items.filter((i) => !issued.has(i.departmentId));
      const save = async (reserved: readonly IssuedSheet[]) => {
        const number = numberFrom(reserved, issued);
        const documents = job.items.map((i) => documentFor(i, number(i))).map((d) => ({ html: renderDocumentHtml(d), suggestedName: d.fileName }));
        return desktop.savePDFs!({ folderName: batchFolderName(job.kind, job.items.length, job.day), documents });
      };
      const done = fresh.length ? await register!.issueJob(job, fresh, save) : await save([]).then((result) => (result ? { issued: [], result } : null));
      if (!done) return void message.info('未保存，没有使用编号');
      remember(done.issued);
      message.success(`已保存 ${done.result.files.length} 个 PDF 到文件夹“${done.result.folder}”${done.issued.length ? `，登记${label} ${range(done.issued)}` : ''}`);
    });

  return { issued, busy, documentFor, printOne, printAll, saveAll };
}
