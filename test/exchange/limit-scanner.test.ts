/**
 * The JSON limit scanner skips string content and whitespace in runs (issue 29): it must answer
 * exactly as the byte-at-a-time scanner did (test/exchange/reference-limit-scanner.ts) — the same
 * refusal with the same message, or the same figures — on any text cut into any chunks.
 */
import fc from 'fast-check';
import { BundleError } from '../../shared/exchange/errors';
import { JsonLimitScanner, type BundleLimits } from '../../shared/exchange/limits';
import { JsonLimitScanner as Reference } from './reference-limit-scanner';

const LIMITS: BundleLimits = { maxBundleBytes: 1e9, maxPayloadBytes: 400, maxRecords: 6, maxDepth: 6, maxStringBytes: 24, maxItems: 8, maxValues: 60, maxProblems: 5, maxSheets: 0 };

interface Scanner {
  push(chunk: Uint8Array): void;
  finish(): void;
  readonly figures: { bytes: number; values: number; records: number };
}

function outcome(make: () => Scanner, text: Uint8Array, cuts: readonly number[]): string {
  const s = make();
  try {
    let at = 0;
    for (const c of [...cuts.map((x) => x % (text.length + 1)), text.length].sort((a, b) => a - b)) {
      s.push(text.subarray(at, c));
      at = c;
    }
    s.finish();
    return JSON.stringify(s.figures);
  } catch (e) {
    if (e instanceof BundleError) return `${e.code}: ${e.message}`;
    throw e;
  }
}

const piece = fc.constantFrom(
  '{', '}', '[', ']', ',', ':', ' ', '\n', '\t', '"', '\\', '\\"', '\\\\', '\\u', '\\ud800', '\\udc00', '\\ud83d\\ude00', '\\u0041', '\\uZZ',
  '__proto__', '"__proto__"', '"\\u005f_proto__"', 'true', '12.5', '-3', '"tables"', 'a', '文', '"名称":"值"', 'x'.repeat(30),
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => new TextEncoder().encode(parts.join('')));
const wellFormed = fc
  .jsonValue({ maxDepth: 5 })
  .map((v) => new TextEncoder().encode(JSON.stringify({ tables: { tasks: [v, v] } }, null, 1)));

describe('the fast JSON limit scanner answers as the byte-at-a-time one', () => {
  it('on JSON-like fragments in any chunks', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 5 }), (t, cuts) => {
        expect(outcome(() => new JsonLimitScanner(LIMITS), t, cuts)).toBe(outcome(() => new Reference(LIMITS), t, cuts));
      }),
      { numRuns: 3000, seed: 29 },
    );
  });

  it('on real JSON values in any chunks', () => {
    let refused = 0;
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(), { maxLength: 5 }), (t, cuts) => {
        const fast = outcome(() => new JsonLimitScanner(LIMITS), t, cuts);
        expect(fast).toBe(outcome(() => new Reference(LIMITS), t, cuts));
        if (!fast.startsWith('{')) refused++;
      }),
      { numRuns: 1500, seed: 29 },
    );
    expect(refused).toBeGreaterThan(100);
  });

  it('on long string runs read a word at a time: a quote, backslash or escape at every place in a word, from any offset', () => {
    const limits = { ...LIMITS, maxStringBytes: 64, maxValues: 1000, maxItems: 100, maxPayloadBytes: 1e6 };
    for (let at = 0; at < 12; at++) {
      for (const end of ['"', '\\n"', '\\"x"', '\\ud800"', '文"']) {
        const body = `${'a'.repeat(at)}${end}`;
        const json = `{"tables":{"t":["${body}",{"${'_'.repeat(at)}__proto__":1},"${'b'.repeat(60 + at)}"]}}`;
        for (const offset of [0, 1, 2, 3, 4]) {
          // The text placed at each offset of one buffer: some chunks aligned for words, some not.
          const buffer = new Uint8Array(offset + json.length * 3);
          const bytes = new TextEncoder().encode(json);
          buffer.set(bytes, offset);
          const t = buffer.subarray(offset, offset + bytes.length);
          for (const cuts of [[], [at + 15], [4, 9, 17]]) {
            expect(outcome(() => new JsonLimitScanner(limits), t, cuts)).toBe(outcome(() => new Reference(limits), t, cuts));
          }
        }
      }
    }
  });

  it('skips a long whitespace run quickly and still counts it against the byte limit', () => {
    const big = { ...LIMITS, maxPayloadBytes: 64 * 1024 * 1024 };
    const spaces = new Uint8Array(48 * 1024 * 1024).fill(0x20);
    const started = performance.now();
    const s = new JsonLimitScanner(big);
    s.push(spaces);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(() => s.push(spaces)).toThrow(/解压后超过 64 MB/);
  });
});
