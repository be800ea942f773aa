/** Id → name maps for showing references; a dangling id shows as such instead of vanishing. */
export function nameLookup(items: readonly { id: string; name: string }[]): (id: string) => string {
  const map = new Map(items.map((i) => [i.id, i.name]));
  return (id) => map.get(id) ?? `（未知：${id}）`;
}

/** Groups records by a key, keeping their order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
