import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { CHINA_TZ } from '../../domain/time';

/**
 * Which backups to keep: the newest of each of the last `daily` days that have one, and the newest
 * of each of the last `monthly` months that have one (days and months on Beijing time). Pure, so
 * the desktop folder and any other keeper share the rule.
 */
export interface RotationPolicy {
  daily: number;
  monthly: number;
}
export const DEFAULT_ROTATION: Readonly<RotationPolicy> = Object.freeze({ daily: 30, monthly: 12 });

export interface DatedBackup {
  name: string;
  /** ISO time the backup was made. */
  createdAt: string;
}

const dayOf = (iso: string) => format(new TZDate(new Date(iso).getTime(), CHINA_TZ), 'yyyy-MM-dd');

export function rotateBackups(entries: readonly DatedBackup[], policy: RotationPolicy = DEFAULT_ROTATION): { keep: string[]; remove: string[] } {
  const valid = entries.filter((e) => !Number.isNaN(Date.parse(e.createdAt)));
  const newestFirst = [...valid].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  const pick = (key: (e: DatedBackup) => string, count: number) => {
    const seen = new Set<string>();
    for (const e of newestFirst) {
      const k = key(e);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(e.name);
    }
  };
  pick((e) => dayOf(e.createdAt), policy.daily);
  pick((e) => dayOf(e.createdAt).slice(0, 7), policy.monthly);
  // A file whose date cannot be read is never removed by the rule: a person decides.
  const unreadable = entries.filter((e) => Number.isNaN(Date.parse(e.createdAt))).map((e) => e.name);
  return { keep: [...newestFirst.filter((e) => keep.has(e.name)).map((e) => e.name), ...unreadable], remove: newestFirst.filter((e) => !keep.has(e.name)).map((e) => e.name) };
}

/** True when no backup was made today (Beijing time): the desktop then makes one. */
export function needsDailyBackup(lastCreatedAt: string | undefined, now: Date): boolean {
  return !lastCreatedAt || Number.isNaN(Date.parse(lastCreatedAt)) || dayOf(lastCreatedAt) !== dayOf(now.toISOString());
}

/** Whole days since the last backup, or null when there never was one. */
export function daysSinceBackup(lastCreatedAt: string | undefined, now: Date): number | null {
  if (!lastCreatedAt || Number.isNaN(Date.parse(lastCreatedAt))) return null;
  return Math.floor((now.getTime() - Date.parse(lastCreatedAt)) / 86_400_000);
}

/** The browser build reminds the clerk after this many days without a downloaded backup. */
export const REMIND_AFTER_DAYS = 7;
