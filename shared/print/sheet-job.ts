import type { IsoDate } from '../domain/ids';
import type { RecipientScope } from './assignment-sheet';
import type { IssuedSheet } from '../domain/issued-sheet';
import type { SheetRequest } from './documents';
import { sheetCandidates, type SheetCandidate } from './sheet-candidates';
import type { NumberedKind, PrintSettings } from './sheet-number';
import { answerByDay } from './supervision-notice';
import type { PrintPlan } from './problem-sections';

/**
 * One issue of numbered sheets — 任务交办单 or 督办单 — as the app's dialog and `zwc print` both
 * make it: the kind, the day, the print settings and each chosen department's sheet. The numbers
 * come from the register (IssuedSheets.issueJob) only when the sheets really went out.
 */
export interface SheetJob {
  kind: NumberedKind;
  day: IsoDate;
  /** 督办单: the day to answer by (the day plus the settings' answer days). */
  answerBy: IsoDate;
  settings: PrintSettings;
  items: SheetCandidate[];
}

export interface SheetJobChoice {
  /** 交办单: lead units only, or every unit with its part. */
  scope?: RecipientScope;
  /** The departments chosen; every department that gets one when absent. */
  departmentIds?: readonly string[];
}

/** The job for the departments chosen (in the plan's order), with the answer day worked out from the settings. */
export function sheetJob(plan: PrintPlan, kind: NumberedKind, day: IsoDate, settings: PrintSettings, choice: SheetJobChoice = {}): SheetJob {
  const candidates = sheetCandidates(plan, kind, day, choice.scope ?? 'lead').items;
  const wanted = choice.departmentIds;
  return jobFor(kind, day, settings, wanted ? candidates.filter((c) => wanted.includes(c.departmentId)) : candidates);
}

/** The job for sheets already chosen (a department's own row), the answer day worked out from the settings. */
export function jobFor(kind: NumberedKind, day: IsoDate, settings: PrintSettings, items: SheetCandidate[]): SheetJob {
  return { kind, day, answerBy: answerByDay(day, settings.answerDays), settings, items };
}

/** The document request for some of the job's sheets, each with its number (□ before it is issued: draftSheetNumber). */
export function sheetRequest(job: SheetJob, items: readonly SheetCandidate[], numberOf: (item: SheetCandidate) => string): SheetRequest {
  return job.kind === 'assignment'
    ? { kind: 'assignment', sheets: items.map((item) => ({ departmentId: item.departmentId, number: numberOf(item), issuedOn: job.day, taskIds: item.taskIds, projectIds: item.projectIds })) }
    : { kind: 'supervision', sheets: items.map((item) => ({ departmentId: item.departmentId, number: numberOf(item), issuedOn: job.day, answerBy: job.answerBy, taskIds: item.taskIds })) };
}

/** A sheet on the register printed again: the same number, day, answer day and list as when it was issued. */
export function reprintRequest(sheet: IssuedSheet): SheetRequest {
  const base = { departmentId: sheet.departmentId, number: sheet.number, issuedOn: sheet.issuedOn, taskIds: sheet.taskIds };
  return sheet.kind === 'assignment' ? { kind: 'assignment', sheets: [{ ...base, projectIds: sheet.projectIds }] } : { kind: 'supervision', sheets: [{ ...base, answerBy: sheet.answerBy ?? sheet.issuedOn }] };
}
