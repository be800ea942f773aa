import { basename, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { readRegularFile } from './safe-file';

/**
 * One instance: a second start of the app (a double-clicked .zwb file, the shortcut clicked again)
 * does not open a second window on the same data folder — Electron hands its command line to the
 * first instance ('second-instance'), which brings its window to the front and, if a bundle file
 * was named, reads it here in the main process and sends the page its name and bytes, validated.
 * The page never sees or reads a path.
 */
export const BUNDLE_FILE_PATTERN = /\.zwb$/i;
/** The exchange's own limit for one bundle file. */
export const MAX_OPENED_BUNDLE_BYTES = 64 * 1024 * 1024;

export const OpenedBundleSchema = z
  .object({
    name: z.string().min(1).max(255).regex(BUNDLE_FILE_PATTERN, '不是交换文件（.zwb）'),
    data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength <= MAX_OPENED_BUNDLE_BYTES, '文件大小不正确'),
  })
  .strict();
export type OpenedBundle = z.infer<typeof OpenedBundleSchema>;

/** The .zwb file a command line names (the last one), as an absolute path; null when none. Switches are ignored. */
export function bundlePathFromArgv(argv: readonly string[], workingDirectory: string = process.cwd()): string | null {
  const named = argv.slice(1).filter((a) => !a.startsWith('-') && BUNDLE_FILE_PATTERN.test(a));
  const last = named[named.length - 1];
  if (!last) return null;
  return isAbsolute(last) ? last : resolve(workingDirectory, last);
}

/** Reads a named bundle file into the message the page gets; throws a Chinese reason when it cannot. */
export async function openedBundle(path: string): Promise<OpenedBundle> {
  const name = basename(path);
  return OpenedBundleSchema.parse({ name, data: await readRegularFile(path, MAX_OPENED_BUNDLE_BYTES, name) });
}

/** The parts of a BrowserWindow the handler uses. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface SecondInstanceDeps {
  window(): FocusableWindow | null;
  /** Sends the page a validated OpenedBundle. */
  deliver(bundle: OpenedBundle): void;
  /** Tells the clerk why the file was not opened (a dialog). */
  refuse(message: string): void;
  log?: (line: string) => void;
}

/** app.on('second-instance', (_e, argv, cwd) => handler(argv, cwd)). Resolves once the file (if any) was handed over. */
export function createSecondInstanceHandler(deps: SecondInstanceDeps) {
  return async (argv: readonly string[], workingDirectory: string): Promise<void> => {
    const win = deps.window();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    }
    const path = bundlePathFromArgv(argv, workingDirectory);
    if (!path) return;
    try {
      const bundle = await openedBundle(path);
      deps.log?.(`第二次启动：转交交换文件 ${bundle.name}`);
      deps.deliver(bundle);
    } catch (e) {
      const reason = e instanceof z.ZodError ? e.issues.map((i) => i.message).join('；') : e instanceof Error ? e.message : String(e);
      deps.refuse(`无法打开“${basename(path)}”：${reason}`);
    }
  };
}
