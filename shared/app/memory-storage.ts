import { compareKeys, LIST_FIELDS, PRIMARY_KEYS, STORE_NAMES, type ListField, type StampedStoreName, type StoragePort, type StorageWriter, type StoreName, type StoreRows, type WritableRow } from './storage';

type Key = string | number;
type Row = Record<string, unknown>;

/** A row as a table keeps it (its Codec's form). */
type Stored = unknown;

/**
 * How a table keeps its rows. Copied in and out either way, as a database would, so no caller can
 * change stored data by reference.
 */
interface Codec {
  /** What is kept of a row handed over. */
  keep(row: Row): Stored;
  /** A copy of its own for a reader. */
  copy(stored: Stored): unknown;
  /** The row as kept, only to read its index values and stamp. */
  peek(stored: Stored): unknown;
}

/**
 * V8 returns a long JSON.stringify result as a tree of its pieces (a cons string: some ten strings
 * for a 1 KB row); reading it as a number copies it into one flat string, which the next collection
 * puts in the tree's place. Kept, a row is then one string.
 */
let _flattened: number;
function flat(s: string): string {
  _flattened = Number(s); // kept, so that no compiler drops it as unused
  return s;
}

/**
 * The records and the audit trail are kept as JSON text, as the command line's database keeps them
 * (jsonb) and a bundle carries them: one flat string a row, which a garbage collector marks without
 * looking inside. Kept as objects, a realistic office was some 30,000 objects and strings, each
 * marked again by every major collection: with a province's 100 offices held, one collection
 * during an import took tens of milliseconds more than the import itself.
 */
const TEXT: Codec = {
  keep: (row) => flat(JSON.stringify(row)),
  copy: (stored) => JSON.parse(stored as string) as unknown,
  peek: (stored) => JSON.parse(stored as string) as unknown,
};

/** The settings as structured clones: the browser's key object (a CryptoKey, trust/device-identity.ts) is one, as IndexedDB keeps it. */
const CLONE: Codec = {
  keep: (row) => structuredClone(row),
  copy: (stored) => structuredClone(stored),
  peek: (stored) => stored,
};

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
 * Indexes are fed from the row as written; a row replaced (or rolled back) is read for its old
 * index entries.
 */
class Table {
  readonly rows = new Map<Key, Stored>();
  private readonly index = new Map<string, Map<string, Set<Key>>>();
  /** The row with the highest stamp: [key, stamp]; undefined for an empty table; null when not known (recomputed when asked). */
  private best: [Key, string] | undefined | null = undefined;
  /** The highest numeric key; null when not known. */
  private maxNumber: number | null = 0;

  constructor(
    readonly fields: readonly string[],
    readonly codec: Codec,
  ) {
    for (const f of fields) this.index.set(f, new Map());
  }

  /** Keeps the row (as its codec keeps it) under its key; `row` is the same row as given, read for its index values and stamp. */
  set(key: Key, stored: Stored, row: unknown): void {
    const old = this.rows.get(key);
    if (old !== undefined) this.unindex(key, old);
    this.rows.set(key, stored);
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
    if (old === undefined) return;
    this.unindex(key, old);
    this.rows.delete(key);
    if (this.best && this.best[0] === key) this.best = this.rows.size ? null : undefined;
    if (typeof key === 'number' && key === this.maxNumber) this.maxNumber = null;
  }

