import { countySummaries, notReported, overseenOffices, type CountySummary, type SubordinateOffice } from '../../views/city-overview';
import type { PlanData } from '../../views/plan-data';
import type { ImportRecord } from '../../exchange/history';
import type { Period } from '../../domain/ids';
import type { IsoDate } from '../../domain/ids';
import type { Workspace } from '../workspace';
import { fieldLabel } from '../../views/field-labels';
import type { Problem } from '../../domain/problem';
import { readOfficePlans } from './office-scope';
import { countyProblemList, type CountyProblemView } from '../../views/problems-city';
import type { ProblemFilter } from '../../views/problems';

export interface CityData {
  subordinates: SubordinateOffice[];
  plans: Map<string, PlanData>;
  history: ImportRecord[];
  /** Per record id, the fields whose value here is the city's own choice in a county office's conflict. */
  cityChoices: Map<string, string[]>;
  /** Each county office's problems (问题清单) as last merged here, by code. */
  problems: Map<string, Problem[]>;
}

/** The actor the exchange service writes for a conflict choice kept on the city's copy only. */
const CITY_CHOICE_ACTOR = '处理冲突（仅本机）';

/** The fields whose current value is still the one the city chose (a later file from the county may have replaced it). */
async function cityChoicesIn(ws: Pick<Workspace, 'storage'>, plans: ReadonlyMap<string, PlanData>): Promise<Map<string, string[]>> {
  if (plans.size === 0) return new Map();
  const latest = new Map<string, { recordId: string; field: string; after: unknown }>();
  for (const a of await ws.storage.listAll('audit')) if (a.actor === CITY_CHOICE_ACTOR) latest.set(`${a.recordId}:${a.field}`, a);
  if (latest.size === 0) return new Map();
  // Only the records a choice names are looked up.
  const named = new Set([...latest.values()].map((a) => a.recordId));
  const records = new Map<string, { table: string; row: Record<string, unknown> }>();
  const add = <R extends { id: string }>(table: string, rows: readonly R[]) => {
    for (const r of rows) if (named.has(r.id)) records.set(r.id, { table, row: { ...r } });
  };
  for (const p of plans.values()) {
    add('tasks', p.tasks);
    add('projects', p.projects);
    add('indicators', p.indicators);
  }
  const out = new Map<string, string[]>();
  for (const a of latest.values()) {
    const r = records.get(a.recordId);
    if (!r || JSON.stringify(r.row[a.field]) !== JSON.stringify(a.after)) continue;
    out.set(a.recordId, [...(out.get(a.recordId) ?? []), fieldLabel(a.field, r.table)]);
  }
  return out;
}

/** The city's county offices and their records as last merged here, without the city's conflict choices (only the workbook shows them). */
async function readCityRecords(ws: Pick<Workspace, 'storage' | 'exchange'>, cityCode: string): Promise<Omit<CityData, 'cityChoices'>> {
  // Every office table read once for the city's offices (office-scope.ts), not once per office.
  const held = await ws.storage.listAll('offices');
  const offices = held.filter((o) => o.parentCode === cityCode && o._deleted === null);
  const { plans, problems } = await readOfficePlans(ws.storage, offices, held.length);
  return { subordinates: overseenOffices(cityCode, offices), plans, history: await ws.exchange.history(), problems };
}

/** The city's view of its county offices: each one's records as last merged here, and the import history. */
export async function readCityData(ws: Pick<Workspace, 'storage' | 'records' | 'exchange'>, cityCode: string): Promise<CityData> {
  const data = await readCityRecords(ws, cityCode);
  return { ...data, cityChoices: await cityChoicesIn(ws, data.plans) };
}

/** Every county office side by side for a period, and those that have not reported it. */
export async function cityOverview(ws: Pick<Workspace, 'storage' | 'records' | 'exchange'>, cityCode: string, period: Period, today: IsoDate): Promise<{ rows: CountySummary[]; missing: CountySummary[] }> {
  const data = await readCityRecords(ws, cityCode);
  const rows = countySummaries({ cityCode, subordinates: data.subordinates, plans: data.plans, history: data.history, period, today, problems: data.problems });
  return { rows, missing: notReported(rows) };
}

/** Every county office's problems side by side (default: the unclosed ones, overdue first), from the bundles merged here. */
export async function cityProblems(ws: Pick<Workspace, 'storage' | 'records' | 'exchange'>, cityCode: string, today: IsoDate, filter?: ProblemFilter): Promise<CountyProblemView[]> {
  const data = await readCityRecords(ws, cityCode);
  return countyProblemList(data.subordinates.filter((s) => s.code !== cityCode), data.plans, data.problems, today, filter);
}
