import type { ZodType } from 'zod';
import { basename } from 'node:path';
import {
  MAX_FILE_BYTES,
  OpenFileRequestSchema,
  OpenFilesRequestSchema,
  SaveFileRequestSchema,
  type FileFilter,
  type OpenedEntry,
  type OpenedFile,
  type OpenFileFilter,
  type ShellInfo,
} from '../../shared/platform/desktop-api';
import { IPC } from '../../shared/platform/ipc-channels';
import { readRegularFile, writeRegularFile } from './safe-file';
import { listFolder, readFiles } from './open-files';
import { isAppUrl } from './window-rules';
import { toIpcResult } from './ipc-result';

/** The native dialogs, injected so the handlers can be tested without Electron. */
export interface Dialogs {
  chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  chooseOpenPath(filters: FileFilter[]): Promise<string | null>;
  /** Several files (multi-select), or one folder when `directory`; null when cancelled. */
  chooseOpenPaths(filters: OpenFileFilter[], directory: boolean): Promise<string[] | null>;
}

export class IpcArgumentError extends Error {
  constructor(channel: string, detail: string) {
    super(`${channel} 参数不正确：${detail}`);
    this.name = 'IpcArgumentError';
  }
}

export class IpcSenderError extends Error {
  constructor(channel: string, detail: string) {
    super(`拒绝 ${channel} 请求：${detail}`);
    this.name = 'IpcSenderError';
  }
}

function parse<T>(schema: ZodType<T>, value: unknown, channel: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new IpcArgumentError(channel, r.error.issues.map((i) => `${i.path.join('.') || '参数'} ${i.message}`).join('；'));
  return r.data;
}

export interface HandlerOptions {
  /** Largest file openFile reads; the desktop API's limit unless a test sets a smaller one. */
  maxFileBytes?: number;
  /** All files of one openFiles call together; the desktop API's limit unless a test sets a smaller one. */
  maxTotalBytes?: number;
}

/**
 * The main process's side of the desktop API. Every argument is validated here, on the trusted
 * side, whatever the renderer claims to have checked.
 */
export function createHandlers(dialogs: Dialogs, info: ShellInfo, options: HandlerOptions = {}) {
  const maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  return {
    async info(): Promise<ShellInfo> {
      return info;
    },
    async saveFile(request: unknown): Promise<string | null> {
      const { suggestedName, data, filters } = parse(SaveFileRequestSchema, request, 'saveFile');
      const path = await dialogs.chooseSavePath(suggestedName, filters);
      if (!path) return null;
      await writeRegularFile(path, data, basename(path));
      return basename(path);
    },
    async openFile(request: unknown): Promise<OpenedFile | null> {
      const { filters } = parse(OpenFileRequestSchema, request, 'openFile');
      const path = await dialogs.chooseOpenPath(filters);
      if (!path) return null;
      return { name: basename(path), data: await readRegularFile(path, maxFileBytes, basename(path)) };
    },
    async openFiles(request: unknown): Promise<OpenedEntry[] | null> {
      const { filters, directory = false, maxFileBytes: asked } = parse(OpenFilesRequestSchema, request, 'openFiles');
      const chosen = await dialogs.chooseOpenPaths(filters, directory);
      if (!chosen || chosen.length === 0) return null;
      const paths = directory ? await listFolder(chosen[0], filters) : chosen;
      return readFiles(paths, Math.min(asked ?? maxFileBytes, maxFileBytes), options.maxTotalBytes);
    },
  };
}

// ---------------------------------------------------------------- who may call

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly frameTreeNodeId?: number;
  readonly detached?: boolean;
}

/** The parts of an IpcMainInvokeEvent the sender check reads. */
export interface IpcEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

/** The app window, as the main process knows it: its webContents and that webContents' top frame. */
export interface TrustedWindow {
  readonly webContents: unknown;
  readonly mainFrame: FrameLike;
}

/**
 * Why an IPC call must be refused, or null when it comes from the app window's top frame showing
 * the app's own page (app://ledger/index.html). Anything else is refused: another window or
 * webContents, an iframe, a frame already gone, a page that navigated elsewhere (Electron's
 * security checklist, item 17).
 */
export function senderProblem(event: IpcEventLike, trusted: TrustedWindow | null): string | null {
  if (!trusted) return '主窗口尚未就绪';
  if (event.sender !== trusted.webContents) return '请求不是来自本程序的主窗口';
  const frame = event.senderFrame;
  if (!frame || frame.detached) return '发出请求的页面已关闭';
  if (frame.parent !== null) return '请求来自内嵌框架，而不是主窗口页面';
  const sameFrame =
    frame === trusted.mainFrame ||
    (frame.frameTreeNodeId !== undefined && frame.frameTreeNodeId === trusted.mainFrame.frameTreeNodeId);
  if (!sameFrame) return '请求不是来自主窗口的顶层页面';
  if (!isAppUrl(frame.url)) return '请求来自本程序以外的页面';
  return null;
}

/** Every channel of the desktop API and the function that answers it. */
export type IpcRoutes = Record<(typeof IPC)[keyof typeof IPC], (request: unknown) => unknown>;

/** The part of ipcMain used here (ipcMain.handle), so jest can pass a fake. */
export interface IpcRegistrar {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

/**
 * Registers every route with the sender check in front of it: the handler never runs for a
 * refused sender (that call throws). One place, so no channel can be added without the check.
 * A route's answer goes back as an IpcResult (./ipc-result.ts): its failure as the Chinese message
 * alone, never as a thrown error that Electron would prefix with "Error invoking remote method";
 * failures without a message for the clerk go to `log` in full.
 */
export function registerIpc(ipc: IpcRegistrar, routes: IpcRoutes, trusted: () => TrustedWindow | null, log?: (line: string) => void): void {
  for (const channel of Object.values(IPC)) {
    const route = routes[channel];
    ipc.handle(channel, (event, ...args) => {
      const problem = senderProblem(event, trusted());
      if (problem) throw new IpcSenderError(channel, problem);
      return toIpcResult(() => route(args[0]), log);
    });
  }
}

// ---------------------------------------------------------------- backups

/** The parts of BackupFolder (./backup-folder.ts) the routes call; each validates its own argument. */
export interface BackupFolderLike {
  write(request: unknown): Promise<unknown>;
  list(): Promise<unknown>;
  read(request: unknown): Promise<Uint8Array>;
  openFolder(): Promise<void>;
}

/** The parts of the backup requester (./backup-schedule.ts) the routes call. */
export interface BackupAgentLike {
  agentReady(): void;
  done(answer: unknown): void;
}

/**
 * The backup folder's channels. Write and read take only what their schemas allow (a verified
 * backup and a reason; a name the folder gave), so a page can neither write elsewhere nor read
 * anything but the folder's own backups.
 */
export function backupRoutes(folder: BackupFolderLike, agent: BackupAgentLike, onAgentReady: () => void = () => undefined) {
  return {
    [IPC.backupWrite]: (request: unknown) => folder.write(request),
    [IPC.backupList]: () => folder.list(),
    [IPC.backupRead]: (request: unknown) => folder.read(request),
    [IPC.backupOpenFolder]: () => folder.openFolder(),
    [IPC.backupAgentReady]: () => {
      agent.agentReady();
      onAgentReady();
    },
    [IPC.backupDone]: (request: unknown) => agent.done(request),
  };
}
