import type { OpenedFile } from '../../../shared/platform/desktop-api';

/*
 * .zwb files the desktop shell was asked to open (a double-click, 打开方式, a second start): held
 * here until 数据交换 takes them into its import, which checks each one like a file chosen in the
 * dialog. The page never reads a path: the shell hands over the name and the bytes.
 */
let inbox: OpenedFile[] = [];
const listeners = new Set<() => void>();

export function receiveOpenedBundle(file: OpenedFile): void {
  inbox = [...inbox, file];
  for (const l of listeners) l();
}

/** Takes every file waiting (the caller imports them); later arrivals call `onArrive` again. */
export function takeOpenedBundles(): OpenedFile[] {
  const files = inbox;
  inbox = [];
  return files;
}

export function onOpenedBundle(onArrive: () => void): () => void {
  listeners.add(onArrive);
  return () => listeners.delete(onArrive);
}
