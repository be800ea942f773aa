/**
 * Hard limits on what a bundle may contain, checked while the payload is decompressed and before
 * it is parsed, so that a small signed file can never expand into more objects than a laptop can
 * hold. Sized from the shipped plans (README.md §4.1): the largest, 伊金霍洛旗, is 257 KB of JSON,
 * 191 records, 17,015 JSON values, nesting depth 8 and no string over 1.6 KB.
 *
 * `JsonLimitScanner` reads the UTF-8 bytes of the JSON text chunk by chunk, as they come out of
 * gzip, and stops at the first limit crossed. It does not validate JSON (JSON.parse does, once the
 * text is known to be within bounds); it counts what JSON.parse would build, and refuses escaped
 * lone surrogates, which are not Unicode text.
 */
import { BundleError } from './errors';

export interface BundleLimits {
  /** Largest file, bytes. */
  maxBundleBytes: number;
  /** Largest decompressed payload (the JSON text), bytes. */
  maxPayloadBytes: number;
  /** Most records over all tables. */
  maxRecords: number;
  /** Deepest nesting of arrays and objects (the payload object itself is depth 1). */
  maxDepth: number;
  /** Longest string (or member name) as it is written in the JSON text, bytes. */
  maxStringBytes: number;
  /** Most elements of one array, or members of one object (tables are arrays of records). */
  maxItems: number;
  /** Most JSON values in the payload: objects, arrays, strings, numbers, literals, member names. */
  maxValues: number;
  /** Most record problems collected before the payload is refused. */
  maxProblems: number;
  /** Most sheets in the issued-sheet register (register.ts); they count as records too. */
  maxSheets: number;
  /**
   * Most conflicting values one record holds over all its fields. Concurrent writes come from an
   * office's own laptops, a handful each time; thousands can only be made on purpose, and every one
   * is shown on the 数据交换 page.
   */
  maxConflictValues?: number;
  /** Most devices a record's `_seen` names: one per laptop that ever wrote the office's records. */
  maxSeenDevices?: number;
  /** Most records of one office in one table, stored here after a merge (the workspace's own bound). */
  maxStoredRecords?: number;
}

const MB = 1024 * 1024;

/**
 * Sized for the largest office a province could hold (shared/exchange/README.md §4.1): a county
 * with 10,000 tasks and 42,000 monthly reports is 52,000 records, about 55 MB of JSON with short
 * synthetic texts (up to about 100 MB with a clerk's real ones) and 3.4 million JSON values.
 */
export const DEFAULT_LIMITS: Readonly<Required<BundleLimits>> = Object.freeze({
  maxBundleBytes: 40 * MB,
  maxPayloadBytes: 128 * MB,
  maxRecords: 100_000,
  maxDepth: 32,
  maxStringBytes: 64 * 1024,
  maxItems: 100_000,
  maxValues: 5_000_000,
  maxProblems: 100,
  maxSheets: 20_000,
  maxConflictValues: 200,
  maxSeenDevices: 200,
  maxStoredRecords: 100_000,
});

/** The defaults with any overrides; a limit that is not a positive number keeps its default. */
export function limitsWith(overrides: Partial<BundleLimits> = {}): Required<BundleLimits> {
  const out: Required<BundleLimits> = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof BundleLimits)[]) {
    const v = overrides[key];
    if (typeof v === 'number' && v > 0) out[key] = v;
  }
  return out;
}

/** The much smaller limits for a bundle's header (manifest and signature). */
export const HEADER_LIMITS: Readonly<BundleLimits> = Object.freeze({
  maxBundleBytes: MB,
  maxPayloadBytes: MB,
  maxRecords: 0,
  maxDepth: 4,
  maxStringBytes: 4096,
  maxItems: 64,
  maxValues: 200,
  maxProblems: 5,
  maxSheets: 0,
  maxConflictValues: 0,
  maxSeenDevices: 0,
  maxStoredRecords: 0,
});

export function formatBytes(n: number): string {
  if (n >= MB) return `${Math.round((n / MB) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} 字节`;
}

// Byte values of the JSON punctuation the scanner follows.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const LOWER_U = 0x75;

const enum State {
  Outside,
  InString,
  Escape,
  Hex,
}

/** What each open container expects next: an element (array), a member name, or a member's value. */
const ARRAY = 0;
const OBJECT_NAME = 1;
const OBJECT_VALUE = 2;
/** Records are the elements of the table arrays: payload {tables: {name: [record, …]}} is depth 3. */
const RECORD_DEPTH = 3;
/** The one member name refused as such: `__proto__`, as its UTF-8 bytes. */
const FORBIDDEN_NAME = '__proto__';
const FORBIDDEN_BYTES = new TextEncoder().encode(FORBIDDEN_NAME);

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

