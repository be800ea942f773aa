/** IPC channel names, shared by preload and main so they cannot drift apart. No imports: the
 * sandboxed preload bundles this file. */
export const IPC = {
  info: 'zwc:info',
  saveFile: 'zwc:save-file',
  openFile: 'zwc:open-file',
  openFiles: 'zwc:open-files',
  vaultIdentity: 'zwc:vault-identity',
  vaultSign: 'zwc:vault-sign',
  printToPDF: 'zwc:print-to-pdf',
  print: 'zwc:print',
  savePDFs: 'zwc:save-pdfs',
} as const;
