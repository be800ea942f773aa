import { ATTAINMENT_LABELS, formatQuantity, formatTarget, indicatorAttainment, targetFor, valueForYear } from '../domain/attainment';
import { TASK_STATUS_LABELS, taskStatus } from '../domain/task-status';
import type { IsoDate } from '../domain/ids';
import { percentOf } from '../domain/money';
import type { PlanAssessment, PlanPeriod } from '../domain/plan-period';
import { groupBy } from './lookups';
import { latestProjectReport } from './aggregations';
import { reportDirectory } from './report-units';
import type { PlanData } from './plan-data';

/**
 * The final assessment of a plan period (终期评估): every indicator's last value against its final
 * target, every task's outcome, every project's investment completed against planned. `data` is the
 * period's records (scopeToPlan); tasks are judged on `closedOn`, indicators on the plan's last year.
 */
export function assessPlan(data: PlanData, plan: Pick<PlanPeriod, 'toYear'>, closedOn: IsoDate): PlanAssessment {
  const values = groupBy(data.indicatorValues, (v) => v.indicatorId);
  const units = reportDirectory(data.departments);
  const reports = groupBy(units.withUnits(data.progress), (p) => p.subjectId);
  const lastPeriod = `${plan.toYear}-12`;
  return {
    closedOn,
    indicators: data.indicators.map((i) => {
      const own = values.get(i.id) ?? [];
      // The last value reported up to the final year.
      let last: ReturnType<typeof valueForYear>;
      for (let y = plan.toYear; y >= plan.toYear - 10 && !last; y--) last = valueForYear(own, y);
      const result = indicatorAttainment(i, plan.toYear, own);
      const target = targetFor(i, plan.toYear)?.target;
      return {
        id: i.id,
        number: i.number,
        name: i.name,
        unit: i.unit ?? null,
        finalTarget: target ? formatTarget(target.target) : '—',
        lastValue: last ? formatQuantity(last.value) : null,
        lastYear: last?.year ?? null,
        attainment: ATTAINMENT_LABELS[result.attainment],
        reason: result.reason,
      };
    }),
    tasks: data.tasks.map((t) => {
      const s = taskStatus(t, reports.get(t.id) ?? [], closedOn, undefined, units.knownUnit);
      return { id: t.id, number: t.number, domainLabel: t.domainLabel, title: t.title, outcome: TASK_STATUS_LABELS[s.status], reason: s.reason };
    }),
    projects: data.projects.map((p) => {
      const latest = latestProjectReport(p, reports.get(p.id) ?? [], lastPeriod, units.knownUnit);
      const completed = latest?.investmentToDate ?? null;
      return {
        id: p.id,
        number: p.number,
        name: p.name,
        planned: p.plannedInvestment === null ? null : Number(p.plannedInvestment),
        completed: completed === null ? null : Number(completed),
        percent: completed !== null && p.plannedInvestment ? percentOf(completed, p.plannedInvestment) : null,
        status: p.constructionStatus,
      };
    }),
  };
}

/** Counts a clerk reads first: tasks done of all, indicators met of all, investment completed. */
/** "任务完成 80/83，指标达标 40/50，完成投资 1200/3000 万元": the final assessment in one line (设置, zwc plan list). */
export function assessmentSummaryZh(a: PlanAssessment): string {
  const s = assessmentSummary(a);
  return `任务完成 ${s.tasksDone}/${s.tasks}，指标达标 ${s.indicatorsMet}/${s.indicators}，完成投资 ${s.completed}/${s.planned} 万元`;
}

export function assessmentSummary(a: PlanAssessment): { tasks: number; tasksDone: number; indicators: number; indicatorsMet: number; projects: number; planned: number; completed: number } {
  return {
    tasks: a.tasks.length,
    tasksDone: a.tasks.filter((t) => t.outcome === TASK_STATUS_LABELS.done).length,
    indicators: a.indicators.length,
    indicatorsMet: a.indicators.filter((i) => i.attainment === ATTAINMENT_LABELS.met).length,
    projects: a.projects.length,
    planned: a.projects.reduce((n, p) => n + (p.planned ?? 0), 0),
    completed: a.projects.reduce((n, p) => n + (p.completed ?? 0), 0),
  };
}
