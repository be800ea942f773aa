import { constants } from 'node:fs';
import { mkdir, open, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BackupError, TABLE_LABELS, type BackupFile, type BackupSummary } from '../../shared/app/backup';
import { BACKUP_LIMITS } from '../../shared/app/backup-format';
import { STORE_NAMES } from '../../shared/app/storage';
import { formatBytes } from '../../shared/exchange/limits';
import { openWorkspaceDir, WorkspaceInputError, WorkspaceUsageError, type WorkspaceArgs, type WorkspaceIo } from './workspace';

/**
 * `zwc --workspace DIR backup [--out FILE]` and `restore FILE --yes yes`: the app's backup service
 * (shared/app/backup.ts) on the command line's workspace. Backups go to DIR/backups unless --out
 * says otherwise; a restore first writes the current data there.
 */

async function readBackupFile(path: string): Promise<Uint8Array> {
  // Type and size before opening: a FIFO or a device is never opened.
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new WorkspaceInputError(`无法读取 ${path}：${e.code ?? e.message}`);
  });
  if (!info.isFile()) throw new WorkspaceInputError(`${path} 不是普通文件`);
  if (info.size > BACKUP_LIMITS.maxBundleBytes) throw new WorkspaceInputError(`备份文件过大（${formatBytes(info.size)}，上限 ${formatBytes(BACKUP_LIMITS.maxBundleBytes)}）：${path}`);
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const buffer = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
    return new Uint8Array(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

async function save(file: BackupFile, path: string): Promise<void> {
  // 'wx': never over an existing file.
  await writeFile(path, file.bytes, { flag: 'wx' });
}

function describe(s: BackupSummary): string {
  const h = s.header;
  const lines = [
    `单位 / office: ${h.officeName ?? '—'}（${h.officeCode ?? '—'}）`,
    `备份时间 / made: ${h.createdAt}`,
    `大小 / size: ${formatBytes(s.size)}`,
    ...STORE_NAMES.map((n) => `  ${TABLE_LABELS[n]} ${n}: ${h.counts[n]}`),
    `含各单位记录 / offices: ${s.offices.map((o) => `${o.name} ${o.records}`).join('，')}`,
  ];
  return `${lines.join('\n')}\n`;
}

export async function backupCommand(dir: string, args: WorkspaceArgs, io: WorkspaceIo): Promise<number> {
  const ws = await openWorkspaceDir(dir, io);
  const file = await ws.backup.create();
  const out = args.options.get('out') ?? join(dir, 'backups', file.fileName);
  if (!args.options.get('out')) await mkdir(join(dir, 'backups'), { recursive: true });
  await save(file, out);
  // Read back and verified, as the reset asks for.
  const checked = await ws.backup.inspect(await readBackupFile(out));
  await ws.backup.markSaved(file.header, out);
  io.stdout(`已备份 / backed up: ${out}\n${describe(checked)}`);
  return 0;
}

export async function restoreCommand(dir: string, args: WorkspaceArgs, io: WorkspaceIo): Promise<number> {
  const [path] = args.positional;
  if (!path || args.positional.length > 1) throw new WorkspaceUsageError('请给出一个备份文件 / give one backup file: restore FILE --yes yes');
  const ws = await openWorkspaceDir(dir, io);
  const bytes = await readBackupFile(path);
  try {
    const preview = await ws.backup.preview(bytes);
    io.stdout(`将用 ${basename(path)} 替换本工作区的全部数据 / will replace the whole workspace with:\n${describe(preview.backup)}`);
    io.stdout(`本工作区现有 / now: ${STORE_NAMES.map((n) => `${TABLE_LABELS[n]} ${preview.current.counts[n]}`).join('，')}\n`);
    if (args.options.get('yes') !== 'yes') throw new WorkspaceUsageError('确认恢复请加 --yes yes / add --yes yes to restore');
    await mkdir(join(dir, 'backups'), { recursive: true });
    const result = await ws.backup.restore(bytes, {
      saveCurrent: async (current) => {
        const to = join(dir, 'backups', current.fileName.replace(/^台账备份/, '恢复前的备份'));
        await save(current, to);
        io.stdout(`恢复前的数据已备份到 / current data backed up to: ${to}\n`);
      },
    });
    io.stdout(`已恢复 / restored: ${result.header.officeName ?? ''}（${result.header.officeCode ?? ''}）${result.header.createdAt} 的备份\n`);
    return 0;
  } catch (e) {
    if (e instanceof BackupError) throw new WorkspaceInputError(`已拒绝 / refused: ${path}：${e.message}`);
    throw e;
  }
}
