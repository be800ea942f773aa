import { basename, join } from 'node:path';
import { TABLE_LABELS, type BackupFile, type BackupSummary } from '../../shared/app/backup/backup';
import { BackupError, BACKUP_LIMITS } from '../../shared/app/backup/backup-format';
import { STORE_NAMES } from '../../shared/app/storage';
import { formatBytes } from '../../shared/exchange/limits';
import { dirOf, type Command } from '../command';
import { InputError, UsageError } from '../errors';
import { makeOutputDir, readInput, writeOutput, type CliIo } from '../io';
import { openWorkspaceDir } from '../workspace-dir';

/**
 * `zwc --workspace DIR backup [--out FILE]` and `restore FILE --yes yes`: the app's backup service
 * (shared/app/backup.ts) on the command line's workspace. Backups go to DIR/backups unless --out
 * says otherwise; a restore first writes the current data there. Never over an existing file.
 */

const readBackup = (io: CliIo, path: string) => readInput(io, path, BACKUP_LIMITS.maxBundleBytes);

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

async function intoBackups(io: CliIo, dir: string, file: BackupFile, name = file.fileName): Promise<string> {
  await makeOutputDir(io, join(dir, 'backups'));
  const to = join(dir, 'backups', name);
  await writeOutput(io, to, file.bytes, true);
  return to;
}

export const backup: Command = {
  name: 'backup',
  summary: '完整备份工作区（全部记录、修改记录、可信密钥、导入记录、交办记录；不含私钥）/ a full, verified backup (never the private key)',
  usage: '[--out FILE.zwbak]',
  details: '  默认存入 DIR/backups；写出后读回校验 / into DIR/backups by default; read back and checked\n',
  workspace: 'required',
  options: { out: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const dir = dirOf(ctx);
    const ws = await openWorkspaceDir(dir, io);
    const file = await ws.backup.create();
    const given = args.get('out');
    let out: string;
    if (given === undefined) out = await intoBackups(io, dir, file);
    else {
      out = given;
      await writeOutput(io, out, file.bytes, true);
    }
    // Read back and verified, as the reset asks for.
    const checked = await ws.backup.inspect(await readBackup(io, out));
    await ws.backup.markSaved(file.header, out);
    io.stdout(`已备份 / backed up: ${out}\n${describe(checked)}`);
  },
};

export const restore: Command = {
  name: 'restore',
  summary: '校验备份后先备份现有数据，再整体替换 / verify, back up the current data, then replace it all',
  usage: 'FILE.zwbak --yes yes',
  workspace: 'required',
  options: { yes: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const dir = dirOf(ctx);
    const [path] = args.positionals;
    if (!path || args.positionals.length > 1) throw new UsageError('请给出一个备份文件 / give one backup file: restore FILE --yes yes');
    const ws = await openWorkspaceDir(dir, io);
    const bytes = await readBackup(io, path);
    try {
      const preview = await ws.backup.preview(bytes);
      io.stdout(`将用 ${basename(path)} 替换本工作区的全部数据 / will replace the whole workspace with:\n${describe(preview.backup)}`);
      io.stdout(`本工作区现有 / now: ${STORE_NAMES.map((n) => `${TABLE_LABELS[n]} ${preview.current.counts[n]}`).join('，')}\n`);
      if (!args.yes('yes')) throw new UsageError('确认恢复请加 --yes yes / add --yes yes to restore');
      const result = await ws.backup.restore(bytes, {
        saveCurrent: async (current) => {
          const to = await intoBackups(io, dir, current, current.fileName.replace(/^台账备份/, '恢复前的备份'));
          io.stdout(`恢复前的数据已备份到 / current data backed up to: ${to}\n`);
        },
      });
      io.stdout(`已恢复 / restored: ${result.header.officeName ?? ''}（${result.header.officeCode ?? ''}）${result.header.createdAt} 的备份\n`);
    } catch (e) {
      if (e instanceof BackupError) throw new InputError(`已拒绝 / refused: ${path}：${e.message}`);
      throw e;
    }
  },
};

export const BACKUP_COMMANDS: readonly Command[] = [backup, restore];
