import { app, BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron';
import { KeyVault } from './lib/key-vault';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC } from '../shared/platform/ipc-channels';
import { createHandlers } from './lib/ipc-handlers';
import { isAppUrl, SECURE_WEB_PREFERENCES } from './lib/window-rules';

// Thin shell: window, security rules, IPC wiring. The logic lives in ./lib and is tested by jest.
const indexUrl = pathToFileURL(join(__dirname, '../renderer/index.html')).toString();

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '无废城市建设台账',
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(__dirname, 'preload.js') },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, indexUrl)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(indexUrl);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const handlers = createHandlers(
    {
      async chooseSavePath(suggestedName, filters) {
        const r = await dialog.showSaveDialog({ defaultPath: suggestedName, filters });
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      async chooseOpenPath(filters) {
        const r = await dialog.showOpenDialog({ properties: ['openFile'], filters });
        return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
      },
    },
    { shell: 'electron', appVersion: app.getVersion(), platform: process.platform },
  );
  ipcMain.handle(IPC.info, () => handlers.info());
  ipcMain.handle(IPC.saveFile, (_e, request: unknown) => handlers.saveFile(request));
  ipcMain.handle(IPC.openFile, (_e, request: unknown) => handlers.openFile(request));
  const vault = new KeyVault(join(app.getPath('userData'), 'device-key.zwk'), {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  });
  ipcMain.handle(IPC.vaultIdentity, () => vault.identity());
  ipcMain.handle(IPC.vaultSign, (_e, request: unknown) => vault.signManifest(request));
  createWindow();
});

app.on('window-all-closed', () => app.quit());
