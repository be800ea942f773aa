import type { Change } from '../app/change';
import type { Period } from '../domain/ids';
import type { ProgressEntry } from '../domain/progress';
import { figureReport, projectReportUnits, subjectReported, taskReportUnits } from '../domain/reporting-rule';
import { reportDirectory } from './report-units';
import { progressEntry } from './progress-entry';
import { isBuilt } from '../domain/project-status';
import type { PlanData } from './plan-data';
import { recordLabel } from './record-label';

/** What 本月无新进展 says in the report's 本月进展. */
export const NO_PROGRESS_TEXT = '本月无新进展';

export interface NoProgressSkip {
  id: string;
  label: string;
  /** Why it was left alone, in words. */
  why: string;
}

export interface NoProgressResult {
  /** One change appending a report for everything marked (one undo step); null when none can be. */
  change: Change | null;
  marked: string[];
  skipped: NoProgressSkip[];
  /** What was marked, in words: "2 项任务、1 个项目". */
  words: string;
}

/** "2 项任务、1 个项目": how many of each a batch holds, in words. */
function noProgressCount(tasks: number, projects: number): string {
  return [tasks ? `${tasks} 项任务` : '', projects ? `${projects} 个项目` : ''].filter(Boolean).join('、') || '0 项';
}

type Subject = { kind: ProgressEntry['subjectKind']; label: string };

/**
 * 本月无新进展 for several tasks and projects at once: for each one without a report for the
 * period, a report that repeats its latest progress (percent, status, next steps; a project's
 * investment to date, and this year's when the last report was this year) with 本月进展
 * “本月无新进展”. Left alone, and named: what is already reported this period (its report stands),
 * completed tasks, built projects, and tasks whose latest report says 已完成 / 100 % (a month's
 * report cannot complete a task: that needs 完成情况, see checkTaskReportNotCompletion).
 */
export function noProgressChange(
  plan: Pick<PlanData, 'tasks' | 'progress' | 'office'> & Partial<Pick<PlanData, 'projects' | 'departments'>>,
  ids: readonly string[],
  period: Period,
  ctx: { now: string; deviceId: string; newId: () => string },
): NoProgressResult {
  const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
  const projects = new Map((plan.projects ?? []).map((p) => [p.id, p]));
  const directory = reportDirectory(plan.departments ?? []);
  const known = plan.departments ? directory.knownUnit : undefined;
  const marked: string[] = [];
  const skipped: NoProgressSkip[] = [];
  const appends: { table: 'progress'; record: ProgressEntry }[] = [];
  let taskCount = 0;
  for (const id of new Set(ids)) {
    const task = tasks.get(id);
    const project = projects.get(id);
    const subject: Subject | null = task ? { kind: 'task', label: recordLabel(task, 'tasks') } : project ? { kind: 'project', label: recordLabel(project, 'projects') } : null;
    if (!subject) continue;
    const history = directory.withUnits(plan.progress.filter((p) => p.subjectKind === subject.kind && p.subjectId === id));
    const units = task ? taskReportUnits(task) : projectReportUnits(project as NonNullable<typeof project>);
    const skip = (why: string) => skipped.push({ id, label: subject.label, why });
    // Reported by the reporting rule: a participant's 配合情况 does not stand for the lead's report.
    if (subjectReported(units, history, period, known)) {
      skip('本月已报送');
      continue;
    }
    // A task completed after this month still owed this month's report (the checklist agrees).
    if (task?.completion && task.completion.date.slice(0, 7) <= period) {
      skip('任务已完成');
      continue;
    }
    if (project && isBuilt(project)) {
      skip('项目已建成');
      continue;
    }
    const latest = figureReport(units, history, `${period}-28`, known)?.entry;
    if (latest && (latest.status === 'done' || latest.percent >= 100)) {
      skip(task ? '上次报告为已完成，请在“完成情况”中确认完成' : '上次报告为已完成');
      continue;
    }
    const sameYear = latest?.period.slice(0, 4) === period.slice(0, 4);
    appends.push({
      table: 'progress',
      record: progressEntry(
        {
          subjectKind: subject.kind,
          subjectId: id,
          period,
          percent: latest?.percent ?? 0,
          status: latest?.status ?? 'not-started',
          thisMonth: NO_PROGRESS_TEXT,
          nextSteps: latest?.nextSteps ?? '',
          // Nothing new was invested: the total stands, and a new year starts from nothing.
          investmentToDate: latest?.investmentToDate,
          investmentThisYear: latest?.investmentThisYear !== undefined ? (sameYear ? latest.investmentThisYear : '0') : undefined,
          // Entered by the office for the department, so no department is named as having filed it.
        },
        { id: ctx.newId(), officeCode: plan.office.code, reportedAt: ctx.now, deviceId: ctx.deviceId },
      ),
    });
    marked.push(id);
    if (task) taskCount += 1;
  }
  const words = noProgressCount(taskCount, marked.length - taskCount);
  return { change: appends.length ? { label: `${NO_PROGRESS_TEXT}（${words}）`, appends } : null, marked, skipped, words };
}
