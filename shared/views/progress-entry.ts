import type { IsoDate, Period } from '../domain/ids';
import { parseWan } from '../domain/money';
import type { ProgressEntry, ReportedStatus } from '../domain/progress';

/**
 * One month's report on a task or project as a clerk types it in 填报进展 or a department's form row
 * says it, before it is stored: texts as written, amounts in 万元 as written ("3000", "3,000万元").
 */
export interface ProgressReport {
  subjectKind: 'task' | 'project';
  subjectId: string;
  period: Period;
  percent: number;
  status: ReportedStatus;
  thisMonth: string;
  problems?: string;
  nextSteps?: string;
  reportedBy?: string;
  /** The unit whose report it is; absent or empty: the office reports itself (无废办代报). */
  departmentId?: string;
  /** Projects only. */
  investmentToDate?: string;
  investmentThisYear?: string;
  /** A lead unit's form says the task is finished. */
  completionClaim?: { date: IsoDate; evidence: string };
}

/** Who stores it and when: the entry's id, office, time and device. */
export interface EntryStamp {
  id: string;
  officeCode: string;
  reportedAt: string;
  deviceId: string;
}

/**
 * The stored entry for a report, the same from 填报进展 and the form import: texts trimmed, amounts
 * in the stored form (a figure that does not read as 万元 kept as written, for the rules to refuse),
 * no investment on a task, and no empty unit or amount stored.
 */
export function progressEntry(report: ProgressReport, stamp: EntryStamp): ProgressEntry {
  const wan = (typed: string | undefined) => {
    const t = typed?.trim();
    return report.subjectKind === 'project' && t ? (parseWan(t) ?? t) : undefined;
  };
  const investmentToDate = wan(report.investmentToDate);
  const investmentThisYear = wan(report.investmentThisYear);
  return {
    id: stamp.id,
    officeCode: stamp.officeCode,
    subjectKind: report.subjectKind,
    subjectId: report.subjectId,
    period: report.period,
    percent: report.percent,
    status: report.status,
    thisMonth: report.thisMonth.trim(),
    problems: (report.problems ?? '').trim(),
    nextSteps: (report.nextSteps ?? '').trim(),
    ...(investmentToDate !== undefined ? { investmentToDate } : {}),
    ...(investmentThisYear !== undefined ? { investmentThisYear } : {}),
    reportedBy: (report.reportedBy ?? '').trim(),
    ...(report.departmentId ? { departmentId: report.departmentId } : {}),
    ...(report.completionClaim ? { completionClaim: report.completionClaim } : {}),
    reportedAt: stamp.reportedAt,
    deviceId: stamp.deviceId,
  };
}
