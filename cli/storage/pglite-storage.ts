import type { PGlite, Transaction } from '@electric-sql/pglite';
import { LIST_FIELDS, PRIMARY_KEYS, STORE_NAMES, type ListField, type StampedStoreName, type StoragePort, type StorageWriter, type StoreName, type StoreRows, type WritableRow } from '../../shared/app/storage';

/**
 * The storage port on PGlite (Postgres compiled to WebAssembly, its data directory on disk): one
 * table per store, each row a jsonb document keyed by the store's primary key, with an index for
 * every field the core lists by (LIST_FIELDS: a value, or a list of values such as an import's
 * audit row's recordIds, found by jsonb containment) and for the revision stamp (latest). A transaction
 * of the port is a Postgres transaction, so only the rows a change touches are written, and a
 * failure rolls all of it back. The SQL is plain Postgres: a province can point it at a server.
 */

type Key = string | number;
type Db = Pick<PGlite, 'query' | 'exec' | 'transaction'>;
type Queryable = Pick<Transaction, 'query'>;

/** Rows sent to Postgres per statement (one JSON parameter each). */
const CHUNK = 2000;

/** The quoted table name of a store (the stores' own names, camelCase kept). */
export const tableOf = (store: StoreName) => `"${store}"`;

const numericKey = (store: StoreName) => store === 'audit';
const stamped = (store: StoreName) => store !== 'settings' && store !== 'audit';

/** The statements that create the tables and their indexes; each runs again harmlessly. */
export function schemaSql(): string {
  const out: string[] = [];
  for (const store of STORE_NAMES) {
    const t = tableOf(store);
    out.push(`create table if not exists ${t} (k ${numericKey(store) ? 'bigint' : 'text collate "C"'} primary key, row jsonb not null);`);
    for (const field of LIST_FIELDS[store] as readonly string[]) {
      // A list field holds one value or a list of them (audit.recordIds): one containment index serves both.
      out.push(`drop index if exists "${store}_by_${field}";`);
      // Without the pending list (fastupdate): every search would read all rows written since the
      // last clean-up in full, a cost that grows with every import until the list is flushed.
      out.push(`create index if not exists "${store}_has_${field}" on ${t} using gin ((row->'${field}') jsonb_path_ops) with (fastupdate = off);`);
      out.push(`alter index "${store}_has_${field}" set (fastupdate = off);`);
      out.push(`select gin_clean_pending_list('"${store}_has_${field}"'::regclass);`); // what an older workspace left pending
    }
    if (stamped(store)) out.push(`create index if not exists "${store}_by_updated" on ${t} (((row->>'_updated') collate "C"));`);
  }
  out.push('create table if not exists zwc_meta (key text primary key, value jsonb not null);');
  return out.join('\n');
}

/**
 * The row with the highest stamp, read backwards off the stamp index (its order, nulls excluded):
 * "desc nulls last" cannot use it and would sort the whole table on every import.
 */
export function latestSql(store: StoreName): string {
  const stamp = `(row->>'_updated') collate "C"`;
  return `select row from ${tableOf(store)} where ${stamp} is not null order by ${stamp} desc limit 1`;
}

/**
 * Rows by key, the keys one JSON array parameter: "= any(array(...))" probes the key index; "in
 * (select ...)" was planned as a hash join over a scan of the whole table, which grows with every office held.
 */
export function getManySql(store: StoreName): string {
  return `select k, row from ${tableOf(store)} where k = any(array(select ${keyCast(store, 'e')} from jsonb_array_elements_text($1::jsonb) e))`;
}

function keyOf(store: StoreName, row: unknown): Key {
  const key = (row as Record<string, Key | null | undefined>)[PRIMARY_KEYS[store]];
  if (key === undefined || key === null || key === '') throw new Error(`${store} 记录缺少主键 ${PRIMARY_KEYS[store]}`);
  return key;
}

/** The key column's type for a JSON array element (audit rows are numbered). */
const keyCast = (store: StoreName, expr: string) => (numericKey(store) ? `(${expr})::bigint` : expr);

function reader(q: Queryable) {
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await q.query<{ row: T }>(sql, params)).rows.map((r) => r.row);
  return {
    get: async <N extends StoreName>(store: N, key: Key): Promise<StoreRows[N] | undefined> => {
      const [row] = await rows<StoreRows[N]>(`select row from ${tableOf(store)} where k = $1`, [numericKey(store) ? Number(key) : String(key)]);
      return row;
    },
    getMany: async <N extends StoreName>(store: N, keys: readonly Key[]): Promise<(StoreRows[N] | undefined)[]> => {
      if (!keys.length) return [];
      const found = new Map<string, StoreRows[N]>();
      for (let i = 0; i < keys.length; i += CHUNK) {
        const part = keys.slice(i, i + CHUNK).map((k) => (numericKey(store) ? Number(k) : String(k)));
        const res = await q.query<{ k: Key; row: StoreRows[N] }>(
          getManySql(store),
          [JSON.stringify(part)],
        );
        for (const r of res.rows) found.set(String(r.k), r.row);
      }
      return keys.map((k) => found.get(String(k)));
    },
    listBy: async <N extends StoreName>(store: N, field: ListField<N>, value: string): Promise<StoreRows[N][]> =>
      rows<StoreRows[N]>(`select row from ${tableOf(store)} where row->'${String(field)}' @> $1::jsonb order by k`, [JSON.stringify(value)]),
    listAll: async <N extends StoreName>(store: N): Promise<StoreRows[N][]> => rows<StoreRows[N]>(`select row from ${tableOf(store)} order by k`),
    latest: async <N extends StampedStoreName>(store: N): Promise<StoreRows[N] | undefined> => {
      const [row] = await rows<StoreRows[N]>(latestSql(store));
      return row;
    },
  };
}