/**
 * Where string content starting at byte `i` ends: the first quote or backslash from there, or `n`.
 * Where the chunk is aligned for 32-bit words (`words`), a word holding neither is skipped whole: a
 * byte equal to the quote (the backslash) is a zero byte of the word ^ 0x22222222 (^ 0x5c5c5c5c).
 */
function stringEnd(chunk: Uint8Array, words: Int32Array | null, i: number, n: number): number {
  let j = i;
  if (words !== null) {
    const wordsEnd = n & ~3;
    while (j < wordsEnd && (j & 3) !== 0 && chunk[j] !== QUOTE && chunk[j] !== BACKSLASH) j++;
    if ((j & 3) === 0) {
      let w = j >> 2;
      const end = wordsEnd >> 2;
      while (w < end) {
        const x = words[w];
        const q = x ^ 0x22222222;
        const s = x ^ 0x5c5c5c5c;
        if (((((q - 0x01010101) & ~q) | ((s - 0x01010101) & ~s)) & 0x80808080) !== 0) break;
        w++;
      }
      j = w << 2;
    }
  }
  while (j < n) {
    const b = chunk[j];
    if (b === QUOTE || b === BACKSLASH) return j;
    j++;
  }
  return n;
}

/**
 * The scanner is one loop over the bytes with its state in plain fields (issue 29: the payload of a
 * 52,000-record office is 57 MB): string content is skipped in runs up to the next quote or
 * backslash and counted at once, the structure between strings is read byte by byte, and the
 * containers open are two number stacks indexed by depth. Escapes and surrogate pairs, rare in
 * what the software writes, go through a byte-at-a-time path. Every refusal comes at the same byte,
 * with the same message, as the byte-at-a-time scanner it replaced
 * (test/exchange/reference-limit-scanner.ts, compared in limit-scanner.test.ts).
 */
export class JsonLimitScanner {
  private state = State.Outside;
  /** Per open container, by depth - 1: ARRAY, OBJECT_NAME or OBJECT_VALUE. */
  private readonly frames: number[] = [];
  /** Per open container, by depth - 1: its elements or members so far. */
  private readonly items: number[] = [];
  private depth = 0;
  private inScalar = false;
  private bytes = 0;
  private values = 0;
  private records = 0;
  // The string being read.
  private stringBytes = 0;
  private isName = false;
  private nameEscaped = false;
  /** The name's bytes so far are the start of `__proto__`. */
  private forbiddenSoFar = false;
  private hexDigits = 0;
  private hexCode = 0;
  private pendingHigh = false;

  // The limits, copied into fields of their own: the loops read no other object (a frozen limits
  // object and a plain one have different shapes, and one loop would otherwise see both).
  private readonly maxValues: number;
  private readonly maxItems: number;
  private readonly maxRecords: number;
  private readonly maxDepth: number;
  private readonly maxStringBytes: number;
  private readonly maxPayloadBytes: number;

  constructor(
    private readonly limits: BundleLimits,
    /** What is being read, for messages: "交换文件的数据部分" or "文件头". */
    private readonly what: string = '交换文件的数据部分',
  ) {
    this.maxValues = limits.maxValues;
    this.maxItems = limits.maxItems;
    this.maxRecords = limits.maxRecords;
    this.maxDepth = limits.maxDepth;
    this.maxStringBytes = limits.maxStringBytes;
    this.maxPayloadBytes = limits.maxPayloadBytes;
  }

  /** Figures so far, for tests and the fuzz report. */
  get figures(): { bytes: number; values: number; records: number } {
    return { bytes: this.bytes, values: this.values, records: this.records };
  }

  private overLimit(problem: string): BundleError {
    return new BundleError('over-limit', `${this.what}超出上限：${problem}，已拒绝。这不是本软件正常导出的文件，请让对方重新导出`);
  }

  private tooManyValues(): BundleError {
    return this.overLimit(`数据项超过 ${this.limits.maxValues.toLocaleString('en-US')} 个`);
  }

  private tooLongString(): BundleError {
    return this.overLimit(`有文字超过 ${formatBytes(this.limits.maxStringBytes)}`);
  }

  private badText(): BundleError {
    return new BundleError(
      'invalid-text',
      `${this.what}含有不成对的代理字符（如 \\ud800），不是合法的 Unicode 文本，已拒绝。这不是本软件正常导出的文件，请让对方重新导出`,
    );
  }

