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

/** In an open dialog, `*` alone is the "所有文件" entry (so a returned .ods can be chosen, then refused by name). */
export const OpenFileFilterSchema = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(10).or(z.tuple([z.literal('*')])),
  })
  .strict();
export type OpenFileFilter = z.infer<typeof OpenFileFilterSchema>;

/** At most this many files per openFiles call (a folder counts its files). */
export const MAX_OPEN_FILES = 200;
/** At most this many bytes read in one openFiles call, all files together. */
export const MAX_OPEN_TOTAL_BYTES = 200 * 1024 * 1024;

/**
 * Several files at once: a multi-select dialog, or (`directory`) a folder whose files matching the
 * filters are read (Office lock files "~$…" and hidden files skipped). `maxFileBytes` is checked
 * for each file before it is read; a file over it, or over the call's total, comes back refused.
 */
export const OpenFilesRequestSchema = z
  .object({
    filters: z.array(OpenFileFilterSchema).min(1).max(10),
    directory: z.boolean().optional(),
    maxFileBytes: z.number().int().positive().max(MAX_FILE_BYTES).optional(),
  })
  .strict();
export type OpenFilesRequest = z.infer<typeof OpenFilesRequestSchema>;

/** One file of an openFiles answer: its bytes, or why it was not read (too large, not a regular file…). */
export type OpenedEntry = { name: string; data: Uint8Array } | { name: string; refusal: string };

/** Whether a file name passes the filters: its extension is listed, or a filter is `*`. */
export function matchesFilters(name: string, filters: readonly OpenFileFilter[]): boolean {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return filters.some((f) => f.extensions.some((e) => e === '*' || e === ext));
}

