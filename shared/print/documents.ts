import type { IsoDate, Period } from '../domain/ids';
import type { PlanData } from '../ledger/plan-data';
import { assignmentDocument, type AssignmentRequest } from './assignment-sheet';
import type { PrintDocument } from './document';
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
