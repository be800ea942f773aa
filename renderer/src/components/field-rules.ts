import { useMemo } from 'react';
import type { Rule } from 'antd/es/form';
import type { PlanData } from '../../../shared/views/plan-data';
import { yearWindowFor, type Problem, type YearWindow } from '../../../shared/domain/validation';
import { planYears as corePlanYears } from '../../../shared/views/record-edits';

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

/** The years a plan talks about (targets, baselines, deadlines, milestones) and this year (shared/views/record-edits.ts). */
export function planYears(plan: PlanData): number[] {
  return corePlanYears(plan, new Date().getFullYear());
}

export function useYearWindow(plan: PlanData): YearWindow {
  return useMemo(() => yearWindowFor(planYears(plan)), [plan]);
}
