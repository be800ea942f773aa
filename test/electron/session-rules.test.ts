import { denyAllPermissions, permissionAllowed, type PermissionSession } from '../../electron/lib/session-rules';

describe('permissions', () => {
  it('denies every request and every check, for every origin, including the app itself', async () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] = null;
    let device: Parameters<PermissionSession['setDevicePermissionHandler']>[0] = null;
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });
    expect(request && check && device).toBeTruthy();
    const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'persistent-storage', 'hid', 'serial', 'usb', 'unknown'];
    for (const permission of permissions) {
      for (const origin of ['app://ledger', 'https://evil.example', 'file://']) {
        expect(check!({}, permission, origin)).toBe(false);
        expect(permissionAllowed(permission, origin)).toBe(false);
      }
      const answers: boolean[] = [];
      request!({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
    }
    expect(device!({ deviceType: 'usb', origin: 'app://ledger' })).toBe(false);
  });
});
