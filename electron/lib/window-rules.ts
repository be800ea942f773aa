/**
 * What the app window may load and do. It shows only the bundled renderer, served from the app's
 * own privileged scheme (`app://ledger/`, see app-protocol.ts), never from file://: no navigation
 * anywhere, no new windows, no webviews, no permissions. Kept free of Electron imports so jest can
 * test it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the app scheme (protocol.registerSchemesAsPrivileged). `standard` gives the pages a
 * real origin (app://ledger) with IndexedDB and relative URLs; `secure` makes it a secure context
 * (WebCrypto). Deliberately absent: `bypassCSP`, `corsEnabled` (which would let other origins read
 * our files), `allowServiceWorkers`, `stream`.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/**
 * Sent as a header with every response of the app scheme. The renderer's build adds the same rules
 * as a meta tag (vite.config.ts) for the browser version; where both apply the stricter wins.
 * Ant Design injects its styles at run time, hence style-src 'unsafe-inline'; no script is ever
 * inline or evaluated.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'none'",
  "media-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * True only for the app's own page: app://ledger/ or app://ledger/index.html, with any hash route
 * (#/tasks) or query. Parsed with the URL parser, never compared as text, so look-alikes such as
 * app://ledger.evil/ or app://user@ledger/ fail.
 */
export function isAppUrl(url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return (
    target.protocol === `${APP_SCHEME}:` &&
    target.hostname === APP_HOST &&
    target.port === '' &&
    target.username === '' &&
    target.password === '' &&
    (target.pathname === '/' || target.pathname === '/index.html')
  );
}

/**
 * Navigation of any frame of the window is refused: the app is one page with hash routes, which
 * Electron does not report as navigations. Loading the page (loadURL) and reloading it are not
 * navigations either.
 */
export function mayNavigate(_url: string): boolean {
  return false;
}

/** window.open, target=_blank and the like: always denied, no second window ever opens. */
export const WINDOW_OPEN_DECISION = { action: 'deny' } as const;

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const;
