import type { IsoDate, Period } from '../domain/ids';
import type { Office } from '../domain/office';
import type { TaskStatus } from '../domain/task-status';
import { subordinatesOf } from '../domain/divisions';
import { sumWan, percentOf, type WanYuan } from '../domain/money';
import { lastMergedByOffice, type ImportRecord } from '../exchange/history';
import type { PlanData } from './plan-data';
import type { ProgressEntry } from '../domain/progress';
import { buildTaskRows, monthReport, type TaskRow } from './task-query';
import { buildProjectRows } from './project-query';
import { assessmentYear, countByAttainment, countByStatus, indicatorStandings, investmentSummary, TASK_STATUSES } from './aggregations';
import { reportingChecklist } from './reporting';
import { scopeToPlan } from './plan-scope';
import { currentPlan as currentPlanOf, planLabel } from '../domain/plan-period';
import type { Problem } from '../domain/problem';
import { countyProblemCounts } from './problems-city';


/** A county, county or district a city office oversees. */
export interface SubordinateOffice {
  code: string;
  name: string;
}

/**
 * The offices a city oversees: every division of the city it knows by name (divisions.ts), whether
 * or not it ever sent anything, plus any office the local database records under the city. By code.
 */
export function overseenOffices(cityCode: string, offices: readonly Pick<Office, 'code' | 'name' | 'parentCode'>[] = []): SubordinateOffice[] {
  const out = new Map(subordinatesOf(cityCode).map((s) => [s.code, s.name]));
  for (const o of offices) if (o.parentCode === cityCode && o.code !== cityCode) out.set(o.code, o.name);
  return [...out].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
}

/** A file that arrived and was not taken in: when, which, and why (the refusal's words). */
export interface NotImported {
  at: string;
  fileName: string;
  reason: string;
  /** The month the file was made for, when it could be read. */
  period: string | null;
}

/**
 * Per office, the latest refused file newer than its latest merged one: what a clerk should chase
 * (a key to register, a file to send again) rather than "nothing came".
 */
function lastRefusedByOffice(history: readonly ImportRecord[]): Map<string, NotImported> {
  // The history is append-only: a refusal written before a merge (the same file once its key was
  // trusted) is superseded by it even when both carry the same time.
  const out = new Map<string, NotImported>();
  const mergedAt = new Map<string, string>();
  for (const r of history) {
    if (!r.officeCode) continue;
    if (r.outcome === 'merged') {
      if (r.at >= (mergedAt.get(r.officeCode) ?? '')) mergedAt.set(r.officeCode, r.at);
      const prev = out.get(r.officeCode);
      if (prev && prev.at <= r.at) out.delete(r.officeCode);
      continue;
    }
    if (r.outcome !== 'refused' || r.at < (mergedAt.get(r.officeCode) ?? '')) continue;
    const prev = out.get(r.officeCode);
    if (!prev || r.at >= prev.at) out.set(r.officeCode, { at: r.at, fileName: r.fileName, reason: r.reason ?? '未导入', period: r.period || null });
  }
  return out;
}

/** One county's line in the city's overview. Figures are zero (or null) when `hasData` is false. */
export interface CountySummary {
  code: string;
  name: string;
  /** Any bundle from this county was merged. */
  received: boolean;
  /** The reporting period of the latest merged bundle. */
  lastPeriodReceived: Period | null;
  /** When that bundle was imported (ISO). */
  lastImportAt: string | null;
  /** A bundle made for the period (or a later one) was merged. */
  reportedForPeriod: boolean;
  /**
   * The latest file from this office that arrived after its last merged one and was refused (key
   * not registered, stale, damaged…): 已收到但未导入, with the reason. Null when none.
   */
  notImported: NotImported | null;
  /** The county's records are in the local database. */
  hasData: boolean;
  /** The county's plan in force (as last received), e.g. "…实施方案（2026—2030年）"; null without data or plans. */
  currentPlan: string | null;
  tasks: number;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
  /** Reporting coverage for the period, percent with one decimal; null without data. */
  coverage: number | null;
  /** Tasks and projects owing a report for the period, and how many did. */
  reportsExpected: number;
  reportsReceived: number;
  /** The year the indicators are judged against; null without data. */
  assessmentYear: number | null;
  indicators: number;
  indicatorsBehind: number;
  indicatorsNoData: number;
  /** 万元, to the period. */
  investmentPlanned: WanYuan;
  investmentCompleted: WanYuan;
  /** Completed as a percent of planned, one decimal; null when nothing is planned. */
  investmentPercent: number | null;
  /** Projects, by status on `today` (judged like tasks: projectStatus), and how many are overdue. */
  projects: number;
  projectsByStatus: Record<TaskStatus, number>;
  projectsOverdue: number;
  /** 问题清单 on `today` (shared/views/problems-city.ts): unclosed problems, of those overdue, and closed ones. */
  problemsOpen: number;
  problemsOverdue: number;
  problemsClosed: number;
}

export interface CountySummaryInput {
  cityCode: string;
  subordinates: readonly SubordinateOffice[];
  /** Plans of the counties whose records are in the database, by code. */
  plans: ReadonlyMap<string, PlanData>;
  history: readonly ImportRecord[];
  period: Period;
  today: IsoDate;
  /** The counties' problems as merged at the city, by code (none when absent). */
  problems?: ReadonlyMap<string, readonly Problem[]>;
}

