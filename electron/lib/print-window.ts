import { pathToFileURL } from 'node:url';

/**
 * The hidden print window's own rules, on top of printing.ts: it lives in a session of its own
 * (an in-memory partition, nothing shared with the ledger's storage), whose request filter lets
 * through only the one document being printed (and inline data: images), and every document gets
 * the window's own content security policy, whatever the page itself says. Kept free of Electron
 * imports: main.ts passes session.fromPartition(PRINT_PARTITION) to installPrintSession.
 */

/** No "persist:" prefix: kept in memory and gone when the app quits. */
export const PRINT_PARTITION = 'zwc-print';

/** The documents are static HTML with inline styles and no scripts, fonts from the system. */
export const PRINT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "script-src 'none'",
  "connect-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Added as the first element of <head>: a meta policy applies together with the page's own (the stricter wins). */
export function withPrintCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  // No <head>: after the doctype (a document before it would be laid out in quirks mode).
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}<head>${meta}</head>${html.slice(at)}`;
}

/** The file:// URL Electron loads for a document path (loadFile), without hash or query. */
export function documentUrl(path: string): string {
  return pathToFileURL(path).href;
}

/** Whether the print window may load `url` while it shows `allowed` (a file:// URL; null before a document is loaded). */
export function printRequestAllowed(url: string, allowed: string | null): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol === 'data:') return /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(url);
  if (!allowed || target.protocol !== 'file:') return false;
  const own = new URL(allowed);
  return target.host === own.host && target.pathname === own.pathname && target.username === '' && target.password === '';
}

/** The parts of Electron's Session set here. */
export interface PrintSession {
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
    onHeadersReceived(listener: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/**
 * Installs the filter, the policy header (where a response has headers) and a no to every
 * permission. Returns `allow(path)`, called before each loadFile, and `clear()` after it closes.
 */
export function installPrintSession(session: PrintSession) {
  let allowed: string | null = null;
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printRequestAllowed(details.url, allowed) }));
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: { ...(details.responseHeaders ?? {}), 'Content-Security-Policy': [PRINT_CSP] } }));
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  return {
    allow(path: string): void {
      allowed = documentUrl(path);
    },
    clear(): void {
      allowed = null;
    },
  };
}

/** webPreferences for the print window, beside printing.ts's PRINT_WINDOW_PREFERENCES. */
export const PRINT_WINDOW_SESSION_PREFERENCES = { partition: PRINT_PARTITION } as const;
