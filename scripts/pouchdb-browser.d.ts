/**
 * The part of PouchDB the import bench calls. @types/pouchdb-browser is not used: it declares a
 * global `Buffer` of its own that breaks Node's Buffer for the whole project's type check.
 */
declare module 'pouchdb-browser' {
  interface PouchDoc {
    _id: string;
    _rev?: string;
    [field: string]: unknown;
  }
  export default class PouchDB {
    constructor(name: string);
    bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<unknown[]>;
    revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing: string[] } | undefined>>;
    put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
}
