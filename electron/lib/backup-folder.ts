import { constants } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { BackupError, decodeBackup, readBackupHeader, type BackupHeader } from '../../shared/app/backup/backup-format';
import { DEFAULT_ROTATION, rotateBackups, type RotationPolicy } from '../../shared/app/backup/backup-rotation';
import { CHINA_TZ } from '../../shared/domain/time';
import {
  BackupNameSchema,
  BackupReasonSchema,
  MAX_BACKUP_BYTES,
  ReadBackupRequestSchema,
  WriteBackupRequestSchema,
  type BackupEntry,
  type BackupReason,
} from '../../shared/platform/desktop-api';
import { readRegularFile } from './safe-file';

/**
 * The desktop's backup folder, `<userData>/backups`: the backups the renderer makes (at quit, once
 * a day, by hand, before a restore or a reset) written as files, listed from their headers, rotated
 * and read back for a restore. Only names this module gives (BackupNameSchema) are ever read or
 * removed, so nothing the clerk puts in the folder is touched.
 *
 * Rotation, per office (a laptop reset to another office keeps the old office's backups):
 * the regular backups (手动, 每日, 退出时) keep the newest of each of the last 30 days and 12
 * months (shared/app/backup-rotation.ts); the backups made before a restore or a reset keep their
 * newest SAFETY_KEEP. A file whose header cannot be read is never removed: a person decides.
 */
export const BACKUP_FOLDER_NAME = 'backups';
/** Backups made before a restore or a reset kept per office. */
export const SAFETY_KEEP = 10;
/** At most this many backup files are looked at when listing. */
export const MAX_LISTED = 1000;
/** Bytes read from a file's start to list it: the magic line and the header (readBackupHeader's limit). */
const HEAD_BYTES = 64 * 1024 + 64;

const SAFETY_REASONS: readonly BackupReason[] = ['before-restore', 'before-reset'];

export class BackupFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFolderError';
  }
}

export interface BackupFolderOptions {
  /** Opens a folder in the file manager (Electron's shell.openPath): '' on success, else the error. */
  openPath?: (path: string) => Promise<string>;
  policy?: RotationPolicy;
}

/** zwc-backup-20261124-103000-daily.zwbak, Beijing time of the backup itself; `n` when taken. */
export function backupFileNameFor(createdAt: string, reason: BackupReason, n = 0): string {
  const stamp = format(new TZDate(new Date(createdAt).getTime(), CHINA_TZ), 'yyyyMMdd-HHmmss');
  return `zwc-backup-${stamp}${n > 0 ? `-${n}` : ''}-${reason}.zwbak`;
}

/** The reason written in a backup's name, if it is one of ours. */
export function reasonOfName(name: string): BackupReason | undefined {
  const m = /-([a-z-]{3,20})\.zwbak$/.exec(name.replace(/^zwc-backup-\d{8}-\d{6}(-\d{1,3})?/, ''));
  const r = BackupReasonSchema.safeParse(m?.[1]);
  return r.success ? r.data : undefined;
}