function writer(tx: Transaction): StorageWriter {
  return {
    ...reader(tx),
    bulkPut: async <N extends StoreName>(store: N, rows: readonly WritableRow<N>[]): Promise<void> => {
      if (!rows.length) return;
      let seq = 0;
      if (store === 'audit') seq = Number((await tx.query<{ next: number | string }>('select coalesce(max(k), 0) + 1 as next from "audit"')).rows[0].next);
      const pairs: [Key, unknown][] = rows.map((row) => {
        if (store === 'audit' && (row as { seq?: number }).seq === undefined) return [seq, { ...row, seq: seq++ }];
        return [keyOf(store, row), row];
      });
      // The last of two rows with one key wins, as with the other adapters (Postgres refuses both in one statement).
      const unique = [...new Map(pairs.map(([k, r]) => [String(k), [k, r] as [Key, unknown]])).values()];
      for (let i = 0; i < unique.length; i += CHUNK) {
        await tx.query(
          `insert into ${tableOf(store)} (k, row) select ${keyCast(store, "e->>0")}, e->1 from jsonb_array_elements($1::jsonb) e ` +
            'on conflict (k) do update set row = excluded.row',
          [JSON.stringify(unique.slice(i, i + CHUNK))],
        );
      }
    },
    clear: async (store: StoreName): Promise<void> => {
      await tx.query(`delete from ${tableOf(store)}`);
    },
  };
}

export class PgliteStorage implements StoragePort {
  constructor(readonly db: Db) {}

  /**
   * Creates the tables and indexes where they are missing, and drops the list indexes of fields the
   * core no longer lists by (a workspace made by an older zwc): each would still be written on every row.
   */
  async init(): Promise<void> {
    // A new 16 MiB WAL segment is made every ten or so imports: written whole with zeros it held up the
    // import that crossed it by ~40 ms. Postgres checks each WAL record by its CRC, not the zeros.
    await this.db.exec('set wal_init_zero = off;');
    await this.db.exec(schemaSql());
    const wanted = new Set(STORE_NAMES.flatMap((s) => (LIST_FIELDS[s] as readonly string[]).map((f) => `${s}_has_${f}`)));
    const stale = (await this.db.query<{ name: string }>(`select indexname as name from pg_indexes where schemaname = current_schema() and indexname like '%\\_has\\_%'`)).rows;
    for (const { name } of stale) if (!wanted.has(name)) await this.db.exec(`drop index if exists "${name.replaceAll('"', '""')}";`);
    if ((await this.meta(IMPORT_ROWS_OFFICE)) !== true) await giveImportRowsTheirOffice(this.db);
  }

  get<N extends StoreName>(store: N, key: Key) {
    return reader(this.db).get<N>(store, key);
  }
  getMany<N extends StoreName>(store: N, keys: readonly Key[]) {
    return reader(this.db).getMany<N>(store, keys);
  }
  listBy<N extends StoreName>(store: N, field: ListField<N>, value: string) {
    return reader(this.db).listBy<N>(store, field, value);
  }
  listAll<N extends StoreName>(store: N) {
    return reader(this.db).listAll<N>(store);
  }
  latest<N extends StampedStoreName>(store: N) {
    return reader(this.db).latest<N>(store);
  }

  transaction<T>(work: (tx: StorageWriter) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(writer(tx)));
  }

  /** How many rows each store holds (the migration reports it, tests check it). */
  async counts(): Promise<Record<StoreName, number>> {
    const sql = STORE_NAMES.map((s) => `select '${s}' as store, count(*)::int as n from ${tableOf(s)}`).join(' union all ');
    const res = await this.db.query<{ store: StoreName; n: number }>(sql);
    return Object.fromEntries(res.rows.map((r) => [r.store, r.n])) as Record<StoreName, number>;
  }

  async meta(key: string): Promise<unknown> {
    return (await this.db.query<{ value: unknown }>('select value from zwc_meta where key = $1', [key])).rows[0]?.value;
  }
}

const IMPORT_ROWS_OFFICE = 'importRowsHaveOffice';

/**
 * An import's audit row is found from a record by the office whose records it changed (its
 * `officeCode`, see records-service auditOf). Rows written before that named every record in
 * `recordIds` instead: each gets the office of the records it names, which is the namespace every
 * id of that office starts with (`<officeCode>-…`; an office's own row is keyed by the code itself).
 * Run once per database, and again after rows are copied in from an old workspace file.
 */
export async function giveImportRowsTheirOffice(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `update "audit" set row = (row - 'recordIds') || jsonb_build_object('officeCode', split_part(row->'changes'->0->>'id', '-', 1))
       where row->>'recordId' like 'import:%' and not (row ? 'officeCode')
         and jsonb_typeof(row->'changes') = 'array' and jsonb_array_length(row->'changes') > 0`,
    );
    await setMeta(tx, IMPORT_ROWS_OFFICE, true);
  });
}

/** Writes a meta value inside a transaction of the raw database. */
export async function setMeta(tx: Queryable, key: string, value: unknown): Promise<void> {
  await tx.query('insert into zwc_meta (key, value) values ($1, $2::jsonb) on conflict (key) do update set value = excluded.value', [key, JSON.stringify(value)]);
}

/** Copies whole tables into the database in one transaction (the migration from workspace.json). */
export async function copyTables(db: Db, tables: Partial<Record<StoreName, readonly unknown[]>>, meta: Record<string, unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    const w = writer(tx);
    for (const store of STORE_NAMES) {
      await w.clear(store);
      await w.bulkPut(store, (tables[store] ?? []) as StoreRows[typeof store][]);
    }
    for (const [k, v] of Object.entries(meta)) await setMeta(tx, k, v);
  });
}