  /** A value starts (not a member name): counted, and as an element of its array (a record at depth 3). */
  private startValue(): void {
    if (++this.values > this.maxValues) throw this.tooManyValues();
    const depth = this.depth;
    if (depth === 0 || this.frames[depth - 1] !== ARRAY) return;
    if (++this.items[depth - 1] > this.maxItems) throw this.tooManyItems();
    if (depth === RECORD_DEPTH && ++this.records > this.maxRecords) throw this.overLimit(`记录超过 ${this.limits.maxRecords.toLocaleString('en-US')} 条`);
  }

  private tooManyItems(): BundleError {
    return this.overLimit(`一个数组或对象中超过 ${this.limits.maxItems.toLocaleString('en-US')} 项`);
  }

  private open(frame: number): void {
    this.startValue();
    const depth = this.depth;
    if (depth >= this.maxDepth) throw this.overLimit(`嵌套超过 ${this.limits.maxDepth} 层`);
    this.frames[depth] = frame;
    this.items[depth] = 0;
    this.depth = depth + 1;
  }

  private startString(): void {
    const depth = this.depth;
    const isName = depth > 0 && this.frames[depth - 1] === OBJECT_NAME;
    this.isName = isName;
    if (isName) {
      if (++this.values > this.maxValues) throw this.tooManyValues();
      if (++this.items[depth - 1] > this.maxItems) throw this.tooManyItems();
      this.frames[depth - 1] = OBJECT_VALUE;
    } else this.startValue();
    this.stringBytes = 0;
    this.nameEscaped = false;
    this.forbiddenSoFar = isName;
    this.pendingHigh = false;
    this.state = State.InString;
  }

  private endString(): void {
    if (this.pendingHigh) throw this.badText();
    if (this.isName && (this.nameEscaped || (this.forbiddenSoFar && this.stringBytes === FORBIDDEN_BYTES.length))) {
      throw new BundleError(
        'invalid-payload',
        `${this.what}格式不正确：字段名 ${this.nameEscaped ? '含有转义字符' : FORBIDDEN_NAME} 不允许使用。这不是本软件正常导出的文件`,
      );
    }
    this.state = State.Outside;
  }

  /** A member name's content, bytes `from` to `to` of the chunk, `before` bytes into the name: still `__proto__` so far? */
  private compareForbidden(chunk: Uint8Array, from: number, to: number, before: number): void {
    // Only a name of exactly those nine bytes is refused: longer, it can no longer be one.
    if (before + (to - from) > FORBIDDEN_BYTES.length) {
      this.forbiddenSoFar = false;
      return;
    }
    for (let k = from; k < to; k++) {
      if (chunk[k] !== FORBIDDEN_BYTES[before + k - from]) {
        this.forbiddenSoFar = false;
        return;
      }
    }
  }

