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

/** A document to print: a self-contained HTML page (shared/print/html.ts) and the name to suggest for its PDF. */
export const MAX_PRINT_HTML_CHARS = 20 * 1024 * 1024;
export const PrintRequestSchema = z
  .object({
    html: z.string().min(1).max(MAX_PRINT_HTML_CHARS, '文档过大'),
    suggestedName: SuggestedNameSchema.refine((n) => n.toLowerCase().endsWith('.pdf'), '文件名应以 .pdf 结尾'),
  })
  .strict();
export type PrintRequest = z.infer<typeof PrintRequestSchema>;

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface ShellInfo {
  shell: 'electron' | 'browser';
  appVersion: string;
  platform: string;
}

/** The installation's signing key as the renderer may see it: never the private half. */
export interface PublicIdentity {
  publicKey: string;
  fingerprint: string;
  createdAt: string;
}

/** A bundle manifest to sign, as canonical JSON bytes; the vault signs nothing else. */
export const SignManifestRequestSchema = z
  .object({ manifest: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength <= 64 * 1024, '清单大小不正确') })
  .strict();
export type SignManifestRequest = z.infer<typeof SignManifestRequestSchema>;

/** Where the shell keeps the private key itself (Electron: the main process). */
export interface KeyVaultApi {
  identity(): Promise<PublicIdentity>;
  /** Base64 Ed25519 signature of the manifest. */
  signManifest(request: SignManifestRequest): Promise<string>;
}

export interface DesktopApi {
  info(): Promise<ShellInfo>;
  /** Resolves to the saved file's name, or null if the user cancelled. */
  saveFile(request: SaveFileRequest): Promise<string | null>;
  /** Resolves to the chosen file, or null if the user cancelled. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /**
   * Saves the document as PDF. Electron renders it in a hidden window and asks where to save it;
   * resolves to the saved file's name, or null if the user cancelled. A plain browser opens its
   * print dialog with the file name as the document's title (choose “另存为 PDF”) and resolves to
   * that name.
   */
  printToPDF(request: PrintRequest): Promise<string | null>;
  /** Sends the document to a printer through the system's print dialog; false if cancelled. */
  print(request: PrintRequest): Promise<boolean>;
  /** Absent in a plain browser, where the renderer keeps a non-extractable key itself. */
  keyVault?: KeyVaultApi;
}
