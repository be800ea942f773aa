import fc from 'fast-check';
import { parseChineseWan, parseWan, percentOf, sumWan, wanToYuan, yuanToWan } from '../../shared/domain/money';

describe('money in 万元', () => {
  it('adds decimal amounts exactly, where floats would not', () => {
    expect(sumWan(['0.1', '0.2'])).toBe('0.3');
    expect(sumWan(['12000', '350.5', null, '0.0001'])).toBe('12350.5001');
  });

  it('round-trips any amount to the yuan', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (yuan) => {
        expect(wanToYuan(yuanToWan(yuan))).toBe(yuan);
      }),
    );
  });

  it('reads what a clerk types and refuses what is not an amount', () => {
    expect(parseWan(' 1,234.50 ')).toBe('1234.5');
    expect(parseWan('3000万元')).toBe('3000');
    expect(parseWan('约3000')).toBeNull();
    expect(parseWan('-5')).toBeNull();
    expect(parseWan('1.23456')).toBeNull();
  });

  it('gives a percentage with one decimal, or null against zero', () => {
    expect(percentOf('1', '3')).toBe(33.3);
    expect(percentOf('5', '0')).toBeNull();
  });

  it('reads amounts written in Chinese numerals, as 万元', () => {
    const read = (xs: string[]) => xs.map((x) => [x, parseChineseWan(x)]);
    expect(read(['三千万元', '一亿二千万元', '两千五百万元', '壹仟万元', '1亿2000万元', '2.5亿元', '一千零五万元', '三千零五十万元', '九千八百七十六万五千元', '十万元', '三千元', '三千'])).toEqual([
      ['三千万元', '3000'],
      ['一亿二千万元', '12000'],
      ['两千五百万元', '2500'],
      ['壹仟万元', '1000'],
      ['1亿2000万元', '12000'],
      ['2.5亿元', '25000'],
      ['一千零五万元', '1005'],
      ['三千零五十万元', '3050'],
      ['九千八百七十六万五千元', '9876.5'],
      ['十万元', '10'],
      ['三千元', '0.3'],
      // No 万/亿/元: the number is 万元, as in a 投资（万元） column.
      ['三千', '3000'],
    ]);
  });

  it('refuses Chinese numerals that are not an amount or are ambiguous', () => {
    // 二百五 may be 250 or 205; 万元 has no number; 一万万 repeats 万; beyond 1 万亿元 is a typing error.
    for (const x of ['二百五', '五千五', '万元', '一万万元', '约三千万元左右', '三十亿亿元', '二万亿元', 'abc', '三点五万元', '0.5元']) expect([x, parseChineseWan(x)]).toEqual([x, null]);
  });
});

