/**
 * The offices the import bench works on: one large synthetic office (test/support/synthetic.ts)
 * and realistic ones (the seeded 伊金霍洛旗 plan with a year of monthly reports), as stored rows
 * and as signed bundles. Generated the same way on every run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBundle } from '../shared/exchange/bundle-format';
import type { Identity } from '../shared/exchange/identity';
import { BUNDLE_TABLES, emptyTables, type BundleTables, type StoredRecord } from '../shared/exchange/records';
import { formatStamp } from '../shared/sync/hlc';
import { stampAll } from '../shared/sync/stamped';
import { loadSeedPlan } from '../shared/seed/load-seed';
import { allDivisions } from '../shared/domain/divisions';
import type { PlanRecords } from '../shared/views/plan-data';
import { syntheticDepartments, syntheticProgress, syntheticTasks } from '../test/support/synthetic';

/** The months of a year of reports. */
export const YEAR = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
/** The month every bench bundle is made for (a year of reports sent at its end). */
export const BUNDLE_PERIOD = '2025-12';
/** Limits raised for the large office only (52k records is past a real office's default limits). */
export const LARGE_LIMITS = { maxBundleBytes: 96 * 1024 * 1024, maxPayloadBytes: 96 * 1024 * 1024, maxValues: 12_000_000 };

/** Three days ago: never in the future of the receiving side's clock. */
const STAMPED_AT = Date.now() - 3 * 86_400_000;
const stamp = (device: string) => formatStamp(STAMPED_AT, 0, device);
const stamped = <T extends object>(rows: readonly T[], device: string) => rows.map((r) => stampAll(r, stamp(device)) as unknown as StoredRecord);

export const recordCount = (t: BundleTables) => BUNDLE_TABLES.reduce((n, name) => n + t[name].length, 0);

/** 10,000 tasks of 40 departments and about 42,000 monthly reports, for 150627. */
export function largeOffice(taskCount: number, device = 'benchLarge'): BundleTables {
  const departments = syntheticDepartments('150627', 40);
  const tasks = syntheticTasks('150627', taskCount, departments);
  const progress = syntheticProgress(tasks, YEAR.slice(0, 6));
  const office = { code: '150627', name: '伊金霍洛旗', level: 'county' as const, parentCode: '150600' };
  return { ...emptyTables(), offices: stamped([office], device), departments: stamped(departments, device), tasks: stamped(tasks, device), progress: stamped(progress, device) };
}

const seedText = readFileSync(join(__dirname, '../seeds/150627-yijinhuoluo.json'), 'utf8');

/**
 * The seeded 伊金霍洛旗 plan as the office `code` (its ids, office and name rewritten), with a
 * year of monthly reports on every task: what a real county office sends at the end of a year.
 */
export function realisticPlan(code = '150627', name = '伊金霍洛旗', parentCode = '150600'): PlanRecords {
  const text = code === '150627' ? seedText : seedText.replaceAll('150627', code).replaceAll('伊金霍洛旗', name).replaceAll('"150600"', `"${parentCode}"`);
  return loadSeedPlan(JSON.parse(text));
}

export function realisticOffice(code = '150627', name = '伊金霍洛旗', parentCode = '150600', device = 'benchReal'): BundleTables {
  const plan = realisticPlan(code, name, parentCode);
  const progress = syntheticProgress(plan.tasks, YEAR);
  return {
    ...emptyTables(),
    offices: stamped([{ ...plan.office, parentCode }], device),
    departments: stamped(plan.departments, device),
    leaders: stamped(plan.leaders, device),
    tasks: stamped(plan.tasks, device),
    projects: stamped(plan.projects, device),
    indicators: stamped(plan.indicators, device),
    progress: stamped(progress, device),
  };
}

/** The first `n` county-level offices of 内蒙古自治区 with a city above them, by code (real GB/T 2260 codes). */
export function provinceCounties(n: number): { code: string; name: string; parentCode: string }[] {
  return allDivisions()
    .filter((d) => d.level === 'county' && d.code.startsWith('15') && d.parentCode !== null)
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, n)
    .map((d) => ({ code: d.code, name: d.name, parentCode: d.parentCode as string }));
}

/** Every row of the tables but only the first half of each (the half-full database). */
export function half(t: BundleTables): BundleTables {
  return Object.fromEntries(BUNDLE_TABLES.map((name) => [name, t[name].slice(0, Math.ceil(t[name].length / 2))])) as BundleTables;
}

export function bundleOf(records: BundleTables, identity: Identity, officeCode: string, deviceId: string, sequence: number, limits?: typeof LARGE_LIMITS): Promise<Uint8Array> {
  return createBundle({ records, identity, officeCode, deviceId, sequence, period: BUNDLE_PERIOD, kind: 'snapshot', now: new Date(STAMPED_AT + 86_400_000), limits });
}
