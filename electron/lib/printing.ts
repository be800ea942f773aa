import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PrintRequestSchema, SavePDFsRequestSchema, type SavedPDFs } from '../../shared/platform/desktop-api';
import { IpcArgumentError, type Dialogs } from './ipc-handlers';
import { FileRefusedError, writeRegularFile } from './safe-file';
import { withPrintCsp } from './print-window';

/**
 * Printing a document the renderer laid out (shared/print/html.ts). The HTML is shown in a
 * hidden window of its own — sandboxed, scripts off, no preload — loaded from a private temporary
 * file, never in the app's window; the PDF goes where the clerk chooses in the save dialog.
 */

/** The part of a hidden BrowserWindow printing needs, so jest can pass a fake. */
export interface PrintWindow {
  loadFile(path: string): Promise<void>;
  printToPDF(options: typeof PDF_OPTIONS): Promise<Uint8Array>;
  /** Opens the system print dialog; resolves false when cancelled. */
  print(options: { silent: false; printBackground: true }): Promise<boolean>;
  close(): void;
}

/** The page size and margins come from the document's own @page rules (A4, GB/T 9704 margins). */
export const PDF_OPTIONS = { printBackground: true, preferCSSPageSize: true, generateDocumentOutline: false } as const;

/** For the hidden window: the app's secure preferences, and no scripts at all (the documents have none). */
export const PRINT_WINDOW_PREFERENCES = { javascript: false, images: true } as const;

function parse(request: unknown, channel: string) {
  const r = PrintRequestSchema.safeParse(request);
  if (!r.success) throw new IpcArgumentError(channel, r.error.issues.map((i) => `${i.path.join('.') || '参数'} ${i.message}`).join('；'));
  return r.data;
}

function parseBatch(request: unknown) {
  const r = SavePDFsRequestSchema.safeParse(request);
  if (!r.success) throw new IpcArgumentError('savePDFs', r.error.issues.map((i) => `${i.path.join('.') || '参数'} ${i.message}`).join('；'));
  return r.data;
}

/** A new folder named `name` inside `parent`, or 名称（2）, 名称（3）… when that name is taken: nothing already there is overwritten. */
async function newFolder(parent: string, name: string): Promise<string> {
  for (let n = 1; n <= 99; n++) {
    const path = join(parent, n === 1 ? name : `${name}（${n}）`);
    try {
      await mkdir(path);
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new FileRefusedError(`无法在所选文件夹中新建“${basename(path)}”：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
  throw new FileRefusedError(`所选文件夹中已有太多名为“${name}”的文件夹，请换一个文件夹`);
}

export function createPrinter(openWindow: () => PrintWindow, dialogs: Pick<Dialogs, 'chooseSavePath' | 'chooseOpenPaths'>) {
  async function withDocument<T>(html: string, work: (win: PrintWindow) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'zwc-print-'));
    const file = join(dir, `${randomBytes(8).toString('hex')}.html`);
    const win = openWindow();
    try {
      // The print window's own policy first in <head>, whatever the document says (print-window.ts).
      await writeFile(file, withPrintCsp(html), { encoding: 'utf8', mode: 0o600 });
      await win.loadFile(file);
      return await work(win);
    } finally {
      win.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  return {
    /** Renders the PDF first, then asks where to save it: a cancelled dialog writes nothing. */
    async printToPDF(request: unknown): Promise<string | null> {
      const { html, suggestedName } = parse(request, 'printToPDF');
      const pdf = await withDocument(html, (win) => win.printToPDF(PDF_OPTIONS));
      const path = await dialogs.chooseSavePath(suggestedName, [{ name: 'PDF 文件', extensions: ['pdf'] }]);
      if (!path) return null;
      await writeRegularFile(path, pdf, basename(path));
      return basename(path);
    },
    /**
     * One PDF per document (each department's own, with its own page numbers) in a new folder
     * inside the folder the clerk picks. Asks first, then renders every document, one window at a
     * time, and writes only when all rendered: a cancelled dialog or a failed page writes nothing.
     */
    async savePDFs(request: unknown): Promise<SavedPDFs | null> {
      const { folderName, documents } = parseBatch(request);
      const picked = await dialogs.chooseOpenPaths([], true);
      if (!picked?.[0]) return null;
      const pdfs: Uint8Array[] = [];
      for (const d of documents) pdfs.push(await withDocument(d.html, (win) => win.printToPDF(PDF_OPTIONS)));
      const folder = await newFolder(picked[0], folderName);
      for (const [i, d] of documents.entries()) await writeRegularFile(join(folder, d.suggestedName), pdfs[i], d.suggestedName);
      return { folder: basename(folder), files: documents.map((d) => d.suggestedName) };
    },
    async print(request: unknown): Promise<boolean> {
      const { html } = parse(request, 'print');
      return withDocument(html, (win) => win.print({ silent: false, printBackground: true }));
    },
  };
}
