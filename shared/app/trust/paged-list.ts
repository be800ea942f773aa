import { z, type ZodType, type ZodTypeDef } from 'zod';
import { readSetting, writeSetting } from '../settings';
import type { StorageReader, StorageWriter } from '../storage';

/**
 * A list that only grows (the import history, the names of the laptops imports came from), kept in
 * settings rows of at most PAGE_SIZE entries: `<key>.pages` counts the pages, `<key>.<n>` holds
 * page n. Appending rewrites the last page only, so an import costs the same whether the list holds
 * ten entries or ten thousand. A list written whole under `<key>` itself (before pages) is read
 * first and never rewritten.
 */
export const PAGE_SIZE = 50;

const PageCountSchema = z.number().int().nonnegative();
export const pagesKey = (key: string) => `${key}.pages`;
export const pageKey = (key: string, n: number) => `${key}.${n}`;

/** Every entry, oldest first: the whole list of before pages, then each page. */
export async function readPagedList<T>(storage: StorageReader, key: string, schema: ZodType<T[], ZodTypeDef, unknown>): Promise<T[]> {
  const out = [...((await readSetting(storage, key, schema)) ?? [])];
  const pages = (await readSetting(storage, pagesKey(key), PageCountSchema)) ?? 0;
  for (let n = 1; n <= pages; n++) out.push(...((await readSetting(storage, pageKey(key, n), schema)) ?? []));
  return out;
}

/** Adds entries at the end, rewriting the last page (and starting new ones when it is full). */
export async function appendToPagedList<T>(tx: StorageWriter, key: string, schema: ZodType<T[], ZodTypeDef, unknown>, entries: readonly T[]): Promise<void> {
  if (!entries.length) return;
  let pages = (await readSetting(tx, pagesKey(key), PageCountSchema)) ?? 0;
  let page = pages ? ((await readSetting(tx, pageKey(key, pages), schema)) ?? []) : [];
  if (!pages || page.length >= PAGE_SIZE) {
    pages++;
    page = [];
  }
  const rows = [];
  for (const entry of entries) {
    if (page.length >= PAGE_SIZE) {
      rows.push({ key: pageKey(key, pages), value: page });
      pages++;
      page = [];
    }
    page = [...page, entry];
  }
  rows.push({ key: pageKey(key, pages), value: page }, { key: pagesKey(key), value: pages });
  await tx.bulkPut('settings', rows);
}

/** Replaces the whole list (rare: an entry removed): the list before pages emptied, the pages written anew. */
export async function replacePagedList<T>(tx: StorageWriter, key: string, schema: ZodType<T[], ZodTypeDef, unknown>, entries: readonly T[]): Promise<void> {
  await writeSetting(tx, key, []);
  await writeSetting(tx, pagesKey(key), 0);
  await appendToPagedList(tx, key, schema, entries);
}
