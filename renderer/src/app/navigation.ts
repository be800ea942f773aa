/** Hash routes: "#/tasks?open=<id>" opens a page with a record's drawer. */
export function openRecord(page: 'tasks' | 'projects', id: string): void {
  window.location.hash = `/${page}?open=${encodeURIComponent(id)}`;
}

export function requestedRecord(): string | null {
  const query = window.location.hash.split('?')[1];
  return query ? new URLSearchParams(query).get('open') : null;
}
