/**
 * Hybrid logical clock (Kulkarni et al.), as used for per-field revision stamps. A stamp is a
 * string that sorts in causal order: 15-digit wall-clock milliseconds, 6-digit counter, device id.
 * Two laptops whose clocks disagree still produce stamps that respect what each has seen.
 */
export interface ClockState {
  millis: number;
  counter: number;
}

/** The largest counter a stamp can carry (6 digits). */
export const MAX_COUNTER = 999_999;
/** Refuse remote stamps further ahead than this: a wrong clock must not drag every later edit along. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export function formatStamp(millis: number, counter: number, deviceId: string): string {
  return `${String(millis).padStart(15, '0')}:${String(counter).padStart(6, '0')}:${deviceId}`;
}

/**
 * A device id: letters, digits, - and _, up to 64; it ends every stamp the device writes. Never
 * `__proto__`: ids become member names of `_seen`, and that name would be silently dropped.
 */
export const DEVICE_ID_PATTERN = /^(?!__proto__$)[A-Za-z0-9_-]{1,64}$/;

const COLON = 0x3a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const MAX_COUNTER_TEXT = String(MAX_COUNTER);

/**
 * True when a stamp's counter is at its maximum: no honest clock writes one (it moves to the next
 * millisecond first), and receiving it would leave no room. Importers refuse such stamps while
 * checking a file (shared/exchange/bundle-format.ts), not when merging it.
 */
export function counterAtLimit(stamp: string): boolean {
  // Six digits cannot exceed MAX_COUNTER: at the limit means the counter reads 999999. Compared
  // character by character (it runs for every stamp of every record a bundle carries).
  if (stamp.length < 23 || stamp.charCodeAt(15) !== COLON || stamp.charCodeAt(22) !== COLON || !stamp.startsWith(MAX_COUNTER_TEXT, 16)) return false;
  for (let i = 0; i < 15; i++) {
    const c = stamp.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return false;
  }
  return true;
}

export function parseStamp(stamp: string): { millis: number; counter: number; deviceId: string } {
  const m = /^(\d{15}):(\d{6}):(.+)$/.exec(stamp);
  if (!m) throw new Error(`修订戳格式不正确: ${stamp}`);
  return { millis: Number(m[1]), counter: Number(m[2]), deviceId: m[3] };
}

export class HybridClock {
  private state: ClockState;

  constructor(
    readonly deviceId: string,
    private readonly now: () => number = Date.now,
    initial: ClockState = { millis: 0, counter: 0 },
  ) {
    if (!DEVICE_ID_PATTERN.test(deviceId)) throw new Error(`设备标识不正确: ${deviceId}`);
    this.state = { ...initial };
  }

  get snapshot(): ClockState {
    return { ...this.state };
  }

  /** A new stamp for a local write. */
  tick(): string {
    const wall = this.now();
    if (wall > this.state.millis) this.state = { millis: wall, counter: 0 };
    else this.bump();
    return formatStamp(this.state.millis, this.state.counter, this.deviceId);
  }

  /** Folds in a stamp seen from another device so later local stamps sort after it. */
  receive(stamp: string): void {
    const remote = parseStamp(stamp);
    const wall = this.now();
    if (remote.millis - wall > MAX_DRIFT_MS) {
      throw new Error(`对方设备时钟比本机快超过一天（${new Date(remote.millis).toISOString()}），请核对时间后再导入`);
    }
    const millis = Math.max(wall, this.state.millis, remote.millis);
    let counter = 0;
    if (millis === this.state.millis && millis === remote.millis) counter = Math.max(this.state.counter, remote.counter) + 1;
    else if (millis === this.state.millis) counter = this.state.counter + 1;
    else if (millis === remote.millis) counter = remote.counter + 1;
    // Overflow carries into the next millisecond, as tick() does: still later than every stamp seen.
    this.state = counter > MAX_COUNTER ? { millis: millis + 1, counter: 0 } : { millis, counter };
  }

  /**
   * Folds in a stamp this device itself wrote, in another window of the same profile: later local
   * stamps sort after it, so two windows never give two writes one stamp. No drift check: it is ours.
   */
  catchUp(stamp: string): void {
    const m = /^(\d{15}):(\d{6}):/.exec(stamp);
    if (!m) return;
    const own = { millis: Number(m[1]), counter: Math.min(Number(m[2]), MAX_COUNTER - 1) };
    // A kept stamp far ahead of the wall clock (a restored backup from a laptop with a wrong date) is not followed.
    if (own.millis - this.now() > MAX_DRIFT_MS) return;
    if (own.millis > this.state.millis || (own.millis === this.state.millis && own.counter > this.state.counter)) this.state = { millis: own.millis, counter: own.counter };
  }

  /** The last stamp this clock gave or caught up with. */
  get last(): string {
    return formatStamp(this.state.millis, this.state.counter, this.deviceId);
  }

  private bump(): void {
    // Never writes the last counter (counterAtLimit): importers refuse it.
    if (this.state.counter >= MAX_COUNTER - 1) this.state = { millis: this.state.millis + 1, counter: 0 };
    else this.state = { ...this.state, counter: this.state.counter + 1 };
  }
}
