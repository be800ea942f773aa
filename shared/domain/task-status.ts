import type { Task } from './task';
import type { ProgressEntry } from './progress';
import type { DuePoint } from './deadline';
import type { IsoDate } from './ids';
import { daysFromTo, formatDateZh, monthsFromTo, periodOf, formatPeriodZh } from './time';
import { figureReport, taskReportUnits } from './reporting-rule';

export type TaskStatus = 'not-started' | 'in-progress' | 'done' | 'overdue' | 'at-risk';

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  'not-started': '未启动',
  'in-progress': '推进中',
  done: '已完成',
  overdue: '已逾期',
  'at-risk': '有风险',
};

export interface TaskStatusResult {
  status: TaskStatus;
  /** Why, in words a clerk can read out at a meeting. */
  reason: string;
  /** Progress the task should have reached by its next dated stage. */
  nextStage?: { point: DuePoint; expectedPercent: number };
  /**
   * The latest report says 已完成 or 100 % but no completion (day and evidence) is recorded: such
   * reports were accepted by older versions. The task is not done until someone confirms it.
   */
  awaitingCompletion?: true;
}

/** How a task awaiting confirmation of its completion is shown beside its status. */
export const AWAITING_COMPLETION_LABEL = '待确认完成';

export interface TaskStatusOptions {
  /** A dated stage this close, with its share of work not reached, makes the task at risk. */
  atRiskWindowDays: number;
  /** An open-ended task with no report for this many months is at risk. */
  staleMonths: number;
}

export const DEFAULT_STATUS_OPTIONS: TaskStatusOptions = { atRiskWindowDays: 60, staleMonths: 3 };

/**
 * The latest report for a task as of a day: the highest period not after the day's month, and
 * within a period the latest correction.
 */
export function latestProgress(entries: readonly ProgressEntry[], day: IsoDate): ProgressEntry | undefined {
  const cutoff = periodOf(day);
  let best: ProgressEntry | undefined;
  for (const e of entries) {
    if (e.period > cutoff) continue;
    if (!best || e.period > best.period || (e.period === best.period && e.reportedAt > best.reportedAt)) best = e;
  }
  return best;
}

/**
 * Share of the work each dated stage of a deadline stands for. Stages split the work evenly, an
 * open remainder (其余工作持续推进) counting as one more stage: "2023年底前…；2025年底前…；其余持续推进"
 * expects 33% by end 2023 and 67% by end 2025; a single dated deadline expects 100%.
 */
export function stageShares(deadline: Task['deadline']): number[] {
  const slots = deadline.points.length + (deadline.open ? 1 : 0);
  return deadline.points.map((_, i) => Math.round((100 * (i + 1)) / slots));
}

/**
 * Derived status of a task on a given day (the rule is written out in shared/domain/RULES.md):
 * 1. done — a completion (day and evidence) is recorded on or before the day; a latest report that says
 *    已完成 / 100% without one (accepted by older versions) leaves the task 推进中, awaiting confirmation;
 * 2. overdue — a dated stage has passed and progress is below that stage's share;
 * 3. at risk — the next dated stage is within 60 days and its share is not reached; or the latest
 *    report says 受阻; or an open-ended task (持续推进 …) has had no report for 3 months;
 * 4. not started — nothing reported yet (or only 未启动 at 0%);
 * 5. in progress — otherwise.
 */
export function taskStatus(
  task: Pick<Task, 'deadline' | 'completion' | 'leads' | 'participants'>,
  progress: readonly ProgressEntry[],
  day: IsoDate,
  options: TaskStatusOptions = DEFAULT_STATUS_OPTIONS,
  knownUnit?: (id: string) => boolean,
): TaskStatusResult {
  if (task.completion && task.completion.date <= day) {
    return { status: 'done', reason: `已于${formatDateZh(task.completion.date)}完成` };
  }
  // The task's figure: its lead units' reports only (reporting-rule.ts), never a participant's.
  const latest = figureReport(taskReportUnits(task), progress, day, knownUnit)?.entry;
  if (latest && (latest.status === 'done' || latest.percent >= 100)) {
    const claim = latest.completionClaim;
    return {
      status: 'in-progress',
      reason: claim
        ? `${formatPeriodZh(latest.period)}报告已于${formatDateZh(claim.date)}完成（依据：${claim.evidence}），${AWAITING_COMPLETION_LABEL}：核实后在“完成情况”中确认`
        : `${formatPeriodZh(latest.period)}报告${latest.status === 'done' ? '已完成' : `进度${latest.percent}%`}，${AWAITING_COMPLETION_LABEL}：请在“完成情况”中填写完成日期和完成依据`,
      awaitingCompletion: true,
    };
  }
  const percent = latest?.percent ?? 0;
  const { points } = task.deadline;
  const shares = stageShares(task.deadline);

  for (let i = points.length - 1; i >= 0; i--) {
    if (points[i].date < day && percent < shares[i]) {
      const stage = points.length > 1 || task.deadline.open ? `第${i + 1}阶段` : '';
      return {
        status: 'overdue',
        reason:
          shares[i] === 100
            ? `已超过完成时限（${formatDateZh(points[i].date)}），当前进度${percent}%`
            : `${stage}时限（${formatDateZh(points[i].date)}）已过，应完成约${shares[i]}%，当前进度${percent}%`,
      };
    }
  }

  const nextIndex = points.findIndex((p) => p.date >= day);
  const nextStage = nextIndex >= 0 ? { point: points[nextIndex], expectedPercent: shares[nextIndex] } : undefined;
  if (nextStage) {
    const daysLeft = daysFromTo(day, nextStage.point.date);
    if (daysLeft <= options.atRiskWindowDays && percent < nextStage.expectedPercent) {
      return {
        status: 'at-risk',
        reason: `距时限（${formatDateZh(nextStage.point.date)}）还有${daysLeft}天，应完成约${nextStage.expectedPercent}%，当前进度${percent}%`,
        nextStage,
      };
    }
  }
  if (latest?.status === 'stalled') {
    return { status: 'at-risk', reason: `${formatPeriodZh(latest.period)}报告工作受阻`, ...(nextStage ? { nextStage } : {}) };
  }
  const openEnded = !nextStage && task.deadline.open !== null;
  if (openEnded && latest) {
    const silent = monthsFromTo(latest.period, periodOf(day));
    if (silent >= options.staleMonths) {
      return { status: 'at-risk', reason: `持续性任务已${silent}个月未报送进展` };
    }
  }
  if (!latest || (latest.percent === 0 && latest.status === 'not-started')) {
    return { status: 'not-started', reason: '尚未报送进展', ...(nextStage ? { nextStage } : {}) };
  }
  return {
    status: 'in-progress',
    reason: `${formatPeriodZh(latest.period)}进度${percent}%`,
    ...(nextStage ? { nextStage } : {}),
  };
}
