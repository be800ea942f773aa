import { bannerSummaries, notReported, overseenOffices, type BannerSummary, type SubordinateOffice } from '../ledger/city-overview';
import type { PlanData } from '../ledger/plan-data';
import type { ImportRecord } from '../exchange/history';
import type { Period } from '../domain/ids';
import type { IsoDate } from '../domain/ids';
import type { Workspace } from './workspace';

export interface CityData {
  subordinates: SubordinateOffice[];
  plans: Map<string, PlanData>;
  history: ImportRecord[];
}

/** The city's view of its county offices: each one's records as last merged here, and the import history. */
export async function readCityData(ws: Pick<Workspace, 'storage' | 'ledger' | 'exchange'>, cityCode: string): Promise<CityData> {
  const offices = (await ws.storage.listBy('offices', 'parentCode', cityCode)).filter((o) => o._deleted === null);
  const plans = new Map<string, PlanData>();
  for (const o of offices) plans.set(o.code, await ws.ledger.readPlan(o.code));
  return { subordinates: overseenOffices(cityCode, offices), plans, history: await ws.exchange.history() };
}

/** Every county office side by side for a period, and those that have not reported it. */
export async function cityOverview(ws: Pick<Workspace, 'storage' | 'ledger' | 'exchange'>, cityCode: string, period: Period, today: IsoDate): Promise<{ rows: BannerSummary[]; missing: BannerSummary[] }> {
  const data = await readCityData(ws, cityCode);
  const rows = bannerSummaries({ cityCode, ...data, period, today });
  return { rows, missing: notReported(rows) };
}
