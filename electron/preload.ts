import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../shared/platform/desktop-api';
import { IPC } from '../shared/platform/ipc-channels';

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
  },
};

contextBridge.exposeInMainWorld('zwcDesktop', api);
