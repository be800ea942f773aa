import Dexie, { type Table } from 'dexie';
import { compareKeys, PRIMARY_KEYS, type ListField, type StampedStoreName, type StoragePort, type StorageReader, type StorageWriter, type StoreName, type StoreRows } from '../../../shared/app/storage';
import { laterOf, STAMPED_STORES, type LatestRow, type LocalDatabase } from './schema';
import { idBelongsTo, idNamespaceOf } from '../../../shared/exchange/ownership';
import { isOfficeKeyed, OFFICE_KEYED_STORES, officeOf, STRAYS_STORE, type StrayRow } from './office-keys';

type Key = string | number;

const SLOW_TRANSACTION_MS = 15_000;

const keyOf = (store: StoreName, row: unknown) => (row as Record<string, Key>)[PRIMARY_KEYS[store]];
/** Every stray of one store: its part of the strays' key range. */
const straysOfStore = (store: string): [[string, unknown], [string, unknown]] => [
  [store, Dexie.minKey],
  [store, Dexie.maxKey],
];

/** The audit store's rows: what the port's typed write hands over for it. */
function isAudit(store: StoreName, _rows: readonly unknown[]): _rows is readonly StoreRows['audit'][] {
  return store === 'audit';
}

/**
 * The storage port on IndexedDB, through Dexie: the renderer's database.
 *
 * A transaction's work runs first, reading the database and its own pending writes; then all its
 * writes are committed in one short IndexedDB transaction, all or nothing. The work may therefore
 * await anything (hashing, signing) without IndexedDB committing half-way, which it would do
 * inside a native transaction. Transactions of this window run one at a time; other windows are
 * told of each commit and re-read (renderer/src/app/window-sync.ts).
 */
