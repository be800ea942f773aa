import type { Office } from '../../domain/office';
import type { Problem } from '../../domain/problem';
import type { PlanData } from '../../views/plan-data';
import { unstamp, type Stamped } from '../../sync/stamped';
import type { StorageReader, StoreName } from '../storage';

/*
 * Reads of many offices' records at once (the city's and the province's views), scoped so that their
 * cost follows the offices asked for, not everything the workspace holds: each office's rows through
 * the officeCode index when the offices asked for are a small part of what is held, or each store read
 * once and grouped by office when they are most of it (one pass instead of one query per office).
 */

/** The stores one office's plan is read from, with its problems (问题清单). */
const OFFICE_TABLES = ['departments', 'leaders', 'tasks', 'projects', 'indicators', 'progress', 'indicatorValues', 'problems'] as const satisfies readonly StoreName[];
type OfficeTable = (typeof OFFICE_TABLES)[number];
type OfficeRows = Omit<PlanData, 'office'> & { problems: Problem[] };
type LooseRows = Record<OfficeTable, { officeCode: string }[]>;

/** Above this share of the held offices, a store is read once whole rather than once per office. */
const WHOLE_STORE_SHARE = 0.5;

const live = <T extends object>(rows: readonly Stamped<T>[]): T[] => rows.filter((r) => r._deleted === null).map((r) => unstamp(r));

function emptyRows(): LooseRows {
  return { departments: [], leaders: [], tasks: [], projects: [], indicators: [], progress: [], indicatorValues: [], problems: [] };
}

/** Each asked office's live rows of every office table (offices not held get none). */
async function rowsByOffice(storage: StorageReader, codes: readonly string[], heldOffices: number): Promise<Map<string, LooseRows>> {
  const out = new Map(codes.map((c) => [c, emptyRows()]));
  if (codes.length === 0) return out;
  const whole = codes.length >= heldOffices * WHOLE_STORE_SHARE;
  for (const table of OFFICE_TABLES) {
    if (whole) {
      for (const row of live<{ officeCode: string }>(await storage.listAll(table))) out.get(row.officeCode)?.[table].push(row);
      continue;
    }
    for (const code of codes) {
      (out.get(code) as LooseRows)[table] = live<{ officeCode: string }>(await storage.listBy(table, 'officeCode', code));
    }
  }
  return out;
}

/** The same plans and problems as records.readPlan / records.list('problems') per office, read once for all of them. */
export async function readOfficePlans(
  storage: StorageReader,
  offices: readonly Stamped<Office>[],
  heldOffices: number,
): Promise<{ plans: Map<string, PlanData>; problems: Map<string, Problem[]> }> {
  const rows = await rowsByOffice(
    storage,
    offices.map((o) => o.code),
    heldOffices,
  );
  const plans = new Map<string, PlanData>();
  const problems = new Map<string, Problem[]>();
  const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
  for (const o of offices) {
    // The rows of each table are the table's own records (read from it above).
    const r = (rows.get(o.code) ?? emptyRows()) as unknown as OfficeRows;
    plans.set(o.code, {
      office: unstamp(o) as Office,
      departments: r.departments,
      leaders: r.leaders,
      tasks: r.tasks.sort(byOrder),
      projects: r.projects.sort(byOrder),
      indicators: r.indicators.sort(byOrder),
      progress: r.progress,
      indicatorValues: r.indicatorValues,
    });
    problems.set(o.code, r.problems);
  }
  return { plans, problems };
}
