import type { IsoDate, Period } from '../domain/ids';
import { periodOf } from '../domain/time';
import type { Problem } from '../domain/problem';
import type { PlanData } from '../views/plan-data';
import { problemList, type ProblemContext, type ProblemView } from '../views/problems';
import type { TableCell, TableColumn } from './document';

/*
 * The 问题清单 in the printed documents: the responsible unit's unclosed problems on its 督办单 and
 * the month's problems in 报送情况 (RULES.md, "Problems: due dates and 销号").
 */

/**
 * A plan as the print builders read it, with the office's problems where the caller has them (the
 * app and zwc do; a plan alone prints as before). `problemContext` names the tasks and projects of
 * every plan period (a problem may stand on an older plan's task); the plan's own when absent.
 */
export type PrintPlan = PlanData & { problems?: readonly Problem[]; problemContext?: ProblemContext };

/** The problems as they stood on a day: raised by then and not closed by then. */
function unclosedOn(plan: PrintPlan, day: IsoDate, departmentId?: string): ProblemView[] {
  const problems = (plan.problems ?? []).filter((p) => p.raisedOn <= day && (departmentId === undefined || p.responsibleId === departmentId));
  return problemList(plan.problemContext ?? plan, problems, day, { status: 'unclosed' });
}

/**
 * The problems a unit answers for that its 督办单 lists: unclosed on the day it is issued (raised by
 * then, not 销号 by then), overdue first. A re-print on the same day's records lists the same.
 */
export function supervisionProblems(plan: PrintPlan, departmentId: string, day: IsoDate): ProblemView[] {
  return unclosedOn(plan, day, departmentId);
}

/** 3个问题逾期 */
export function overdueProblemsText(views: readonly ProblemView[]): string {
  const overdue = views.filter((v) => v.status === 'overdue').length;
  return overdue ? `${overdue}个问题逾期` : '';
}

/** The latest 处理进展 as printed: its text and day, or —. */
function latestText(v: ProblemView): string {
  return v.latest ? `${v.latest.text}（${v.latest.date}${v.latest.resolved ? '，称已解决' : ''}）` : '—';
}

/** A unit's unclosed problems as a table: 问题, 所属任务/项目, 提出日期, 办结时限, 逾期天数, 最新进展. */
export function supervisionProblemTable(views: readonly ProblemView[]): { columns: TableColumn[]; rows: TableCell[][] } {
  return {
    columns: [
      { label: '序号', width: 9 },
      { label: '问题', width: 34 },
      { label: '所属任务/项目', width: 28 },
      { label: '提出日期', width: 26 },
      { label: '办结时限', width: 26 },
      { label: '逾期天数', width: 15 },
      { label: '最新进展', width: 30 },
    ],
    rows: views.map((v, i) => [
      { text: String(i + 1) },
      { text: v.problem.text, align: 'left' },
      { text: v.subjectTitle, align: 'left' },
      { text: v.problem.raisedOn },
      { text: v.problem.due },
      v.status === 'overdue' ? { text: `${v.daysOverdue}天`, strong: true } : { text: '未逾期' },
      { text: latestText(v), align: 'left' },
    ]),
  };
}

/** The month a problem belongs to: its report's month, or the month it was entered. */
function problemPeriod(p: Problem): Period {
  return p.period ?? periodOf(p.raisedOn);
}

export interface MonthProblems {
  /** Raised from the month's reports (or entered in the month), as they stand on the day. */
  raised: ProblemView[];
  /** Every problem overdue on the day, whatever its month. */
  overdue: ProblemView[];
  /** Unclosed on the day. */
  open: number;
  /** The table's rows: overdue ones and the month's, each once, overdue first. */
  listed: ProblemView[];
}

/** The month's problems for 报送情况: null when the office keeps no problems at all. */
export function monthProblems(plan: PrintPlan, period: Period, day: IsoDate): MonthProblems | null {
  if (!plan.problems?.length) return null;
  const ctx = plan.problemContext ?? plan;
  const all = problemList(ctx, plan.problems.filter((p) => p.raisedOn <= day), day);
  const raised = all.filter((v) => problemPeriod(v.problem) === period);
  const overdue = all.filter((v) => v.status === 'overdue');
  const listed = all.filter((v) => v.status === 'overdue' || problemPeriod(v.problem) === period);
  return { raised, overdue, open: all.filter((v) => v.status !== 'closed').length, listed };
}

/** How many rows 报送情况 prints before referring to the 问题清单. */
export const MONTH_PROBLEM_ROWS = 20;

/** The short table of 报送情况: 问题, 所属任务/项目, 责任单位, 提出日期, 办结时限, 状态. */
export function monthProblemTable(views: readonly ProblemView[]): { columns: TableColumn[]; rows: TableCell[][] } {
  return {
    columns: [
      { label: '序号', width: 9 },
      { label: '问题', width: 34 },
      { label: '所属任务/项目', width: 26 },
      { label: '责任单位', width: 22 },
      { label: '提出日期', width: 23 },
      { label: '办结时限', width: 23 },
      { label: '状态', width: 22 },
    ],
    rows: views.slice(0, MONTH_PROBLEM_ROWS).map((v, i) => [
      { text: String(i + 1) },
      { text: v.problem.text, align: 'left' },
      { text: v.subjectTitle, align: 'left' },
      { text: v.responsibleName },
      { text: v.problem.raisedOn },
      { text: v.problem.due },
      v.status === 'overdue' ? { text: `逾期${v.daysOverdue}天`, strong: true } : { text: v.statusLabel },
    ]),
  };
}
