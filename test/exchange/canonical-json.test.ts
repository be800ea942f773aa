import { canonicalJson, canonicalJsonBytes, CanonicalJsonError } from '../../shared/exchange/canonical-json';

/** The double whose IEEE 754 bits are the given 16 hex digits (RFC 8785 Appendix B lists numbers this way). */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('serialises the example of RFC 8785 §3.2.2', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts members by UTF-16 code units (RFC 8785 §3.2.3), not by code points', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One",' +
        '"\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    );
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('gives the UTF-8 bytes of RFC 8785 §3.2.4 for the sorting example', () => {
    const bytes = canonicalJsonBytes({ '\u20ac': 'Euro Sign' });
    expect(Array.from(bytes.subarray(0, 6))).toEqual([0x7b, 0x22, 0xe2, 0x82, 0xac, 0x22]);
  });

  it('sorts nested objects and keeps array order (reference test data "structures")', () => {
    const input = JSON.parse('{"1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0}, "10": { }, "": "empty", "a": { }, "111": [ { } ], "A": { }}');
    expect(canonicalJson(input)).toBe('{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}');
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('formats the number with bits %s as %s (RFC 8785 Appendix B)', (bits, text) => {
    expect(canonicalJson(fromBits(bits))).toBe(text);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('refuses %s', (_name, n) => {
    expect(() => canonicalJson({ a: [n] })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: [n] })).toThrow('a[0]');
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(() => canonicalJson([1, undefined])).toThrow('undefined');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson([1, , 2])).toThrow('空位');
    expect(() => canonicalJson(undefined)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function');
    expect(() => canonicalJson({ n: 10n })).toThrow('bigint');
    expect(() => canonicalJson({ d: new Date(0) })).toThrow('普通对象');
    expect(() => canonicalJson({ m: new Map() })).toThrow('普通对象');
    expect(() => canonicalJson({ s: 'a\ud800b' })).toThrow('代理字符');
    expect(() => canonicalJson({ ['\udc00']: 1 })).toThrow('代理字符');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow('循环');
  });

  it('drops undefined object members, as JSON.stringify does, and allows shared (non-cyclic) references', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ b: undefined, a: shared, c: shared })).toBe('{"a":{"x":1},"c":{"x":1}}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { z: 1, y: 2 }))).toBe('{"y":2,"z":1}');
  });
});
