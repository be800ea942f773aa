/**
 * The Electron shell itself (electron/main.ts), run against a stand-in for the electron module:
 * Electron's binary cannot run on every machine that runs the tests, but the wiring can still be
 * checked — which scheme is registered and how, which handlers sit on the session, which rules
 * every webContents gets, and that every IPC channel goes through the sender check.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPC, IPC_EVENTS } from '../../shared/platform/ipc-channels';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, SECURE_WEB_PREFERENCES } from '../../electron/lib/window-rules';
import { WINDOW_STATE_FILE } from '../../electron/lib/window-state';

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
      menu: null as unknown,
      paths: new Map<string, string>(),
      duringPrint: (_win: unknown) => undefined as void,
      partitions: new Map<string, { beforeRequest: Listener; headers: Listener; permission: Listener; check: Listener }>(),
    };
    const workArea = { x: 0, y: 0, width: 1366, height: 728 };
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
        printToPDF: async () => {
          mockState.duringPrint(this);
          return Buffer.from('%PDF');
        },
      };
      closed = 0;
      close = () => {
        const event = { prevented: false, preventDefault: () => (event.prevented = true) };
        for (const fn of this.events.get('close') ?? []) fn(event);
        if (!event.prevented) this.closed++;
      };
      focus = jest.fn();
      show = jest.fn();
      restore = jest.fn();
      isMinimized = () => false;
      maximized = false;
      maximize = () => void (this.maximized = true);
      isMaximized = () => this.maximized;
      isFullScreen = () => false;
      getBounds = () => ({ x: 30, y: 20, width: 1100, height: 705 });
      getNormalBounds = () => ({ x: 40, y: 25, width: 1150, height: 710 });
      constructor(readonly options: unknown) {
        mockState.windows.push(this);
      }
      on = on(this.events);
      once = on(this.events);
      isDestroyed = () => false;
      destroyed = false;
      destroy = () => void (this.destroyed = true);
      loadFile(path: string) {
        this.loaded.push(path);
        return Promise.resolve();
      }
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
        isPackaged: true,
        getPath: (name: string) => {
          if (!mockState.paths.has(name)) mockState.paths.set(name, mkdtempSync(join(tmpdir(), 'zwc-main-')));
          return mockState.paths.get(name);
        },
        quit: jest.fn(),
        requestSingleInstanceLock: jest.fn(() => true),
      },
      BrowserWindow,
      screen: { getAllDisplays: () => [{ workArea }], getPrimaryDisplay: () => ({ workArea }), getDisplayMatching: () => ({ workArea }) },
      Menu: {
        buildFromTemplate: (template: unknown) => ({ template }),
        setApplicationMenu: (menu: unknown) => void (mockState.menu = menu),
      },
      dialog: { showSaveDialog: jest.fn(), showOpenDialog: jest.fn(), showMessageBox: jest.fn(async () => ({ response: 0 })) },
      shell: { openPath: jest.fn(async () => '') },
      crashReporter: { start: jest.fn() },
      safeStorage: { isAsyncEncryptionAvailable: async () => false, encryptStringAsync: jest.fn(), decryptStringAsync: jest.fn() },
      protocol: { registerSchemesAsPrivileged: jest.fn(), handle: jest.fn() },
      ipcMain: { handle: (channel: string, fn: Listener) => mockState.handles.set(channel, fn) },
      session: {
        fromPartition: (name: string) => {
          const rules = { beforeRequest: (() => undefined) as Listener, headers: (() => undefined) as Listener, permission: (() => undefined) as Listener, check: (() => undefined) as Listener };
          mockState.partitions.set(name, rules);
          return {
            webRequest: { onBeforeRequest: (fn: Listener) => (rules.beforeRequest = fn), onHeadersReceived: (fn: Listener) => (rules.headers = fn) },
            setPermissionRequestHandler: (fn: Listener) => (rules.permission = fn),
            setPermissionCheckHandler: (fn: Listener) => (rules.check = fn),
          };
        },
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
  options: { webPreferences: Record<string, unknown>; x: number; y: number; width: number; height: number; minWidth: number; minHeight: number };
  maximized: boolean;
  destroyed: boolean;
  loaded: string[];
  webContents: { mainFrame: unknown; reload: jest.Mock };
  contentsEvents: Map<string, Listener[]>;
  events: Map<string, Listener[]>;
  sent: unknown[][];
  closed: number;
  close(): void;
  focus: jest.Mock;
}
interface MenuItem {
  label?: string;
  role?: string;
  click?: () => void;
  submenu?: MenuItem[];
}
interface Fake {
  mockState: {
    appEvents: Map<string, Listener[]>;
    resolveReady: () => void;
    windows: FakeWindow[];
    handles: Map<string, Listener>;
    session: Record<string, Listener>;
    menu: { template: MenuItem[] } | null;
    paths: Map<string, string>;
    duringPrint: (win: FakeWindow) => void;
    partitions: Map<string, { beforeRequest: Listener; headers: Listener; permission: Listener; check: Listener }>;
  };
  app: { getPath(name: string): string; enableSandbox: jest.Mock; quit: jest.Mock; requestSingleInstanceLock: jest.Mock };
  dialog: { showMessageBox: jest.Mock; showSaveDialog: jest.Mock };
  shell: { openPath: jest.Mock };
  crashReporter: { start: jest.Mock };
  protocol: { registerSchemesAsPrivileged: jest.Mock; handle: jest.Mock };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const electron = require('electron') as Fake;
const state = electron.mockState;

const realArgv = process.argv;
const bundles = mkdtempSync(join(tmpdir(), 'zwc-argv-'));

beforeAll(async () => {
  // Started by a double-click on an exchange file.
  writeFileSync(join(bundles, '双击.zwb'), Buffer.from([1, 2, 3]));
  process.argv = [...realArgv, join(bundles, '双击.zwb'), '--flag'];
  // The clerk left the window maximised last time, partly off the 1366×728 work area.
  writeFileSync(join(electron.app.getPath('userData'), WINDOW_STATE_FILE), JSON.stringify({ bounds: { x: 300, y: 100, width: 1200, height: 760 }, maximized: true }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../electron/main');
  // Before ready, as Electron requires.
  expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
  expect(electron.protocol.handle).not.toHaveBeenCalled();
  process.argv = realArgv;
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
    expect(await state.handles.get(IPC.info)!(fromApp)).toMatchObject({ ok: true, value: { shell: 'electron', appVersion: '0.1.0' } });
    // A failure reaches the page as the Chinese message alone (a typed result, not a thrown error).
    expect(await state.handles.get(IPC.backupRead)!(fromApp, { name: '/etc/passwd' })).toEqual({ ok: false, message: expect.stringMatching(/^[^A-Za-z]*备份/) });
    const fromElsewhere = { sender: {}, senderFrame: { url: 'https://evil.example/', parent: null } };
    for (const channel of Object.values(IPC)) expect(() => state.handles.get(channel)!(fromElsewhere)).toThrow(/拒绝 .* 请求/);
  });

  it('keeps crash dumps local and holds the single-instance lock', () => {
    expect(electron.crashReporter.start).toHaveBeenCalledWith(expect.objectContaining({ uploadToServer: false }));
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  const tick = () => new Promise((r) => setTimeout(r, 0));
  const win = () => state.windows[0];
  const fromApp = () => ({ sender: win().webContents, senderFrame: win().webContents.mainFrame });

  const bundlesSent = () => win().sent.filter(([channel]) => channel === IPC_EVENTS.openBundle).map(([, file]) => file);
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('holds the .zwb of the first start until the page has loaded, then hands it over as name and bytes', async () => {
    await tick();
    expect(bundlesSent()).toEqual([]);
    for (const fn of win().contentsEvents.get('did-finish-load') ?? []) fn();
    await until(() => bundlesSent().length > 0);
    expect(bundlesSent()).toEqual([{ name: '双击.zwb', data: new Uint8Array([1, 2, 3]) }]);
  });

  it('a second start focuses the window and hands over the named bundle as bytes', async () => {
    writeFileSync(join(bundles, '月报.zwb'), Buffer.from([7, 7]));
    for (const fn of state.appEvents.get('second-instance') ?? []) fn({}, ['zwc', '--allow-file-access', '月报.zwb'], bundles);
    expect(win().focus).toHaveBeenCalled();
    await until(() => bundlesSent().length > 1);
    expect(bundlesSent()[1]).toEqual({ name: '月报.zwb', data: new Uint8Array([7, 7]) });
  });

  it('macOS open-file takes the same path; a file that is not an exchange file is refused in Chinese', async () => {
    writeFileSync(join(bundles, '旗区.zwb'), Buffer.from([9]));
    const event = { preventDefault: jest.fn() };
    for (const fn of state.appEvents.get('open-file') ?? []) fn(event, join(bundles, '旗区.zwb'));
    expect(event.preventDefault).toHaveBeenCalled();
    await until(() => bundlesSent().length > 2);
    expect(bundlesSent()[2]).toEqual({ name: '旗区.zwb', data: new Uint8Array([9]) });
    for (const fn of state.appEvents.get('open-file') ?? []) fn({ preventDefault: jest.fn() }, join(bundles, '台账.xlsx'));
    await until(() => electron.dialog.showMessageBox.mock.calls.some(([o]) => /台账\.xlsx/.test(String((o as { message?: string }).message))));
    expect(electron.dialog.showMessageBox).toHaveBeenLastCalledWith(expect.objectContaining({ title: '无法打开文件', message: expect.stringMatching(/不是交换文件/) }));
    expect(bundlesSent()).toHaveLength(3);
  });

  it('sets the Chinese menu; its items reach the page as checked commands; no developer tools when packaged', () => {
    const template = state.menu?.template ?? [];
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const items = template.flatMap((m) => m.submenu ?? []);
    expect(items.some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    expect(win().options.webPreferences.devTools).toBe(false);
    const click = (label: string) => items.find((i) => i.label === label)!.click!();
    const menuSent = () => win().sent.filter(([channel]) => channel === IPC_EVENTS.menu).map(([, command]) => command);
    click('导入交换文件…');
    click('导出本月交换文件…');
    click('打印…');
    click('备份与恢复…');
    click('关于无废城市建设台账');
    expect(menuSent()).toEqual(['importBundles', 'exportMonthBundle', 'print', 'backupAndRestore', 'about']);
    click('打开数据文件夹');
    expect(electron.shell.openPath).toHaveBeenCalledWith(expect.stringContaining('zwc-main-'));
  });

  it('opens the window where it was left, brought onto the work area, maximised, with a minimum size', () => {
    const { x, y, width, height, minWidth, minHeight } = win().options;
    expect({ x, y, width, height }).toEqual({ x: 166, y: 0, width: 1200, height: 728 });
    expect({ minWidth, minHeight }).toEqual({ minWidth: 1024, minHeight: 700 });
    expect(win().maximized).toBe(true);
  });

  it('prints in a window of its own partition: only the document loads, under its own CSP, no permissions', async () => {
    const rules = state.partitions.get('zwc-print')!;
    expect(rules).toBeDefined();
    let filtered: { url: string; cancel: boolean }[] = [];
    const checkUrl = (url: string) => rules.beforeRequest({ url }, (r: { cancel: boolean }) => filtered.push({ url, cancel: r.cancel }));
    checkUrl('file:///etc/passwd');
    let html = '';
    state.duringPrint = (printWin) => {
      // While the document is shown: it may load, nothing else may.
      html = readFileSync(printWin.loaded[0], 'utf8');
      checkUrl(`file://${printWin.loaded[0]}`);
      checkUrl('https://evil.example/track.png');
      checkUrl('file:///etc/passwd');
    };
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    const answer = await state.handles.get(IPC.printToPDF)!(fromApp(), { html: '<!doctype html><head><title>交办单</title></head><p>x</p>', suggestedName: '交办单.pdf' });
    expect(answer).toEqual({ ok: true, value: null });
    const printWin = state.windows[state.windows.length - 1];
    expect(printWin).not.toBe(win());
    expect(printWin.options.webPreferences).toMatchObject({ partition: 'zwc-print', javascript: false, sandbox: true });
    expect(printWin.options.webPreferences.preload).toBeUndefined();
    expect(printWin.destroyed).toBe(true);
    expect(filtered.map((f) => f.cancel)).toEqual([true, false, true, true]);
    expect(html).toMatch(/^<!doctype html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    // Closed: its document may no longer load either.
    filtered = [];
    checkUrl(`file://${printWin.loaded[0]}`);
    expect(filtered[0].cancel).toBe(true);
    let headers: Record<string, string[]> = {};
    rules.headers({ responseHeaders: { 'Content-Security-Policy': ["default-src *"] } }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy'][0]).toMatch(/^default-src 'none'/);
    const granted: boolean[] = [];
    rules.permission({}, 'media', (g: boolean) => granted.push(g));
    expect(granted).toEqual([false]);
    expect(rules.check()).toBe(false);
  });

  it('offers to reload after the page process died', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    for (const fn of win().contentsEvents.get('render-process-gone') ?? []) fn({}, { reason: 'crashed', exitCode: 1 });
    await tick();
    await tick();
    expect(electron.dialog.showMessageBox).toHaveBeenLastCalledWith(win(), expect.objectContaining({ message: '台账页面意外停止：页面进程崩溃' }));
    expect(win().webContents.reload).toHaveBeenCalled();
  });

  it('closing with unsaved typing asks 留下/离开; leaving makes the quit backup first, once', async () => {
    await state.handles.get(IPC.unsavedReport)!(fromApp(), { unsaved: true });
    await state.handles.get(IPC.backupAgentReady)!(fromApp());
    // The page is ready: no backup today yet, so the daily one is asked for at once.
    const backupRequests = (reason: string) => win().sent.filter(([c, r]) => c === IPC_EVENTS.backupRequest && (r as { reason: string }).reason === reason);
    for (let i = 0; i < 20 && backupRequests('daily').length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const daily = backupRequests('daily');
    expect(daily).toHaveLength(1);
    await state.handles.get(IPC.backupDone)!(fromApp(), { id: (daily[0][1] as { id: number }).id, ok: true });
    // 留下: the window stays, nothing is backed up.
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    win().close();
    await tick();
    expect(win().closed).toBe(0);
    expect(electron.dialog.showMessageBox).toHaveBeenLastCalledWith(win(), expect.objectContaining({ buttons: ['留下', '离开'] }));
    expect(backupRequests('quit')).toEqual([]);
    // 离开: the page is asked for a backup; the window closes once it is written.
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    win().close();
    await tick();
    await tick();
    const requests = backupRequests('quit');
    expect(requests).toEqual([[IPC_EVENTS.backupRequest, { id: expect.any(Number), reason: 'quit' }]]);
    expect(win().closed).toBe(0);
    await state.handles.get(IPC.backupDone)!(fromApp(), { id: (requests[0][1] as { id: number }).id, ok: true });
    await tick();
    expect(win().closed).toBe(1);
    // Its size and place were saved as it closed: the normal bounds of a maximised window.
    const saved = JSON.parse(readFileSync(join(electron.app.getPath('userData'), WINDOW_STATE_FILE), 'utf8')) as unknown;
    expect(saved).toEqual({ bounds: { x: 40, y: 25, width: 1150, height: 710 }, maximized: true });
    // Quitting afterwards passes straight through.
    const quit = { preventDefault: jest.fn() };
    for (const fn of state.appEvents.get('before-quit') ?? []) fn(quit);
    expect(quit.preventDefault).not.toHaveBeenCalled();
  });
});

