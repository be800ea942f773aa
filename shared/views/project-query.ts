import type { Project } from '../domain/project';
import type { ProgressEntry } from '../domain/progress';
import type { IsoDate, Period } from '../domain/ids';
import type { TaskStatusResult } from '../domain/task-status';
import { lastDayOf, projectStatus } from '../domain/project-status';
import { percentOf } from '../domain/money';
import type { PlanData } from './plan-data';
import { groupBy, nameLookup } from './lookups';
import { latestProjectReport } from './aggregations';
import { reportDirectory } from './report-units';

export interface ProjectRow {
  project: Project;
  /** Judged like a task (shared/domain/RULES.md, projectStatus). */
  status: TaskStatusResult;
  latest: ProgressEntry | undefined;
  history: ProgressEntry[];
  unitNames: string;
  /** Completed to date, 万元, from the latest report. */
  completed: string | null;
  completedPercent: number | null;
  searchText: string;
}

/** Rows up to a period; the status is judged on `day` (by default the period's last day). */
export function buildProjectRows(plan: Pick<PlanData, 'projects' | 'progress' | 'departments'>, upTo: Period, day: IsoDate = lastDayOf({ year: Number(upTo.slice(0, 4)), month: Number(upTo.slice(5, 7)) })): ProjectRow[] {
  const dept = nameLookup(plan.departments);
  const units = reportDirectory(plan.departments);
  const reports = groupBy(
    units.withUnits(plan.progress.filter((p) => p.subjectKind === 'project')),
    (p) => p.subjectId,
  );
  return plan.projects.map((project) => {
    const history = [...(reports.get(project.id) ?? [])].sort((a, b) => (a.period === b.period ? b.reportedAt.localeCompare(a.reportedAt) : b.period.localeCompare(a.period)));
    const latest = latestProjectReport(project, history, upTo, units.knownUnit);
    const completed = latest?.investmentToDate ?? null;
    const unitNames = [...new Set([...project.constructionUnitIds, ...project.responsibleUnitIds])].map(dept).join('、');
    return {
      project,
      status: projectStatus(project, history, day, undefined, units.knownUnit),
      latest,
      history,
      unitNames,
      completed,
      completedPercent: completed && project.plannedInvestment ? percentOf(completed, project.plannedInvestment) : null,
      searchText: [project.number, project.name, project.content, unitNames, project.benefit ?? '', project.area ?? '', ...history.map((h) => `${h.thisMonth}\n${h.problems}\n${h.nextSteps}`)].join('\n').toLowerCase(),
    };
  });
}

/** A project's report for one month by the reporting rule (its units' reports, the lowest of several), or none that month. */
export function projectMonthReport(row: Pick<ProjectRow, 'project' | 'history'>, period: Period, knownUnit?: (id: string) => boolean): ProgressEntry | undefined {
  const entry = latestProjectReport(row.project, row.history.filter((h) => h.period <= period), period, knownUnit);
  return entry?.period === period ? entry : undefined;
}
