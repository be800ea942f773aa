import { parseQuantity, parseTarget } from '../../shared/domain/parse-target';

describe('parseTarget', () => {
  it.each([
    ['≥90%', 'higher', { op: '≥', value: 90, implied: false }],
    ['>=90', 'higher', { op: '≥', value: 90, implied: false }],
    ['<0.5', 'lower', { op: '<', value: 0.5, implied: false }],
    ['≤ 1.2', 'lower', { op: '≤', value: 1.2, implied: false }],
    ['100%', 'higher', { op: '≥', value: 100, implied: true }],
    ['3', 'lower', { op: '≤', value: 3, implied: true }],
    ['95%以上', 'lower', { op: '≥', value: 95, implied: false }],
    ['不低于60%', 'higher', { op: '≥', value: 60, implied: false }],
  ] as const)('reads %s (%s) as a comparator', (text, direction, expected) => {
    expect(parseTarget(text, direction)).toEqual({ kind: 'comparator', text, ...expected });
  });

  it.each([
    ['逐年降低', 'decrease'],
    ['使用量负增长', 'decrease'],
    ['逐年提高', 'increase'],
  ] as const)('reads %s as a trend', (text, trend) => {
    expect(parseTarget(text, 'lower')).toEqual({ kind: 'trend', trend, text });
  });

  it('keeps anything else as text for a person to judge', () => {
    expect(parseTarget('建立完善协调机制', 'qualitative')).toEqual({ kind: 'text', text: '建立完善协调机制' });
    expect(parseTarget('90%左右', 'higher').kind).toBe('text');
  });
});

describe('parseQuantity', () => {
  it('reads numbers with or without percent, and words', () => {
    expect(parseQuantity(' 88.4% ')).toEqual({ kind: 'number', value: 88.4 });
    expect(parseQuantity('1,200')).toEqual({ kind: 'number', value: 1200 });
    expect(parseQuantity('已建立')).toEqual({ kind: 'text', text: '已建立' });
    expect(parseQuantity('  ')).toBeNull();
  });
});
