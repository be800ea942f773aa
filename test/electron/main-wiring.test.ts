/**
 * The Electron shell itself (electron/main.ts), run against a stand-in for the electron module:
 * Electron's binary cannot run on every machine that runs the tests, but the wiring can still be
 * checked — which scheme is registered and how, which handlers sit on the session, which rules
 * every webContents gets, and that every IPC channel goes through the sender check.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPC } from '../../shared/platform/ipc-channels';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, SECURE_WEB_PREFERENCES } from '../../electron/lib/window-rules';

type Listener = (...args: unknown[]) => unknown;

jest.mock(
  'electron',
  () => {
    const on = (map: Map<string, Listener[]>) => (name: string, fn: Listener) => void map.set(name, [...(map.get(name) ?? []), fn]);
    let resolveReady: () => void = () => undefined;
    const ready = new Promise<void>((r) => (resolveReady = r));
    const mockState = {
      appEvents: new Map<string, Listener[]>(),
      resolveReady: () => resolveReady(),
      windows: [] as unknown[],
      handles: new Map<string, Listener>(),
      session: {} as Record<string, Listener>,
    };
    class BrowserWindow {
      events = new Map<string, Listener[]>();
      loaded: string[] = [];
      contentsEvents = new Map<string, Listener[]>();
      sent: unknown[][] = [];
      webContents = {
        mainFrame: { url: 'app://ledger/index.html', parent: null, frameTreeNodeId: 1, detached: false },
        on: on(this.contentsEvents),
        send: (...args: unknown[]) => void this.sent.push(args),
        reload: jest.fn(),
      };
      closed = 0;
      close = () => {
        const event = { prevented: false, preventDefault: () => (event.prevented = true) };
        for (const fn of this.events.get('close') ?? []) fn(event);
        if (!event.prevented) this.closed++;
      };
      focus = jest.fn();
      restore = jest.fn();
      isMinimized = () => false;
      constructor(readonly options: unknown) {
        mockState.windows.push(this);
      }
      on = on(this.events);
      once = on(this.events);
      isDestroyed = () => false;
      loadURL(url: string) {
        this.loaded.push(url);
        return Promise.resolve();
      }
    }
    return {
      __esModule: true,
      mockState,
      app: {
        on: on(mockState.appEvents),
        whenReady: () => ready,
        enableSandbox: jest.fn(),
        getVersion: () => '0.1.0',
        getPath: () => mkdtempSync(join(tmpdir(), 'zwc-main-')),
        quit: jest.fn(),
        requestSingleInstanceLock: jest.fn(() => true),
      },
      BrowserWindow,
      dialog: { showSaveDialog: jest.fn(), showOpenDialog: jest.fn(), showMessageBox: jest.fn(async () => ({ response: 0 })) },
      shell: { openPath: jest.fn(async () => '') },
      crashReporter: { start: jest.fn() },
      safeStorage: { isEncryptionAvailable: () => false, encryptString: jest.fn(), decryptString: jest.fn() },
      protocol: { registerSchemesAsPrivileged: jest.fn(), handle: jest.fn() },
      ipcMain: { handle: (channel: string, fn: Listener) => mockState.handles.set(channel, fn) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (fn: Listener) => (mockState.session.request = fn),
          setPermissionCheckHandler: (fn: Listener) => (mockState.session.check = fn),
          setDevicePermissionHandler: (fn: Listener) => (mockState.session.device = fn),
        },
      },
    };
  },
  { virtual: true },
);

interface FakeWindow {
  options: { webPreferences: Record<string, unknown> };
  loaded: string[];
  webContents: { mainFrame: unknown };
}
interface Fake {
  mockState: {
    appEvents: Map<string, Listener[]>;
    resolveReady: () => void;
    windows: FakeWindow[];
    handles: Map<string, Listener>;
    session: Record<string, Listener>;
  };
  app: { enableSandbox: jest.Mock };
  protocol: { registerSchemesAsPrivileged: jest.Mock; handle: jest.Mock };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const electron = require('electron') as Fake;
const state = electron.mockState;

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../electron/main');
  // Before ready, as Electron requires.
  expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
  expect(electron.protocol.handle).not.toHaveBeenCalled();
  state.resolveReady();
  await new Promise((r) => setTimeout(r, 0));
});

describe('Electron main process wiring', () => {
  it('sandboxes every renderer and serves the app from app://, not file://', async () => {
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const serve = electron.protocol.handle.mock.calls[0][1] as (r: Request) => Promise<Response>;
    expect((await serve(new Request('app://ledger/../../../../etc/passwd'))).status).toBe(404);
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0].loaded).toEqual([APP_INDEX_URL]);
    expect(state.windows[0].options.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
    expect(String(state.windows[0].options.webPreferences.preload)).toMatch(/preload\.js$/);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    state.session.request({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(state.session.check({}, 'notifications', 'app://ledger', {})).toBe(false);
    expect(state.session.device({})).toBe(false);
  });

  it('gives every webContents the rules: no navigation, no redirect, no window, no webview', () => {
    const events = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    const contents = { on: (name: string, fn: Listener) => events.set(name, fn), setWindowOpenHandler: (fn: Listener) => (openHandler = fn) };
    for (const fn of state.appEvents.get('web-contents-created') ?? []) fn({}, contents);
    const prevented = (name: string, ...args: unknown[]) => {
      const event = { preventDefault: jest.fn(), url: 'https://evil.example/' };
      events.get(name)!(event, ...args);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', APP_INDEX_URL)).toBe(true);
    expect(prevented('will-frame-navigate')).toBe(true);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview', {}, {})).toBe(true);
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('registers every IPC channel behind the sender check', async () => {
    expect([...state.handles.keys()].sort()).toEqual(Object.values(IPC).sort());
    const win = state.windows[0];
    const fromApp = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    expect(await state.handles.get(IPC.info)!(fromApp)).toMatchObject({ shell: 'electron', appVersion: '0.1.0' });
    const fromElsewhere = { sender: {}, senderFrame: { url: 'https://evil.example/', parent: null } };
    for (const channel of Object.values(IPC)) expect(() => state.handles.get(channel)!(fromElsewhere)).toThrow(/拒绝 .* 请求/);
  });
});
