import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanData } from '../../shared/views/plan-data';
import { loadSeedPlan } from '../../shared/seed/load-seed';

/** The seeded plan of an office as the app holds it right after set-up (no reports yet). */
export function seededPlan(file = '150627-yijinhuoluo.json'): PlanData {
  const records = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', file), 'utf8')));
  return { ...records, progress: [], indicatorValues: [] };
}

export const ECO = '150627-dep-002'; // 旗生态环境局
export const TAX = '150627-dep-037'; // 旗税务局
export const WUFEIBAN = '150627-dep-004'; // 旗无废办
