import { useMemo } from 'react';
import type { Rule } from 'antd/es/form';
import type { PlanData } from '../../../shared/ledger/plan-data';
import { yearWindowFor, type Problem, type YearWindow } from '../../../shared/domain/validation';

/**
 * A form rule that asks the core: the core's message is shown at the field, as it is. The forms
 * keep no rules of their own: shared/domain/validation.ts is the one place they live.
 */
export function coreRule<V>(check: (value: V) => Problem, warningOnly = false): Rule {
  return {
    warningOnly,
    validator: (_: unknown, value: V) => {
      const problem = check(value);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}

/** Counter shown under a text field; the text is never cut: going over is refused with a message. */
export function counter(max: number): { show: true; max: number } {
  return { show: true, max };
}

/** The years a plan talks about (targets, baselines, deadlines, milestones). */
export function planYears(plan: PlanData): number[] {
  const years = new Set<number>();
  for (const i of plan.indicators) {
    for (const t of i.targets) years.add(t.year);
    if (i.baseline) years.add(i.baseline.year);
  }
  for (const t of plan.tasks) {
    for (const p of t.deadline.points) years.add(Number(p.date.slice(0, 4)));
    for (const m of t.milestones) for (const y of m.years) years.add(y);
  }
  for (const p of plan.projects) for (const pt of p.deadline?.points ?? []) years.add(Number(pt.date.slice(0, 4)));
  years.add(new Date().getFullYear());
  return [...years];
}

/** The window of years a clerk may enter for this plan (the plan's years ± 10). */
export function useYearWindow(plan: PlanData): YearWindow {
  return useMemo(() => yearWindowFor(planYears(plan)), [plan]);
}