  /**
   * Reads the next chunk of the JSON text. Throws a BundleError at the first limit crossed.
   */
  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxPayloadBytes) throw new BundleError('too-large', `${this.what}解压后超过 ${formatBytes(this.limits.maxPayloadBytes)}，已拒绝`);
    const n = chunk.length;
    // The chunk as 32-bit words where its memory is aligned for them: string content is skipped a
    // word at a time while a word holds neither a quote nor a backslash.
    const words = (chunk.byteOffset & 3) === 0 ? new Int32Array(chunk.buffer, chunk.byteOffset, n >> 2) : null;
    let i = 0;
    while (i < n) {
      if (this.state === State.Outside) {
        i = this.structure(chunk, i, n);
      } else if (this.state === State.InString && !this.pendingHigh) {
        // String content up to the next quote or backslash, in one run.
        const j = stringEnd(chunk, words, i, n);
        if (j > i) {
          const before = this.stringBytes;
          this.stringBytes = before + (j - i);
          if (this.stringBytes > this.maxStringBytes) throw this.tooLongString();
          if (this.forbiddenSoFar) this.compareForbidden(chunk, i, j, before);
        }
        if (j === n) return;
        i = j + 1;
        if (chunk[j] === QUOTE) this.endString();
        else {
          if (++this.stringBytes > this.maxStringBytes) throw this.tooLongString();
          this.forbiddenSoFar = false;
          this.state = State.Escape;
          if (this.isName) this.nameEscaped = true;
        }
      } else {
        this.escapeByte(chunk[i]);
        i++;
      }
    }
  }

  /** The JSON's structure outside strings, from byte `i`, until a string starts or the chunk ends: where it stopped. */
  private structure(chunk: Uint8Array, i: number, n: number): number {
    while (i < n) {
      const b = chunk[i++];
      switch (b) {
        case QUOTE:
          this.inScalar = false;
          this.startString();
          return i;
        case OPEN_OBJECT:
          this.inScalar = false;
          this.open(OBJECT_NAME);
          break;
        case OPEN_ARRAY:
          this.inScalar = false;
          this.open(ARRAY);
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY:
          this.inScalar = false;
          if (this.depth > 0) this.depth -= 1;
          break;
        case COMMA: {
          this.inScalar = false;
          const depth = this.depth;
          if (depth > 0 && this.frames[depth - 1] !== ARRAY) this.frames[depth - 1] = OBJECT_NAME;
          break;
        }
        case COLON:
        case 0x20:
        case 0x09:
        case 0x0a:
        case 0x0d:
          this.inScalar = false;
          break;
        default:
          // A number or a literal (true, false, null); anything else is invalid JSON for JSON.parse.
          if (!this.inScalar) {
            this.inScalar = true;
            this.startValue();
          }
      }
    }
    return i;
  }

  /** One byte inside a string after a backslash, in a \u escape, or right after an escaped high surrogate. */
  private escapeByte(b: number): void {
    switch (this.state) {
      case State.InString:
        // Only here with a high surrogate pending: it must be followed at once by an escaped low one.
        if (b === QUOTE) this.endString();
        else if (b === BACKSLASH) {
          if (++this.stringBytes > this.maxStringBytes) throw this.tooLongString();
          this.forbiddenSoFar = false;
          this.state = State.Escape;
          if (this.isName) this.nameEscaped = true;
        } else throw this.badText();
        break;
      case State.Escape:
        if (++this.stringBytes > this.maxStringBytes) throw this.tooLongString();
        if (b === LOWER_U) {
          this.state = State.Hex;
          this.hexDigits = 0;
          this.hexCode = 0;
        } else {
          if (this.pendingHigh) throw this.badText();
          this.state = State.InString;
        }
        break;
      default: {
        if (++this.stringBytes > this.maxStringBytes) throw this.tooLongString();
        const v = hexValue(b);
        // Not hex: invalid JSON, which JSON.parse reports; stop reading the escape here.
        if (v < 0) {
          this.state = State.InString;
          break;
        }
        this.hexCode = this.hexCode * 16 + v;
        if (++this.hexDigits < 4) break;
        const code = this.hexCode;
        if (code >= 0xd800 && code <= 0xdbff) {
          if (this.pendingHigh) throw this.badText();
          this.pendingHigh = true;
        } else if (code >= 0xdc00 && code <= 0xdfff) {
          if (!this.pendingHigh) throw this.badText();
          this.pendingHigh = false;
        } else if (this.pendingHigh) throw this.badText();
        this.state = State.InString;
      }
    }
  }

  /** After the last chunk: a string left open means the text was cut (JSON.parse reports it). */
  finish(): void {
    if (this.pendingHigh) throw this.badText();
  }
}

/** Scans a whole JSON text at once (a header, a file read from disk). */
export function scanJson(bytes: Uint8Array, limits: BundleLimits, what?: string): void {
  const scanner = new JsonLimitScanner(limits, what);
  scanner.push(bytes);
  scanner.finish();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a JS string is well-formed Unicode (no unpaired surrogate code units). */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Counts a record's conflict values and `_seen` members before anything else looks at them, so a
 * record holding 100,000 of either is refused at once, naming the record, instead of having every
 * value validated, merged and listed. Works on the raw parsed JSON (or a merged record).
 */
export function checkRecordBounds(raw: unknown, limits: BundleLimits, where: string): void {
  if (!isPlainObject(raw)) return;
  const conflicts = raw._conflicts;
  const seen = raw._seen;
  const maxConflictValues = limits.maxConflictValues ?? DEFAULT_LIMITS.maxConflictValues;
  const maxSeenDevices = limits.maxSeenDevices ?? DEFAULT_LIMITS.maxSeenDevices;
  if (Array.isArray(conflicts)) {
    let values = 0;
    for (const c of conflicts) {
      const list = isPlainObject(c) ? c.values : undefined;
      values += Array.isArray(list) ? list.length : 1;
      if (values > maxConflictValues) {
        throw new BundleError(
          'over-limit',
          `${where}：冲突取值超过每条记录 ${maxConflictValues} 个的上限，已拒绝。正常使用中同一条记录只会有几台电脑同时修改，请联系对方核查后重新导出`,
        );
      }
    }
  }
  if (isPlainObject(seen)) {
    let devices = 0;
    for (const _device in seen) {
      if (++devices > maxSeenDevices) {
        throw new BundleError(
          'over-limit',
          `${where}：记录的同步设备记录（_seen）超过 ${maxSeenDevices} 台设备的上限，已拒绝。请联系对方核查后重新导出`,
        );
      }
    }
  }
}
