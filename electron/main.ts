import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { IPC, IPC_EVENTS } from '../shared/platform/ipc-channels';
import { createAppProtocolHandler } from './lib/app-protocol';
import { BACKUP_FOLDER_NAME, BackupFolder } from './lib/backup-folder';
import { createBackupRequester, createDailyBackup } from './lib/backup-schedule';
import { CLOSE_PROMPT_OPTIONS, createExitGuard, createUnsavedState } from './lib/close-prompt';
import { backupRoutes, createHandlers, registerIpc, type Dialogs, type TrustedWindow } from './lib/ipc-handlers';
import { KeyVault } from './lib/key-vault';
import { createPrinter, PRINT_WINDOW_PREFERENCES, type PrintWindow } from './lib/printing';
import { installPermissionHandlers } from './lib/session-rules';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, mayNavigate, SECURE_WEB_PREFERENCES, WINDOW_OPEN_DECISION } from './lib/window-rules';

// Thin shell: window, security rules, IPC wiring. The logic lives in ./lib and is tested by jest;
// README.md, "Electron security checklist", says where each item of Electron's checklist is met.

/** The built renderer, served as app://ledger/ (never file://) by the handler registered below. */
const rendererRoot = join(__dirname, '../renderer');

// Must happen before the app is ready: the scheme gets a real, secure origin (app://ledger).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

/** At quit the backup gets this long; the app closes then whatever happened. */
const QUIT_BACKUP_TIMEOUT_MS = 8000;

const backupRequester = createBackupRequester((request) => {
  if (!mainWindow || mainWindow.isDestroyed()) return false;
  mainWindow.webContents.send(IPC_EVENTS.backupRequest, request);
  return true;
});
const unsaved = createUnsavedState();
const exitGuard = createExitGuard({
  unsaved: () => unsaved.unsaved && !!mainWindow && !mainWindow.isDestroyed(),
  ask: async () => {
    const options = { ...CLOSE_PROMPT_OPTIONS, buttons: [...CLOSE_PROMPT_OPTIONS.buttons] };
    return (mainWindow && !mainWindow.isDestroyed() ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options)).response;
  },
  beforeLeave: async () => {
    await backupRequester.request('quit', QUIT_BACKUP_TIMEOUT_MS);
  },
});

/** The only window whose top frame may call the desktop API. */
function trustedWindow(): TrustedWindow | null {
  if (!mainWindow || mainWindow.isDestroyed()) return null;
  return { webContents: mainWindow.webContents, mainFrame: mainWindow.webContents.mainFrame };
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '无废城市建设台账',
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(__dirname, 'preload.js') },
  });
  mainWindow = win;
  win.on('close', (event) => exitGuard.onClose(event, () => win.close()));
  // The page's beforeunload only cancels silently: once the clerk chose 离开 it is overridden.
  win.webContents.on('will-prevent-unload', (event) => {
    if (exitGuard.leaving) event.preventDefault();
  });
  win.webContents.on('render-process-gone', () => {
    backupRequester.reset();
    unsaved.clear();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    backupRequester.reset();
    unsaved.clear();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
}

// Every webContents, present and future: no navigation, no redirects, no new windows, no webviews.
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => WINDOW_OPEN_DECISION);
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  installPermissionHandlers(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
  const dialogs: Dialogs = {
    async chooseSavePath(suggestedName, filters) {
      const r = await dialog.showSaveDialog({ defaultPath: suggestedName, filters });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async chooseOpenPath(filters) {
      const r = await dialog.showOpenDialog({ properties: ['openFile'], filters });
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    async chooseOpenPaths(filters, directory) {
      // A folder: openDirectory alone (no filters apply to folders); files: several at once.
      const r = await dialog.showOpenDialog(directory ? { properties: ['openDirectory'] } : { properties: ['openFile', 'multiSelections'], filters });
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths;
    },
  };
  const handlers = createHandlers(dialogs, { shell: 'electron', appVersion: app.getVersion(), platform: process.platform });
  const vault = new KeyVault(join(app.getPath('userData'), 'device-key.zwk'), {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  });
  const backupFolder = new BackupFolder(join(app.getPath('userData'), BACKUP_FOLDER_NAME), { openPath: (path) => shell.openPath(path) });
  const daily = createDailyBackup({ latest: () => backupFolder.latestCreatedAt(), request: (reason) => backupRequester.request(reason) });
  daily.start();
  const printer = createPrinter((): PrintWindow => {
    // A hidden, sandboxed window without preload or scripts, only for laying out one document.
    const win = new BrowserWindow({ show: false, webPreferences: { ...SECURE_WEB_PREFERENCES, ...PRINT_WINDOW_PREFERENCES } });
    return {
      loadFile: (path) => win.loadFile(path),
      printToPDF: async (options) => new Uint8Array(await win.webContents.printToPDF(options)),
      print: (options) => new Promise((resolve) => win.webContents.print(options, (success) => resolve(success))),
      close: () => win.destroy(),
    };
  }, dialogs);
  registerIpc(
    ipcMain,
    {
      [IPC.info]: () => handlers.info(),
      [IPC.saveFile]: (request) => handlers.saveFile(request),
      [IPC.openFile]: (request) => handlers.openFile(request),
      [IPC.openFiles]: (request) => handlers.openFiles(request),
      [IPC.vaultIdentity]: () => vault.identity(),
      [IPC.vaultSign]: (request) => vault.signManifest(request),
      [IPC.vaultExport]: (request) => vault.exportKey(request),
      [IPC.vaultImport]: (request) => vault.importKey(request),
      [IPC.vaultNewKey]: () => vault.newKey(),
      [IPC.vaultErase]: () => vault.erase(),
      [IPC.printToPDF]: (request) => printer.printToPDF(request),
      [IPC.print]: (request) => printer.print(request),
      [IPC.savePDFs]: (request) => printer.savePDFs(request),
      ...backupRoutes(backupFolder, backupRequester, () => void daily.check()),
      [IPC.unsavedReport]: (request) => unsaved.report(request),
    },
    trustedWindow,
  );
  createWindow();
});

app.on('before-quit', (event) => exitGuard.onBeforeQuit(event, () => app.quit()));
app.on('window-all-closed', () => app.quit());
