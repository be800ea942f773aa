import type { IsoDate, Period } from '../domain/ids';
import { assignmentDocument, type AssignmentRequest } from './assignment-sheet';
import { DOCUMENT_KIND_LABELS, documentFileName, type PrintDocument } from './document';
import { formatPeriodZh, periodOf } from '../domain/time';
import { indicatorDocument, projectListDocument, reportingDocument, taskListDocument } from './list-views';
import type { PrintSettings } from './sheet-number';
import type { PrintPlan } from './problem-sections';
import { supervisionDocument, type SupervisionRequest } from './supervision-notice';

/** Every document the app prints, as one request type: what the preview, the printer and the command line ask for. */
export type PrintRequest =
  /** `all`: every department that gets one (the file is then named 全部N个单位). */
  | { kind: 'assignment'; sheets: AssignmentRequest[]; all?: boolean }
  | { kind: 'supervision'; sheets: SupervisionRequest[]; all?: boolean }
  | { kind: 'task-list'; day: IsoDate; taskIds?: string[]; note?: string }
  | { kind: 'project-list'; period: Period }
  /** `year`: the year whose actual values are shown; the period's assessment year when absent. */
  | { kind: 'indicators'; period: Period; year?: number }
  | { kind: 'reporting'; period: Period; day: IsoDate };

export function buildDocument(plan: PrintPlan, request: PrintRequest, settings: PrintSettings): PrintDocument {
  switch (request.kind) {
    case 'assignment':
      return assignmentDocument(plan, request.sheets, settings, request.all);
    case 'supervision':
      return supervisionDocument(plan, request.sheets, settings, request.all);
    case 'task-list':
      return taskListDocument(plan, request);
    case 'project-list':
      return projectListDocument(plan, request);
    case 'indicators':
      return indicatorDocument(plan, request);
    case 'reporting':
      return reportingDocument(plan, request);
  }
}

/** A numbered request: 任务交办单 or 督办单, one sheet per department. */
export type SheetRequest = Extract<PrintRequest, { kind: 'assignment' | 'supervision' }>;

/**
 * One document per department, each with its own page numbers (— 1 — again on every department's
 * first page) and named for that department: 任务交办单-旗生态环境局-2026年11月.pdf. Chromium cannot
 * restart page numbers inside one document, so a department's sheet is always printed alone.
 */
export function perDepartmentDocuments(plan: PrintPlan, request: SheetRequest, settings: PrintSettings): PrintDocument[] {
  return request.kind === 'assignment'
    ? request.sheets.map((s) => buildDocument(plan, { kind: 'assignment', sheets: [s] }, settings))
    : request.sheets.map((s) => buildDocument(plan, { kind: 'supervision', sheets: [s] }, settings));
}

/** The folder that holds a batch of per-department PDFs: 任务交办单-2026年11月-26个单位. */
export function batchFolderName(kind: SheetRequest['kind'], departments: number, issuedOn: IsoDate): string {
  return documentFileName(DOCUMENT_KIND_LABELS[kind], formatPeriodZh(periodOf(issuedOn)), `${departments}个单位`).replace(/\.pdf$/, '');
}

/**
 * The chosen departments' sheets in ONE document, for a browser that opens one print dialog per
 * document (全部打印): each department's sheet starts on a new page and its footer names the
 * department and the sheet's number, with the department's own page number from — 1 —
 * (“旗工信局 · 伊无废督〔2026〕3号 — 1 —”), since in one print job the page counter runs through
 * the whole job. Named like the desktop's folder: 督办单-2026年11月-11个单位.pdf.
 */
export function combinedDocument(plan: PrintPlan, request: SheetRequest, settings: PrintSettings): PrintDocument {
  const first = request.sheets[0];
  if (!first) throw new Error('没有选择单位，无法合并打印');
  const doc = buildDocument(plan, { ...request, all: false }, settings);
  return {
    ...doc,
    fileName: `${batchFolderName(request.kind, request.sheets.length, first.issuedOn)}.pdf`,
    sheets: doc.sheets.map((s) => ({ ...s, ownFooter: [s.label, s.number].filter(Boolean).join(' · ') })),
  };
}
