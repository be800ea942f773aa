import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedPlan, type PlanRecords } from '../../shared/seed/load-seed';
import type { PlanData } from '../../shared/ledger/plan-data';

export const SEED_FILES = ['150627-yijinhuoluo', '150203-kundulun', '150600-ordos', '150100-hohhot'] as const;

export function seedRecords(file: string): PlanRecords {
  return loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', `${file}.json`), 'utf8')));
}

export function seedPlan(file: string): PlanData {
  return { ...seedRecords(file), progress: [], indicatorValues: [] };
}
