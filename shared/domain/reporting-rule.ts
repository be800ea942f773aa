import type { IsoDate, Period } from './ids';
import type { ProgressEntry } from './progress';
import type { Project } from './project';
import type { Task } from './task';
import { periodOf } from './time';

/*
 * Whose report counts, and for what (shared/domain/RULES.md, "Reports: whose counts"). One rule
 * for 月度调度's 已报/未报, a task's or project's current figure and status, the printed 报送情况,
 * the city's figures and the bundle, so that no department shows a report it did not send and no
 * figure depends on the order in which files were imported.
 */

/** The units a task or project expects reports from. */
export interface ReportUnits {
  /** Units that owe a report each month (a task's 牵头单位; a project's 责任单位, else its 建设单位). */
  owing: readonly string[];
  /** Units whose reports make the task's or project's figure: the owing ones (a project's 建设单位 too). */
  counting: readonly string[];
  /** Units whose reports are their own 配合情况: kept and shown, never the figure, never a lead's report. */
  participants: readonly string[];
}

export function taskReportUnits(task: Pick<Task, 'leads' | 'participants'>): ReportUnits {
  const leads = [...new Set(task.leads.map((l) => l.departmentId))];
  return { owing: leads, counting: leads, participants: [...new Set(task.participants.map((p) => p.departmentId))].filter((d) => !leads.includes(d)) };
}

export function projectReportUnits(project: Pick<Project, 'responsibleUnitIds' | 'constructionUnitIds'>): ReportUnits {
  const owing = project.responsibleUnitIds.length ? project.responsibleUnitIds : project.constructionUnitIds;
  return { owing: [...new Set(owing)], counting: [...new Set([...owing, ...project.constructionUnitIds])], participants: [] };
}

/**
 * Who a report is from, as far as the rule is concerned:
 * - `lead`: a unit in `counting` (its own report on the task);
 * - `participant`: a participating unit (its 配合情况);
 * - `other`: a unit of the directory with no part in this task now (e.g. its lead before the task
 *   was reassigned): counted as the office's record, so a reassignment never erases a figure;
 * - `office`: no unit, or a unit no longer in the directory: the office recorded it (无废办代报).
 */
export type ReportRole = 'lead' | 'participant' | 'other' | 'office';

export function reportRole(entry: Pick<ProgressEntry, 'departmentId'>, units: ReportUnits, knownUnit: (id: string) => boolean = () => true): ReportRole {
  const unit = entry.departmentId;
  if (!unit || !knownUnit(unit)) return 'office';
  if (units.counting.includes(unit)) return 'lead';
  if (units.participants.includes(unit)) return 'participant';
  return 'other';
}

/** Within one source, the latest correction; ties broken by id so that the order of arrival never matters. */
export function newer(a: Pick<ProgressEntry, 'reportedAt' | 'id'>, b: Pick<ProgressEntry, 'reportedAt' | 'id'>): boolean {
  return a.reportedAt > b.reportedAt || (a.reportedAt === b.reportedAt && a.id > b.id);
}

const OFFICE = '';

/** Each source's latest correction in one period: a counting unit's own, or the office's. */
function latestBySource(entries: readonly ProgressEntry[], units: ReportUnits, period: Period, knownUnit?: (id: string) => boolean): Map<string, ProgressEntry> {
  const bySource = new Map<string, ProgressEntry>();
  for (const e of entries) {
    if (e.period !== period) continue;
    const role = reportRole(e, units, knownUnit);
    if (role === 'participant') continue;
    const key = role === 'lead' ? (e.departmentId as string) : OFFICE;
    const seen = bySource.get(key);
    if (!seen || newer(e, seen)) bySource.set(key, e);
  }
  return bySource;
}

export interface Figure {
  /** The report that gives the percent and status. */
  entry: ProgressEntry;
  /** The report standing for each counting unit that reported that period (office 代报 where a unit sent none), in unit order. */
  sources: { departmentId: string | null; entry: ProgressEntry }[];
}

/**
 * A task's or project's current figure as of a day: the latest period (not after the day's month)
 * with a counting report. In that period each counting unit is represented by its own latest
 * report, or else by the office's (代报); when several units reported, the lowest percent is the
 * figure (a co-led task is only as far as its slowest lead), 受阻 before others at the same percent,
 * then the unit listed first. Participants' reports never count.
 */
export function figureReport(units: ReportUnits, entries: readonly ProgressEntry[], day: IsoDate, knownUnit?: (id: string) => boolean): Figure | undefined {
  const cutoff = periodOf(day);
  let period: Period | undefined;
  for (const e of entries) {
    if (e.period > cutoff || (period && e.period <= period)) continue;
    if (reportRole(e, units, knownUnit) !== 'participant') period = e.period;
  }
  if (!period) return undefined;
  const bySource = latestBySource(entries, units, period, knownUnit);
  const office = bySource.get(OFFICE);
  const sources: Figure['sources'] = [];
  for (const unit of units.counting) {
    const own = bySource.get(unit);
    if (own) sources.push({ departmentId: unit, entry: own });
    else if (office && units.owing.includes(unit)) sources.push({ departmentId: null, entry: office });
  }
  if (!sources.length && office) sources.push({ departmentId: null, entry: office });
  let best = sources[0];
  for (const s of sources.slice(1)) {
    const a = s.entry;
    const b = best.entry;
    if (a.percent < b.percent || (a.percent === b.percent && a.status === 'stalled' && b.status !== 'stalled')) best = s;
  }
  return { entry: best.entry, sources };
}

/**
 * The report that stands for this unit on the subject for the period: its own latest correction,
 * else (for a unit that owes one) the office's 代报; a participant's only ever its own.
 */
export function unitReport(unit: string, units: ReportUnits, entries: readonly ProgressEntry[], period: Period, knownUnit?: (id: string) => boolean): ProgressEntry | undefined {
  let own: ProgressEntry | undefined;
  let office: ProgressEntry | undefined;
  for (const e of entries) {
    if (e.period !== period) continue;
    const role = reportRole(e, units, knownUnit);
    if ((role === 'lead' || role === 'participant') && e.departmentId === unit) {
      if (!own || newer(e, own)) own = e;
    } else if ((role === 'office' || role === 'other') && units.owing.includes(unit)) {
      if (!office || newer(e, office)) office = e;
    }
  }
  return own ?? office;
}

/** Has this unit reported on the subject for the period: its own report, or the office's 代报 for an owing unit. */
export function unitReported(unit: string, units: ReportUnits, entries: readonly ProgressEntry[], period: Period, knownUnit?: (id: string) => boolean): boolean {
  return unitReport(unit, units, entries, period, knownUnit) !== undefined;
}

/** The subject counts as reported for the period when every owing unit has (or, with none, the office did). */
export function subjectReported(units: ReportUnits, entries: readonly ProgressEntry[], period: Period, knownUnit?: (id: string) => boolean): boolean {
  if (!units.owing.length) return entries.some((e) => e.period === period && reportRole(e, units, knownUnit) !== 'participant');
  return units.owing.every((u) => unitReported(u, units, entries, period, knownUnit));
}
