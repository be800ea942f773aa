/** IPC channel names, shared by preload and main so they cannot drift apart. No imports: the
 * sandboxed preload bundles this file. */
export const IPC = {
  info: 'zwc:info',
  saveFile: 'zwc:save-file',
  openFile: 'zwc:open-file',
  openFiles: 'zwc:open-files',
  vaultIdentity: 'zwc:vault-identity',
  vaultSign: 'zwc:vault-sign',
  vaultExport: 'zwc:vault-export',
  vaultImport: 'zwc:vault-import',
  vaultNewKey: 'zwc:vault-new-key',
  vaultErase: 'zwc:vault-erase',
  printToPDF: 'zwc:print-to-pdf',
  print: 'zwc:print',
  savePDFs: 'zwc:save-pdfs',
  backupWrite: 'zwc:backup-write',
  backupList: 'zwc:backup-list',
  backupRead: 'zwc:backup-read',
  backupOpenFolder: 'zwc:backup-open-folder',
  /** The renderer can make backups now (its workspace is open). */
  backupAgentReady: 'zwc:backup-agent-ready',
  /** The renderer's answer to a backup request. */
  backupDone: 'zwc:backup-done',
  /** Whether any form holds unsaved typing: { unsaved }, asked about when the window closes. */
  unsavedReport: 'zwc:unsaved-report',
} as const;

/** Messages the main process sends to the renderer (webContents.send), never handled in main. */
export const IPC_EVENTS = {
  /** Make a backup now: { id, reason }. */
  backupRequest: 'zwc:backup-request',
  /** A .zwb file the app was started with (or a second start named): { name, data }, read in main. */
  openBundle: 'zwc:open-bundle',
  /** An application-menu item for the page: one of MENU_COMMANDS (shared/platform/desktop-api.ts), checked in the preload. */
  menu: 'zwc:menu',
} as const;
