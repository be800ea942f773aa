import { useEffect, useState } from 'react';
import { readCityData, type CityData } from '../../../../shared/app/city/city-overview-service';
import { useAppState } from '../../app/store';
import { messageOf } from '../../app/error-text';

export type Loaded = CityData;

/** The counties under the city, each one's records and the import history, through the core. */
export function useCityData(cityCode: string): { data: Loaded | null; error: string | null } {
  const workspace = useAppState((s) => s.workspace);
  // The store replaces the phase after every commit and import: read again then.
  const phase = useAppState((s) => s.phase);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!workspace) return;
    let cancelled = false;
    readCityData(workspace, cityCode)
      .then((loaded) => {
        if (!cancelled) {
          setData(loaded);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(`无法读取各旗区数据：${messageOf(e)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [workspace, phase, cityCode]);
  return { data, error };
}
