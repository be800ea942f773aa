/**
 * Listing an office's records without an `officeCode` index. Every record id carries its office's
 * namespace (`<officeCode>-…`, shared/exchange/ownership.ts; a bundle's records are refused
 * otherwise), so an office's records are a range of primary keys, which IndexedDB keeps anyway: an
 * index entry per record written (about a tenth of a large import's write) bought nothing.
 *
 * A record whose id is not in its office's namespace (data from before ids carried it, or a test's
 * short ids) is a *stray*: the `strays` store names it under its office, so it is still listed.
 */
import { LIST_FIELDS, PRIMARY_KEYS, STORE_NAMES, type StoreName } from '../../../shared/app/storage';

/** The stores listed by office through their keys: keyed by id, listed by officeCode. */
export const OFFICE_KEYED_STORES: readonly StoreName[] = STORE_NAMES.filter((n) => PRIMARY_KEYS[n] === 'id' && (LIST_FIELDS[n] as readonly string[]).includes('officeCode'));

export function isOfficeKeyed(store: StoreName): boolean {
  return OFFICE_KEYED_STORES.includes(store);
}

/** A record listed under its office although its id is outside that office's namespace. */
export interface StrayRow {
  store: string;
  key: string;
  officeCode: string;
}
export const STRAYS_STORE = 'strays';
/** Keyed by store and record key; listed by store and office. */
export const STRAYS_SCHEMA = '[store+key], [store+officeCode]';

/** The office a row is listed under, or undefined when it has none (never listed by office). */
export function officeOf(row: unknown): string | undefined {
  const code = (row as { officeCode?: unknown }).officeCode;
  return typeof code === 'string' ? code : undefined;
}