const zeroStatus = (): Record<TaskStatus, number> => countByStatus([]);

/** One line per subordinate office, in the order given: what arrived and where each county stands. */
export function countySummaries({ cityCode, subordinates, plans, history, period, today, problems }: CountySummaryInput): CountySummary[] {
  const last = lastMergedByOffice(history);
  const refused = lastRefusedByOffice(history);
  return subordinates
    .filter((s) => s.code !== cityCode)
    .map(({ code, name }) => {
      const imported = last.get(code);
      const base = {
        code,
        name,
        received: imported !== undefined,
        lastPeriodReceived: imported?.period ?? null,
        lastImportAt: imported?.at ?? null,
        reportedForPeriod: imported !== undefined && imported.period >= period,
        notImported: refused.get(code) ?? null,
        ...countyProblemCounts(problems?.get(code), today),
      };
      const received = plans.get(code);
      // Figures are for the county's plan in force; closed periods are in its archive.
      const plan = received && scopeToPlan(received, received.office.currentPlanId);
      const inForce = received && currentPlanOf(received.office);
      if (!plan) {
        return {
          ...base,
          hasData: false,
          currentPlan: null,
          tasks: 0,
          byStatus: zeroStatus(),
          overdue: 0,
          coverage: null,
          reportsExpected: 0,
          reportsReceived: 0,
          assessmentYear: null,
          indicators: 0,
          indicatorsBehind: 0,
          indicatorsNoData: 0,
          investmentPlanned: '0',
          investmentCompleted: '0',
          investmentPercent: null,
          projects: 0,
          projectsByStatus: zeroStatus(),
          projectsOverdue: 0,
        };
      }
      const rows = buildTaskRows(plan, today);
      const byStatus = countByStatus(rows);
      const checklist = reportingChecklist(plan, rows, period);
      const year = assessmentYear(plan.indicators, period);
      const attainment = countByAttainment(indicatorStandings(plan.indicators, plan.indicatorValues, year).map((s) => s.result));
      const money = investmentSummary(plan.projects, plan.progress, period);
      const projectsByStatus = countByStatus(buildProjectRows(plan, period, today));
      return {
        ...base,
        hasData: true,
        currentPlan: inForce ? planLabel(inForce) : null,
        tasks: rows.length,
        byStatus,
        overdue: byStatus.overdue,
        coverage: checklist.coverage,
        reportsExpected: checklist.expected,
        reportsReceived: checklist.reported,
        assessmentYear: year,
        indicators: plan.indicators.length,
        indicatorsBehind: attainment.behind,
        indicatorsNoData: attainment['no-data'],
        investmentPlanned: money.planned,
        investmentCompleted: money.completed,
        investmentPercent: money.percent,
        projects: plan.projects.length,
        projectsByStatus,
        projectsOverdue: projectsByStatus.overdue,
      };
    });
}

/** The counties that sent no bundle for the period (nor a later one). */
export function notReported(rows: readonly CountySummary[]): CountySummary[] {
  return rows.filter((r) => !r.reportedForPeriod);
}

export interface CountyTotals {
  counties: number;
  reported: number;
  tasks: number;
  byStatus: Record<TaskStatus, number>;
  indicatorsBehind: number;
  investmentPlanned: WanYuan;
  investmentCompleted: WanYuan;
  investmentPercent: number | null;
  projects: number;
  projectsByStatus: Record<TaskStatus, number>;
}

/** Sums over all counties, for the 合计 line. */
export function countyTotals(rows: readonly CountySummary[]): CountyTotals {
  const byStatus = zeroStatus();
  const projectsByStatus = zeroStatus();
  for (const r of rows) {
    for (const s of TASK_STATUSES) {
      byStatus[s] += r.byStatus[s];
      projectsByStatus[s] += r.projectsByStatus[s];
    }
  }
  const planned = sumWan(rows.map((r) => r.investmentPlanned));
  const completed = sumWan(rows.map((r) => r.investmentCompleted));
  return {
    counties: rows.length,
    reported: rows.filter((r) => r.reportedForPeriod).length,
    tasks: rows.reduce((n, r) => n + r.tasks, 0),
    byStatus,
    indicatorsBehind: rows.reduce((n, r) => n + r.indicatorsBehind, 0),
    investmentPlanned: planned,
    investmentCompleted: completed,
    investmentPercent: percentOf(completed, planned),
    projects: rows.reduce((n, r) => n + r.projects, 0),
    projectsByStatus,
  };
}

/** The bundles that came from one office (whatever became of them), newest import first. */
export function importsFrom(history: readonly ImportRecord[], officeCode: string): ImportRecord[] {
  return history.filter((h) => h.officeCode === officeCode).sort((a, b) => b.at.localeCompare(a.at));
}

/** A county's task as the city sees it for one period: its report (the latest correction), a missing report, or none owed. */
export type PeriodReport = { kind: 'reported'; entry: ProgressEntry } | { kind: 'missing' } | { kind: 'not-owed' };

/** A task's report for the period; a task without one is missing it unless the task is done. */
export function taskReportFor(row: Pick<TaskRow, 'task' | 'history' | 'status'>, period: Period): PeriodReport {
  const entry = monthReport(row, period);
  if (entry) return { kind: 'reported', entry };
  return row.status.status === 'done' ? { kind: 'not-owed' } : { kind: 'missing' };
}
