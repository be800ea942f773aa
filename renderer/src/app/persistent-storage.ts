// Kept apart from records.ts (which opens the database), so a page can show the state without
// importing a storage module (eslint.config.mjs, STORAGE_MODULES).

export type StorageState = 'persisted' | 'refused' | 'unsupported';

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistentStorage(): Promise<StorageState> {
  if (!navigator.storage?.persist) return 'unsupported';
  if (await navigator.storage.persisted()) return 'persisted';
  return (await navigator.storage.persist()) ? 'persisted' : 'refused';
}
