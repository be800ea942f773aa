import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createHandlers,
  IpcArgumentError,
  IpcSenderError,
  registerIpc,
  senderProblem,
  type Dialogs,
  type FrameLike,
  type IpcEventLike,
  type IpcRoutes,
  type TrustedWindow,
} from '../../electron/lib/ipc-handlers';
import { GENERIC_FAILURE } from '../../electron/lib/ipc-result';
import { FileRefusedError, readRegularFile } from '../../electron/lib/safe-file';
import { IPC } from '../../shared/platform/ipc-channels';
import { MAX_FILE_BYTES, MAX_OPEN_FILES, type OpenFileFilter } from '../../shared/platform/desktop-api';

const dir = mkdtempSync(join(tmpdir(), 'zwc-ipc-'));
const info = { shell: 'electron' as const, appVersion: '0.0.0', platform: 'linux' };
const posix = process.platform !== 'win32';

function dialogs(
  savePath: string | null,
  openPath: string | null = null,
  openPaths: string[] | null = null,
): Dialogs & { asked: string[]; askedMany: { filters: OpenFileFilter[]; directory: boolean }[] } {
  const asked: string[] = [];
  const askedMany: { filters: OpenFileFilter[]; directory: boolean }[] = [];
  return {
    asked,
    askedMany,
    async chooseSavePath(name) {
      asked.push(name);
      return savePath;
    },
    async chooseOpenPath() {
      return openPath;
    },
    async chooseOpenPaths(filters, directory) {
      askedMany.push({ filters, directory });
      return openPaths;
    },
  };
}

