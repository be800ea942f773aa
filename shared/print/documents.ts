import type { IsoDate, Period } from '../domain/ids';
import type { PlanData } from '../ledger/plan-data';
import { assignmentDocument, type AssignmentRequest } from './assignment-sheet';
import { DOCUMENT_KIND_LABELS, documentFileName, type PrintDocument } from './document';
import { formatPeriodZh, periodOf } from '../domain/time';
import { indicatorDocument, projectListDocument, reportingDocument, taskListDocument } from './list-views';
import type { PrintSettings } from './sheet-number';
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

export function buildDocument(plan: PlanData, request: PrintRequest, settings: PrintSettings): PrintDocument {
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
export function perDepartmentDocuments(plan: PlanData, request: SheetRequest, settings: PrintSettings): PrintDocument[] {
  return request.kind === 'assignment'
    ? request.sheets.map((s) => buildDocument(plan, { kind: 'assignment', sheets: [s] }, settings))
    : request.sheets.map((s) => buildDocument(plan, { kind: 'supervision', sheets: [s] }, settings));
}

/** The folder that holds a batch of per-department PDFs: 任务交办单-2026年11月-26个单位. */
export function batchFolderName(kind: SheetRequest['kind'], departments: number, issuedOn: IsoDate): string {
  return documentFileName(DOCUMENT_KIND_LABELS[kind], formatPeriodZh(periodOf(issuedOn)), `${departments}个单位`).replace(/\.pdf$/, '');
}
