import { planIdOf, type OfficePlans } from '../domain/plan-period';
import type { PlanData } from './plan-data';

/**
 * One plan period's part of an office's records: its tasks, projects and indicators, with the
 * reports and values about them. Departments and leaders serve every period.
 */
export function scopeToPlan(data: PlanData, planId: string | undefined): PlanData {
  const office = data.office as OfficePlans;
  if (!planId || !office.plans?.length) return data;
  const inPlan = <T extends { planId?: string }>(r: T) => planIdOf(r, office) === planId;
  const tasks = data.tasks.filter(inPlan);
  const projects = data.projects.filter(inPlan);
  const indicators = data.indicators.filter(inPlan);
  const subjects = new Set([...tasks.map((t) => t.id), ...projects.map((p) => p.id)]);
  const indicatorIds = new Set(indicators.map((i) => i.id));
  return {
    ...data,
    tasks,
    projects,
    indicators,
    progress: data.progress.filter((p) => subjects.has(p.subjectId)),
    indicatorValues: data.indicatorValues.filter((v) => indicatorIds.has(v.indicatorId)),
  };
}