function entryOf(name: string, size: number, header: BackupHeader): BackupEntry {
  const reason = reasonOfName(name);
  return {
    name,
    size,
    ...(reason ? { reason } : {}),
    createdAt: header.createdAt,
    officeCode: header.officeCode,
    officeName: header.officeName,
    counts: { ...header.counts },
  };
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!(await handle.stat()).isFile()) throw new BackupFolderError('不是普通文件');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return new Uint8Array(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class BackupFolder {
  /** Writes and rotations happen one at a time: two cannot pick the same name or remove each other's file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly options: BackupFolderOptions = {},
  ) {}

  /** Verifies the backup whole (format, integrity, tables), writes it under a fresh name, then rotates. */
  write(request: unknown): Promise<BackupEntry> {
    const parsed = WriteBackupRequestSchema.safeParse(request);
    if (!parsed.success) return Promise.reject(new BackupFolderError(`备份请求不正确：${parsed.error.issues.map((i) => i.message).join('；')}`));
    const next = this.queue.then(() => this.writeOne(parsed.data.data, parsed.data.reason));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Every backup of ours in the folder, newest first; one whose header cannot be read says why. */
  async list(): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => BackupNameSchema.safeParse(n).success);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new BackupFolderError(`无法读取备份文件夹 ${this.dir}：${messageOf(e)}`);
    }
    names.sort().reverse();
    const out: BackupEntry[] = [];
    for (const name of names.slice(0, MAX_LISTED)) {
      const path = join(this.dir, name);
      let size = 0;
      try {
        size = (await stat(path)).size;
        out.push(entryOf(name, size, readBackupHeader(await readHead(path)).header));
      } catch (e) {
        const reason = reasonOfName(name);
        out.push({ name, size, ...(reason ? { reason } : {}), problem: `无法读取：${e instanceof BackupError || e instanceof BackupFolderError ? e.message : messageOf(e)}` });
      }
    }
    return out.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.name.localeCompare(a.name));
  }

  /** One backup's bytes, for a restore: only a name of ours, only a regular file, at most MAX_BACKUP_BYTES. */
  async read(request: unknown): Promise<Uint8Array> {
    const parsed = ReadBackupRequestSchema.safeParse(request);
    if (!parsed.success) throw new BackupFolderError(`备份名称不正确：${parsed.error.issues.map((i) => i.message).join('；')}`);
    return readRegularFile(join(this.dir, parsed.data.name), MAX_BACKUP_BYTES, parsed.data.name);
  }

  /** Opens the folder (made first if need be) in the system's file manager. */
  async openFolder(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    if (!this.options.openPath) throw new BackupFolderError('本机无法打开文件夹');
    const problem = await this.options.openPath(this.dir);
    if (problem) throw new BackupFolderError(`无法打开备份文件夹 ${this.dir}：${problem}`);
  }

  /** When the newest readable backup was made, or undefined when there is none. */
  async latestCreatedAt(): Promise<string | undefined> {
    return (await this.list()).find((e) => e.createdAt)?.createdAt;
  }

  private async writeOne(data: Uint8Array, reason: BackupReason): Promise<BackupEntry> {
    let header: BackupHeader;
    try {
      header = (await decodeBackup(data)).header;
    } catch (e) {
      throw new BackupFolderError(`备份未写入：${messageOf(e)}`);
    }
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    let name = '';
    for (let n = 0; n < 1000; n++) {
      const candidate = backupFileNameFor(header.createdAt, reason, n);
      if (!(await exists(join(this.dir, candidate)))) {
        name = candidate;
        break;
      }
    }
    if (!name) throw new BackupFolderError('备份未写入：同一秒内的备份过多');
    // Written beside its final name and renamed: a crash or a full disk never leaves a half backup under a backup's name.
    const partial = join(this.dir, `.${name}.partial`);
    try {
      const handle = await open(partial, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, join(this.dir, name));
    } catch (e) {
      await rm(partial, { force: true });
      throw new BackupFolderError(`备份未写入 ${this.dir}：${(e as NodeJS.ErrnoException).code ?? messageOf(e)}`);
    }
    await this.rotate(name);
    return entryOf(name, data.byteLength, header);
  }

  /** Removes what the rotation no longer keeps, office by office; never `keep`, never an unreadable file. */
  private async rotate(keep: string): Promise<string[]> {
    const entries = (await this.list()).filter((e) => e.createdAt && !e.problem);
    const remove = new Set<string>();
    const offices = new Set(entries.map((e) => e.officeCode ?? ''));
    for (const office of offices) {
      const mine = entries.filter((e) => (e.officeCode ?? '') === office);
      const safety = mine.filter((e) => e.reason && SAFETY_REASONS.includes(e.reason));
      const regular = mine.filter((e) => !safety.includes(e));
      for (const name of rotateBackups(regular.map((e) => ({ name: e.name, createdAt: e.createdAt! })), this.options.policy ?? DEFAULT_ROTATION).remove) remove.add(name);
      for (const e of safety.slice(SAFETY_KEEP)) remove.add(e.name);
    }
    remove.delete(keep);
    for (const name of remove) await rm(join(this.dir, name), { force: true });
    return [...remove];
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
