/**
 * Several windows (browser tabs) may have the same workspace open. After a window writes, it tells
 * the others, which re-read the plan so that no window shows (or edits from) stale data.
 */
const CHANNEL = 'zwc-ledger-changes';
const windowId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

let channel: BroadcastChannel | null = null;
function open(): BroadcastChannel | null {
  if (!channel && typeof BroadcastChannel !== 'undefined') channel = new BroadcastChannel(CHANNEL);
  return channel;
}

/** Tells the other windows that this one changed the workspace. */
export function announceChange(): void {
  open()?.postMessage({ from: windowId });
}

/** Calls back when another window changed the workspace; returns the unsubscribe function. */
export function onChangeElsewhere(callback: () => void): () => void {
  const ch = open();
  if (!ch) return () => undefined;
  const listener = (e: MessageEvent<{ from?: unknown }>) => {
    if (e.data?.from !== windowId) callback();
  };
  ch.addEventListener('message', listener);
  return () => ch.removeEventListener('message', listener);
}
