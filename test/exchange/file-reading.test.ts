/**
 * Issue 24, files on disk: the workspace file is never written past what it can read back, says
 * so before its limit, and no reader opens a FIFO (a FIFO would hang the command for ever).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStorage, nearLimitNotice, MAX_WORKSPACE_BYTES } from '../../cli/file-storage';
import { readBounded } from '../../cli/zwc';
import { writeSetting } from '../../shared/app/settings';
import { z } from 'zod';
import { readSetting } from '../../shared/app/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zwc-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the workspace file', () => {
  it('refuses a change that would grow it past its limit, and keeps the file as it was', async () => {
    const store = FileStorage.open(dir);
    await store.transaction((tx) => writeSetting(tx, 'test.small', 'x'.repeat(1000)));
    const before = await readFile(join(dir, 'workspace.json'), 'utf8');
    store.limit = before.length + 5000;
    await expect(store.transaction((tx) => writeSetting(tx, 'test.big', 'y'.repeat(10_000)))).rejects.toThrow(/此次更改未保存.*超过 .* 的上限/);
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(before);
    // Rolled back in memory too: the store still holds what the file holds.
    expect(await readSetting(store, 'test.big', z.string())).toBeUndefined();
    const again = FileStorage.open(dir);
    expect(await readSetting(again, 'test.small', z.string())).toHaveLength(1000);
  });

  it('says it is near its limit from 80 % on', async () => {
    expect(nearLimitNotice(MAX_WORKSPACE_BYTES * 0.5)).toBeNull();
    expect(nearLimitNotice(MAX_WORKSPACE_BYTES * 0.85)).toMatch(/接近 256 MB 的上限/);
    const store = FileStorage.open(dir);
    await store.transaction((tx) => writeSetting(tx, 'test.small', 'x'.repeat(1000)));
    expect(store.notice).toBeNull();
    store.limit = store.bytes + 100;
    expect(store.notice).toContain('接近');
  });

  it('refuses a FIFO named workspace.json without waiting on it', () => {
    execFileSync('mkfifo', [join(dir, 'workspace.json')]);
    expect(() => FileStorage.open(dir)).toThrow(/不是普通文件/);
  });
});

describe('zwc reading a file given on the command line', () => {
  it('refuses a FIFO before opening it', async () => {
    const fifo = join(dir, 'pipe.zwb');
    execFileSync('mkfifo', [fifo]);
    await expect(readBounded(fifo, 1024)).rejects.toThrow(/管道（FIFO）.*不是普通文件/);
  });

  it('refuses a directory and a file over the limit, and reads a regular file', async () => {
    await expect(readBounded(dir, 1024)).rejects.toThrow(/文件夹/);
    const big = join(dir, 'big.zwb');
    await writeFile(big, new Uint8Array(2048));
    await expect(readBounded(big, 1024)).rejects.toThrow(/文件超过/);
    expect(await readBounded(big, 4096)).toHaveLength(2048);
  });
});
