import { PRIMARY_KEYS, STORE_NAMES, type ListField, type StampedStoreName, type StoragePort, type StorageWriter, type StoreName, type StoreRows, type WritableRow } from './storage';

type Key = string | number;
type Tables = Map<StoreName, Map<Key, unknown>>;

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Rows are copied in and out, as a database would, so no caller can change stored data by reference. */
const copy = <T>(v: T): T => structuredClone(v);

/**
 * The storage port held in memory: for tests, and the base of the command line's file store. A
 * transaction writes into an overlay that replaces the tables only when the work resolves, so a
 * failure leaves nothing behind; transactions run one at a time.
 */
export class MemoryStorage implements StoragePort {
  protected tables: Tables = new Map(STORE_NAMES.map((n) => [n, new Map<Key, unknown>()]));
  private queue: Promise<unknown> = Promise.resolve();

  /** The whole content, for persisting (file store) and for tests. */
  protected snapshot(): Record<string, unknown[]> {
    return Object.fromEntries(STORE_NAMES.map((n) => [n, [...(this.tables.get(n) as Map<Key, unknown>).values()]]));
  }

  protected load(content: Partial<Record<StoreName, unknown[]>>): void {
    for (const name of STORE_NAMES) {
      const map = new Map<Key, unknown>();
      for (const row of content[name] ?? []) map.set((row as Record<string, Key>)[PRIMARY_KEYS[name]], row);
      this.tables.set(name, map);
    }
  }

  /** Called with the committed tables after each successful transaction (the file store saves them). */
  protected async committed(): Promise<void> {}

  private reader(tables: Tables) {
    const table = (n: StoreName) => tables.get(n) as Map<Key, unknown>;
    const sorted = (n: StoreName) => [...table(n).entries()].sort((a, b) => compareKeys(a[0], b[0])).map(([, v]) => v);
    return {
      get: async <N extends StoreName>(store: N, key: Key) => copy(table(store).get(key) as StoreRows[N] | undefined),
      getMany: async <N extends StoreName>(store: N, keys: readonly Key[]) => keys.map((k) => copy(table(store).get(k) as StoreRows[N] | undefined)),
      listBy: async <N extends StoreName>(store: N, field: ListField<N>, value: string) =>
        copy(sorted(store).filter((r) => matches((r as Record<string, unknown>)[field], value)) as StoreRows[N][]),
      listAll: async <N extends StoreName>(store: N) => copy(sorted(store) as StoreRows[N][]),
      latest: async <N extends StampedStoreName>(store: N) => {
        let best: { _updated: string } | undefined;
        for (const row of table(store).values()) if (!best || (row as { _updated: string })._updated > best._updated) best = row as { _updated: string };
        return copy(best as StoreRows[N] | undefined);
      },
    };
  }

  get<N extends StoreName>(store: N, key: Key) {
    return this.reader(this.tables).get<N>(store, key);
  }
  getMany<N extends StoreName>(store: N, keys: readonly Key[]) {
    return this.reader(this.tables).getMany<N>(store, keys);
  }
  listBy<N extends StoreName>(store: N, field: ListField<N>, value: string) {
    return this.reader(this.tables).listBy<N>(store, field, value);
  }
  listAll<N extends StoreName>(store: N) {
    return this.reader(this.tables).listAll<N>(store);
  }
  latest<N extends StampedStoreName>(store: N) {
    return this.reader(this.tables).latest<N>(store);
  }

  transaction<T>(work: (tx: StorageWriter) => Promise<T>): Promise<T> {
    const run = async () => {
      // Copy-on-write: a table is cloned the first time the transaction writes to it.
      const overlay: Tables = new Map(this.tables);
      const touched = new Set<StoreName>();
      const writable = (n: StoreName) => {
        if (!touched.has(n)) {
          overlay.set(n, new Map(this.tables.get(n)));
          touched.add(n);
        }
        return overlay.get(n) as Map<Key, unknown>;
      };
      const tx: StorageWriter = {
        ...this.reader(overlay),
        bulkPut: async <N extends StoreName>(store: N, rows: readonly WritableRow<N>[]) => {
          const table = writable(store);
          let seq = store === 'audit' ? nextSeq(table) : 0;
          for (const row of rows) {
            const record: Record<string, unknown> = copy(row);
            if (store === 'audit' && record.seq === undefined) record.seq = seq++;
            const key = record[PRIMARY_KEYS[store]];
            if ((typeof key !== 'string' && typeof key !== 'number') || key === '') throw new Error(`${store} 记录缺少主键 ${PRIMARY_KEYS[store]}`);
            table.set(key, record);
          }
        },
        clear: async (store: StoreName) => {
          writable(store).clear();
        },
      };
      const result = await work(tx);
      const previous = this.tables;
      this.tables = overlay;
      try {
        await this.committed();
      } catch (e) {
        this.tables = previous;
        throw e;
      }
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** A field equals the value, or (a list field, like an import's record ids) contains it. */
function matches(field: unknown, value: string): boolean {
  return Array.isArray(field) ? field.includes(value) : field === value;
}

function nextSeq(table: Map<Key, unknown>): number {
  let max = 0;
  for (const k of table.keys()) if (typeof k === 'number' && k > max) max = k;
  return max + 1;
}
