import { createBackupRequester, createDailyBackup } from '../../electron/lib/backup-schedule';
import type { BackupRequest } from '../../shared/platform/desktop-api';

describe('backup requests from the main process', () => {
  it('asks nothing before the renderer is ready, then sends numbered requests and waits for the answer', async () => {
    const sent: BackupRequest[] = [];
    const r = createBackupRequester((req) => (sent.push(req), true));
    expect(await r.request('quit', 50)).toEqual({ ok: false, reason: 'not-ready' });
    expect(sent).toEqual([]);
    r.agentReady();
    const pending = r.request('daily', 1000);
    expect(sent).toEqual([{ id: 1, reason: 'daily' }]);
    r.done({ id: 99, ok: true }); // unknown: ignored
    r.done({ id: 1, ok: true });
    expect(await pending).toEqual({ ok: true });
    const failing = r.request('quit', 1000);
    r.done({ id: 2, ok: false, message: '磁盘已满' });
    expect(await failing).toEqual({ ok: false, reason: 'failed', message: '磁盘已满' });
  });

  it('gives up after the bounded wait, and when the window is gone', async () => {
    const r = createBackupRequester(() => true);
    r.agentReady();
    const started = Date.now();
    expect(await r.request('quit', 60)).toEqual({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
    const pending = r.request('quit', 10_000);
    r.reset();
    expect(await pending).toEqual({ ok: false, reason: 'not-sent' });
    expect(r.ready).toBe(false);
    const noWindow = createBackupRequester(() => false);
    noWindow.agentReady();
    expect(await noWindow.request('quit', 10_000)).toEqual({ ok: false, reason: 'not-sent' });
  });

  it('refuses a malformed answer from the page', () => {
    const r = createBackupRequester(() => true);
    expect(() => r.done({ id: '1', ok: true })).toThrow(/备份结果格式不正确/);
    expect(() => r.done({ id: 1, ok: true, path: '/etc' })).toThrow(/备份结果格式不正确/);
  });
});

describe('daily backup', () => {
  const now = () => new Date('2026-11-24T02:00:00Z'); // 10:00 in Beijing

  it('makes one when none was made today (Beijing days), never two at once', async () => {
    const asked: string[] = [];
    let finish: () => void = () => undefined;
    const daily = createDailyBackup({
      latest: async () => '2026-11-23T15:59:00Z', // 23:59 yesterday in Beijing
      request: (reason) => (asked.push(reason), new Promise((resolve) => (finish = () => resolve({ ok: true })))),
      now,
    });
    const a = daily.check();
    const b = daily.check();
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(['daily']);
    finish();
    expect(await a).toEqual({ ok: true });
    expect(await b).toEqual({ ok: true });
  });

  it('does nothing when today already has one, and survives a failing folder', async () => {
    const asked: string[] = [];
    const lines: string[] = [];
    const today = createDailyBackup({ latest: async () => '2026-11-23T16:01:00Z', request: async (r) => (asked.push(r), { ok: true }), now });
    expect(await today.check()).toBeNull();
    const broken = createDailyBackup({ latest: async () => Promise.reject(new Error('EACCES')), request: async (r) => (asked.push(r), { ok: true }), now, log: (l) => lines.push(l) });
    expect(await broken.check()).toBeNull();
    expect(asked).toEqual([]);
    expect(lines).toEqual(['每日备份检查失败：EACCES']);
  });

  it('checks again on its timer', async () => {
    jest.useFakeTimers();
    try {
      const checked: number[] = [];
      const daily = createDailyBackup({ latest: async () => (checked.push(1), undefined), request: async () => ({ ok: true }), now });
      const stop = daily.start(1000);
      await jest.advanceTimersByTimeAsync(3500);
      stop();
      await jest.advanceTimersByTimeAsync(5000);
      expect(checked).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
