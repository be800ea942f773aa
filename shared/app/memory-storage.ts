import { LIST_FIELDS, PRIMARY_KEYS, STORE_NAMES, type ListField, type StampedStoreName, type StoragePort, type StorageWriter, type StoreName, type StoreRows, type WritableRow } from './storage';

type Key = string | number;
type Row = Record<string, unknown>;

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Rows are copied in and out, as a database would, so no caller can change stored data by reference. */
const copy = <T>(v: T): T => structuredClone(v);

const stampOf = (row: unknown): string => {
  const s = (row as Row)._updated;
  return typeof s === 'string' ? s : '';
};

/** The values of a list field a row is found by: its value, or each value of its list. */
function listedValues(row: unknown, field: string): string[] {
  const v = (row as Row)[field];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * One stored table with the indexes a database would keep: the keys of the rows holding each value
 * of each list field (LIST_FIELDS), the row with the highest stamp, the highest numeric key. A
 * listing, the latest row and the next audit number then cost what they return, not the table.
 */
class Table {
  readonly rows = new Map<Key, unknown>();
  private readonly index = new Map<string, Map<string, Set<Key>>>();
  /** The row with the highest stamp: [key, stamp]; undefined for an empty table; null when not known (recomputed when asked). */
  private best: [Key, string] | undefined | null = undefined;
  /** The highest numeric key; null when not known. */
  private maxNumber: number | null = 0;

  constructor(
    readonly keyField: string,
    readonly fields: readonly string[],
  ) {
    for (const f of fields) this.index.set(f, new Map());
  }

  set(key: Key, row: unknown): void {
    const old = this.rows.get(key);
    if (old !== undefined) this.unindex(key, old);
    this.rows.set(key, row);
    for (const f of this.fields) {
      const byValue = this.index.get(f) as Map<string, Set<Key>>;
      for (const v of listedValues(row, f)) {
        let keys = byValue.get(v);
        if (!keys) byValue.set(v, (keys = new Set()));
        keys.add(key);
      }
    }
    const stamp = stampOf(row);
    if (this.best !== null) {
      if (this.best === undefined || stamp > this.best[1]) this.best = [key, stamp];
      else if (this.best[0] === key && stamp !== this.best[1]) this.best = null; // the latest row went back: looked for again when asked
    }
    if (typeof key === 'number' && this.maxNumber !== null && key > this.maxNumber) this.maxNumber = key;
  }

  delete(key: Key): void {
    const old = this.rows.get(key);
    if (old === undefined && !this.rows.has(key)) return;
    this.unindex(key, old);
    this.rows.delete(key);
    if (this.best && this.best[0] === key) this.best = this.rows.size ? null : undefined;
    if (typeof key === 'number' && key === this.maxNumber) this.maxNumber = null;
  }

  private unindex(key: Key, row: unknown): void {
    for (const f of this.fields) {
      const byValue = this.index.get(f) as Map<string, Set<Key>>;
      for (const v of listedValues(row, f)) {
        const keys = byValue.get(v);
        keys?.delete(key);
        if (keys && !keys.size) byValue.delete(v);
      }
    }
  }

  /** The keys of the rows whose field holds the value. */
  keysWith(field: string, value: string): Iterable<Key> {
    return this.index.get(field)?.get(value) ?? [];
  }

  latestKey(): Key | undefined {
    if (this.best === null) {
      let best: [Key, string] | undefined;
      for (const [k, row] of this.rows) if (!best || stampOf(row) > best[1]) best = [k, stampOf(row)];
      this.best = best;
    }
    return this.best?.[0];
  }

  maxNumericKey(): number {
    if (this.maxNumber === null) {
      let max = 0;
      for (const k of this.rows.keys()) if (typeof k === 'number' && k > max) max = k;
      this.maxNumber = max;
    }
    return this.maxNumber;
  }
}

const newTable = (n: StoreName) => new Table(PRIMARY_KEYS[n], LIST_FIELDS[n] as readonly string[]);

/** One table as a transaction sees it: the stored table, then its own writes (and whether it cleared the table). */
interface TableView {
  get(key: Key): unknown;
  /** The rows whose field holds the value, in no order. */
  with(field: string, value: string): Iterable<[Key, unknown]>;
  entries(): Iterable<[Key, unknown]>;
  latest(): unknown;
  maxNumericKey(): number;
}

function* rowsOf(table: Table, keys: Iterable<Key>, skip?: Map<Key, unknown>): Iterable<[Key, unknown]> {
  for (const k of keys) if (!skip?.has(k)) yield [k, table.rows.get(k)];
}

function committedView(base: Table): TableView {
  return {
    get: (key) => base.rows.get(key),
    with: (field, value) => rowsOf(base, base.keysWith(field, value)),
    entries: () => base.rows.entries(),
    latest: () => {
      const k = base.latestKey();
      return k === undefined ? undefined : base.rows.get(k);
    },
    maxNumericKey: () => base.maxNumericKey(),
  };
}

/** The stored table with a transaction's writes over it; nothing is copied. */
function overlaid(base: Table, own: Map<Key, unknown> | undefined, cleared: boolean): TableView {
  if (!own && !cleared) return committedView(base);
  const mine = own ?? new Map<Key, unknown>();
  const stored = cleared ? undefined : committedView(base);
  const view: TableView = {
    get: (key) => (mine.has(key) ? mine.get(key) : stored?.get(key)),
    *with(field, value) {
      if (!cleared) yield* rowsOf(base, base.keysWith(field, value), mine);
      for (const entry of mine) if (listedValues(entry[1], field).includes(value)) yield entry;
    },
    *entries() {
      if (!cleared) for (const entry of base.rows.entries()) if (!mine.has(entry[0])) yield entry;
      yield* mine.entries();
    },
    latest: () => {
      let best = stored?.latest();
      // The stored latest row rewritten here: the stored table is looked through (rare: a clock set back).
      if (best !== undefined && mine.has((best as Row)[base.keyField] as Key)) {
        best = undefined;
        for (const [, row] of view.entries()) if (best === undefined || stampOf(row) > stampOf(best)) best = row;
        return best;
      }
      for (const row of mine.values()) if (best === undefined || stampOf(row) > stampOf(best)) best = row;
      return best;
    },
    maxNumericKey: () => {
      let max = stored?.maxNumericKey() ?? 0;
      for (const k of mine.keys()) if (typeof k === 'number' && k > max) max = k;
      return max;
    },
  };
  return view;
}
/**
 * The storage port held in memory: for tests, and the base of the command line's file store. A
 * transaction's writes are held beside the tables and applied only when the work resolves, so a
 * failure leaves nothing behind; transactions run one at a time. Nothing is copied per transaction
 * but the rows it writes (a table of 50,000 rows is not cloned to change one), and each table keeps
 * its indexes (Table), so what a read costs does not grow with what else is stored.
 */
export class MemoryStorage implements StoragePort {
  private tables = new Map<StoreName, Table>(STORE_NAMES.map((n) => [n, newTable(n)]));
  private queue: Promise<unknown> = Promise.resolve();

  /** The whole content, for persisting (file store) and for tests. */
  protected snapshot(): Record<string, unknown[]> {
    return Object.fromEntries(STORE_NAMES.map((n) => [n, [...this.stored(n).rows.values()]]));
  }

  protected load(content: Partial<Record<StoreName, unknown[]>>): void {
    for (const name of STORE_NAMES) {
      const table = newTable(name);
      for (const row of content[name] ?? []) table.set((row as Record<string, Key>)[PRIMARY_KEYS[name]], row);
      this.tables.set(name, table);
    }
  }

  /** Called with the committed tables after each successful transaction (the file store saves them). */
  protected async committed(): Promise<void> {}

  private stored(n: StoreName): Table {
    return this.tables.get(n) as Table;
  }

  private reader(view: (n: StoreName) => TableView) {
    // Sorted by key after the index found them: a listing never sorts (or looks at) the rows it does not return.
    const sorted = (entries: Iterable<[Key, unknown]>) => [...entries].sort((a, b) => compareKeys(a[0], b[0])).map(([, v]) => v);
    return {
      get: async <N extends StoreName>(store: N, key: Key) => copy(view(store).get(key) as StoreRows[N] | undefined),
      getMany: async <N extends StoreName>(store: N, keys: readonly Key[]) => {
        const table = view(store);
        return keys.map((k) => copy(table.get(k) as StoreRows[N] | undefined));
      },
      listBy: async <N extends StoreName>(store: N, field: ListField<N>, value: string) => copy(sorted(view(store).with(field, value)) as StoreRows[N][]),
      listAll: async <N extends StoreName>(store: N) => copy(sorted(view(store).entries()) as StoreRows[N][]),
      latest: async <N extends StampedStoreName>(store: N) => copy(view(store).latest() as StoreRows[N] | undefined),
    };
  }

  private readonly committedReader = this.reader((n) => committedView(this.stored(n)));

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
          let seq = store === 'audit' ? view(store).maxNumericKey() + 1 : 0;
          const table = writable(store);
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
      const previous = new Map<StoreName, Table>();
      const replaced: [Table, Key, unknown, boolean][] = [];
      for (const n of cleared) {
        previous.set(n, this.stored(n));
        this.tables.set(n, newTable(n));
      }
      for (const [n, rows] of own) {
        const table = this.stored(n);
        for (const [k, v] of rows) {
          replaced.push([table, k, table.rows.get(k), table.rows.has(k)]);
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
