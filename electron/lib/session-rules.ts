/**
 * Permissions: the ledger needs none (no camera, microphone, location, notifications, clipboard
 * reading, devices, fullscreen…), so every request is refused and every check answers no, for
 * every origin and every frame. Kept free of Electron imports: it takes anything shaped like a
 * Session, so jest checks it with a fake.
 */

/** Whether a permission may be granted: never. One function, used by all the handlers below. */
export function permissionAllowed(_permission: string, _origin?: string): boolean {
  return false;
}

/** The parts of Electron's Session that are set here. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string, requestingOrigin: string) => boolean) | null): void;
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void;
}

/** Installs the deny-all handlers on a session (the app uses only the default session). */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(permissionAllowed(permission)));
  session.setPermissionCheckHandler((_webContents, permission, origin) => permissionAllowed(permission, origin));
  session.setDevicePermissionHandler(() => false);
}
