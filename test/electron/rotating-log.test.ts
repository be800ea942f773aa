import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RotatingLog } from '../../electron/lib/rotating-log';

describe('rotating log file', () => {
  it('writes time-stamped lines, one per entry, multi-line messages kept on one line', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zwc-log-')), 'logs');
    const log = new RotatingLog(dir, { now: () => new Date('2026-11-24T02:00:00Z') });
    log.info('启动 0.1.0');
    log.error('页面进程停止', new Error('boom\nat x'));
    const lines = readFileSync(join(dir, 'zwc.log'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('2026-11-24T02:00:00.000Z INFO 启动 0.1.0');
    expect(lines[1]).toMatch(/^2026-11-24T02:00:00.000Z ERROR 页面进程停止：Error: boom\\nat x/);
    expect(lines).toHaveLength(2);
  });

  it('stays within files × maxBytes, newest in zwc.log, keeping the order of the older ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwc-log-'));
    const log = new RotatingLog(dir, { maxBytes: 1000, files: 3 });
    for (let i = 0; i < 200; i++) log.info(`第 ${String(i).padStart(3, '0')} 行 ${'x'.repeat(40)}`);
    expect(readdirSync(dir).sort()).toEqual(['zwc.1.log', 'zwc.2.log', 'zwc.log']);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(1000);
    expect(readFileSync(join(dir, 'zwc.log'), 'utf8')).toContain('第 199 行');
    const firstOf = (f: string) => Number(/第 (\d+) 行/.exec(readFileSync(join(dir, f), 'utf8'))![1]);
    expect(firstOf('zwc.2.log')).toBeLessThan(firstOf('zwc.1.log'));
    expect(firstOf('zwc.1.log')).toBeLessThan(firstOf('zwc.log'));
    // A later start picks up the size already there.
    new RotatingLog(dir, { maxBytes: 1000, files: 3 }).info('再次启动');
    expect(statSync(join(dir, 'zwc.log')).size).toBeLessThanOrEqual(1000);
  });

  it('never throws when the folder cannot be written', () => {
    // A folder path that goes through a regular file: nothing can be made there.
    const file = join(mkdtempSync(join(tmpdir(), 'zwc-log-')), 'a-file');
    writeFileSync(file, '');
    const log = new RotatingLog(join(file, 'logs'));
    expect(() => log.info('x')).not.toThrow();
  });
});
