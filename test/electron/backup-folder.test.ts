import { mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupFolder, backupFileNameFor, reasonOfName, SAFETY_KEEP } from '../../electron/lib/backup-folder';
import { encodeBackup, type BackupTables } from '../../shared/app/backup/backup-format';
import { STORE_NAMES } from '../../shared/app/storage';
import type { BackupReason } from '../../shared/platform/desktop-api';

const posix = process.platform !== 'win32';
const folderDir = () => join(mkdtempSync(join(tmpdir(), 'zwc-backups-')), 'backups');

/** A real, verifiable backup of an office with `tasks` tasks, made at `createdAt`. */
async function backupAt(createdAt: string, officeCode = '150627', tasks = 1): Promise<Uint8Array> {
  const tables = Object.fromEntries(STORE_NAMES.map((n) => [n, []])) as unknown as BackupTables;
  tables.tasks = Array.from({ length: tasks }, (_, i) => ({ id: `t${i}`, officeCode, _updated: '000000000000001:000000:dev' }));
  const { bytes } = await encodeBackup(tables, { createdAt, officeCode, officeName: officeCode === '150627' ? '伊金霍洛旗' : '昆都仑区', role: 'county', deviceId: 'dev' });
  return bytes;
}

const write = (f: BackupFolder, data: Uint8Array, reason: BackupReason = 'daily') => f.write({ data, reason });

