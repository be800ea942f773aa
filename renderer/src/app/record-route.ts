/**
 * Addresses of pages and of the records opened over them: "#/monthly", "#/monthly?task=<id>",
 * "#/dashboard?project=<id>"; "#/tasks?open=<id>" (older links) still names a task. Pure: no
 * React, no window, unit-tested; navigation.ts drives the window with them.
 */
export type RecordPage = 'tasks' | 'projects';
export interface OpenedRecord {
  page: RecordPage;
  id: string;
}

const PARAM: Record<RecordPage, string> = { tasks: 'task', projects: 'project' };
const RECORD_PARAMS = ['task', 'project', 'open'];

function split(hash: string): { path: string; params: URLSearchParams } {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  return { path, params: new URLSearchParams(query) };
}

function join(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

/** The record an address opens, or null: "#/monthly?task=t1" → { page: 'tasks', id: 't1' }. */
export function recordInHash(hash: string): OpenedRecord | null {
  const { path, params } = split(hash);
  const task = params.get('task');
  if (task) return { page: 'tasks', id: task };
  const project = params.get('project');
  if (project) return { page: 'projects', id: project };
  const open = params.get('open');
  if (open && (path === '/tasks' || path === '/projects')) return { page: path === '/tasks' ? 'tasks' : 'projects', id: open };
  return null;
}

/** The route (without "#") that opens a record over the page of `hash`; the start page is 工作总览. */
export function routeWithRecord(hash: string, record: OpenedRecord): string {
  const { path, params } = split(hash);
  for (const p of RECORD_PARAMS) params.delete(p);
  params.set(PARAM[record.page], record.id);
  return join(path && path !== '/' ? path : '/dashboard', params);
}

/** The route (without "#") of the page under an opened record. */
export function routeWithoutRecord(hash: string): string {
  const { path, params } = split(hash);
  for (const p of RECORD_PARAMS) params.delete(p);
  return join(path || '/dashboard', params);
}

/** "#/exchange?tab=conflicts" → "conflicts": the tab a link asked for, or null. */
export function tabInHash(hash: string): string | null {
  return split(hash).params.get('tab');
}
