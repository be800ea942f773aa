import { APP_HOST, APP_SCHEME } from './window-rules';

/**
 * Permissions: the ledger needs one, and only for its own page — `persistent-storage`, so the
 * engine never evicts the ledger's IndexedDB when the disk runs low (the laptop holds the only
 * copy). Everything else (camera, microphone, location, notifications, clipboard reading, devices,
 * fullscreen, openExternal…) is refused, and every check answers no, for every other origin and
 * frame. Kept free of Electron imports: it takes anything shaped like a Session, so jest checks it
 * with a fake.
 */

/** The permissions the app's own page may have. */
export const APP_PERMISSIONS: readonly string[] = ['persistent-storage'];

/**
 * True when the origin or URL is the app's own (app://ledger, with or without a path). Parsed,
 * never compared as text, so app://ledger.evil, app://user@ledger or app://ledger:8080 fail. (For a
 * non-special scheme Node and Chromium report `origin` as "null", so the parts are compared.)
 */
export function isAppOrigin(originOrUrl: string | undefined): boolean {
  if (!originOrUrl) return false;
  let u: URL;
  try {
    u = new URL(originOrUrl);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** Whether a permission may be granted: only the app's own permissions, only to the app's own origin. */
export function permissionAllowed(permission: string, origin?: string): boolean {
  return APP_PERMISSIONS.includes(permission) && isAppOrigin(origin);
}

/** What Electron passes with a request: the URL of the frame that asked. */
interface RequestDetails {
  requestingUrl?: string;
  isMainFrame?: boolean;
}

/** The parts of Electron's Session that are set here. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void, details?: RequestDetails) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string, requestingOrigin: string, details?: unknown) => boolean) | null): void;
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void;
}

/**
 * Installs the handlers on a session (the app uses only the default session): requests are
 * answered by the requesting frame's URL, checks by the requesting origin; only the app's top page
 * gets persistent storage. Devices: never.
 */
export function installPermissionHandlers(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(details?.isMainFrame !== false && permissionAllowed(permission, details?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_webContents, permission, origin) => permissionAllowed(permission, origin));
  session.setDevicePermissionHandler(() => false);
}
