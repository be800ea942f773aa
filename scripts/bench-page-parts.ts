/**
 * What the bench's browser pages share (scripts/bench-page.ts, and the tools bench-write-page.ts and
 * test/exchange/verify-stages-page.ts): fetching the served data, and the floors every figure is
 * set against, measured one way only.
 */
import { LocalDatabase } from '../renderer/src/db/schema';
import { verifySignature } from '../shared/exchange/identity';
import { verifyBundle } from '../shared/exchange/verify';
import { receiverOf } from '../shared/exchange/rules';
import { canonicalJsonBytes } from '../shared/exchange/canonical-json';
import { BUNDLE_TABLES, keyFieldOf, type BundleTables } from '../shared/exchange/records';

export const now = () => performance.now();

export async function bytesOf(path: string): Promise<Uint8Array> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
export async function jsonOf<T>(path: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await bytesOf(path))) as T;
}

export const tablesWithRows = (t: BundleTables) => BUNDLE_TABLES.filter((n) => t[n].length);

/** The floor: the same rows put into plain IndexedDB object stores, one transaction. */
export async function floor(records: string): Promise<Record<string, number>> {
  const tables = await jsonOf<BundleTables>(records);
  const names = tablesWithRows(tables);
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const open = indexedDB.open('floor', 1);
    open.onupgradeneeded = () => {
      for (const n of names) open.result.createObjectStore(n, { keyPath: keyFieldOf(n) });
    };
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const t0 = now();
  await new Promise<void>((ok, fail) => {
    const tx = db.transaction(names, 'readwrite');
    for (const n of names) {
      const store = tx.objectStore(n);
      for (const row of tables[n]) store.put(row);
    }
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  const ms = now() - t0;
  db.close();
  return { total: ms };
}

/** Dexie bulkPut into the app's own schema (its indexes included), one transaction. */
export async function dexie(records: string): Promise<Record<string, number>> {
  const tables = await jsonOf<BundleTables>(records);
  const db = new LocalDatabase('bench-dexie');
  await db.open();
  const names = tablesWithRows(tables);
  const t0 = now();
  await db.transaction('rw', names, async () => {
    for (const n of names) await db.table(n).bulkPut(tables[n]);
  });
  const ms = now() - t0;
  db.close();
  return { total: ms };
}

/** The verify floor on a bundle's bytes: the framing, one SHA-256 over the compressed payload, one Ed25519 signature, native gunzip, JSON.parse. */
export async function verifyFloor(data: Uint8Array): Promise<void> {
  const headerLength = new DataView(data.buffer, data.byteOffset).getUint32(4, false);
  const header = JSON.parse(new TextDecoder().decode(data.subarray(8, 8 + headerLength))) as { manifest: Record<string, unknown>; signature: string };
  const payload = data.slice(8 + headerLength) as Uint8Array<ArrayBuffer>;
  await crypto.subtle.digest('SHA-256', payload);
  if (!(await verifySignature(String(header.manifest.publicKey), canonicalJsonBytes(header.manifest), header.signature))) throw new Error('signature');
  const inflated = await new Response(new Blob([payload]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  JSON.parse(new TextDecoder().decode(inflated));
}

/** The app's verifyBundle of one file as the bench times it: its key trusted, the city receiving, nothing stored here. */
export function appVerifyOf(data: Uint8Array, officeCode: string, publicKey: string): () => Promise<void> {
  return async () => {
    const checked = await verifyBundle(data, { trust: [{ officeCode, publicKey }], receiver: receiverOf('150600'), localOwners: async (_t, keys) => keys.map(() => undefined), now: new Date() });
    if (!checked.ok) throw new Error(checked.error.message);
  };
}

/**
 * Three rounds, each timing the app's verify then the floor's once on the same bytes, after the
 * caller's untimed warm-up of both; the medians, and each of the app's rounds.
 */
export async function verifyRounds(appVerify: () => Promise<void>, floorVerify: () => Promise<void>): Promise<{ app: number; floor: number; apps: number[] }> {
  const apps: number[] = [];
  const floors: number[] = [];
  for (let round = 0; round < 3; round++) {
    const t0 = now();
    await appVerify();
    apps.push(now() - t0);
    const t1 = now();
    await floorVerify();
    floors.push(now() - t1);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  return { app: mid(apps), floor: mid(floors), apps };
}
