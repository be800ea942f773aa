import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPrinter, PDF_OPTIONS, type PrintWindow } from '../../electron/lib/printing';
import { IpcArgumentError } from '../../electron/lib/ipc-handlers';

const dir = mkdtempSync(join(tmpdir(), 'zwc-printing-'));
const html = '<!doctype html><title>任务交办单</title><p>旗生态环境局</p>';

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
      async chooseSavePath(name, filters) {
        asked.push(name, filters);
        return target;
      },
    });
    expect(await printer.printToPDF({ html, suggestedName: '任务交办单-旗生态环境局-2026年11月.pdf' })).toBe('out.pdf');
    expect(state.loadedHtml).toBe(html);
    expect(state.calls).toEqual(['load', 'pdf', 'close']);
    expect(asked).toEqual(['任务交办单-旗生态环境局-2026年11月.pdf', [{ name: 'PDF 文件', extensions: ['pdf'] }]]);
    expect(readFileSync(target, 'latin1')).toBe('%PDF');
    // The temporary copy of the document is gone.
    expect(existsSync(dirname(state.loadedPath))).toBe(false);
  });

  it('writes nothing when the clerk cancels the dialog', async () => {
    const { win } = fakeWindow();
    const printer = createPrinter(() => win, { chooseSavePath: async () => null });
    const before = readdirSync(dir).length;
    expect(await printer.printToPDF({ html, suggestedName: 'a.pdf' })).toBeNull();
    expect(readdirSync(dir)).toHaveLength(before);
  });

  it('prints on paper through the system dialog and closes the window', async () => {
    const { win, state } = fakeWindow(false);
    const printer = createPrinter(() => win, { chooseSavePath: async () => null });
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
      { chooseSavePath: async () => join(dir, 'never.pdf') },
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
    await expect(createPrinter(() => win, { chooseSavePath: async () => null }).printToPDF({ html, suggestedName: 'a.pdf' })).rejects.toThrow('render failed');
    expect(state.closed).toBe(true);
  });
});
