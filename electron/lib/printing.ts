import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PrintRequestSchema } from '../../shared/platform/desktop-api';
import { IpcArgumentError, type Dialogs } from './ipc-handlers';
import { writeRegularFile } from './safe-file';

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

export function createPrinter(openWindow: () => PrintWindow, dialogs: Pick<Dialogs, 'chooseSavePath'>) {
  async function withDocument<T>(html: string, work: (win: PrintWindow) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'zwc-print-'));
    const file = join(dir, `${randomBytes(8).toString('hex')}.html`);
    const win = openWindow();
    try {
      await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
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
    async print(request: unknown): Promise<boolean> {
      const { html } = parse(request, 'print');
      return withDocument(html, (win) => win.print({ silent: false, printBackground: true }));
    },
  };
}
