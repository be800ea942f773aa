/** Hash routes: "#/tasks?open=<id>" opens a page with a record's drawer. */
export function openRecord(page: 'tasks' | 'projects', id: string): void {
  window.location.hash = `/${page}?open=${encodeURIComponent(id)}`;
}

export function requestedRecord(): string | null {
  return hashParam('open');
}

/** "#/exchange?tab=conflicts": the tab a link asked for, or null. */
export function requestedTab(): string | null {
  return hashParam('tab');
}

function hashParam(name: string): string | null {
  const query = window.location.hash.split('?')[1];
  return query ? new URLSearchParams(query).get(name) : null;
}
