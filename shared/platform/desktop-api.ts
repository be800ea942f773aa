import { z } from 'zod';

/**
 * The one API the renderer has to the machine it runs on. Electron's preload implements it over
 * IPC; renderer/src/platform/browser.ts implements it with web APIs, so the whole UI also runs,
 * and is tested, in a plain browser. Every argument crosses a process boundary and is validated
 * on the far side with these schemas.
 */
export const FileFilterSchema = z
  .object({ name: z.string().min(1).max(100), extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(10) })
  .strict();
export type FileFilter = z.infer<typeof FileFilterSchema>;

/** File names only, never paths: where a file goes is the user's choice in the dialog. */
export const SuggestedNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((n) => !/[\\/:*?"<>|]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 32) && n !== '.' && n !== '..', '文件名含有不允许的字符');

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export const SaveFileRequestSchema = z
  .object({
    suggestedName: SuggestedNameSchema,
    data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_FILE_BYTES, '文件过大'),
    filters: z.array(FileFilterSchema).max(10),
  })
  .strict();
export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;

export const OpenFileRequestSchema = z.object({ filters: z.array(FileFilterSchema).max(10) }).strict();
export type OpenFileRequest = z.infer<typeof OpenFileRequestSchema>;

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface ShellInfo {
  shell: 'electron' | 'browser';
  appVersion: string;
  platform: string;
}

export interface DesktopApi {
  info(): Promise<ShellInfo>;
  /** Resolves to the saved file's name, or null if the user cancelled. */
  saveFile(request: SaveFileRequest): Promise<string | null>;
  /** Resolves to the chosen file, or null if the user cancelled. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
}
