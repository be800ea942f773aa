import { median, plain, printFigures, within } from '../../scripts/bench-report';
import { half, provinceCounties, realisticOffice, recordCount } from '../../scripts/bench-data';
import { divisionOf } from '../../shared/domain/divisions';

/** The bench judges and prints figures without failing; its offices are real divisions with realistic plans. */
describe('bench figures', () => {
  it('marks a figure met or not met against its target and prints both without throwing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(within('g', 'fast', 9, 10).met).toBe(true);
    expect(within('g', 'slow', 11, 10).met).toBe(false);
    expect(plain('g', 'floor', 1).met).toBeNull();
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((t: string) => void lines.push(t));
    printFigures([within('g', 'fast', 9, 10), within('g', 'slow', 11, 10), { ...plain('g', 'floor', 3), ratios: { floor: 1.5 } }]);
    log.mockRestore();
    const text = lines.join('\n');
    expect(text).toMatch(/fast .*≤ 10 ms\s+达标/);
    expect(text).toMatch(/slow .*≤ 10 ms\s+未达标/);
    expect(text).toContain('1.50× floor');
    expect(text).toContain('1 of 2 targets met (达标); not met (未达标): slow');
  });

  it('takes 100 real county-level offices of 内蒙古 under their cities, each with a realistic year', () => {
    const offices = provinceCounties(100);
    expect(offices).toHaveLength(100);
    expect(new Set(offices.map((o) => o.code)).size).toBe(100);
    for (const o of offices) {
      expect(divisionOf(o.code)).toMatchObject({ level: 'county', parentCode: o.parentCode });
      expect(o.code.slice(0, 4)).toBe(o.parentCode.slice(0, 4));
    }
    const tables = realisticOffice(offices[42].code, offices[42].name, offices[42].parentCode);
    expect(tables.tasks.every((t) => t.officeCode === offices[42].code)).toBe(true);
    expect(tables.offices[0]).toMatchObject({ code: offices[42].code, name: offices[42].name, parentCode: offices[42].parentCode });
    expect(tables.progress.length).toBeGreaterThan(tables.tasks.length * 6); // about 70% of 12 months
    expect(recordCount(half(tables))).toBeLessThan(recordCount(tables));
  });
});
