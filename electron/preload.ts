import { contextBridge, ipcRenderer } from 'electron';
import { MAX_OPEN_FILES, MenuCommandSchema, type BackupRequest, type DesktopApi, type MenuCommand, type OpenedFile } from '../shared/platform/desktop-api';
import { IPC, IPC_EVENTS } from '../shared/platform/ipc-channels';

let bundleHandler: ((file: OpenedFile) => void) | null = null;
const pendingBundles: OpenedFile[] = [];
/** A bundle file the shell read for a start with a file: kept until the page registers its handler. */
ipcRenderer.on(IPC_EVENTS.openBundle, (_event, message: unknown) => {
  const m = message as Partial<OpenedFile> | null;
  if (!m || typeof m.name !== 'string' || !(m.data instanceof Uint8Array)) return;
  const file = { name: m.name, data: m.data };
  if (bundleHandler) bundleHandler(file);
  else if (pendingBundles.length < MAX_OPEN_FILES) pendingBundles.push(file);
});

let menuHandler: ((command: MenuCommand) => void) | null = null;
/** An application-menu item: only a known command reaches the page. */
ipcRenderer.on(IPC_EVENTS.menu, (_event, message: unknown) => {
  const command = MenuCommandSchema.safeParse(message);
  if (command.success) menuHandler?.(command.data);
});

let backupHandler: ((request: BackupRequest) => Promise<void>) | null = null;

/** A backup request from main: answered by the renderer's handler, the answer sent back. */
ipcRenderer.on(IPC_EVENTS.backupRequest, (_event, message: unknown) => {
  const m = message as Partial<BackupRequest> | null;
  if (!m || typeof m.id !== 'number' || (m.reason !== 'daily' && m.reason !== 'quit')) return;
  const request: BackupRequest = { id: m.id, reason: m.reason };
  const handler = backupHandler;
  const answer = handler
    ? handler(request).then(
        () => ({ id: request.id, ok: true }),
        (e: unknown) => ({ id: request.id, ok: false, message: String(e instanceof Error ? e.message : e).slice(0, 500) }),
      )
    : Promise.resolve({ id: request.id, ok: false, message: '页面尚未就绪' });
  void answer.then((a) => ipcRenderer.invoke(IPC.backupDone, a));
});

// The renderer's only door to the machine: a few typed calls, no ipcRenderer exposed.
const api: DesktopApi = {
  info: () => ipcRenderer.invoke(IPC.info),
  saveFile: (request) => ipcRenderer.invoke(IPC.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(IPC.openFile, request),
  openFiles: (request) => ipcRenderer.invoke(IPC.openFiles, request),
  printToPDF: (request) => ipcRenderer.invoke(IPC.printToPDF, request),
  print: (request) => ipcRenderer.invoke(IPC.print, request),
  savePDFs: (request) => ipcRenderer.invoke(IPC.savePDFs, request),
  keyVault: {
    identity: () => ipcRenderer.invoke(IPC.vaultIdentity),
    signManifest: (request) => ipcRenderer.invoke(IPC.vaultSign, request),
    exportKey: (request) => ipcRenderer.invoke(IPC.vaultExport, request),
    importKey: (request) => ipcRenderer.invoke(IPC.vaultImport, request),
    newKey: () => ipcRenderer.invoke(IPC.vaultNewKey),
    erase: () => ipcRenderer.invoke(IPC.vaultErase),
  },
  reportUnsaved: (report) => ipcRenderer.invoke(IPC.unsavedReport, report),
  onOpenBundle: (handler) => {
    bundleHandler = handler;
    for (const file of pendingBundles.splice(0)) handler(file);
  },
  onMenu: (handler) => {
    menuHandler = handler;
  },
  backups: {
    write: (request) => ipcRenderer.invoke(IPC.backupWrite, request),
    list: () => ipcRenderer.invoke(IPC.backupList),
    read: (request) => ipcRenderer.invoke(IPC.backupRead, request),
    openFolder: () => ipcRenderer.invoke(IPC.backupOpenFolder),
    onRequest: (handler) => {
      backupHandler = handler;
      void ipcRenderer.invoke(IPC.backupAgentReady);
    },
  },
};

contextBridge.exposeInMainWorld('zwcDesktop', api);