describe('desktop backup folder', () => {
  it('writes a verified backup under a name of its own and lists it from its header', async () => {
    const dir = folderDir();
    const folder = new BackupFolder(dir);
    const entry = await write(folder, await backupAt('2026-11-24T02:30:00Z', '150627', 3), 'quit');
    expect(entry.name).toBe('zwc-backup-20261124-103000-quit.zwbak');
    expect(entry).toMatchObject({ reason: 'quit', officeCode: '150627', officeName: '伊金霍洛旗', createdAt: '2026-11-24T02:30:00Z' });
    expect(entry.counts?.tasks).toBe(3);
    if (posix) expect(statSync(join(dir, entry.name)).mode & 0o777).toBe(0o600);
    const listed = await folder.list();
    expect(listed).toEqual([{ ...entry, size: statSync(join(dir, entry.name)).size }]);
    expect(await folder.latestCreatedAt()).toBe('2026-11-24T02:30:00Z');
    // Nothing half-written is left beside it.
    expect(readdirSync(dir)).toEqual([entry.name]);
  });

  it('refuses a damaged backup, a wrong reason and anything not bytes, writing nothing', async () => {
    const dir = folderDir();
    const folder = new BackupFolder(dir);
    const damaged = await backupAt('2026-11-24T02:30:00Z');
    damaged[damaged.length - 30] ^= 0xff;
    await expect(write(folder, damaged)).rejects.toThrow(/备份未写入：备份文件已损坏/);
    await expect(folder.write({ data: await backupAt('2026-11-24T02:30:00Z'), reason: 'hourly' })).rejects.toThrow(/备份请求不正确/);
    await expect(folder.write({ data: 'abc', reason: 'daily' })).rejects.toThrow(/备份请求不正确/);
    await expect(folder.write({ data: new TextEncoder().encode('ZWCBACKUP 9\n{}\n'), reason: 'daily' })).rejects.toThrow(/较新版本/);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('never overwrites: two backups in one second get two names', async () => {
    const folder = new BackupFolder(folderDir());
    const bytes = await backupAt('2026-11-24T02:30:00Z');
    const [a, b] = await Promise.all([write(folder, bytes, 'manual'), write(folder, bytes, 'manual')]);
    expect(new Set([a.name, b.name]).size).toBe(2);
    expect([a.name, b.name].sort()).toEqual(['zwc-backup-20261124-103000-1-manual.zwbak', 'zwc-backup-20261124-103000-manual.zwbak']);
    expect(reasonOfName('zwc-backup-20261124-103000-1-before-reset.zwbak')).toBe('before-reset');
  });

  it('rotates: 30 days and 12 months per office; safety backups and unreadable files are kept apart', async () => {
    const dir = folderDir();
    const folder = new BackupFolder(dir);
    // A stray file of ours that cannot be read, and a file that is not ours.
    await write(folder, await backupAt('2025-01-01T02:00:00Z'));
    writeFileSync(join(dir, 'zwc-backup-20250101-000000-daily.zwbak'), 'garbage');
    writeFileSync(join(dir, '我的笔记.txt'), 'keep me');
    // Another office's backup, a year old: another office's rotation.
    await write(folder, await backupAt('2025-06-01T02:00:00Z', '150203'));
    for (let i = 0; i < SAFETY_KEEP + 2; i++) await write(folder, await backupAt(new Date(Date.parse('2025-03-01T02:00:00Z') + i * 86_400_000).toISOString()), 'before-reset');
    // 45 days of daily backups, two on each day.
    const start = Date.parse('2026-10-01T01:00:00Z');
    for (let d = 0; d < 45; d++) {
      await write(folder, await backupAt(new Date(start + d * 86_400_000).toISOString()));
      await write(folder, await backupAt(new Date(start + d * 86_400_000 + 3_600_000).toISOString()), 'quit');
    }
    const entries = await folder.list();
    const regular = entries.filter((e) => e.officeCode === '150627' && (e.reason === 'daily' || e.reason === 'quit'));
    // The newest of each of the last 30 days (each day's quit backup) plus the month ends before them.
    const days = regular.map((e) => e.createdAt!.slice(0, 10));
    expect(new Set(days).size).toBe(days.length);
    expect(regular.filter((e) => e.createdAt! >= '2026-10-16').length).toBe(30);
    expect(regular.every((e) => e.reason === 'quit' || e.createdAt!.startsWith('2025'))).toBe(true);
    expect(regular.map((e) => e.createdAt!.slice(0, 10))).toEqual(expect.arrayContaining(['2026-10-31', '2025-01-01']));
    expect(entries.filter((e) => e.reason === 'before-reset')).toHaveLength(SAFETY_KEEP);
    expect(entries.find((e) => e.officeCode === '150203')).toBeDefined();
    const unreadable = entries.find((e) => e.name === 'zwc-backup-20250101-000000-daily.zwbak');
    expect(unreadable?.problem).toMatch(/无法读取：不是本程序的备份文件/);
    expect(readdirSync(dir)).toContain('我的笔记.txt');
  });

  it('reads back only its own backups, only regular files', async () => {
    const dir = folderDir();
    const folder = new BackupFolder(dir);
    const bytes = await backupAt('2026-11-24T02:30:00Z');
    const { name } = await write(folder, bytes);
    expect(Buffer.from(await folder.read({ name })).equals(Buffer.from(bytes))).toBe(true);
    await expect(folder.read({ name: '../device-key.zwk' })).rejects.toThrow(/备份名称不正确/);
    await expect(folder.read({ name: 'zwc-backup-20261124-103000-daily.zwbak/../../x' })).rejects.toThrow(/备份名称不正确/);
    await expect(folder.read({ name, extra: 1 })).rejects.toThrow(/备份名称不正确/);
    if (posix) {
      const link = 'zwc-backup-20261125-103000-daily.zwbak';
      symlinkSync('/dev/zero', join(dir, link));
      await expect(folder.read({ name: link })).rejects.toThrow(/设备文件/);
      expect((await folder.list()).find((e) => e.name === link)?.problem).toMatch(/无法读取/);
    }
  });

  it('opens its folder through the shell, and says why when it cannot', async () => {
    const dir = folderDir();
    const opened: string[] = [];
    await new BackupFolder(dir, { openPath: async (p) => (opened.push(p), '') }).openFolder();
    expect(opened).toEqual([dir]);
    expect(statSync(dir).isDirectory()).toBe(true);
    await expect(new BackupFolder(dir, { openPath: async () => 'No application' }).openFolder()).rejects.toThrow(/无法打开备份文件夹.*No application/);
  });

  it('names backups by Beijing time', () => {
    expect(backupFileNameFor('2026-11-24T17:00:00Z', 'daily')).toBe('zwc-backup-20261125-010000-daily.zwbak');
  });
});