/** Settles within `ms` or fails the test: a FIFO or a device must never hang the main process. */
async function settlesWithin<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function fifo(name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

describe('IPC handlers', () => {
  it('saves bytes where the user chose, and returns only the file name', async () => {
    const target = join(dir, '月报.zwb');
    const d = dialogs(target);
    const h = createHandlers(d, info);
    const saved = await h.saveFile({ suggestedName: '月报.zwb', data: new Uint8Array([1, 2, 3]), filters: [{ name: '数据包', extensions: ['zwb'] }] });
    expect(saved).toBe('月报.zwb');
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(d.asked).toEqual(['月报.zwb']);
    await h.saveFile({ suggestedName: '月报.zwb', data: new Uint8Array([4]), filters: [] });
    expect([...readFileSync(target)]).toEqual([4]);
  });

  it('returns null when the user cancels', async () => {
    const h = createHandlers(dialogs(null), info);
    expect(await h.saveFile({ suggestedName: 'a.txt', data: new Uint8Array(), filters: [] })).toBeNull();
    expect(await h.openFile({ filters: [] })).toBeNull();
  });

  it.each([
    ['a path instead of a name', { suggestedName: '../../etc/passwd', data: new Uint8Array(), filters: [] }],
    ['a string instead of bytes', { suggestedName: 'a.txt', data: 'abc', filters: [] }],
    ['an unknown field', { suggestedName: 'a.txt', data: new Uint8Array(), filters: [], extra: 1 }],
    ['a bad extension', { suggestedName: 'a.txt', data: new Uint8Array(), filters: [{ name: 'x', extensions: ['*'] }] }],
    ['nothing at all', undefined],
  ])('refuses %s before any dialog opens', async (_what, request) => {
    const d = dialogs(join(dir, 'never'));
    const h = createHandlers(d, info);
    await expect(h.saveFile(request)).rejects.toBeInstanceOf(IpcArgumentError);
    expect(d.asked).toEqual([]);
  });

  it('opens a chosen file', async () => {
    const source = join(dir, 'in.xlsx');
    writeFileSync(source, Buffer.from([9, 8, 7]));
    const h = createHandlers(dialogs(null, source), info);
    expect(await h.openFile({ filters: [{ name: 'Excel', extensions: ['xlsx'] }] })).toEqual({ name: 'in.xlsx', data: new Uint8Array([9, 8, 7]) });
    await expect(h.openFile({ filters: 'xlsx' })).rejects.toBeInstanceOf(IpcArgumentError);
  });

  it('opens a file of exactly the limit and refuses one byte more', async () => {
    const exact = join(dir, 'exact.zwb');
    const over = join(dir, 'over.zwb');
    writeFileSync(exact, Buffer.alloc(1000, 1));
    writeFileSync(over, Buffer.alloc(1001, 1));
    expect((await createHandlers(dialogs(null, exact), info, { maxFileBytes: 1000 }).openFile({ filters: [] }))?.data.byteLength).toBe(1000);
    await expect(createHandlers(dialogs(null, over), info, { maxFileBytes: 1000 }).openFile({ filters: [] })).rejects.toThrow(/“over.zwb”过大/);
  });

  (posix ? it : it.skip)('refuses a FIFO promptly, with a Chinese message, instead of waiting for a writer', async () => {
    const h = createHandlers(dialogs(null, fifo('pipe.zwb')), info);
    const refusal = settlesWithin(2000, h.openFile({ filters: [] }));
    await expect(refusal).rejects.toBeInstanceOf(FileRefusedError);
    await expect(refusal).rejects.toThrow('“pipe.zwb”是管道（FIFO），不是普通文件，无法使用');
  });

  (existsSync('/dev/zero') ? it : it.skip)('refuses /dev/zero promptly, without reading it (it never ends)', async () => {
    const before = process.memoryUsage().rss;
    const h = createHandlers(dialogs(null, '/dev/zero'), info);
    await expect(settlesWithin(2000, h.openFile({ filters: [] }))).rejects.toThrow('“zero”是设备文件，不是普通文件，无法使用');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  (posix ? it : it.skip)('refuses a link to a device and a directory', async () => {
    const link = join(dir, 'looks-fine.zwb');
    symlinkSync('/dev/zero', link);
    await expect(settlesWithin(2000, createHandlers(dialogs(null, link), info).openFile({ filters: [] }))).rejects.toThrow(/“looks-fine.zwb”是设备文件/);
    const folder = join(dir, 'folder.zwb');
    mkdirSync(folder);
    await expect(createHandlers(dialogs(null, folder), info).openFile({ filters: [] })).rejects.toThrow('“folder.zwb”是文件夹，不是普通文件，无法使用');
  });

  (existsSync('/proc/self/status') ? it : it.skip)('bounds the read itself, not only the stated size (a /proc file says 0 bytes)', async () => {
    // /proc/self/status is a regular file whose size reads as 0 but which holds about a kilobyte.
    await expect(readRegularFile('/proc/self/status', 100, 'status')).rejects.toThrow('“status”过大（超过 1 KB），无法打开');
    expect((await readRegularFile('/proc/self/status', 1024 * 1024)).byteLength).toBeGreaterThan(100);
  });

  (posix ? it : it.skip)('refuses to save into a FIFO or a directory, promptly', async () => {
    const h = createHandlers(dialogs(fifo('save-pipe.zwb')), info);
    await expect(settlesWithin(2000, h.saveFile({ suggestedName: 'a.zwb', data: new Uint8Array([1]), filters: [] }))).rejects.toThrow(/是管道（FIFO），不是普通文件/);
    await expect(createHandlers(dialogs(dir), info).saveFile({ suggestedName: 'a.zwb', data: new Uint8Array([1]), filters: [] })).rejects.toThrow(/是文件夹/);
  });
});

// ---------------------------------------------------------------- several files, a folder

const FORMS: OpenFileFilter[] = [
  { name: 'Excel 工作簿', extensions: ['xlsx'] },
  { name: '所有文件', extensions: ['*'] },
];

function file(name: string, bytes: number | number[], under = dir): string {
  const path = join(under, name);
  writeFileSync(path, Buffer.from(typeof bytes === 'number' ? Array<number>(bytes).fill(1) : bytes));
  return path;
}

describe('IPC openFiles (several files, a folder)', () => {
  it('reads several chosen files in the order chosen, and offers 所有文件', async () => {
    const paths = [file('甲.xlsx', [1]), file('乙.ods', [2, 2]), file('丙.xls', [3])];
    const d = dialogs(null, null, paths);
    expect(await createHandlers(d, info).openFiles({ filters: FORMS })).toEqual([
      { name: '甲.xlsx', data: new Uint8Array([1]) },
      { name: '乙.ods', data: new Uint8Array([2, 2]) },
      { name: '丙.xls', data: new Uint8Array([3]) },
    ]);
    expect(d.askedMany).toEqual([{ filters: FORMS, directory: false }]);
  });

  it('returns null when the clerk cancels', async () => {
    expect(await createHandlers(dialogs(null, null, null), info).openFiles({ filters: FORMS })).toBeNull();
    expect(await createHandlers(dialogs(null, null, []), info).openFiles({ filters: FORMS, directory: true })).toBeNull();
  });

  it.each([
    ['no filters', { filters: [] }],
    ['* mixed with extensions', { filters: [{ name: '混合', extensions: ['*', 'xlsx'] }] }],
    ['a wildcard pattern', { filters: [{ name: 'x', extensions: ['*.xlsx'] }] }],
    ['eleven filters', { filters: Array(11).fill(FORMS[0]) }],
    ['a per-file limit above the API limit', { filters: FORMS, maxFileBytes: MAX_FILE_BYTES + 1 }],
    ['a zero per-file limit', { filters: FORMS, maxFileBytes: 0 }],
    ['a fractional per-file limit', { filters: FORMS, maxFileBytes: 1.5 }],
    ['directory as a string', { filters: FORMS, directory: 'yes' }],
    ['a path to open without a dialog', { filters: FORMS, path: '/etc/passwd' }],
    ['nothing at all', undefined],
  ])('refuses %s before any dialog opens', async (_what, request) => {
    const d = dialogs(null, null, [file('never.xlsx', 1)]);
    await expect(createHandlers(d, info).openFiles(request)).rejects.toBeInstanceOf(IpcArgumentError);
    expect(d.askedMany).toEqual([]);
  });

  it(`refuses more than ${MAX_OPEN_FILES} files in one go, and reads ${MAX_OPEN_FILES}`, async () => {
    const one = file('many.xlsx', [7]);
    await expect(createHandlers(dialogs(null, null, Array(MAX_OPEN_FILES + 1).fill(one)), info).openFiles({ filters: FORMS })).rejects.toThrow(
      `一次选择了 ${MAX_OPEN_FILES + 1} 个文件，最多 ${MAX_OPEN_FILES} 个。请分批导入。`,
    );
    expect(await createHandlers(dialogs(null, null, Array(MAX_OPEN_FILES).fill(one)), info).openFiles({ filters: FORMS })).toHaveLength(MAX_OPEN_FILES);
  });

  it('checks each file size before reading it: a large file is refused alone, the others are read', async () => {
    // A sparse 3 GB file: reading it would take seconds and gigabytes; looking at its size takes neither.
    const huge = join(dir, '巨大.xlsx');
    writeFileSync(huge, '');
    truncateSync(huge, 3 * 1024 * 1024 * 1024);
    const small = file('小.xlsx', 10);
    const before = process.memoryUsage().rss;
    const got = await settlesWithin(2000, createHandlers(dialogs(null, null, [huge, small]), info).openFiles({ filters: FORMS, maxFileBytes: 20 * 1024 * 1024 }));
    expect(got).toEqual([
      { name: '巨大.xlsx', refusal: '「巨大.xlsx」过大（3072 MB），上限 20 MB，未读取。请检查是否选错了文件。' },
      { name: '小.xlsx', data: new Uint8Array(10).fill(1) },
    ]);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('the per-file limit is the smaller of the request and the shell', async () => {
    const f = file('千.xlsx', 1000);
    const got = await createHandlers(dialogs(null, null, [f]), info, { maxFileBytes: 999 }).openFiles({ filters: FORMS, maxFileBytes: 5000 });
    expect(got).toEqual([{ name: '千.xlsx', refusal: expect.stringMatching(/^「千.xlsx」过大/) }]);
  });

  it('stops at the total: files past it are refused by name, the ones before are read', async () => {
    const paths = [file('t1.xlsx', 1000), file('t2.xlsx', 1000), file('t3.xlsx', 1000), file('t4.xlsx', 400)];
    const got = await createHandlers(dialogs(null, null, paths), info, { maxTotalBytes: 2500 }).openFiles({ filters: FORMS });
    expect(got?.map((e) => ('data' in e ? `${e.name} ${e.data.byteLength}` : e.refusal))).toEqual([
      't1.xlsx 1000',
      't2.xlsx 1000',
      '「t3.xlsx」未读取：本次选择的文件合计超过 200 MB。请分批导入。',
      't4.xlsx 400',
    ]);
  });

  (posix ? it : it.skip)('refuses a FIFO among chosen files by name, promptly, and reads the rest', async () => {
    const got = await settlesWithin(2000, createHandlers(dialogs(null, null, [fifo('管道.xlsx'), file('好.xlsx', [5])]), info).openFiles({ filters: FORMS }));
    expect(got).toEqual([
      { name: '管道.xlsx', refusal: '“管道.xlsx”是管道（FIFO），不是普通文件，无法使用' },
      { name: '好.xlsx', data: new Uint8Array([5]) },
    ]);
  });

  (posix ? it : it.skip)('reads a folder: matching files two levels down, no lock files, hidden files or links', async () => {
    const folder = join(dir, '收回的填报表');
    mkdirSync(join(folder, '第二批', '更深', '太深'), { recursive: true });
    file('旗环境局.xlsx', [1], folder);
    file('旗工信局.ODS', [2], folder);
    file('~$旗环境局.xlsx', [9], folder);
    file('.隐藏.xlsx', [9], folder);
    file('说明.pdf', [9], folder);
    file('旗农牧局.xls', [3], join(folder, '第二批'));
    file('旗水利局.xlsx', [4], join(folder, '第二批', '更深'));
    file('太深了.xlsx', [9], join(folder, '第二批', '更深', '太深'));
    symlinkSync('/dev/zero', join(folder, '链接.xlsx'));
    const d = dialogs(null, null, [folder]);
    const got = await settlesWithin(2000, createHandlers(d, info).openFiles({ filters: [{ name: '表格文件', extensions: ['xlsx', 'xls', 'ods'] }], directory: true }));
    expect(got?.map((e) => ('data' in e ? `${e.name}:${e.data[0]}` : e.refusal)).sort()).toEqual(['旗农牧局.xls:3', '旗工信局.ODS:2', '旗水利局.xlsx:4', '旗环境局.xlsx:1']);
    expect(d.askedMany[0].directory).toBe(true);
  });

  it(`refuses a folder with more than ${MAX_OPEN_FILES} matching files before reading any`, async () => {
    const folder = join(dir, '很多');
    mkdirSync(folder);
    for (let i = 0; i <= MAX_OPEN_FILES; i++) file(`${i}.xlsx`, [1], folder);
    await expect(createHandlers(dialogs(null, null, [folder]), info).openFiles({ filters: FORMS, directory: true })).rejects.toThrow(
      `文件夹“很多”中的表格文件超过 ${MAX_OPEN_FILES} 个，请分批导入`,
    );
  });
});

// ---------------------------------------------------------------- sender validation

function frame(url: string, extra: Partial<FrameLike> = {}): FrameLike {
  return { url, parent: null, frameTreeNodeId: 1, detached: false, ...extra };
}

const webContents = { id: 1 };
const mainFrame = frame('app://ledger/index.html#/exchange');
const trusted: TrustedWindow = { webContents, mainFrame };

describe('IPC sender validation', () => {
  it('accepts the main window top frame showing the app page', () => {
    expect(senderProblem({ sender: webContents, senderFrame: mainFrame }, trusted)).toBeNull();
    // Electron may hand out another object for the same frame: the frame's id decides.
    expect(senderProblem({ sender: webContents, senderFrame: frame('app://ledger/index.html') }, trusted)).toBeNull();
  });

  it.each<[string, IpcEventLike, TrustedWindow | null]>([
    ['before the window exists', { sender: webContents, senderFrame: mainFrame }, null],
    ['another webContents', { sender: { id: 2 }, senderFrame: mainFrame }, trusted],
    ['a frame that is gone', { sender: webContents, senderFrame: null }, trusted],
    ['a detached frame', { sender: webContents, senderFrame: frame('app://ledger/index.html', { detached: true }) }, trusted],
    ['an iframe', { sender: webContents, senderFrame: frame('app://ledger/index.html', { parent: mainFrame, frameTreeNodeId: 7 }) }, trusted],
    ['another top-level frame', { sender: webContents, senderFrame: frame('app://ledger/index.html', { frameTreeNodeId: 9 }) }, trusted],
    ['the top frame on a foreign page', { sender: webContents, senderFrame: frame('https://evil.example/') }, trusted],
    ['the top frame on file://', { sender: webContents, senderFrame: frame('file:///tmp/x.html') }, trusted],
    ['the top frame on a look-alike host', { sender: webContents, senderFrame: frame('app://ledger.evil/index.html') }, trusted],
  ])('refuses %s', (_what, event, window) => {
    expect(senderProblem(event, window)).toEqual(expect.any(String));
  });

  it('puts the check in front of every channel, and the handler never runs for a refused sender', async () => {
    const listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    const calls: string[] = [];
    const routes = Object.fromEntries(
      Object.values(IPC).map((channel) => [channel, (request: unknown) => (calls.push(channel), { channel, request })]),
    ) as IpcRoutes;
    registerIpc({ handle: (channel, listener) => listeners.set(channel, listener) }, routes, () => trusted);
    expect([...listeners.keys()].sort()).toEqual(Object.values(IPC).sort());
    for (const channel of Object.values(IPC)) {
      const listener = listeners.get(channel)!;
      expect(() => listener({ sender: { id: 2 }, senderFrame: mainFrame }, 'x')).toThrow(IpcSenderError);
      expect(() => listener({ sender: webContents, senderFrame: frame('https://evil.example/') }, 'x')).toThrow(/拒绝 zwc:.* 请求：请求来自本程序以外的页面/);
      expect(calls).toEqual([]);
    }
    expect(await listeners.get(IPC.openFile)!({ sender: webContents, senderFrame: mainFrame }, { filters: [] }, 'ignored')).toEqual({
      ok: true,
      value: { channel: IPC.openFile, request: { filters: [] } },
    });
    expect(calls).toEqual([IPC.openFile]);
  });

  it('answers a failed route with the Chinese message alone, never a thrown error; a failure without one is logged', async () => {
    const listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    const logged: string[] = [];
    const routes = Object.fromEntries(Object.values(IPC).map((channel) => [channel, () => undefined])) as unknown as IpcRoutes;
    routes[IPC.openFile] = () => createHandlers(dialogs(null, join(dir, 'missing-folder')), info).openFile({ filters: [] });
    routes[IPC.saveFile] = (request) => createHandlers(dialogs(null), info).saveFile(request);
    routes[IPC.info] = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    };
    registerIpc({ handle: (channel, listener) => listeners.set(channel, listener) }, routes, () => trusted, (line) => logged.push(line));
    const fromApp = { sender: webContents, senderFrame: mainFrame };
    const refused = (await listeners.get(IPC.saveFile)!(fromApp, { suggestedName: '../月报.zwb', data: new Uint8Array([1]), filters: [] })) as { ok: boolean; message: string };
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/^saveFile 参数不正确：suggestedName 文件名含有不允许的字符/);
    expect(refused.message).not.toMatch(/Error/);
    const unreadable = (await listeners.get(IPC.openFile)!(fromApp, { filters: [] })) as { ok: boolean; message: string };
    expect(unreadable).toEqual({ ok: false, message: expect.stringMatching(/“missing-folder”/) });
    expect(unreadable.message).not.toMatch(/Error|ENOENT:/);
    expect(await listeners.get(IPC.info)!(fromApp)).toEqual({ ok: false, message: GENERIC_FAILURE });
    expect(logged.join('\n')).toMatch(/TypeError: Cannot read properties/);
  });
});

describe('backup folder channels', () => {
  it('write, list, read and open go to the folder; the answers of the renderer go to the requester', async () => {
    const { BackupFolder } = await import('../../electron/lib/backup-folder');
    const { createBackupRequester } = await import('../../electron/lib/backup-schedule');
    const { backupRoutes } = await import('../../electron/lib/ipc-handlers');
    const { encodeBackup } = await import('../../shared/app/backup/backup-format');
    const { STORE_NAMES } = await import('../../shared/app/storage');
    const tables = Object.fromEntries(STORE_NAMES.map((n) => [n, []])) as never;
    const { bytes } = await encodeBackup(tables, { createdAt: '2026-11-24T02:30:00Z', officeCode: '150627', officeName: '伊金霍洛旗', role: 'county', deviceId: 'd' });
    const opened: string[] = [];
    const folder = new BackupFolder(join(dir, 'backups-route'), { openPath: async (p) => (opened.push(p), '') });
    const requester = createBackupRequester(() => true);
    let readyCalls = 0;
    const routes = backupRoutes(folder, requester, () => readyCalls++);
    const written = (await routes[IPC.backupWrite]({ data: bytes, reason: 'manual' })) as { name: string };
    expect(written.name).toBe('zwc-backup-20261124-103000-manual.zwbak');
    expect(((await routes[IPC.backupList]()) as { name: string }[]).map((e) => e.name)).toEqual([written.name]);
    expect((await routes[IPC.backupRead]({ name: written.name })).byteLength).toBe(bytes.byteLength);
    await expect(routes[IPC.backupRead]({ name: '/etc/passwd' })).rejects.toThrow(/备份名称不正确/);
    await expect(routes[IPC.backupWrite]({ data: bytes, reason: 'manual', path: '/tmp/x' })).rejects.toThrow(/备份请求不正确/);
    await routes[IPC.backupOpenFolder]();
    expect(opened).toEqual([join(dir, 'backups-route')]);
    routes[IPC.backupAgentReady]();
    expect(requester.ready).toBe(true);
    expect(readyCalls).toBe(1);
    const pending = requester.request('quit', 1000);
    routes[IPC.backupDone]({ id: 1, ok: true });
    expect(await pending).toEqual({ ok: true });
    expect(() => routes[IPC.backupDone]({ id: 1, ok: 'yes' })).toThrow(/格式不正确/);
  });
});
