import { useMemo } from 'react';
import type { PlanData } from '../../../../shared/views/plan-data';
import type { PrintPlan } from '../../../../shared/print/problem-sections';
import { useProblemContext, useProblems } from '../problems/use-problems';

/**
 * The plan with the office's problems, as the printed documents read it: a 督办单 lists the unit's
 * unclosed problems (and goes to a unit with only overdue problems), 报送情况 the month's problems.
 */
export function usePrintPlan(plan: PlanData): PrintPlan {
  const problems = useProblems();
  const context = useProblemContext();
  return useMemo(() => ({ ...plan, problems, ...(context ? { problemContext: context } : {}) }), [plan, problems, context]);
}
