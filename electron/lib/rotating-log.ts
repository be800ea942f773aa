import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The app's log file in the system's log folder (app.getPath('logs')): zwc.log, and when it
 * passes `maxBytes` it becomes zwc.1.log, the older ones move up, and only `files` are kept — the
 * folder never grows past files × maxBytes. Written synchronously, a line at a time, so the line
 * before a crash is there. Never throws: a log that cannot be written must not stop the app.
 */
export interface RotatingLogOptions {
  maxBytes?: number;
  files?: number;
  name?: string;
  now?: () => Date;
}

export type LogLevel = 'info' | 'warn' | 'error';
const MAX_LINE_CHARS = 4000;

export class RotatingLog {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly files: number;
  private readonly name: string;
  private readonly now: () => Date;
  private size = -1;

  constructor(
    readonly dir: string,
    options: RotatingLogOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.files = Math.max(1, options.files ?? 5);
    this.name = options.name ?? 'zwc';
    this.now = options.now ?? (() => new Date());
    this.file = join(dir, `${this.name}.log`);
  }

  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string, error?: unknown): void {
    this.write('error', error === undefined ? message : `${message}：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  write(level: LogLevel, message: string): void {
    const text = message.length > MAX_LINE_CHARS ? `${message.slice(0, MAX_LINE_CHARS)}…` : message;
    const line = `${this.now().toISOString()} ${level.toUpperCase()} ${text.replace(/\r?\n/g, '\\n')}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (this.size < 0) {
        mkdirSync(this.dir, { recursive: true });
        this.size = Math.max(0, sizeOf(this.file));
      }
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      appendFileSync(this.file, line, { mode: 0o600 });
      this.size += bytes;
    } catch {
      this.size = -1;
    }
  }

  /** zwc.log → zwc.1.log → … → zwc.(files-1).log; the oldest is removed. */
  private rotate(): void {
    const numbered = (n: number) => join(this.dir, `${this.name}.${n}.log`);
    rmSync(numbered(this.files - 1), { force: true });
    for (let n = this.files - 2; n >= 1; n--) {
      if (sizeOf(numbered(n)) >= 0) renameSync(numbered(n), numbered(n + 1));
    }
    if (this.files > 1) renameSync(this.file, numbered(1));
    else rmSync(this.file, { force: true });
    this.size = 0;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}
