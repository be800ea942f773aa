import fc from 'fast-check';
import { parseWan, percentOf, sumWan, wanToYuan, yuanToWan } from '../../shared/domain/money';

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
});
