import { contextBridge, ipcRenderer } from 'electron';
import { MAX_OPEN_FILES, MenuCommandSchema, type BackupRequest, type DesktopApi, type MenuCommand, type OpenedFile } from '../shared/platform/desktop-api';
import { IPC, IPC_EVENTS } from '../shared/platform/ipc-channels';
import { clerkMessage, IpcFailure, unwrapIpcResult } from './lib/ipc-result';

/**
 * One call to main: its answer is an IpcResult; a failure becomes an IpcFailure whose message is
 * the Chinese text alone. A call main refused outright (not from the app's window) is rejected by
 * Electron with "Error invoking remote method …": that prefix and the error's name are stripped too.
 */
function call<T>(channel: string, request?: unknown): Promise<T> {
  return ipcRenderer.invoke(channel, request).then(
    (result: unknown) => unwrapIpcResult<T>(result),
    (e: unknown) => {
      throw new IpcFailure(clerkMessage(e));
    },
  );
}

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
  info: () => call(IPC.info),
  saveFile: (request) => call(IPC.saveFile, request),
  openFile: (request) => call(IPC.openFile, request),
  openFiles: (request) => call(IPC.openFiles, request),
  printToPDF: (request) => call(IPC.printToPDF, request),
  print: (request) => call(IPC.print, request),
  savePDFs: (request) => call(IPC.savePDFs, request),
  keyVault: {
    identity: () => call(IPC.vaultIdentity),
    signManifest: (request) => call(IPC.vaultSign, request),
    exportKey: (request) => call(IPC.vaultExport, request),
    importKey: (request) => call(IPC.vaultImport, request),
    newKey: () => call(IPC.vaultNewKey),
    erase: () => call(IPC.vaultErase),
  },
  reportUnsaved: (report) => call(IPC.unsavedReport, report),
  onOpenBundle: (handler) => {
    bundleHandler = handler;
    for (const file of pendingBundles.splice(0)) handler(file);
  },
  onMenu: (handler) => {
    menuHandler = handler;
  },
  backups: {
    write: (request) => call(IPC.backupWrite, request),
    list: () => call(IPC.backupList),
    read: (request) => call(IPC.backupRead, request),
    openFolder: () => call(IPC.backupOpenFolder),
    onRequest: (handler) => {
      backupHandler = handler;
      void call(IPC.backupAgentReady);
    },
  },
};

contextBridge.exposeInMainWorld('zwcDesktop', api);
