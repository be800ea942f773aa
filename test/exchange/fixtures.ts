/** Synthetic, valid records for the exchange tests (not taken from any plan). */
import type { Department } from '../../shared/domain/department';
import type { Office } from '../../shared/domain/office';
import type { ProgressEntry } from '../../shared/domain/progress';
import { formatStamp } from '../../shared/sync/hlc';
import { stampAll } from '../../shared/sync/stamped';
import type { StoredRecord } from '../../shared/exchange/records';

export const OFFICE = '150627';

export function stamp(millis: number, device = 'laptopA', counter = 0): string {
  return formatStamp(millis, counter, device);
}

/** Record ids carry their office (shared/exchange/ownership.ts): `d1` becomes `150627-d1`. */
export function rid(id: string, officeCode = OFFICE): string {
  return id.startsWith(`${officeCode}-`) ? id : `${officeCode}-${id}`;
}

export function department(id: string, extra: Partial<Department> = {}): Department {
  return { id: rid(id), officeCode: OFFICE, name: `测试单位${id}`, aliases: [], kind: 'department', ...extra };
}

export function office(code = OFFICE): Office {
  return { code, name: '测试旗', level: 'county', parentCode: '150600' };
}

export function progressEntry(id: string, extra: Partial<ProgressEntry> = {}): ProgressEntry {
  return {
    id: rid(id),
    officeCode: OFFICE,
    subjectKind: 'task',
    subjectId: rid('task-1'),
    period: '2026-10',
    percent: 40,
    status: 'in-progress',
    thisMonth: '推进中',
    problems: '',
    nextSteps: '',
    reportedBy: '测试',
    reportedAt: '2026-10-28T08:00:00.000+08:00',
    deviceId: 'laptopA',
    ...extra,
  };
}

export function stored<T extends object>(record: T, at: string): StoredRecord {
  return stampAll(record, at) as unknown as StoredRecord;
}

/** A local edit as the repository makes it, keeping the exchange bookkeeping. */
export function edited(row: StoredRecord, patch: Record<string, unknown>, at: string): StoredRecord {
  const stamps = { ...row._stamps };
  for (const field of Object.keys(patch)) stamps[field] = at;
  return { ...row, ...patch, _stamps: stamps, _deleted: null, _updated: at };
}

export function tombstoned(row: StoredRecord, at: string): StoredRecord {
  return { ...row, _deleted: at, _updated: at };
}
