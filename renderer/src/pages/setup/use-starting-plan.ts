import { useEffect, useState } from 'react';
import type { PlanRecords } from '../../../../shared/views/plan-data';
import type { SetupSource } from '../../../../shared/app/setup/setup';
import { useWorkspace } from '../../app/store';
import { messageOf } from '../../app/error-text';

/** What the chosen office would start with from the chosen source, for the preview; null while loading. */
export function useStartingPlan(code: string, source: SetupSource | 'excel'): { preview: PlanRecords | null; error: string | null } {
  const setup = useWorkspace().setup;
  const [preview, setPreview] = useState<PlanRecords | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setPreview(null);
    setError(null);
    if (!code || source === 'excel') return;
    setup
      .startingPlan(code, source)
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [setup, code, source]);
  return { preview, error };
}
