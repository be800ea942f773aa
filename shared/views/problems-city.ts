import type { IsoDate } from '../domain/ids';
import type { Problem } from '../domain/problem';
import type { PlanData } from './plan-data';
import { problemCounts, problemList, type ProblemFilter, type ProblemView } from './problems';

/*
 * The city's view of its county offices' 问题清单, from the offices' bundles merged at the city: the
 * same rules as at the county (RULES.md, "Problems: due dates and 销号"), judged on the same day.
 */

/** A county office's problems on a day: unclosed (open), of those overdue, and closed. */
export function countyProblemCounts(problems: readonly Problem[] | undefined, day: IsoDate): { problemsOpen: number; problemsOverdue: number; problemsClosed: number } {
  const c = problemCounts(problems ?? [], day);
  return { problemsOpen: c.open, problemsOverdue: c.overdue, problemsClosed: c.closed };
}

/** One line of the city's list: a county office's problem, named as the county names it. */
export interface CountyProblemView extends ProblemView {
  officeCode: string;
  officeName: string;
}

/**
 * Every county office's problems side by side: by default the unclosed ones, overdue first (most days
 * overdue first) across offices, then by due date; offices in the order given.
 */
export function countyProblemList(
  offices: readonly { code: string; name: string }[],
  plans: ReadonlyMap<string, Pick<PlanData, 'departments' | 'tasks' | 'projects'>>,
  problems: ReadonlyMap<string, readonly Problem[]>,
  day: IsoDate,
  filter: ProblemFilter = { status: 'unclosed' },
): CountyProblemView[] {
  const out: { view: CountyProblemView; order: number }[] = [];
  offices.forEach((o, order) => {
    const plan = plans.get(o.code);
    const own = problems.get(o.code);
    if (!plan || !own?.length) return;
    for (const v of problemList(plan, own, day, filter)) out.push({ view: { ...v, officeCode: o.code, officeName: o.name }, order });
  });
  const rank = (v: ProblemView) => (v.status === 'overdue' ? 0 : v.status === 'closed' ? 2 : 1);
  return out
    .sort((a, b) => rank(a.view) - rank(b.view) || b.view.daysOverdue - a.view.daysOverdue || a.view.problem.due.localeCompare(b.view.problem.due) || a.order - b.order || a.view.problem.id.localeCompare(b.view.problem.id))
    .map((x) => x.view);
}
