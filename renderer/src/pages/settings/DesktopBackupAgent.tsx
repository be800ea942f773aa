import { useEffect } from 'react';
import { useWorkspace } from '../../app/store';
import { desktop } from '../../platform';
import { saveBackup } from './backup-actions';

/**
 * Mounted once the workspace is open (desktop only): the shell asks for a backup at quit and once
 * a day, and this makes it from the workspace and writes it into the backup folder, where the
 * folder verifies and rotates it (electron/lib/backup-folder.ts).
 */
export function DesktopBackupAgent() {
  const ws = useWorkspace();
  useEffect(() => {
    const folder = desktop.backups;
    if (!folder) return;
    folder.onRequest(async (request) => {
      const { appVersion } = await desktop.info();
      await saveBackup(ws, await ws.backup.create({ appVersion }), request.reason);
    });
  }, [ws]);
  return null;
}
