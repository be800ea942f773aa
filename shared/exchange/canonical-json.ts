/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). Signatures and hashes are computed over these bytes,
 * so two programs that hold the same data must produce exactly the same text: a reader written in
 * another language can check our signatures by canonicalising the manifest the same way.
 *
 * Rules: object members sorted by the UTF-16 code units of their names, no whitespace, strings and
 * numbers serialised exactly as ECMAScript's JSON.stringify does (which is what RFC 8785 adopts).
 * Input must be I-JSON (RFC 7493), which RFC 8785 requires: no NaN/Infinity, no lone surrogates.
 */

export class CanonicalJsonError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message}（位置 ${path || '根'}）`);
    this.name = 'CanonicalJsonError';
  }
}

/** The JSON values canonical JSON accepts. `undefined` object members are dropped, as JSON.stringify does. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serialiseString(s: string, path: string): string {
  // A lone surrogate cannot be encoded as UTF-8; JSON.stringify would escape it, producing text
  // another canonicaliser may treat differently, so it is refused instead.
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError('字符串含有不成对的代理字符，不是合法的 Unicode 文本', path);
  return JSON.stringify(s);
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) return true;
  // Records read back from IndexedDB may be built in another realm (a worker, a test harness):
  // their prototype is that realm's Object.prototype, whose own prototype is null.
  return Object.prototype.toString.call(v) === '[object Object]' && proto !== null && typeof proto === 'object' && Object.getPrototypeOf(proto) === null;
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return serialiseString(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`数值 ${String(value)} 不能写入 JSON`, path);
      // ECMAScript Number-to-String is the RFC 8785 number format; -0 becomes "0" here as required.
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (ancestors.has(value)) throw new CanonicalJsonError('数据中有循环引用', path);
      ancestors.add(value);
      try {
        if (Array.isArray(value)) {
          const parts: string[] = [];
          for (let i = 0; i < value.length; i++) {
            // A hole or undefined in an array would silently become null; that changes the data.
            if (!(i in value) || value[i] === undefined) throw new CanonicalJsonError('数组中不能有空位或 undefined', `${path}[${i}]`);
            parts.push(serialise(value[i], `${path}[${i}]`, ancestors));
          }
          return `[${parts.join(',')}]`;
        }
        if (!isPlainObject(value)) {
          throw new CanonicalJsonError(`不支持的对象类型 ${Object.prototype.toString.call(value)}，只能是普通对象或数组`, path);
        }
        const record = value as Record<string, unknown>;
        // Default sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 prescribes.
        const keys = Object.keys(record).sort();
        const parts: string[] = [];
        for (const key of keys) {
          const member = record[key];
          if (member === undefined) continue;
          const childPath = path ? `${path}.${key}` : key;
          parts.push(`${serialiseString(key, childPath)}:${serialise(member, childPath, ancestors)}`);
        }
        return `{${parts.join(',')}}`;
      } finally {
        ancestors.delete(value);
      }
    }
    default:
      throw new CanonicalJsonError(`不支持的值类型 ${typeof value}`, path);
  }
}

/** The canonical JSON text of a value. Throws CanonicalJsonError for anything JSON cannot carry exactly. */
export function canonicalJson(value: unknown): string {
  return serialise(value, '', new Set());
}

/** The canonical JSON as UTF-8 bytes: what gets hashed and signed. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
