/** Issue 24: control characters and direction overrides refused at every entry point; refusals in plain Chinese. */
import { checkText, cleanText, unsafeCharacter } from '../../shared/domain/validation';
import { parseManifest, parsePayloadJson } from '../../shared/exchange/bundle-format';
import { BundleError } from '../../shared/exchange/errors';
import { generateIdentity, type Identity } from '../../shared/exchange/identity';
import { verifyBundle } from '../../shared/exchange/verify';
import { department, stamp, stored, OFFICE } from './fixtures';
import { signedTables } from './hostile-bundles';

const NOW = new Date('2026-11-02T09:30:00+08:00');
const T = NOW.getTime() - 86_400_000;
let county: Identity;
beforeAll(async () => {
  county = await generateIdentity(true);
});

describe('the one text rule', () => {
  it('finds NUL, other C0/C1 controls and bidi overrides, and leaves tab and line breaks alone', () => {
    expect(unsafeCharacter('旗生态\u0000环境局')).toBe('U+0000');
    expect(unsafeCharacter('abc\u202Egpj.exe')).toBe('U+202E');
    expect(unsafeCharacter('x\u2066y')).toBe('U+2066');
    expect(unsafeCharacter('x\u0085y')).toBe('U+0085');
    expect(unsafeCharacter('第一行\n第二行\r\n\t缩进')).toBeNull();
  });

  it('checkText (typing, forms) refuses such text naming the field and the character', () => {
    expect(checkText('推进\u202E中', '本月进展', 2000)).toBe('本月进展含有不可见的控制字符或文字方向控制符（U+202E），请删除后再保存');
    expect(checkText('推进中\n下月完成', '本月进展', 2000)).toBeNull();
  });

  it('cleanText removes them and says how many', () => {
    expect(cleanText('a\u0000b\u202Ec\u0007')).toEqual({ text: 'abc', removed: 3 });
    expect(cleanText('正常文字')).toEqual({ text: '正常文字', removed: 0 });
  });
});

describe('the payload as UTF-8', () => {
  const refusedAs = (bytes: Uint8Array) => {
    try {
      parsePayloadJson(bytes);
      return 'accepted';
    } catch (e) {
      return e instanceof BundleError ? e.code : String(e);
    }
  };
  it('refuses malformed UTF-8 wherever it is, and reads a real U+FFFD as the character it is', () => {
    const text = new TextEncoder().encode('{"tables":{"departments":[{"name":"环保局"}]}}');
    for (const at of [0, 10, text.length - 1]) {
      const bad = new Uint8Array(text);
      bad[at] = 0xff;
      expect(refusedAs(bad)).toBe('invalid-text');
    }
    const truncated = text.slice(0, text.indexOf(0xe7) + 1); // the first byte of 环 alone
    expect(refusedAs(new Uint8Array([...truncated, ...new TextEncoder().encode('"}]}}')]))).toBe('invalid-text');
    expect(parsePayloadJson(new TextEncoder().encode('{"a":"\uFFFD 替换符"}'))).toEqual({ a: '\uFFFD 替换符' });
    expect(parsePayloadJson(new TextEncoder().encode('{"a":"环保局"}'))).toEqual({ a: '环保局' });
  });
});

describe('bundles', () => {
  it('refuses a department name holding a NUL, naming the record and field', async () => {
    const row = stored(department('n1', { name: '旗\u0000农牧局' }), stamp(T));
    const result = await verifyBundle(await signedTables(county, { departments: [row] }, { now: NOW }), { trust: [{ officeCode: OFFICE, publicKey: county.publicKey }], now: NOW });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('invalid-payload');
    expect(result.error.message).toContain('单位 150627-n1');
    expect(result.error.message).toContain('含有不可见的控制字符或文字方向控制符（U+0000）');
  });

  it('refuses each unsafe character however the text carries it (raw, as \\b or \\f, as \\uXXXX), in any record and nested value; safe escapes pass', async () => {
    const ctx = { trust: [{ officeCode: OFFICE, publicKey: county.publicKey }], now: NOW };
    const verdict = async (name: string) => {
      const row = stored(department('n1', { name }), stamp(T));
      const result = await verifyBundle(await signedTables(county, { departments: [stored(department('n0'), stamp(T)), row] }, { now: NOW }), ctx);
      return result.ok ? 'accepted' : result.error.message;
    };
    // canonical JSON writes U+202E, U+2066, U+0085 and U+007F as they are, U+0008 as \b, U+000C as \f, U+0001 as \u0001.
    for (const [bad, code] of [
      ['\u202e', 'U+202E'],
      ['\u2066', 'U+2066'],
      ['\u0085', 'U+0085'],
      ['\u007f', 'U+007F'],
      ['\b', 'U+0008'],
      ['\f', 'U+000C'],
      ['\u0001', 'U+0001'],
    ]) {
      const message = await verdict(`旗${bad}农牧局`);
      expect(message).toContain('单位 150627-n1');
      expect(message).toContain(`含有不可见的控制字符或文字方向控制符（${code}）`);
    }
    expect(await verdict('旗"农牧局"\n第二行\t\\ / \u2028')).toBe('accepted');
  });

  it('says what is wrong with a manifest in Chinese, not zod’s English', () => {
    try {
      parseManifest({ formatVersion: 1, constructor: 1, sequence: 'x' });
      throw new Error('expected a refusal');
    } catch (e) {
      if (!(e instanceof BundleError)) throw e;
      expect(e.message).not.toMatch(/Expected|Unrecognized|Required/);
      expect(e.message).toMatch(/有不认识的字段 constructor|不能为空|应为/);
    }
  });
});
