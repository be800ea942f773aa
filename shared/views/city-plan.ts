import type { Department } from '../domain/department';
import { planIdFor, type PlanPeriod } from '../domain/plan-period';
import type { Task } from '../domain/task';
import { officesInvolved } from './counties';
import type { PlanRecords } from './plan-data';

/**
 * A county office's starting plan taken from its city's: every task the city assigned to this
 * county office (named, or "各旗区人民政府"), led by the county's own government, each marked as
 * coming from the city with the city's number, deadline and yearly milestones.
 */
export function countyPlanFromCity(city: PlanRecords, county: { code: string; name: string }): PlanRecords {
  const cityPlan = city.office.plans?.find((p) => p.id === city.office.currentPlanId) ?? city.office.plans?.[0];
  const years = { fromYear: cityPlan?.fromYear ?? new Date().getFullYear(), toYear: cityPlan?.toYear ?? new Date().getFullYear() + 4 };
  const planId = planIdFor(county.code, years.fromYear);
  const plan: PlanPeriod = { id: planId, title: `${county.name}落实${city.office.name}“无废城市”建设任务`, ...years, status: 'in-force' };
  const government: Department = { id: `${county.code}-dep-gov`, officeCode: county.code, name: `${county.name}人民政府`, aliases: [], kind: 'department' };
  const office: Department = { id: `${county.code}-dep-zwo`, officeCode: county.code, name: `${county.name}无废办`, aliases: [], kind: 'department' };
  const cityDept = new Map(city.departments.map((d) => [d.id, d.name]));
  const assigned = city.tasks.filter((t) => officesInvolved(t, city.departments).includes(county.code));
  const tasks: Task[] = assigned.map((t, order) => {
    const cityLeads = t.leads.map((l) => cityDept.get(l.departmentId) ?? l.departmentId).join('、');
    return {
      id: `${county.code}-task-city-${t.id.replace(/^\d{6}-/, '')}`,
      officeCode: county.code,
      domain: t.domain,
      domainLabel: t.domainLabel,
      number: t.number,
      order,
      title: t.title,
      summary: t.summary,
      leads: [{ departmentId: government.id, duty: `落实${city.office.name}任务${cityLeads ? `（市级牵头：${cityLeads}）` : ''}` }],
      participants: [],
      leaderIds: [],
      deadline: t.deadline,
      milestones: t.milestones,
      completion: null,
      source: t.source,
      planId,
      fromCity: { officeCode: city.office.code, taskId: t.id, number: `${t.domainLabel} ${t.number}` },
    };
  });
  return {
    office: { code: county.code, name: county.name, level: 'county', parentCode: city.office.code, plans: [plan], currentPlanId: planId },
    departments: [government, office],
    leaders: [],
    tasks,
    projects: [],
    indicators: [],
  };
}