export class DexieStorage implements StoragePort {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly db: LocalDatabase) {}

  private table<N extends StoreName>(store: N): Table<StoreRows[N], Key> {
    return this.db.table(store) as Table<StoreRows[N], Key>;
  }

  get<N extends StoreName>(store: N, key: Key): Promise<StoreRows[N] | undefined> {
    return this.table(store).get(key);
  }
  getMany<N extends StoreName>(store: N, keys: readonly Key[]): Promise<(StoreRows[N] | undefined)[]> {
    return this.table(store).bulkGet([...keys]);
  }
  listBy<N extends StoreName>(store: N, field: ListField<N>, value: string): Promise<StoreRows[N][]> {
    if (field === 'officeCode' && isOfficeKeyed(store)) return this.listByOffice(store, value);
    return this.table(store).where(field).equals(value).toArray();
  }
  /**
   * An office's records: the range of keys in its namespace, and its strays (office-keys.ts), read
   * in one IndexedDB transaction of its own. Not a Dexie transaction: awaited with native promises,
   * it made the conflict marks' reads at start-up land on the first keystroke in 任务清单
   * (scripts/bench-browser.ts, 10,000 tasks: keystroke 87 -> 180 ms); not two reads: that showed
   * the list later (1050 against 900 ms, same build).
   */
  private async listByOffice<N extends StoreName>(store: N, officeCode: string): Promise<StoreRows[N][]> {
    if (!this.db.isOpen()) await this.db.open();
    const [ranged, strayKeys] = await new Promise<[StoreRows[N][], StrayRow[]]>((resolve, reject) => {
      const tx = this.db.backendDB().transaction([store, STRAYS_STORE], 'readonly');
      const prefix = idNamespaceOf(officeCode);
      const rows = tx.objectStore(store).getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
      const strays = tx.objectStore(STRAYS_STORE).index('[store+officeCode]').getAll([store, officeCode]);
      tx.oncomplete = () => resolve([rows.result as StoreRows[N][], strays.result as StrayRow[]]);
      tx.onabort = () => reject(tx.error ?? new Error(`读取 ${store} 失败`));
    });
    const mine = (r: StoreRows[N] | undefined): r is StoreRows[N] => r !== undefined && officeOf(r) === officeCode;
    const listed = ranged.filter((r) => mine(r) && idBelongsTo(String(keyOf(store, r)), officeCode));
    if (!strayKeys.length) return listed;
    const strays = (await this.table(store).bulkGet(strayKeys.map((s) => s.key))).filter(mine);
    return [...listed, ...strays].sort((a, b) => compareKeys(keyOf(store, a), keyOf(store, b)));
  }
  listAll<N extends StoreName>(store: N): Promise<StoreRows[N][]> {
    return this.table(store).toArray();
  }
  /** The row the `latest` store points to (kept at every commit: no `_updated` index on the rows). */
  latest<N extends StampedStoreName>(store: N): Promise<StoreRows[N] | undefined> {
    return this.db.transaction('r', [this.db.latest, this.table(store)], async () => {
      const at = await this.db.latest.get(store);
      return at ? this.table(store).get(at.key) : undefined;
    });
  }

  /**
   * Where each stamped store's latest row will be once the transaction's writes are committed:
   * the stored pointer against the rows written. Only when the latest row itself is rewritten with
   * a lower stamp (set back) is the rest of the store read to find the next.
   */
  private async latestAfter(pending: Map<StoreName, Map<Key, unknown>>, cleared: Set<StoreName>): Promise<{ put: LatestRow[]; gone: string[] }> {
    const put: LatestRow[] = [];
    const gone: string[] = [];
    for (const store of STAMPED_STORES) {
      const mine = pending.get(store) as Map<Key, { _updated: string }> | undefined;
      if (!mine && !cleared.has(store)) continue;
      let best = cleared.has(store) ? undefined : await this.db.latest.get(store);
      const rewritten = best && mine?.get(best.key);
      if (best && rewritten && rewritten._updated < best.stamp) {
        best = undefined;
        await this.table(store).each((row, cursor) => {
          if (!mine?.has(cursor.primaryKey)) best = laterOf(best, { store, key: String(cursor.primaryKey), stamp: row._updated });
        });
      }
      for (const [key, row] of mine ?? []) best = laterOf(best, { store, key: String(key), stamp: row._updated });
      if (best) put.push(best);
      else gone.push(store);
    }
    return { put, gone };
  }

  /**
   * The strays (office-keys.ts) once the transaction's writes are committed: a row written outside
   * its office's namespace is named, one back inside it (or without an office) no longer. Only the
   * written stores' strays are read: none, unless the database holds records from before namespaces.
   */
  private async straysAfter(pending: Map<StoreName, Map<Key, unknown>>, cleared: Set<StoreName>): Promise<{ put: StrayRow[]; gone: [string, string][] }> {
    const put: StrayRow[] = [];
    const gone: [string, string][] = [];
    for (const store of OFFICE_KEYED_STORES) {
      const mine = pending.get(store);
      if (!mine) continue;
      const before = new Map<string, string>();
      if (!cleared.has(store)) {
        for (const s of await this.db.strays.where('[store+key]').between(...straysOfStore(store)).toArray()) before.set(s.key, s.officeCode);
      }
      for (const [key, row] of mine) {
        const k = String(key);
        const officeCode = officeOf(row);
        if (officeCode !== undefined && !idBelongsTo(k, officeCode)) {
          if (before.get(k) !== officeCode) put.push({ store, key: k, officeCode });
        } else if (before.has(k)) gone.push([store, k]);
      }
    }
    return { put, gone };
  }

  transaction<T>(work: (tx: StorageWriter) => Promise<T>): Promise<T> {
    const run = async () => {
      const pending = new Map<StoreName, Map<Key, unknown>>();
      const audit: StoreRows['audit'][] = [];
      // Stores emptied by this transaction: their stored rows are no longer read, and are deleted on commit.
      const cleared = new Set<StoreName>();
      const own = <N extends StoreName>(store: N) => pending.get(store) as Map<Key, StoreRows[N]> | undefined;
      const merged = <N extends StoreName>(store: N, rows: StoreRows[N][], keep: (r: StoreRows[N]) => boolean): StoreRows[N][] => {
        const mine = own(store);
        if (!mine) return rows;
        const out = new Map<Key, StoreRows[N]>(rows.map((r) => [keyOf(store, r), r]));
        // A row this transaction rewrote is listed as it is now: dropped when it no longer matches.
        for (const [k, r] of mine) {
          if (keep(r)) out.set(k, structuredClone(r));
          else out.delete(k);
        }
        return [...out.entries()].sort((a, b) => compareKeys(a[0], b[0])).map(([, r]) => r);
      };
      const field = (r: unknown, name: string) => (r as Record<string, unknown>)[name];
      // A list field (an import's record ids) is indexed entry by entry: it matches when it contains the value.
      const matches = (r: unknown, name: string, value: string) => {
        const v = field(r, name);
        return Array.isArray(v) ? v.includes(value) : v === value;
      };
      const reader: StorageReader = {
        get: async (store, key) => (own(store)?.has(key) ? structuredClone(own(store)?.get(key)) : cleared.has(store) ? undefined : this.get(store, key)),
        getMany: async (store, keys) => {
          const stored = cleared.has(store) ? keys.map(() => undefined) : await this.getMany(store, keys);
          return keys.map((k, i) => (own(store)?.has(k) ? structuredClone(own(store)?.get(k)) : stored[i]));
        },
        listBy: async (store, name, value) =>
          merged(store, cleared.has(store) ? [] : await this.listBy(store, name, value), (r) => matches(r, name, value)).filter((r) => matches(r, name, value)),
        listAll: async (store) => merged(store, cleared.has(store) ? [] : await this.listAll(store), () => true),
        latest: async <N extends StampedStoreName>(store: N) => {
          const mine = own(store);
          const stored = cleared.has(store) ? undefined : await this.latest(store);
          let best = stored;
          const rewritten = stored && mine?.get(keyOf(store, stored));
          if (stored && rewritten) {
            best = undefined;
            // The stored latest row rewritten here with an earlier stamp: the next is among the others.
            if (rewritten._updated < stored._updated) {
              for (const r of await this.listAll(store)) if (!mine?.has(keyOf(store, r)) && (!best || r._updated > best._updated)) best = r;
            }
          }
          for (const r of mine?.values() ?? []) if (!best || r._updated > best._updated) best = structuredClone(r);
          return best;
        },
      };
      const tx: StorageWriter = {
        ...reader,
        bulkPut: async (store, rows) => {
          // The rows are the storage's now (the port's contract): kept as given until the commit,
          // which copies them into IndexedDB; what the work reads back is a copy. An audit row is
          // copied shallowly, since the commit writes its new sequence number into what it adds.
          if (isAudit(store, rows)) {
            for (const r of rows) audit.push({ ...r });
            return;
          }
          let mine = pending.get(store);
          if (!mine) pending.set(store, (mine = new Map()));
          for (const row of rows) {
            const key = keyOf(store, row);
            if (key === undefined || key === null || key === '') throw new Error(`${store} 记录缺少主键 ${PRIMARY_KEYS[store]}`);
            mine.set(key, row);
          }
        },
        clear: async (store) => {
          cleared.add(store);
          pending.delete(store);
          if (store === 'audit') audit.length = 0;
        },
      };
      const result = await work(tx);
      // Read before the IndexedDB transaction (this window holds the write lock: nothing commits between).
      const latest = await this.latestAfter(pending, cleared);
      const strays = await this.straysAfter(pending, cleared);
      // One IndexedDB transaction with nothing but its own requests inside, awaited with Dexie's own
      // promise only: no native promise hop can let IndexedDB commit before the last request is made
      // (under load one did, and a merge failed half-way through). Each store's rows are put once the
      // previous store's are in: issuing all 52,000 of an import at once made its commit ~20% slower.
      await this.db.transaction('rw', this.db.tables, () => {
        // Clearing first: IndexedDB runs a transaction's requests in the order they were made.
        const clears: Promise<unknown>[] = [...cleared].map((store) => this.table(store).clear());
        for (const store of cleared) if (isOfficeKeyed(store)) clears.push(this.db.strays.where('[store+key]').between(...straysOfStore(store)).delete());
        let puts: Promise<unknown> = Dexie.Promise.resolve();
        for (const [store, rows] of pending) puts = puts.then(() => this.db.table(store).bulkPut([...rows.values()]));
        const requests: Promise<unknown>[] = [...clears, puts];
        if (audit.length) requests.push(this.table('audit').bulkAdd(audit));
        if (latest.put.length) requests.push(this.db.latest.bulkPut(latest.put));
        if (latest.gone.length) requests.push(this.db.latest.bulkDelete(latest.gone));
        if (strays.gone.length) requests.push(this.db.strays.bulkDelete(strays.gone));
        if (strays.put.length) requests.push(this.db.strays.bulkPut(strays.put));
        return Dexie.Promise.all(requests);
      });
      return result;
    };
    // Windows of one profile share the database: a write lock of the origin (Web Locks) makes each
    // read-then-write transaction one step across them too, so no window writes over another's change
    // and the device's clock continues from the last stamp any of them wrote (RecordsService.stampedTransaction).
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const locked = () => (locks ? (locks.request(`zwc-write-${this.db.name}`, run) as Promise<T>) : run());
    const next = this.queue.then(locked, locked);
    this.queue = next.catch(() => undefined);
    // A transaction that neither commits nor fails would stall every later save of this window
    // without a word; say so in the console, where a failed e2e test's log will show it.
    const slow = setTimeout(() => console.warn(`存储事务 ${SLOW_TRANSACTION_MS / 1000} 秒仍未完成（排队中或提交中）`), SLOW_TRANSACTION_MS);
    void next.then(
      () => clearTimeout(slow),
      () => clearTimeout(slow),
    );
    return next;
  }
}
