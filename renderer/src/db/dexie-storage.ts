import type { Table } from 'dexie';
import type { ListField, StampedStoreName, StoragePort, StorageReader, StorageWriter, StoreName, StoreRows } from '../../../shared/app/storage';
import type { LedgerDb } from './schema';

/** The storage port on IndexedDB, through Dexie: the renderer's database. */
export class DexieStorage implements StoragePort {
  constructor(readonly db: LedgerDb) {}

  private table<N extends StoreName>(store: N): Table<StoreRows[N], string | number> {
    return this.db.table(store) as Table<StoreRows[N], string | number>;
  }

  // Plain functions returning Dexie's own promises, never `async` wrappers: every extra native
  // promise hop inside a transaction risks IndexedDB committing it early (PrematureCommitError).
  private readonly reader: StorageReader = {
    get: (store, key) => this.table(store).get(key),
    getMany: (store, keys) => this.table(store).bulkGet([...keys]),
    listBy: <N extends StoreName>(store: N, field: ListField<N>, value: string) => this.table(store).where(field).equals(value).toArray(),
    listAll: (store) => this.table(store).toArray(),
    latest: (store) => this.table(store).orderBy('_updated').last(),
  };

  get<N extends StoreName>(store: N, key: string | number) {
    return this.reader.get<N>(store, key);
  }
  getMany<N extends StoreName>(store: N, keys: readonly (string | number)[]) {
    return this.reader.getMany<N>(store, keys);
  }
  listBy<N extends StoreName>(store: N, field: ListField<N>, value: string) {
    return this.reader.listBy<N>(store, field, value);
  }
  listAll<N extends StoreName>(store: N) {
    return this.reader.listAll<N>(store);
  }
  latest<N extends StampedStoreName>(store: N) {
    return this.reader.latest<N>(store);
  }

  transaction<T>(work: (tx: StorageWriter) => Promise<T>): Promise<T> {
    const tx: StorageWriter = {
      ...this.reader,
      bulkPut: (store, rows) => this.table(store).bulkPut([...rows]).then(() => undefined),
    };
    return this.db.transaction('rw', this.db.tables, () => work(tx));
  }
}
