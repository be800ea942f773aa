import { basename, extname, isAbsolute, resolve } from 'node:path';
import { MAX_FILE_BYTES, MAX_OPEN_FILES, type OpenedFile } from '../../shared/platform/desktop-api';
import { FileRefusedError, readRegularFile } from './safe-file';

/**
 * Every way a clerk opens a .zwb exchange file from outside the app — double-click or 打开方式 (the
 * path on the first start's command line), the same while the app already runs (the second
 * instance's command line, 'second-instance'), macOS's 'open-file' — ends here: the main process
 * checks the name, reads the file with the same bounds as the file dialog (readRegularFile: a
 * regular file, at most MAX_FILE_BYTES, read through the descriptor), and hands the page its name
 * and bytes for the import flow. The page never gets a path. Files dragged onto the window reach
 * the page as File objects through the drop zone, so they need nothing here. Files that arrive
 * before the page is ready wait for it. Kept free of Electron imports so jest can test it.
 */
export const ZWB_EXTENSION = '.zwb';

/** The .zwb files a command line names (Windows passes the double-clicked file as an argument), as absolute paths, in order, without repeats. */
export function zwbPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const paths = argv
    .slice(1)
    .filter((a) => !a.startsWith('-') && extname(a).toLowerCase() === ZWB_EXTENSION)
    .map((a) => (isAbsolute(a) ? a : resolve(workingDirectory, a)));
  return [...new Set(paths)];
}

/** Reads one named .zwb for the page; throws a FileRefusedError with the Chinese reason. */
export async function readZwb(path: string, maxBytes: number = MAX_FILE_BYTES): Promise<OpenedFile> {
  const name = basename(path);
  if (!isAbsolute(path)) throw new FileRefusedError(`“${name}”的位置不完整，无法打开`);
  if (extname(name).toLowerCase() !== ZWB_EXTENSION) throw new FileRefusedError(`“${name}”不是交换文件（.zwb），无法导入`);
  const data = await readRegularFile(path, maxBytes, name);
  if (data.byteLength === 0) throw new FileRefusedError(`“${name}”是空文件，无法导入`);
  return { name, data };
}

export interface ZwbOpenerDeps {
  /** Sends the page the files for the import flow (one message per arrival). */
  deliver(files: OpenedFile[]): void;
  /** Tells the clerk, in a dialog, why a file was not opened. */
  refuse(message: string): void;
  /** Brings the window to the front (a second start or open-file while running). */
  focus?(): void;
  log?(line: string): void;
  maxBytes?: number;
}

export function createZwbOpener(deps: ZwbOpenerDeps) {
  let ready = false;
  const waiting: OpenedFile[] = [];

  async function open(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    deps.focus?.();
    if (paths.length > MAX_OPEN_FILES) {
      deps.refuse(`一次打开了 ${paths.length} 个交换文件，最多 ${MAX_OPEN_FILES} 个。请在“导入交换文件”中分批选择。`);
      return;
    }
    const files: OpenedFile[] = [];
    const refusals: string[] = [];
    for (const path of paths) {
      try {
        files.push(await readZwb(path, deps.maxBytes));
      } catch (e) {
        refusals.push(e instanceof FileRefusedError ? e.message : `无法读取“${basename(path)}”：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
    }
    if (refusals.length > 0) deps.refuse(refusals.join('\n'));
    if (files.length === 0) return;
    deps.log?.(`打开交换文件：${files.map((f) => f.name).join('、')}`);
    if (ready) deps.deliver(files);
    else waiting.push(...files);
  }

  return {
    /** The first start: process.argv and process.cwd(). */
    fromArgv: (argv: readonly string[], workingDirectory: string) => open(zwbPathsFromArgv(argv, workingDirectory)),
    /** app.on('second-instance', (_e, argv, cwd) => opener.fromSecondInstance(argv, cwd)). */
    fromSecondInstance: (argv: readonly string[], workingDirectory: string) => {
      deps.focus?.();
      return open(zwbPathsFromArgv(argv, workingDirectory));
    },
    /** app.on('open-file', (e, path) => { e.preventDefault(); opener.fromOpenFile(path); }) — macOS, also before 'ready'. */
    fromOpenFile: (path: string) => open([path]),
    /** The page has loaded and listens: hands over what waited. */
    pageReady(): void {
      ready = true;
      if (waiting.length > 0) deps.deliver(waiting.splice(0));
    },
    /** The page went away (reload): hold files again until it is back. */
    pageGone(): void {
      ready = false;
    },
  };
}
