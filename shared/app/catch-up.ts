import { z } from 'zod';
import type { PlanPeriod } from '../domain/plan-period';
import { readSetting, writeSetting } from './settings';
import type { StoragePort, StorageReader } from './storage';

/**
 * Catching up on day one: an office that starts using the app after some of its plan's years have
 * passed first enters what already happened. Until the clerk says that is done, the app says the
 * history has not been entered, instead of reporting years-old work as overdue news.
 */
const KEY = (planId: string) => `catch-up.${planId}`;
const CaughtUpSchema = z.object({ at: z.string() }).strict();

export async function caughtUpAt(storage: StorageReader, planId: string): Promise<string | null> {
  return (await readSetting(storage, KEY(planId), CaughtUpSchema))?.at ?? null;
}

export function markCaughtUp(storage: StoragePort, planId: string, at: Date = new Date()): Promise<void> {
  return storage.transaction((tx) => writeSetting(tx, KEY(planId), { at: at.toISOString() }));
}

/** The plan has years behind it (before the current one) that a new workspace knows nothing of. */
export function hasPastYears(plan: Pick<PlanPeriod, 'fromYear' | 'status'>, currentYear: number): boolean {
  return plan.status !== 'closed' && plan.fromYear < currentYear;
}
