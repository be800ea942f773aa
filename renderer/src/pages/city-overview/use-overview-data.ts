import { useEffect, useState } from 'react';
import { overseenOffices, type SubordinateOffice } from '../../../../shared/ledger/city-overview';
import type { PlanData } from '../../../../shared/ledger/plan-data';
import type { ImportRecord } from '../../../../shared/exchange/history';
import { readPlan, useLedger } from '../../app/store';
import { importHistory } from '../../exchange/exchange-store';

export interface Loaded {
  subordinates: SubordinateOffice[];
  plans: Map<string, PlanData>;
  history: ImportRecord[];
}

/** Reads the banners under the city, each one's records and the import history from the local database. */
export function useCityData(cityCode: string): { data: Loaded | null; error: string | null } {
  const repo = useLedger((s) => s.repo);
  // The store replaces the phase after every commit and import: read again then.
  const phase = useLedger((s) => s.phase);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!repo) return;
    let cancelled = false;
    (async () => {
      const offices = (await repo.db.offices.where('parentCode').equals(cityCode).toArray()).filter((o) => o._deleted === null);
      const plans = new Map<string, PlanData>(await Promise.all(offices.map(async (o) => [o.code, await readPlan(repo, o.code)] as const)));
      const history = await importHistory(repo.db);
      if (!cancelled) {
        setData({ subordinates: overseenOffices(cityCode, offices), plans, history });
        setError(null);
      }
    })().catch((e: unknown) => {
      if (!cancelled) setError(`无法读取各旗区数据：${e instanceof Error ? e.message : String(e)}`);
    });
    return () => {
      cancelled = true;
    };
  }, [repo, phase, cityCode]);
  return { data, error };
}
