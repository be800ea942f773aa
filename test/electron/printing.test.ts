import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPrinter, PDF_OPTIONS, type PrintWindow } from '../../electron/lib/printing';
import { withPrintCsp } from '../../electron/lib/print-window';
import { IpcArgumentError } from '../../electron/lib/ipc-handlers';

const dir = mkdtempSync(join(tmpdir(), 'zwc-printing-'));
const html = '<!doctype html><title>任务交办单</title><p>旗生态环境局</p>';
const noFolder = async (): Promise<string[] | null> => null;

function fakeWindow(printed = true) {
  const calls: string[] = [];
  const state = { loadedHtml: '', loadedPath: '', closed: false, calls };
  const win: PrintWindow = {
    async loadFile(path) {
      state.loadedPath = path;
      state.loadedHtml = readFileSync(path, 'utf8');
      calls.push('load');
    },
    async printToPDF(options) {
      expect(options).toBe(PDF_OPTIONS);
      calls.push('pdf');
      return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    },
    async print() {
      calls.push('print');
      return printed;
    },
    close() {
      state.closed = true;
      calls.push('close');
    },
  };
  return { win, state };
}

describe('printing in the main process', () => {
  it('renders the HTML in its own window, asks where to save and writes the PDF', async () => {
    const { win, state } = fakeWindow();
    const asked: unknown[] = [];
    const target = join(dir, 'out.pdf');
    const printer = createPrinter(() => win, {
      chooseOpenPaths: noFolder,
      async chooseSavePath(name, filters) {
        asked.push(name, filters);
        return target;
      },
    });
    expect(await printer.printToPDF({ html, suggestedName: '任务交办单-旗生态环境局-2026年11月.pdf' })).toBe('out.pdf');
    // The document as sent, with the print window's own policy first (after the doctype).
    expect(state.loadedHtml).toBe(withPrintCsp(html));
    expect(state.loadedHtml).toMatch(/^<!doctype html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'.*<title>任务交办单<\/title><p>旗生态环境局<\/p>$/);
    expect(state.calls).toEqual(['load', 'pdf', 'close']);
    expect(asked).toEqual(['任务交办单-旗生态环境局-2026年11月.pdf', [{ name: 'PDF 文件', extensions: ['pdf'] }]]);
    expect(readFileSync(target, 'latin1')).toBe('%PDF');
    // The temporary copy of the document is gone.
    expect(existsSync(dirname(state.loadedPath))).toBe(false);
  });

  it('writes nothing when the clerk cancels the dialog', async () => {
    const { win } = fakeWindow();
    const printer = createPrinter(() => win, { chooseSavePath: async () => null, chooseOpenPaths: noFolder });
    const before = readdirSync(dir).length;
    expect(await printer.printToPDF({ html, suggestedName: 'a.pdf' })).toBeNull();
    expect(readdirSync(dir)).toHaveLength(before);
  });

  it('prints on paper through the system dialog and closes the window', async () => {
    const { win, state } = fakeWindow(false);
    const printer = createPrinter(() => win, { chooseSavePath: async () => null, chooseOpenPaths: noFolder });
    expect(await printer.print({ html, suggestedName: 'a.pdf' })).toBe(false);
    expect(state.calls).toEqual(['load', 'print', 'close']);
  });

  it.each([
    ['a path as the name', { html, suggestedName: '../x.pdf' }],
    ['a name that is not a PDF', { html, suggestedName: 'x.exe' }],
    ['no HTML', { html: '', suggestedName: 'x.pdf' }],
    ['HTML that is not text', { html: new Uint8Array([1]), suggestedName: 'x.pdf' }],
    ['an unknown field', { html, suggestedName: 'x.pdf', url: 'https://example.com' }],
    ['nothing', undefined],
  ])('refuses %s before opening any window', async (_what, request) => {
    let opened = false;
    const printer = createPrinter(
      () => {
        opened = true;
        return fakeWindow().win;
      },
      { chooseSavePath: async () => join(dir, 'never.pdf'), chooseOpenPaths: async () => [dir] },
    );
    await expect(printer.printToPDF(request)).rejects.toBeInstanceOf(IpcArgumentError);
    await expect(printer.print(request)).rejects.toBeInstanceOf(IpcArgumentError);
    expect(opened).toBe(false);
    expect(existsSync(join(dir, 'never.pdf'))).toBe(false);
  });

  it('closes the window even when rendering fails', async () => {
    const { win, state } = fakeWindow();
    win.printToPDF = async () => {
      throw new Error('render failed');
    };
    await expect(createPrinter(() => win, { chooseSavePath: async () => null, chooseOpenPaths: noFolder }).printToPDF({ html, suggestedName: 'a.pdf' })).rejects.toThrow('render failed');
    expect(state.closed).toBe(true);
  });
});

describe('one PDF per department, saved together', () => {
  const docs = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ html: `<!doctype html><title>${i}</title><p>单位${i}</p>`, suggestedName: `任务交办单-单位${i}-2026年11月.pdf` }));

  /** A window that renders each document to a "PDF" holding its own HTML, so the test can tell the files apart. */
  function renderingWindows() {
    const rendered: string[] = [];
    let html = '';
    const open = (): PrintWindow => ({
      async loadFile(path) {
        html = readFileSync(path, 'utf8');
      },
      async printToPDF() {
        rendered.push(html);
        return new TextEncoder().encode(`%PDF ${html}`);
      },
      async print() {
        return true;
      },
      close() {},
    });
    return { open, rendered };
  }

  it('asks for a folder, makes a new folder in it named for the batch and writes each department its own PDF', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'zwc-batch-'));
    const { open, rendered } = renderingWindows();
    const asked: unknown[] = [];
    const printer = createPrinter(open, {
      chooseSavePath: async () => null,
      async chooseOpenPaths(filters, directory) {
        asked.push(filters, directory);
        return [parent];
      },
    });
    const request = { folderName: '任务交办单-2026年11月-3个单位', documents: docs(3) };
    expect(await printer.savePDFs(request)).toEqual({ folder: '任务交办单-2026年11月-3个单位', files: request.documents.map((d) => d.suggestedName) });
    expect(asked).toEqual([[], true]);
    expect(rendered).toHaveLength(3);
    const folder = join(parent, '任务交办单-2026年11月-3个单位');
    expect(readdirSync(folder).sort()).toEqual(request.documents.map((d) => d.suggestedName).sort());
    expect(readFileSync(join(folder, '任务交办单-单位1-2026年11月.pdf'), 'utf8')).toContain('<p>单位1</p>');
    // Saving again never overwrites: a second folder beside the first.
    expect((await printer.savePDFs(request))?.folder).toBe('任务交办单-2026年11月-3个单位（2）');
    expect(readdirSync(parent).sort()).toEqual(['任务交办单-2026年11月-3个单位', '任务交办单-2026年11月-3个单位（2）']);
  });

  it('writes nothing and renders nothing when the clerk cancels the folder dialog', async () => {
    const { open, rendered } = renderingWindows();
    const printer = createPrinter(open, { chooseSavePath: async () => null, chooseOpenPaths: noFolder });
    expect(await printer.savePDFs({ folderName: 'x', documents: docs(2) })).toBeNull();
    expect(rendered).toEqual([]);
  });

  it('writes nothing when one document fails to render', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'zwc-batch-'));
    let n = 0;
    const printer = createPrinter(
      () => ({
        async loadFile() {},
        async printToPDF() {
          if (++n === 2) throw new Error('render failed');
          return new Uint8Array([1]);
        },
        async print() {
          return true;
        },
        close() {},
      }),
      { chooseSavePath: async () => null, chooseOpenPaths: async () => [parent] },
    );
    await expect(printer.savePDFs({ folderName: 'x', documents: docs(3) })).rejects.toThrow('render failed');
    expect(readdirSync(parent)).toEqual([]);
  });

  it.each([
    ['no documents', { folderName: 'x', documents: [] }],
    ['too many documents', { folderName: 'x', documents: docs(121) }],
    ['two files of one name', { folderName: 'x', documents: [...docs(1), ...docs(1)] }],
    ['a path as the folder', { folderName: '../x', documents: docs(1) }],
    ['a hidden folder', { folderName: '.x', documents: docs(1) }],
    ['a path as a file name', { folderName: 'x', documents: [{ html, suggestedName: '../a.pdf' }] }],
    ['a file that is not a PDF', { folderName: 'x', documents: [{ html, suggestedName: 'a.exe' }] }],
    ['too much HTML in all', { folderName: 'x', documents: Array.from({ length: 4 }, (_, i) => ({ html: 'x'.repeat(16 * 1024 * 1024), suggestedName: `${i}.pdf` })) }],
    ['an unknown field', { folderName: 'x', documents: docs(1), path: '/tmp' }],
    ['nothing', undefined],
  ])('refuses %s before asking or opening any window', async (_what, request) => {
    let asked = false;
    let opened = false;
    const printer = createPrinter(
      () => {
        opened = true;
        return fakeWindow().win;
      },
      {
        chooseSavePath: async () => null,
        chooseOpenPaths: async () => {
          asked = true;
          return [dir];
        },
      },
    );
    await expect(printer.savePDFs(request)).rejects.toBeInstanceOf(IpcArgumentError);
    expect(asked).toBe(false);
    expect(opened).toBe(false);
  });
});
