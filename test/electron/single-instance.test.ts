import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundlePathFromArgv, createSecondInstanceHandler, OpenedBundleSchema, type OpenedBundle } from '../../electron/lib/single-instance';

const dir = mkdtempSync(join(tmpdir(), 'zwc-second-'));

function harness(minimized = false) {
  const calls: string[] = [];
  const delivered: OpenedBundle[] = [];
  const refused: string[] = [];
  const win = { isMinimized: () => minimized, restore: () => calls.push('restore'), show: () => calls.push('show'), focus: () => calls.push('focus') };
  const handler = createSecondInstanceHandler({ window: () => win, deliver: (b) => delivered.push(b), refuse: (m) => refused.push(m) });
  return { calls, delivered, refused, handler };
}

describe('one instance: a second start', () => {
  it('brings the first window to the front (restored when minimized)', async () => {
    const h = harness(true);
    await h.handler(['/opt/zwc/zwc', '--flag'], dir);
    expect(h.calls).toEqual(['restore', 'show', 'focus']);
    expect(h.delivered).toEqual([]);
  });

  it('hands the page the named .zwb file as name and bytes, read in main', async () => {
    writeFileSync(join(dir, '伊金霍洛旗-150627-2026-11.zwb'), Buffer.from([1, 2, 3]));
    const h = harness();
    await h.handler(['zwc.exe', '--allow-file-access', '伊金霍洛旗-150627-2026-11.zwb'], dir);
    expect(h.delivered).toHaveLength(1);
    expect(h.delivered[0].name).toBe('伊金霍洛旗-150627-2026-11.zwb');
    expect([...h.delivered[0].data]).toEqual([1, 2, 3]);
    expect(JSON.stringify(h.delivered[0])).not.toContain(dir);
    expect(OpenedBundleSchema.safeParse(h.delivered[0]).success).toBe(true);
  });

  it('refuses in Chinese a missing, empty or non-regular file; never hands a path', async () => {
    writeFileSync(join(dir, 'empty.zwb'), '');
    const h = harness();
    await h.handler(['zwc', join(dir, 'missing.zwb')], dir);
    await h.handler(['zwc', 'empty.zwb'], dir);
    if (process.platform !== 'win32') await h.handler(['zwc', '/dev/null.zwb'], dir);
    expect(h.delivered).toEqual([]);
    expect(h.refused[0]).toMatch(/^无法打开“missing.zwb”：无法读取/);
    expect(h.refused[1]).toMatch(/^无法打开“empty.zwb”：文件大小不正确/);
  });

  it('finds the last .zwb named on a command line, ignoring switches and other files', () => {
    expect(bundlePathFromArgv(['zwc', 'a.xlsx', '--x=b.zwb', 'c.ZWB'], '/home/clerk')).toBe('/home/clerk/c.ZWB');
    expect(bundlePathFromArgv(['zwc', '.'], '/w')).toBeNull();
    expect(bundlePathFromArgv(['zwc', '/abs/d.zwb'], '/w')).toBe('/abs/d.zwb');
  });
});
