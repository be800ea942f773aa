import { installPermissionHandlers, isAppOrigin, permissionAllowed, type PermissionSession } from '../../electron/lib/session-rules';

type Request = Parameters<PermissionSession['setPermissionRequestHandler']>[0];
type Check = Parameters<PermissionSession['setPermissionCheckHandler']>[0];
type Device = Parameters<PermissionSession['setDevicePermissionHandler']>[0];

function installed() {
  let request: Request = null;
  let check: Check = null;
  let device: Device = null;
  installPermissionHandlers({
    setPermissionRequestHandler: (h) => (request = h),
    setPermissionCheckHandler: (h) => (check = h),
    setDevicePermissionHandler: (h) => (device = h),
  });
  if (!request || !check || !device) throw new Error('handlers not installed');
  return { request: request as NonNullable<Request>, check: check as NonNullable<Check>, device: device as NonNullable<Device> };
}

function ask(request: NonNullable<Request>, permission: string, requestingUrl: string | undefined, isMainFrame = true): boolean[] {
  const answers: boolean[] = [];
  request({}, permission, (granted) => answers.push(granted), requestingUrl === undefined ? undefined : { requestingUrl, isMainFrame });
  return answers;
}

const OTHERS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb', 'unknown'];
const FOREIGN = ['https://evil.example', 'file://', 'app://ledger.evil', 'app://user@ledger', 'app://ledger:8080', 'http://ledger', 'not a url', ''];

describe('permissions', () => {
  it('grants persistent storage to the app’s own page, by request and by check', () => {
    const { request, check } = installed();
    expect(ask(request, 'persistent-storage', 'app://ledger/index.html#/settings')).toEqual([true]);
    expect(ask(request, 'persistent-storage', 'app://ledger/')).toEqual([true]);
    expect(check({}, 'persistent-storage', 'app://ledger')).toBe(true);
    expect(check({}, 'persistent-storage', 'app://ledger/')).toBe(true);
    expect(permissionAllowed('persistent-storage', 'app://ledger')).toBe(true);
  });

  it('refuses persistent storage to every other origin, to a subframe and to a request without its URL', () => {
    const { request, check } = installed();
    for (const origin of FOREIGN) {
      expect(check({}, 'persistent-storage', origin)).toBe(false);
      expect(ask(request, 'persistent-storage', origin)).toEqual([false]);
      expect(isAppOrigin(origin)).toBe(false);
    }
    expect(ask(request, 'persistent-storage', 'app://ledger/index.html', false)).toEqual([false]);
    expect(ask(request, 'persistent-storage', undefined)).toEqual([false]);
  });

  it('denies every other permission, for every origin, including the app itself', () => {
    const { request, check, device } = installed();
    for (const permission of OTHERS) {
      for (const origin of ['app://ledger', ...FOREIGN]) {
        expect(check({}, permission, origin)).toBe(false);
        expect(permissionAllowed(permission, origin)).toBe(false);
        expect(ask(request, permission, origin)).toEqual([false]);
      }
    }
    expect(device({ deviceType: 'usb', origin: 'app://ledger' })).toBe(false);
  });
});
