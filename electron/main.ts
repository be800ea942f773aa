import { app, BrowserWindow, crashReporter, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import { join } from 'node:path';
import type { MenuCommand } from '../shared/platform/desktop-api';
import { IPC, IPC_EVENTS } from '../shared/platform/ipc-channels';
import { buildMenuTemplate } from './lib/app-menu';
import { createAppProtocolHandler } from './lib/app-protocol';
import { BACKUP_FOLDER_NAME, BackupFolder } from './lib/backup-folder';
import { createBackupRequester, createDailyBackup } from './lib/backup-schedule';
import { CLOSE_PROMPT_OPTIONS, createExitGuard, createUnsavedState } from './lib/close-prompt';
import { createRenderGoneHandler, CRASH_REPORTER_OPTIONS } from './lib/crash-recovery';
import { RotatingLog } from './lib/rotating-log';
import { createZwbOpener } from './lib/open-zwb';
import { backupRoutes, createHandlers, registerIpc, type Dialogs, type TrustedWindow } from './lib/ipc-handlers';
import { KeyVault } from './lib/key-vault';
import { createPrinter, PRINT_WINDOW_PREFERENCES, type PrintWindow } from './lib/printing';
import { installPrintSession, PRINT_PARTITION, PRINT_WINDOW_SESSION_PREFERENCES } from './lib/print-window';
import { installPermissionHandlers } from './lib/session-rules';
import { initialWindowState, loadWindowState, minimumSize, saveWindowState, stateToSave } from './lib/window-state';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, mayNavigate, SECURE_WEB_PREFERENCES, WINDOW_OPEN_DECISION } from './lib/window-rules';

// Thin shell: window, security rules, IPC wiring. The logic lives in ./lib and is tested by jest;
// README.md, "Electron security checklist", says where each item of Electron's checklist is met.

/** The built renderer, served as app://ledger/ (never file://) by the handler registered below. */
const rendererRoot = join(__dirname, '../renderer');

// Must happen before the app is ready: the scheme gets a real, secure origin (app://ledger).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

// Crash dumps stay on this laptop (app.getPath('crashDumps')); nothing is ever uploaded.
crashReporter.start({ ...CRASH_REPORTER_OPTIONS });
const log = new RotatingLog(app.getPath('logs'));
log.info(`启动 ${app.getVersion()} ${process.platform}`);
process.on('uncaughtExceptionMonitor', (e) => log.error('主进程未处理的错误', e));
process.on('unhandledRejection', (e) => log.error('主进程未处理的拒绝', e));

// One instance per data folder: a second start hands its command line to this one and exits.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();

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
    const outcome = await backupRequester.request('quit', QUIT_BACKUP_TIMEOUT_MS);
    log.info(outcome.ok ? '退出时备份已完成' : `退出时备份未完成：${outcome.reason}`);
  },
});

const refuseFile = (message: string) => {
  log.warn(message);
  void dialog.showMessageBox({ type: 'warning', title: '无法打开文件', message, buttons: ['确定'], noLink: true });
};
/**
 * Every way a .zwb is opened from outside — the first start's command line (double-click, 打开方式),
 * a second start's, macOS's open-file — goes through one opener: read here with the file dialog's
 * bounds, held until the page has loaded, then sent to it as name and bytes, one message a file.
 */
const zwbOpener = createZwbOpener({
  deliver: (files) => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    for (const file of files) mainWindow.webContents.send(IPC_EVENTS.openBundle, file);
  },
  refuse: refuseFile,
  focus: () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  },
  log: (line) => log.info(line),
});
if (firstInstance) void zwbOpener.fromArgv(process.argv, process.cwd());
app.on('second-instance', (_event, argv, workingDirectory) => void zwbOpener.fromSecondInstance(argv, workingDirectory));
// macOS: a file opened with the app (Finder, Dock), also before 'ready'.
app.on('open-file', (event, path) => {
  event.preventDefault();
  void zwbOpener.fromOpenFile(path);
});

/** A menu item the page carries out (it goes to the page that holds the action). */
const sendMenu = (command: MenuCommand) => {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENTS.menu, command);
};

