import { seededPlan } from '../../../seeds';
import { loadSeedPlan } from '../../../shared/seed/load-seed';
import { divisionOf } from '../../../shared/domain/divisions';
import { planIdFor } from '../../../shared/domain/plan-period';
import { countyPlanFromCity } from '../../../shared/ledger/city-plan';
import type { PlanRecords } from '../../../shared/ledger/plan-data';

/** seed: the office's published plan shipped with the app; city: the tasks its city assigned to it; empty: only the office. */
export type SetupSource = 'seed' | 'city' | 'empty';

/** The plan a new workspace starts from, for any GB/T 2260 office. */
export async function startingPlan(officeCode: string, source: SetupSource): Promise<PlanRecords> {
  const seeded = seededPlan(officeCode);
  if (source === 'seed' || (source === 'empty' && seeded)) {
    if (!seeded) throw new Error(`没有 ${officeCode} 的预置方案`);
    return loadSeedPlan(await seeded.load());
  }
  const division = divisionOf(officeCode);
  if (!division) throw new Error(`行政区划代码 ${officeCode} 不在 GB/T 2260 区划表中`);
  if (source === 'city') {
    const city = division.parentCode ? seededPlan(division.parentCode) : undefined;
    if (!city || !division.parentCode) throw new Error(`${division.name}所属的市没有预置方案，无法从市级方案开始`);
    return countyPlanFromCity(loadSeedPlan(await city.load()), { code: division.code, name: division.name });
  }
  const fromYear = new Date().getFullYear();
  const planId = planIdFor(officeCode, fromYear);
  return {
    office: {
      code: division.code,
      name: division.name,
      level: division.level,
      parentCode: division.parentCode ?? `${officeCode.slice(0, 2)}0000`,
      plans: [{ id: planId, title: `${division.name}“无废城市”建设实施方案`, fromYear, toYear: fromYear + 4, status: 'in-force' }],
      currentPlanId: planId,
    },
    departments: [],
    leaders: [],
    tasks: [],
    projects: [],
    indicators: [],
  };
}

/** Which sources an office can start from. */
export function setupSources(officeCode: string): SetupSource[] {
  const division = divisionOf(officeCode);
  const out: SetupSource[] = [];
  if (seededPlan(officeCode)) out.push('seed');
  if (division?.level === 'county' && division.parentCode && seededPlan(division.parentCode)) out.push('city');
  out.push('empty');
  return out;
}
