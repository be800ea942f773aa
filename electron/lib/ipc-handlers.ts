import type { ZodType } from 'zod';
import { basename } from 'node:path';
import { readFile, stat, writeFile } from 'node:fs/promises';
import {
  MAX_FILE_BYTES,
  OpenFileRequestSchema,
  SaveFileRequestSchema,
  type FileFilter,
  type OpenedFile,
  type ShellInfo,
} from '../../shared/platform/desktop-api';

/** The native dialogs, injected so the handlers can be tested without Electron. */
export interface Dialogs {
  chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  chooseOpenPath(filters: FileFilter[]): Promise<string | null>;
}

export class IpcArgumentError extends Error {
  constructor(channel: string, detail: string) {
    super(`${channel} 参数不正确：${detail}`);
    this.name = 'IpcArgumentError';
  }
}

function parse<T>(schema: ZodType<T>, value: unknown, channel: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new IpcArgumentError(channel, r.error.issues.map((i) => `${i.path.join('.') || '参数'} ${i.message}`).join('；'));
  return r.data;
}

/**
 * The main process's side of the desktop API. Every argument is validated here, on the trusted
 * side, whatever the renderer claims to have checked.
 */
export function createHandlers(dialogs: Dialogs, info: ShellInfo) {
  return {
    async info(): Promise<ShellInfo> {
      return info;
    },
    async saveFile(request: unknown): Promise<string | null> {
      const { suggestedName, data, filters } = parse(SaveFileRequestSchema, request, 'saveFile');
      const path = await dialogs.chooseSavePath(suggestedName, filters);
      if (!path) return null;
      await writeFile(path, data);
      return basename(path);
    },
    async openFile(request: unknown): Promise<OpenedFile | null> {
      const { filters } = parse(OpenFileRequestSchema, request, 'openFile');
      const path = await dialogs.chooseOpenPath(filters);
      if (!path) return null;
      const size = (await stat(path)).size;
      if (size > MAX_FILE_BYTES) throw new Error(`文件过大（${Math.round(size / 1048576)} MB），上限 ${MAX_FILE_BYTES / 1048576} MB`);
      return { name: basename(path), data: new Uint8Array(await readFile(path)) };
    },
  };
}
