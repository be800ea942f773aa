import type { Change } from '../app/change';
import type { Period } from '../domain/ids';
import type { ProgressEntry } from '../domain/progress';
import { latestProgress } from '../domain/task-status';
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
  /** One change appending a report for every task marked (one undo step); null when none can be. */
  change: Change | null;
  marked: string[];
  skipped: NoProgressSkip[];
}

/**
 * 本月无新进展 for several tasks at once: for each task without a report for the period, a report
 * that repeats its latest progress (percent, status, next steps, reporter) with 本月进展 “本月无新进展”.
 * Left alone, and named: tasks already reported this period (their report stands), completed tasks,
 * and tasks whose latest report says 已完成 / 100 % (a month's report cannot complete a task: that
 * needs 完成情况, see checkTaskReportNotCompletion).
 */
export function noProgressChange(
  plan: Pick<PlanData, 'tasks' | 'progress' | 'office'>,
  taskIds: readonly string[],
  period: Period,
  ctx: { now: string; deviceId: string; newId: () => string },
): NoProgressResult {
  const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
  const marked: string[] = [];
  const skipped: NoProgressSkip[] = [];
  const appends: { table: 'progress'; record: ProgressEntry }[] = [];
  for (const id of new Set(taskIds)) {
    const task = tasks.get(id);
    if (!task) continue;
    const label = recordLabel(task, 'tasks');
    const history = plan.progress.filter((p) => p.subjectKind === 'task' && p.subjectId === id);
    const skip = (why: string) => skipped.push({ id, label, why });
    if (history.some((p) => p.period === period)) {
      skip('本月已报送');
      continue;
    }
    // A task completed after this month still owed this month's report (the checklist agrees).
    if (task.completion && task.completion.date.slice(0, 7) <= period) {
      skip('任务已完成');
      continue;
    }
    const latest = latestProgress(history, `${period}-28`);
    if (latest && (latest.status === 'done' || latest.percent >= 100)) {
      skip('上次报告为已完成，请在“完成情况”中确认完成');
      continue;
    }
    appends.push({
      table: 'progress',
      record: {
        id: ctx.newId(),
        officeCode: plan.office.code,
        subjectKind: 'task',
        subjectId: id,
        period,
        percent: latest?.percent ?? 0,
        status: latest?.status ?? 'not-started',
        thisMonth: NO_PROGRESS_TEXT,
        problems: '',
        nextSteps: latest?.nextSteps ?? '',
        // Entered by the office for the department, so no department is named as having filed it.
        reportedBy: '',
        reportedAt: ctx.now,
        deviceId: ctx.deviceId,
      },
    });
    marked.push(id);
  }
  return { change: appends.length ? { label: `${NO_PROGRESS_TEXT}（${appends.length} 项任务）`, appends } : null, marked, skipped };
}
