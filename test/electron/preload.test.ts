/**
 * electron/preload.ts against a stand-in electron module: what the page gets through
 * contextBridge, and that messages from main are checked before the page sees them.
 */
import { IPC_EVENTS } from '../../shared/platform/ipc-channels';
import type { DesktopApi, MenuCommand } from '../../shared/platform/desktop-api';

type Listener = (...args: unknown[]) => unknown;

jest.mock(
  'electron',
  () => {
    const mockPreload = { exposed: new Map<string, unknown>(), listeners: new Map<string, Listener>(), invoke: jest.fn(async (..._args: unknown[]): Promise<unknown> => undefined) };
    return {
      __esModule: true,
      mockPreload,
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => mockPreload.exposed.set(name, api) },
      ipcRenderer: { on: (channel: string, fn: Listener) => mockPreload.listeners.set(channel, fn), invoke: (...args: unknown[]) => mockPreload.invoke(...args) },
    };
  },
  { virtual: true },
);

interface FakePreload {
  mockPreload: { exposed: Map<string, unknown>; listeners: Map<string, Listener>; invoke: jest.Mock };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fake = (require('electron') as FakePreload).mockPreload;
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../../electron/preload');
const api = fake.exposed.get('zwcDesktop') as DesktopApi;
const fromMain = (channel: string, message: unknown) => fake.listeners.get(channel)!({}, message);

describe('preload', () => {
  it('exposes the desktop API as zwcDesktop only', () => {
    expect([...fake.exposed.keys()]).toEqual(['zwcDesktop']);
    expect(typeof api.info).toBe('function');
  });

  it('hands the page only known menu commands, once it listens', () => {
    const got: MenuCommand[] = [];
    fromMain(IPC_EVENTS.menu, 'print'); // before the page listens: dropped
    api.onMenu!((c) => got.push(c));
    fromMain(IPC_EVENTS.menu, 'importBundles');
    fromMain(IPC_EVENTS.menu, 'backupAndRestore');
    fromMain(IPC_EVENTS.menu, 'openDevTools');
    fromMain(IPC_EVENTS.menu, { command: 'print' });
    fromMain(IPC_EVENTS.menu, null);
    expect(got).toEqual(['importBundles', 'backupAndRestore']);
  });

  it('gives the page the value, or an error whose text is the Chinese message alone', async () => {
    fake.invoke.mockResolvedValueOnce({ ok: true, value: { shell: 'electron', appVersion: '1.0.0', platform: 'linux' } });
    await expect(api.info()).resolves.toEqual({ shell: 'electron', appVersion: '1.0.0', platform: 'linux' });
    expect(fake.invoke).toHaveBeenLastCalledWith('zwc:info', undefined);

    fake.invoke.mockResolvedValueOnce({ ok: false, message: '“月报.zwb”是文件夹，不是普通文件，无法使用' });
    const refused = await api.openFile({ filters: [] }).catch((e: Error) => e);
    expect((refused as Error).message).toBe('“月报.zwb”是文件夹，不是普通文件，无法使用');

    fake.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'zwc:open-file': IpcSenderError: 拒绝 zwc:open-file 请求：主窗口尚未就绪"));
    const thrown = await api.openFile({ filters: [] }).catch((e: Error) => e);
    expect((thrown as Error).message).toBe('拒绝 zwc:open-file 请求：主窗口尚未就绪');

    fake.invoke.mockResolvedValueOnce('not a result');
    await expect(api.info()).rejects.toThrow(/无法识别的结果/);
  });
});