/** Files a folder import never reads: Office/WPS lock files (~$…), hidden files, Windows/macOS bookkeeping. */
export function isSystemFileName(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

export function sizeText(bytes: number): string {
  return bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / 1048576) * 10) / 10} MB`;
}

/** The refusals for size, the same words in the desktop shell and the browser. */
export const openRefusal = {
  tooMany: (n: number) => `一次选择了 ${n} 个文件，最多 ${MAX_OPEN_FILES} 个。请分批导入。`,
  tooLarge: (name: string, size: number, limit: number) => `「${name}」过大（${sizeText(size)}），上限 ${sizeText(limit)}，未读取。请检查是否选错了文件。`,
  overTotal: (name: string) => `「${name}」未读取：本次选择的文件合计超过 ${sizeText(MAX_OPEN_TOTAL_BYTES)}。请分批导入。`,
};

/** A document to print: a self-contained HTML page (shared/print/html.ts) and the name to suggest for its PDF. */
export const MAX_PRINT_HTML_CHARS = 20 * 1024 * 1024;
export const PrintRequestSchema = z
  .object({
    html: z.string().min(1).max(MAX_PRINT_HTML_CHARS, '文档过大'),
    suggestedName: SuggestedNameSchema.refine((n) => n.toLowerCase().endsWith('.pdf'), '文件名应以 .pdf 结尾'),
  })
  .strict();
export type PrintRequest = z.infer<typeof PrintRequestSchema>;

// ---- Several PDFs at once (one per department), saved into a new folder in a folder the clerk picks.

/** At most this many documents in one savePDFs call, and this much HTML in all. */
export const MAX_PDF_BATCH_DOCUMENTS = 120;
export const MAX_PDF_BATCH_CHARS = 60 * 1024 * 1024;
/** The folder made for the batch: a plain name, no path, no dot at either end. */
export const FolderNameSchema = SuggestedNameSchema.refine((n) => !/^\.|\.$/.test(n) && n.length <= 120, '文件夹名不正确');
export const SavePDFsRequestSchema = z
  .object({
    /** Created inside the folder the clerk picks: 任务交办单-2026年11月-25个单位. */
    folderName: FolderNameSchema,
    documents: z
      .array(PrintRequestSchema)
      .min(1, '没有要保存的文档')
      .max(MAX_PDF_BATCH_DOCUMENTS, `一次最多保存 ${MAX_PDF_BATCH_DOCUMENTS} 个文件`)
      .refine((docs) => new Set(docs.map((d) => d.suggestedName.toLowerCase())).size === docs.length, '文件名重复')
      .refine((docs) => docs.reduce((n, d) => n + d.html.length, 0) <= MAX_PDF_BATCH_CHARS, '文档合计过大'),
  })
  .strict();
export type SavePDFsRequest = z.infer<typeof SavePDFsRequestSchema>;
/** Where the PDFs went: the new folder's name and the files in it, in the order asked. */
export interface SavedPDFs {
  folder: string;
  files: string[];
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface ShellInfo {
  shell: 'electron' | 'browser';
  appVersion: string;
  platform: string;
  /** Desktop only: where the data, the backups, the log files and the crash dumps are kept (shown in 设置 → 关于). */
  folders?: { data: string; backups: string; logs: string; crashDumps: string };
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

/** Exporting the key to move it: the passphrase that protects the file (checked in main: ≥ 10 characters). */
export const ExportKeyRequestSchema = z.object({ passphrase: z.string().min(1).max(200) }).strict();
export type ExportKeyRequest = z.infer<typeof ExportKeyRequestSchema>;
/** Importing a key file made on the old laptop, with its passphrase. */
export const ImportKeyRequestSchema = z
  .object({ data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength <= 64 * 1024, '不是密钥文件（大小不对）'), passphrase: z.string().min(1).max(200) })
  .strict();
export type ImportKeyRequest = z.infer<typeof ImportKeyRequestSchema>;
export interface NewKeyResult {
  previous: PublicIdentity | null;
  current: PublicIdentity;
}

/** Where the shell keeps the private key itself (Electron: the main process). */
export interface KeyVaultApi {
  identity(): Promise<PublicIdentity>;
  /** Base64 Ed25519 signature of the manifest. */
  signManifest(request: SignManifestRequest): Promise<string>;
  /** The key and its signing state as a .zwkey file sealed with the passphrase (scrypt + AES-256-GCM, in main). */
  exportKey?(request: ExportKeyRequest): Promise<Uint8Array>;
  /** Takes the key from a .zwkey file; a wrong passphrase is refused. */
  importKey?(request: ImportKeyRequest): Promise<PublicIdentity>;
  /** Replaces the key with a new one (then the city is told with a 换机说明). */
  newKey?(): Promise<NewKeyResult>;
  /** Removes the key and its signing state (reset). */
  erase?(): Promise<void>;
}

// ---- Backups of the whole workspace (shared/app/backup.ts), kept by the desktop in its data folder.

/** Largest backup file the shell writes or reads (the backup format's own limit). */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
export const BackupReasonSchema = z.enum(['manual', 'daily', 'quit', 'before-restore', 'before-reset']);
export type BackupReason = z.infer<typeof BackupReasonSchema>;
/** Names the shell gives backups in its folder: zwc-backup-20261124-103000-daily.zwbak (a number added if taken). */
export const BackupNameSchema = z.string().regex(/^zwc-backup-\d{8}-\d{6}(-\d{1,3})?-[a-z-]{3,20}\.zwbak$/, '不是备份文件夹中的备份');
export const WriteBackupRequestSchema = z
  .object({ data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength <= MAX_BACKUP_BYTES, '备份大小不正确'), reason: BackupReasonSchema })
  .strict();
export type WriteBackupRequest = z.infer<typeof WriteBackupRequestSchema>;
export const ReadBackupRequestSchema = z.object({ name: BackupNameSchema }).strict();
export type ReadBackupRequest = z.infer<typeof ReadBackupRequestSchema>;

/** One backup in the folder, as its header says (a file whose header cannot be read says why). */
export interface BackupEntry {
  name: string;
  size: number;
  /** Why it was made, from its name: 退出时, 每日, 手动… */
  reason?: BackupReason;
  createdAt?: string;
  officeCode?: string | null;
  officeName?: string | null;
  counts?: Record<string, number>;
  problem?: string;
}

/** The desktop's backup folder (in the data folder): written at quit and once a day, rotated. */
export interface BackupFolderApi {
  /** Verifies the backup, writes it into the folder, then removes what the rotation no longer keeps. */
  write(request: WriteBackupRequest): Promise<BackupEntry>;
  /** Newest first. */
  list(): Promise<BackupEntry[]>;
  read(request: ReadBackupRequest): Promise<Uint8Array>;
  /** Opens the folder in the system's file manager. */
  openFolder(): Promise<void>;
  /**
   * The renderer makes the backups the shell asks for (at quit, once a day): it holds the data.
   * Registers the one handler; from then on the shell may ask. The handler resolves once the
   * backup is written (through write) or throws why not.
   */
  onRequest(handler: (request: BackupRequest) => Promise<void>): void;
}

/** What the shell asks the renderer for: a backup, with the reason to write it under. */
export const BackupRequestSchema = z.object({ id: z.number().int().nonnegative(), reason: z.enum(['daily', 'quit']) }).strict();
export type BackupRequest = z.infer<typeof BackupRequestSchema>;
/** The renderer's answer to a BackupRequest. */
export const BackupDoneSchema = z
  .object({ id: z.number().int().nonnegative(), ok: z.boolean(), message: z.string().max(500).optional() })
  .strict();
export type BackupDone = z.infer<typeof BackupDoneSchema>;

/** Backup reasons as the clerk reads them. */
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  manual: '手动',
  daily: '每日自动',
  quit: '退出时',
  'before-restore': '恢复前',
  'before-reset': '重置前',
};

// ---- The desktop's application menu (electron/lib/app-menu.ts): the items the page carries out.

/** What a menu item asks the page to do; main sends one of these on IPC_EVENTS.menu, the preload checks it. */
export const MENU_COMMANDS = ['importBundles', 'exportMonthBundle', 'print', 'backupAndRestore', 'help', 'about'] as const;
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export interface DesktopApi {
  info(): Promise<ShellInfo>;
  /** Resolves to the saved file's name, or null if the user cancelled. */
  saveFile(request: SaveFileRequest): Promise<string | null>;
  /** Resolves to the chosen file, or null if the user cancelled. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /**
   * Several files (multi-select) or a folder's files, in the order chosen; null if the user
   * cancelled. Throws when more than MAX_OPEN_FILES are chosen; a file too large is refused alone.
   */
  openFiles(request: OpenFilesRequest): Promise<OpenedEntry[] | null>;
  /**
   * Saves the document as PDF. Electron renders it in a hidden window and asks where to save it;
   * resolves to the saved file's name, or null if the user cancelled. A plain browser opens its
   * print dialog with the file name as the document's title (choose “另存为 PDF”) and cannot know
   * whether anything was saved: the renderer does not offer it there (see savePDFs).
   */
  printToPDF(request: PrintRequest): Promise<string | null>;
  /** Sends the document to a printer through the system's print dialog; false if cancelled. */
  print(request: PrintRequest): Promise<boolean>;
  /**
   * Saves each document as its own PDF (each with its own page numbers) in a new folder inside the
   * folder the clerk picks; null if the clerk cancelled, and then nothing is written. Absent in a
   * plain browser, which can neither write several files nor tell whether its print dialog printed
   * or saved anything: the renderer then prints one document at a time and asks the clerk.
   */
  savePDFs?(request: SavePDFsRequest): Promise<SavedPDFs | null>;
  /** Absent in a plain browser, where the renderer keeps a non-extractable key itself. */
  keyVault?: KeyVaultApi;
  /** Absent in a plain browser: backups are downloads there. */
  backups?: BackupFolderApi;
  /**
   * Tells the shell whether any form holds unsaved typing, so that closing the window asks
   * (留下 / 离开) from the main process. Absent in a plain browser, where beforeunload asks.
   */
  reportUnsaved?(report: { unsaved: boolean }): Promise<void>;
  /**
   * A bundle file (.zwb) the app was started with, or that a second start of the app named: its
   * name and bytes, read by the shell (the page never gets a path). Messages that came before the
   * handler are kept and handed to it when it registers.
   */
  onOpenBundle?(handler: (file: OpenedFile) => void): void;
  /**
   * Items of the desktop's application menu (文件 → 导入交换文件, 打印…): the page goes to where
   * that action is. One handler; a command sent before it registers is dropped (the clerk sees
   * nothing happen and chooses again). A no-op in a plain browser, which has no such menu.
   */
  onMenu?(handler: (command: MenuCommand) => void): void;
}
