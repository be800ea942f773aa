import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers, IpcArgumentError, type Dialogs } from '../../electron/lib/ipc-handlers';

const dir = mkdtempSync(join(tmpdir(), 'zwc-ipc-'));
const info = { shell: 'electron' as const, appVersion: '0.0.0', platform: 'linux' };

function dialogs(savePath: string | null, openPath: string | null = null): Dialogs & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async chooseSavePath(name) {
      asked.push(name);
      return savePath;
    },
    async chooseOpenPath() {
      return openPath;
    },
  };
}

describe('IPC handlers', () => {
  it('saves bytes where the user chose, and returns only the file name', async () => {
    const target = join(dir, '月报.zwb');
    const d = dialogs(target);
    const h = createHandlers(d, info);
    const saved = await h.saveFile({ suggestedName: '月报.zwb', data: new Uint8Array([1, 2, 3]), filters: [{ name: '数据包', extensions: ['zwb'] }] });
    expect(saved).toBe('月报.zwb');
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(d.asked).toEqual(['月报.zwb']);
  });

  it('returns null when the user cancels', async () => {
    const h = createHandlers(dialogs(null), info);
    expect(await h.saveFile({ suggestedName: 'a.txt', data: new Uint8Array(), filters: [] })).toBeNull();
    expect(await h.openFile({ filters: [] })).toBeNull();
  });

  it.each([
    ['a path instead of a name', { suggestedName: '../../etc/passwd', data: new Uint8Array(), filters: [] }],
    ['a string instead of bytes', { suggestedName: 'a.txt', data: 'abc', filters: [] }],
    ['an unknown field', { suggestedName: 'a.txt', data: new Uint8Array(), filters: [], extra: 1 }],
    ['a bad extension', { suggestedName: 'a.txt', data: new Uint8Array(), filters: [{ name: 'x', extensions: ['*'] }] }],
    ['nothing at all', undefined],
  ])('refuses %s before any dialog opens', async (_what, request) => {
    const d = dialogs(join(dir, 'never'));
    const h = createHandlers(d, info);
    await expect(h.saveFile(request)).rejects.toBeInstanceOf(IpcArgumentError);
    expect(d.asked).toEqual([]);
  });

  it('opens a chosen file', async () => {
    const source = join(dir, 'in.xlsx');
    writeFileSync(source, Buffer.from([9, 8, 7]));
    const h = createHandlers(dialogs(null, source), info);
    expect(await h.openFile({ filters: [{ name: 'Excel', extensions: ['xlsx'] }] })).toEqual({ name: 'in.xlsx', data: new Uint8Array([9, 8, 7]) });
    await expect(h.openFile({ filters: 'xlsx' })).rejects.toBeInstanceOf(IpcArgumentError);
  });
});
