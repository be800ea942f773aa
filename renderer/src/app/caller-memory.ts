/**
 * Who is on the phone: the unit and person a clerk last recorded a report for, kept for this window
 * (sessionStorage) so that the next task of the same caller starts with them. Not a setting: a new
 * day's first call starts empty.
 */
export interface Caller {
  departmentId: string;
  reportedBy: string;
}

const KEY = 'zwc.caller';

export function rememberedCaller(): Caller | null {
  try {
    const raw: unknown = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null');
    if (!raw || typeof raw !== 'object') return null;
    const { departmentId, reportedBy } = raw as Record<string, unknown>;
    return typeof departmentId === 'string' && typeof reportedBy === 'string' ? { departmentId, reportedBy } : null;
  } catch {
    return null;
  }
}

export function rememberCaller(caller: Caller): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(caller));
  } catch {
    // A window without sessionStorage simply does not remember.
  }
}
