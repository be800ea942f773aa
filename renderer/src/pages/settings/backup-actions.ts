import type { Workspace } from '../../../../shared/app/workspace';
import type { BackupFile } from '../../../../shared/app/backup/backup';
import { BACKUP_EXTENSION, BACKUP_LIMITS } from '../../../../shared/app/backup/backup-format';
import { ownBuffer } from '../../../../shared/exchange/bytes';
import { formatBytes } from '../../../../shared/exchange/limits';
import { desktop } from '../../platform';
import { announceChange } from '../../app/window-sync';

export const BACKUP_FILTERS = [{ name: '台账备份文件', extensions: [BACKUP_EXTENSION] }];

/**
 * Saves a backup where this platform keeps them: the desktop's backup folder, or (browser) a
 * download. Resolves to where it went, or null when the clerk cancelled a dialog.
 */
export async function saveBackup(ws: Workspace, file: BackupFile, reason: 'manual' | 'daily' | 'quit' | 'before-restore' | 'before-reset'): Promise<string | null> {
  const folder = desktop.backups;
  const where = folder
    ? (await folder.write({ data: ownBuffer(file.bytes), reason })).name
    : await desktop.saveFile({ suggestedName: file.fileName, data: ownBuffer(file.bytes), filters: BACKUP_FILTERS });
  if (where) await ws.backup.markSaved(file.header, where);
  return where;
}

/** A backup file the clerk picks (dialog or file input), size checked before its content is used. */
export async function pickBackupFile(): Promise<{ name: string; data: Uint8Array } | null> {
  const picked = await desktop.openFile({ filters: BACKUP_FILTERS });
  if (picked && picked.data.byteLength > BACKUP_LIMITS.maxBundleBytes) throw new Error(`所选文件过大（${formatBytes(picked.data.byteLength)}），不是台账备份`);
  return picked;
}

/** After a restore every window re-reads from scratch: a full load of the app. */
export function reloadAfterRestore(): void {
  announceChange();
  window.location.replace(window.location.href.split('#')[0]);
}