/** The Chinese application menu; reloading and developer tools only in a development (unpackaged) run. */
function installMenu(): void {
  const template = buildMenuTemplate(
    {
      importBundles: () => sendMenu('importBundles'),
      exportMonthBundle: () => sendMenu('exportMonthBundle'),
      print: () => sendMenu('print'),
      backupAndRestore: () => sendMenu('backupAndRestore'),
      openDataFolder: () => void shell.openPath(app.getPath('userData')),
      showHelp: () => sendMenu('help'),
      showAbout: () => sendMenu('about'),
    },
    { isPackaged: app.isPackaged, platform: process.platform },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The only window whose top frame may call the desktop API. */
function trustedWindow(): TrustedWindow | null {
  if (!mainWindow || mainWindow.isDestroyed()) return null;
  return { webContents: mainWindow.webContents, mainFrame: mainWindow.webContents.mainFrame };
}

function createWindow(): void {
  // Where the clerk left it (kept on a screen that is still there), else fitting the work area.
  const dataFolder = app.getPath('userData');
  const placed = initialWindowState(loadWindowState(dataFolder), screen.getAllDisplays(), screen.getPrimaryDisplay());
  const min = minimumSize(screen.getDisplayMatching(placed.bounds).workArea);
  const win = new BrowserWindow({
    ...placed.bounds,
    minWidth: min.width,
    minHeight: min.height,
    title: '无废城市建设台账',
    show: false,
    // No developer tools in an installed program (the menu has none either; this also stops Ctrl+Shift+I).
    webPreferences: { ...SECURE_WEB_PREFERENCES, devTools: !app.isPackaged, preload: join(__dirname, 'preload.js') },
  });
  mainWindow = win;
  if (placed.maximized) win.maximize();
  win.on('close', (event) => {
    if (!saveWindowState(dataFolder, stateToSave(win))) log.warn('窗口大小和位置未能保存');
    exitGuard.onClose(event, () => win.close());
  });
  // The page's beforeunload only cancels silently: once the clerk chose 离开 it is overridden.
  win.webContents.on('will-prevent-unload', (event) => {
    if (exitGuard.leaving) event.preventDefault();
  });
  const renderGone = createRenderGoneHandler({
    ask: async (options) => (win.isDestroyed() ? 1 : (await dialog.showMessageBox(win, { ...options, buttons: [...options.buttons] })).response),
    reload: () => win.webContents.reload(),
    quit: () => app.quit(),
    log: (line) => log.error(line),
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    zwbOpener.pageGone();
    backupRequester.reset();
    unsaved.clear();
    void renderGone(details);
  });
  // A reload: files that arrive meanwhile wait for the page's handler again.
  win.webContents.on('did-start-loading', () => zwbOpener.pageGone());
  win.webContents.on('did-finish-load', () => zwbOpener.pageReady());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    zwbOpener.pageGone();
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
  if (!firstInstance) return;
  installPermissionHandlers(session.defaultSession);
  installMenu();
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
  const backupDir = join(app.getPath('userData'), BACKUP_FOLDER_NAME);
  const handlers = createHandlers(dialogs, {
    shell: 'electron',
    appVersion: app.getVersion(),
    platform: process.platform,
    folders: { data: app.getPath('userData'), backups: backupDir, logs: log.dir, crashDumps: app.getPath('crashDumps') },
  });
  const vault = new KeyVault(join(app.getPath('userData'), 'device-key.zwk'), {
    // The asynchronous calls (the synchronous ones are deprecated); a key the OS asks to re-seal is
    // still read (the old sealing stays readable) and sealed anew the next time the key is written.
    available: () => safeStorage.isAsyncEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (sealed) => (await safeStorage.decryptStringAsync(sealed)).result,
  });
  const backupFolder = new BackupFolder(backupDir, { openPath: (path) => shell.openPath(path) });
  const daily = createDailyBackup({ latest: () => backupFolder.latestCreatedAt(), request: (reason) => backupRequester.request(reason), log: (line) => log.info(line) });
  daily.start();
  // The print window's own session: in memory, only the document being printed may load, its own CSP, no permissions.
  const printSession = installPrintSession(session.fromPartition(PRINT_PARTITION));
  const printer = createPrinter((): PrintWindow => {
    // A hidden, sandboxed window without preload or scripts, only for laying out one document.
    const win = new BrowserWindow({ show: false, webPreferences: { ...SECURE_WEB_PREFERENCES, ...PRINT_WINDOW_PREFERENCES, ...PRINT_WINDOW_SESSION_PREFERENCES } });
    return {
      loadFile: (path) => {
        printSession.allow(path);
        return win.loadFile(path);
      },
      printToPDF: async (options) => new Uint8Array(await win.webContents.printToPDF(options)),
      print: (options) => new Promise((resolve) => win.webContents.print(options, (success) => resolve(success))),
      close: () => {
        printSession.clear();
        win.destroy();
      },
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
    (line) => log.error(line),
  );
  createWindow();
});

app.on('before-quit', (event) => exitGuard.onBeforeQuit(event, () => app.quit()));
app.on('window-all-closed', () => app.quit());
