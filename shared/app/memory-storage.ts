import { PRIMARY_KEYS, STORE_NAMES, type ListField, type StampedStoreName, type StoragePort, type StorageWriter, type StoreName, type StoreRows, type WritableRow } from './storage';

type Key = string | number;
type Tables = Map<StoreName, Map<Key, unknown>>;

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Rows are copied in and out, as a database would, so no caller can change stored data by reference. */
const copy = <T>(v: T): T => structuredClone(v);

/** One table as a transaction sees it: the stored rows, then its own writes (and whether it cleared the table). */
interface TableView {
  get(key: Key): unknown;
  entries(): Iterable<[Key, unknown]>;
}

/** The stored table with a transaction's writes over it; nothing is copied. */
function overlaid(base: Map<Key, unknown>, own: Map<Key, unknown> | undefined, cleared: boolean): TableView {
  if (!own && !cleared) return base;
  const mine = own ?? new Map<Key, unknown>();
  return {
    get: (key) => (mine.has(key) ? mine.get(key) : cleared ? undefined : base.get(key)),
    *entries() {
      if (!cleared) for (const entry of base.entries()) if (!mine.has(entry[0])) yield entry;
      yield* mine.entries();
    },
  };
}

/**
 * The storage port held in memory: for tests, and the base of the command line's file store. A
 * transaction's writes are held beside the tables and applied only when the work resolves, so a
 * failure leaves nothing behind; transactions run one at a time. Nothing is copied per transaction
 * but the rows it writes (a table of 50,000 rows is not cloned to change one).
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

  private stored(n: StoreName): Map<Key, unknown> {
    return this.tables.get(n) as Map<Key, unknown>;
  }

  private reader(view: (n: StoreName) => TableView) {
    // Filtered first, then sorted by key: a listing never sorts the rows it does not return.
    const sorted = (n: StoreName, keep: (row: unknown) => boolean) => {
      const out: [Key, unknown][] = [];
      for (const entry of view(n).entries()) if (keep(entry[1])) out.push(entry);
      return out.sort((a, b) => compareKeys(a[0], b[0])).map(([, v]) => v);
    };
    return {
      get: async <N extends StoreName>(store: N, key: Key) => copy(view(store).get(key) as StoreRows[N] | undefined),
      getMany: async <N extends StoreName>(store: N, keys: readonly Key[]) => keys.map((k) => copy(view(store).get(k) as StoreRows[N] | undefined)),
      listBy: async <N extends StoreName>(store: N, field: ListField<N>, value: string) =>
        copy(sorted(store, (r) => matches((r as Record<string, unknown>)[field], value)) as StoreRows[N][]),
      listAll: async <N extends StoreName>(store: N) => copy(sorted(store, () => true) as StoreRows[N][]),
      latest: async <N extends StampedStoreName>(store: N) => {
        let best: { _updated: string } | undefined;
        for (const [, row] of view(store).entries()) if (!best || (row as { _updated: string })._updated > best._updated) best = row as { _updated: string };
        return copy(best as StoreRows[N] | undefined);
      },
    };
  }

  private readonly committedReader = this.reader((n) => this.stored(n));

  get<N extends StoreName>(store: N, key: Key) {
    return this.committedReader.get<N>(store, key);
  }
  getMany<N extends StoreName>(store: N, keys: readonly Key[]) {
    return this.committedReader.getMany<N>(store, keys);
  }
  listBy<N extends StoreName>(store: N, field: ListField<N>, value: string) {
    return this.committedReader.listBy<N>(store, field, value);
  }
  listAll<N extends StoreName>(store: N) {
    return this.committedReader.listAll<N>(store);
  }
  latest<N extends StampedStoreName>(store: N) {
    return this.committedReader.latest<N>(store);
  }

  transaction<T>(work: (tx: StorageWriter) => Promise<T>): Promise<T> {
    const run = async () => {
      const own = new Map<StoreName, Map<Key, unknown>>();
      const cleared = new Set<StoreName>();
      const view = (n: StoreName) => overlaid(this.stored(n), own.get(n), cleared.has(n));
      const writable = (n: StoreName) => {
        let mine = own.get(n);
        if (!mine) own.set(n, (mine = new Map()));
        return mine;
      };
      const tx: StorageWriter = {
        ...this.reader(view),
        bulkPut: async <N extends StoreName>(store: N, rows: readonly WritableRow<N>[]) => {
          const table = writable(store);
          let seq = store === 'audit' ? nextSeq(view(store)) : 0;
          for (const row of rows) {
            const record: Record<string, unknown> = copy(row);
            if (store === 'audit' && record.seq === undefined) record.seq = seq++;
            const key = record[PRIMARY_KEYS[store]];
            if ((typeof key !== 'string' && typeof key !== 'number') || key === '') throw new Error(`${store} 记录缺少主键 ${PRIMARY_KEYS[store]}`);
            table.set(key, record);
          }
        },
        clear: async (store: StoreName) => {
          cleared.add(store);
          own.delete(store);
        },
      };
      const result = await work(tx);
      // Applied in place, with what each write replaced kept until the tables are saved.
      const previous = new Map<StoreName, Map<Key, unknown>>();
      const replaced: [Map<Key, unknown>, Key, unknown, boolean][] = [];
      for (const n of cleared) {
        previous.set(n, this.stored(n));
        this.tables.set(n, new Map());
      }
      for (const [n, rows] of own) {
        const table = this.stored(n);
        for (const [k, v] of rows) {
          replaced.push([table, k, table.get(k), table.has(k)]);
          table.set(k, v);
        }
      }
      try {
        await this.committed();
      } catch (e) {
        for (let i = replaced.length - 1; i >= 0; i--) {
          const [table, k, v, had] = replaced[i];
          if (had) table.set(k, v);
          else table.delete(k);
        }
        for (const [n, table] of previous) this.tables.set(n, table);
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

function nextSeq(table: TableView): number {
  let max = 0;
  for (const [k] of table.entries()) if (typeof k === 'number' && k > max) max = k;
  return max + 1;
}
