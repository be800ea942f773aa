import {
  MAX_FILE_BYTES,
  matchesFilters,
  openRefusal,
  type DesktopApi,
  type OpenedEntry,
  type OpenedFile,
  type OpenFileRequest,
  type OpenFilesRequest,
  type PrintRequest,
  type SaveFileRequest,
} from '../../../shared/platform/desktop-api';
import { isSystemPath, readPickedFiles } from './read-files';

declare const __APP_VERSION__: string;

/**
 * Prints a self-contained document through the browser's print dialog, from a hidden frame so the
 * page itself is not what prints. The document's title is the file name, which “另存为 PDF” proposes.
 */
async function printInFrame(request: PrintRequest): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  const loaded = new Promise<void>((resolve) => (frame.onload = () => resolve()));
  frame.srcdoc = request.html;
  document.body.appendChild(frame);
  try {
    await loaded;
    const win = frame.contentWindow;
    if (!win) throw new Error('无法准备打印');
    await win.document.fonts.ready;
    win.focus();
    win.print();
  } finally {
    // print() returns once the dialog is closed; the frame is no longer needed.
    setTimeout(() => frame.remove(), 1000);
  }
}

/** The same API in a plain browser: downloads for saving, a file input for opening, the print dialog for printing. */
export const browserApi: DesktopApi = {
  async info() {
    return { shell: 'browser', appVersion: __APP_VERSION__, platform: navigator.platform || 'web' };
  },
  async saveFile(request: SaveFileRequest) {
    const blob = new Blob([request.data]);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = request.suggestedName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return request.suggestedName;
  },
  async printToPDF(request: PrintRequest) {
    await printInFrame(request);
    return request.suggestedName;
  },
  async print(request: PrintRequest) {
    await printInFrame(request);
    return true;
  },
  /** One file; its size is looked at before its bytes are read, so a 1 GB file never enters memory. */
  openFile(request: OpenFileRequest) {
    return new Promise<OpenedFile | null>((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      input.onchange = async () => {
        const file = input.files?.[0];
        if (file && file.size > MAX_FILE_BYTES) reject(new Error(openRefusal.tooLarge(file.name, file.size, MAX_FILE_BYTES)));
        else resolve(file ? { name: file.name, data: new Uint8Array(await file.arrayBuffer()) } : null);
      };
      input.oncancel = () => resolve(null);
      input.click();
    });
  },
  /** Several files (<input multiple>) or a folder (<input webkitdirectory>); sizes are checked before reading. */
  openFiles(request: OpenFilesRequest) {
    return new Promise<OpenedEntry[] | null>((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      if (request.directory) input.webkitdirectory = true;
      else input.multiple = true;
      // With a 所有文件 (*) filter nothing is hidden, so a returned .ods can be chosen and then refused by name.
      if (!request.directory && !request.filters.some((f) => f.extensions.includes('*'))) {
        input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      }
      input.onchange = () => {
        let files = [...(input.files ?? [])];
        if (request.directory) files = files.filter((f) => !isSystemPath(f.webkitRelativePath || f.name) && matchesFilters(f.name, request.filters));
        if (files.length === 0) resolve(request.directory ? [] : null);
        else readPickedFiles(files, Math.min(request.maxFileBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES)).then(resolve, reject);
      };
      input.oncancel = () => resolve(null);
      input.click();
    });
  },
  /** A plain browser has no application menu: nothing ever calls the handler. */
  onMenu() {},
};
