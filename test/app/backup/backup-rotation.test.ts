import { daysSinceBackup, needsDailyBackup, rotateBackups } from '../../../shared/app/backup/backup-rotation';

// Backups every 6 hours for 400 days, from 2025-10-01 Beijing time.
const START = Date.parse('2025-09-30T16:00:00Z');
const entries = Array.from({ length: 400 * 4 }, (_, i) => {
  const at = new Date(START + i * 6 * 3600_000).toISOString();
  return { name: `b-${String(i).padStart(5, '0')}`, createdAt: at };
});

describe('backup rotation', () => {
  it('keeps the newest of each of the last 30 days and of each of the last 12 months, removes the rest', () => {
    const { keep, remove } = rotateBackups(entries);
    expect(keep.length + remove.length).toBe(entries.length);
    const newest = entries[entries.length - 1];
    expect(keep[0]).toBe(newest.name);
    const kept = entries.filter((e) => keep.includes(e.name));
    const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
    const days = new Set(kept.map((e) => day(e.createdAt)));
    // The last 30 days (2026-10-06 … 11-04) cover two months, whose newest are daily ones already;
    // the other 10 of the 12 months add their last backup each.
    expect(kept.length).toBe(30 + 10);
    expect(days.size).toBe(kept.length);
    expect(new Set(kept.map((e) => day(e.createdAt).slice(0, 7))).size).toBe(12);
    for (const e of kept) {
      const sameDay = entries.filter((o) => day(o.createdAt) === day(e.createdAt));
      expect(e.name).toBe(sameDay[sameDay.length - 1].name);
    }
  });

  it('keeps everything while there are fewer than the policy allows, and never removes a file whose date is unreadable', () => {
    const few = entries.slice(0, 3).map((e, i) => ({ ...e, createdAt: new Date(START + i * 86_400_000).toISOString() }));
    expect(rotateBackups([...few, { name: 'odd', createdAt: 'not a date' }]).remove).toEqual([]);
    expect(rotateBackups(few, { daily: 1, monthly: 1 }).keep).toEqual([few[2].name]);
  });

  it('says when today’s backup is due (Beijing days) and how old the last one is', () => {
    // 2026-11-24 23:30 and 2026-11-25 00:30 Beijing time are different days.
    expect(needsDailyBackup('2026-11-24T15:30:00Z', new Date('2026-11-24T16:30:00Z'))).toBe(true);
    expect(needsDailyBackup('2026-11-24T01:00:00Z', new Date('2026-11-24T15:00:00Z'))).toBe(false);
    expect(needsDailyBackup(undefined, new Date())).toBe(true);
    expect(daysSinceBackup('2026-11-01T00:00:00Z', new Date('2026-11-09T01:00:00Z'))).toBe(8);
    expect(daysSinceBackup(undefined, new Date())).toBeNull();
  });
});
