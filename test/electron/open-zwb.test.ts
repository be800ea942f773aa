import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenedFile } from '../../shared/platform/desktop-api';
import { createZwbOpener, readZwb, zwbPathsFromArgv } from '../../electron/lib/open-zwb';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zwc-open-'));
  writeFileSync(join(dir, '康巴什区-2025-06.zwb'), Uint8Array.from([1, 2, 3]));
  writeFileSync(join(dir, 'B.ZWB'), Uint8Array.from([4]));
  writeFileSync(join(dir, 'empty.zwb'), new Uint8Array(0));
  writeFileSync(join(dir, 'big.zwb'), new Uint8Array(2048));
  writeFileSync(join(dir, '说明.txt'), 'x');
  mkdirSync(join(dir, 'folder.zwb'));
  execFileSync('mkfifo', [join(dir, 'pipe.zwb')]);
  symlinkSync('/dev/zero', join(dir, 'zero.zwb'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function opener(maxBytes?: number) {
  const delivered: OpenedFile[][] = [];
  const refused: string[] = [];
  let focused = 0;
  const o = createZwbOpener({ deliver: (f) => delivered.push(f), refuse: (m) => refused.push(m), focus: () => focused++, maxBytes });
  return { o, delivered, refused, focused: () => focused };
}

describe('zwbPathsFromArgv', () => {
  it('takes every .zwb argument (any case), made absolute, skipping the program and switches', () => {
    expect(zwbPathsFromArgv(['C:\\app\\zero-waste-ledger.exe', '--allow-file-access', 'a.zwb', '/data/B.ZWB', 'x.txt', 'a.zwb'], '/home/clerk')).toEqual(['/home/clerk/a.zwb', '/data/B.ZWB']);
    expect(zwbPathsFromArgv(['/opt/zero-waste-ledger/zero-waste-ledger', '--no-sandbox'], '/')).toEqual([]);
    expect(zwbPathsFromArgv(['electron', '.', '--flag=x.zwb'], '/')).toEqual([]);
  });
});

describe('readZwb', () => {
  it('reads a .zwb into name and bytes', async () => {
    expect(await readZwb(join(dir, '康巴什区-2025-06.zwb'))).toEqual({ name: '康巴什区-2025-06.zwb', data: Uint8Array.from([1, 2, 3]) });
  });
  it.each([
    ['说明.txt', /不是交换文件/],
    ['empty.zwb', /空文件/],
    ['folder.zwb', /文件夹，不是普通文件/],
    ['pipe.zwb', /管道（FIFO）/],
    ['zero.zwb', /设备文件/],
    ['missing.zwb', /无法读取“missing.zwb”：ENOENT/],
  ])('refuses %s in Chinese', async (name, reason) => {
    await expect(readZwb(join(dir, name))).rejects.toThrow(reason);
  });
  it('refuses a file over the bound before reading it', async () => {
    await expect(readZwb(join(dir, 'big.zwb'), 1024)).rejects.toThrow(/“big.zwb”过大/);
  });
  it('refuses a relative path', async () => {
    await expect(readZwb('a.zwb')).rejects.toThrow(/位置不完整/);
  });
});

describe('createZwbOpener', () => {
  it('holds a double-clicked file from the first start until the page is ready', async () => {
    const { o, delivered } = opener();
    await o.fromArgv(['app.exe', '康巴什区-2025-06.zwb'], dir);
    expect(delivered).toEqual([]);
    o.pageReady();
    expect(delivered).toEqual([[{ name: '康巴什区-2025-06.zwb', data: Uint8Array.from([1, 2, 3]) }]]);
    o.pageReady();
    expect(delivered).toHaveLength(1);
  });

  it('hands over the files of a second start at once and brings the window forward', async () => {
    const { o, delivered, focused } = opener();
    o.pageReady();
    await o.fromSecondInstance(['app.exe', join(dir, '康巴什区-2025-06.zwb'), 'B.ZWB'], dir);
    expect(delivered.map((d) => d.map((f) => f.name))).toEqual([['康巴什区-2025-06.zwb', 'B.ZWB']]);
    expect(focused()).toBeGreaterThan(0);
  });

  it('brings the window forward for a second start without a file, and delivers nothing', async () => {
    const { o, delivered, refused, focused } = opener();
    o.pageReady();
    await o.fromSecondInstance(['app.exe'], dir);
    expect([delivered, refused, focused()]).toEqual([[], [], 1]);
  });

  it('opens a file from open-file (macOS, 打开方式)', async () => {
    const { o, delivered } = opener();
    await o.fromOpenFile(join(dir, 'B.ZWB'));
    o.pageReady();
    expect(delivered[0][0].name).toBe('B.ZWB');
  });

  it('tells why a file was refused and still delivers the others', async () => {
    const { o, delivered, refused } = opener(1024);
    o.pageReady();
    await o.fromSecondInstance(['app.exe', 'big.zwb', 'pipe.zwb', 'B.ZWB'], dir);
    expect(delivered.map((d) => d.map((f) => f.name))).toEqual([['B.ZWB']]);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/“big.zwb”过大[\s\S]*“pipe.zwb”是管道/);
  });

  it('holds files again while the page reloads', async () => {
    const { o, delivered } = opener();
    o.pageReady();
    o.pageGone();
    await o.fromOpenFile(join(dir, 'B.ZWB'));
    expect(delivered).toEqual([]);
    o.pageReady();
    expect(delivered).toHaveLength(1);
  });
});
