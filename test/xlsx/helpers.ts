import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedPlan, type PlanRecords } from '../../shared/seed/load-seed';
import type { PlanData } from '../../shared/views/plan-data';

export const SEED_FILES = ['150627-yijinhuoluo', '150203-kundulun', '150600-ordos', '150100-hohhot'] as const;

export function seedRecords(file: string): PlanRecords {
  return loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', `${file}.json`), 'utf8')));
}

export function seedPlan(file: string): PlanData {
  return { ...seedRecords(file), progress: [], indicatorValues: [] };
}

/** The letter of a department form's column, found by its header as a clerk would (row 6 of 填报表). */
export function formColumn(ws: { getRow(r: number): { values: unknown } }, header: string): string {
  const values = ws.getRow(6).values as unknown[];
  const index = values.findIndex((v) => typeof v === 'string' && v.startsWith(header));
  if (index < 1) throw new Error(`no column ${header}`);
  return String.fromCharCode(64 + index);
}
