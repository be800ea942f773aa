import { needsDailyBackup } from '../../shared/app/backup/backup-rotation';
import { BackupDoneSchema, type BackupRequest } from '../../shared/platform/desktop-api';

/**
 * The main process asks; the renderer, which holds the data, makes the backup and writes it
 * through the backup folder's write. This side keeps the asking: a numbered request, the answer
 * awaited at most `timeoutMs` (a backup at quit must never keep the app from closing), and nothing
 * asked before the renderer said it can answer (its workspace is open).
 */
export type BackupOutcome = { ok: true } | { ok: false; reason: 'not-ready' | 'timeout' | 'failed' | 'not-sent'; message?: string };

export interface BackupRequester {
  /** The renderer registered its handler: requests may be sent from now on. */
  agentReady(): void;
  readonly ready: boolean;
  /** Asks for a backup; resolves (never rejects) with what happened, within `timeoutMs`. */
  request(reason: BackupRequest['reason'], timeoutMs?: number): Promise<BackupOutcome>;
  /** The renderer's answer (validated here); unknown ids are ignored. */
  done(answer: unknown): void;
  /** The window went away (closed, reloaded, crashed): nothing is asked until it says it is ready again. */
  reset(): void;
}

export function createBackupRequester(send: (request: BackupRequest) => boolean, defaultTimeoutMs = 60_000): BackupRequester {
  let ready = false;
  let nextId = 1;
  const waiting = new Map<number, (outcome: BackupOutcome) => void>();
  return {
    agentReady() {
      ready = true;
    },
    get ready() {
      return ready;
    },
    request(reason, timeoutMs = defaultTimeoutMs) {
      if (!ready) return Promise.resolve({ ok: false, reason: 'not-ready' });
      const id = nextId++;
      return new Promise<BackupOutcome>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve({ ok: false, reason: 'timeout' });
        }, timeoutMs);
        waiting.set(id, (outcome) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(outcome);
        });
        let sent = false;
        try {
          sent = send({ id, reason });
        } catch {
          sent = false;
        }
        if (!sent) waiting.get(id)?.({ ok: false, reason: 'not-sent' });
      });
    },
    done(answer) {
      const parsed = BackupDoneSchema.safeParse(answer);
      if (!parsed.success) throw new Error(`备份结果格式不正确：${parsed.error.issues.map((i) => i.message).join('；')}`);
      const { id, ok, message } = parsed.data;
      waiting.get(id)?.(ok ? { ok: true } : { ok: false, reason: 'failed', ...(message ? { message } : {}) });
    },
    reset() {
      ready = false;
      for (const finish of [...waiting.values()]) finish({ ok: false, reason: 'not-sent' });
    },
  };
}

/** How often the daily check runs: hourly, so a laptop that slept through midnight still gets its day's backup. */
export const DAILY_CHECK_MS = 60 * 60 * 1000;

export interface DailyBackupDeps {
  /** When the newest backup in the folder was made. */
  latest(): Promise<string | undefined>;
  request(reason: 'daily'): Promise<BackupOutcome>;
  now?: () => Date;
  log?: (line: string) => void;
}

/**
 * Once a day: `check` makes a backup when none was made today (Beijing days) — called when the
 * renderer becomes ready and by the hourly timer `start` sets. Never two at once.
 */
export function createDailyBackup(deps: DailyBackupDeps) {
  let running: Promise<BackupOutcome | null> | null = null;
  const check = (): Promise<BackupOutcome | null> => {
    running ??= (async () => {
      try {
        if (!needsDailyBackup(await deps.latest(), (deps.now ?? (() => new Date()))())) return null;
        const outcome = await deps.request('daily');
        deps.log?.(outcome.ok ? '每日备份已完成' : `每日备份未完成：${outcome.reason}${'message' in outcome && outcome.message ? ` ${outcome.message}` : ''}`);
        return outcome;
      } catch (e) {
        deps.log?.(`每日备份检查失败：${e instanceof Error ? e.message : String(e)}`);
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  return {
    check,
    /** Starts the hourly check; returns the function that stops it. */
    start(every = DAILY_CHECK_MS): () => void {
      const timer = setInterval(() => void check(), every);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}