  private unindex(key: Key, stored: Stored): void {
    if (!this.fields.length) return;
    const row = this.codec.peek(stored);
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

  /** The row with the highest stamp: its key and stamp. */
  latest(): [Key, string] | undefined {
    if (this.best === null) {
      // Rare (the latest row rewritten with an older stamp, or rolled back): every row is read.
      let best: [Key, string] | undefined;
      for (const [k, stored] of this.rows) {
        const stamp = stampOf(this.codec.peek(stored));
        if (!best || stamp > best[1]) best = [k, stamp];
      }
      this.best = best;
    }
    return this.best;
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

const newTable = (n: StoreName) => new Table(LIST_FIELDS[n] as readonly string[], n === 'settings' ? CLONE : TEXT);

/** A row a transaction has written: as its table keeps it, and as given (the caller hands it over: read for index values and stamp only). */
interface Written {
  stored: Stored;
  row: Row;
}

/** One table as a transaction sees it: the stored table, then its own writes (and whether it cleared the table). Rows as kept. */
interface TableView {
  codec: Codec;
  get(key: Key): Stored | undefined;
  /** The rows whose field holds the value, in no order. */
  with(field: string, value: string): Iterable<[Key, Stored]>;
  entries(): Iterable<[Key, Stored]>;
  latest(): Stored | undefined;
  maxNumericKey(): number;
}

function* rowsOf(table: Table, keys: Iterable<Key>, skip?: Map<Key, Written>): Iterable<[Key, Stored]> {
  for (const k of keys) if (!skip?.has(k)) yield [k, table.rows.get(k)];
}

function committedView(base: Table): TableView {
  return {
    codec: base.codec,
    get: (key) => base.rows.get(key),
    with: (field, value) => rowsOf(base, base.keysWith(field, value)),
    entries: () => base.rows.entries(),
    latest: () => {
      const k = base.latest()?.[0];
      return k === undefined ? undefined : base.rows.get(k);
    },
    maxNumericKey: () => base.maxNumericKey(),
  };
}

/** The stored table with a transaction's writes over it; nothing is copied. */
function overlaid(base: Table, own: Map<Key, Written> | undefined, cleared: boolean): TableView {
  if (!own && !cleared) return committedView(base);
  const mine = own ?? new Map<Key, Written>();
  const stored = cleared ? undefined : committedView(base);
  return {
    codec: base.codec,
    get: (key) => (mine.has(key) ? mine.get(key)?.stored : stored?.get(key)),
    *with(field, value) {
      if (!cleared) yield* rowsOf(base, base.keysWith(field, value), mine);
      for (const [k, w] of mine) if (listedValues(w.row, field).includes(value)) yield [k, w.stored];
    },
    *entries() {
      if (!cleared) for (const entry of base.rows.entries()) if (!mine.has(entry[0])) yield entry;
      for (const [k, w] of mine) yield [k, w.stored];
    },
    latest: () => {
      let best: [Stored, string] | undefined;
      const top = cleared ? undefined : base.latest();
      if (top !== undefined) {
        if (!mine.has(top[0])) best = [base.rows.get(top[0]), top[1]];
        else {
          // The stored latest row rewritten here: the stored table is looked through (rare: a clock set back).
          for (const [k, kept] of base.rows) {
            if (mine.has(k)) continue;
            const stamp = stampOf(base.codec.peek(kept));
            if (!best || stamp > best[1]) best = [kept, stamp];
          }
        }
      }
      for (const w of mine.values()) if (best === undefined || stampOf(w.row) > best[1]) best = [w.stored, stampOf(w.row)];
      return best?.[0];
    },
    maxNumericKey: () => {
      let max = stored?.maxNumericKey() ?? 0;
      for (const k of mine.keys()) if (typeof k === 'number' && k > max) max = k;
      return max;
    },
  };
}

/**
 * The storage port held in memory: for tests, the province bench, and the base of the command
 * line's old workspace file (read once to migrate it). A transaction's writes are held beside the
 * tables and applied only when the work resolves, so a failure leaves nothing behind; transactions
 * run one at a time. Nothing is copied per transaction but the rows it writes (a table of 50,000
 * rows is not cloned to change one), each table keeps its indexes (Table), so what a read costs
 * does not grow with what else is stored, and its records as text (TEXT), so what a garbage
 * collection costs grows as little as can be with what is stored.
 */
export class MemoryStorage implements StoragePort {
  private tables = new Map<StoreName, Table>(STORE_NAMES.map((n) => [n, newTable(n)]));
  private queue: Promise<unknown> = Promise.resolve();

  /** The whole content, for persisting (file store) and for tests. */
  protected snapshot(): Record<string, unknown[]> {
    return Object.fromEntries(
      STORE_NAMES.map((n) => {
        const table = this.stored(n);
        return [n, [...table.rows.values()].map((stored) => table.codec.peek(stored))];
      }),
    );
  }

  protected load(content: Partial<Record<StoreName, unknown[]>>): void {
    for (const name of STORE_NAMES) {
      const table = newTable(name);
      for (const row of content[name] ?? []) table.set((row as Record<string, Key>)[PRIMARY_KEYS[name]], table.codec.keep(row as Row), row);
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
    const sorted = (table: TableView, entries: Iterable<[Key, Stored]>): unknown[] => [...entries].sort((a, b) => compareKeys(a[0], b[0])).map(([, stored]) => table.codec.copy(stored));
    const one = (table: TableView, stored: Stored | undefined): unknown => (stored === undefined ? undefined : table.codec.copy(stored));
    return {
      get: async <N extends StoreName>(store: N, key: Key) => {
        const table = view(store);
        return one(table, table.get(key)) as StoreRows[N] | undefined;
      },
      getMany: async <N extends StoreName>(store: N, keys: readonly Key[]) => {
        const table = view(store);
        return keys.map((k) => one(table, table.get(k)) as StoreRows[N] | undefined);
      },
      listBy: async <N extends StoreName>(store: N, field: ListField<N>, value: string) => {
        const table = view(store);
        return sorted(table, table.with(field, value)) as StoreRows[N][];
      },
      listAll: async <N extends StoreName>(store: N) => {
        const table = view(store);
        return sorted(table, table.entries()) as StoreRows[N][];
      },
      latest: async <N extends StampedStoreName>(store: N) => {
        const table = view(store);
        return one(table, table.latest()) as StoreRows[N] | undefined;
      },
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
      const own = new Map<StoreName, Map<Key, Written>>();
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
          const codec = this.stored(store).codec;
          for (const row of rows) {
            let record = row as Row;
            if (store === 'audit' && record.seq === undefined) record = { ...record, seq: seq++ };
            const key = record[PRIMARY_KEYS[store]];
            if ((typeof key !== 'string' && typeof key !== 'number') || key === '') throw new Error(`${store} 记录缺少主键 ${PRIMARY_KEYS[store]}`);
            // Kept now as the table keeps it (each read's copy is made from that); the row itself is read only for its index values and stamp.
            table.set(key, { stored: codec.keep(record), row: record });
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
      const replaced: [Table, Key, Stored | undefined][] = [];
      for (const n of cleared) {
        previous.set(n, this.stored(n));
        this.tables.set(n, newTable(n));
      }
      for (const [n, rows] of own) {
        const table = this.stored(n);
        for (const [k, w] of rows) {
          replaced.push([table, k, table.rows.get(k)]);
          table.set(k, w.stored, w.row);
        }
      }
      try {
        await this.committed();
      } catch (e) {
        for (let i = replaced.length - 1; i >= 0; i--) {
          const [table, k, kept] = replaced[i];
          if (kept !== undefined) table.set(k, kept, table.codec.peek(kept));
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
