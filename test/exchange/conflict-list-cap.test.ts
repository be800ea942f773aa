/** Issue 24: the 数据交换 conflict list shows a bounded number of values per conflict, the current one always among them. */
import { shownSides, SIDES_SHOWN } from '../../renderer/src/pages/exchange/ConflictList';
import type { ConflictSide } from '../../shared/app/exchange/conflicts';

function sides(n: number, current: number): ConflictSide[] {
  return Array.from({ length: n }, (_, i) => ({ stamp: `s${i}`, label: `设备${i}`, who: '对方', at: '2026-10-01', current: i === current, cleared: false, value: i }) as unknown as ConflictSide);
}

describe('shownSides', () => {
  it('shows every value of an ordinary conflict', () => {
    expect(shownSides(sides(3, 2))).toEqual({ shown: sides(3, 2), hidden: 0 });
  });

  it('shows at most SIDES_SHOWN of 100,000 values, keeping the current one, and counts the rest', () => {
    const all = sides(100_000, 99_999);
    const { shown, hidden } = shownSides(all);
    expect(shown).toHaveLength(SIDES_SHOWN);
    expect(shown.some((s) => s.current)).toBe(true);
    expect(hidden).toBe(100_000 - SIDES_SHOWN);
  });
});
