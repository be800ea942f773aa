import { readFileSync } from 'fs';
import path from 'path';
import { loadSeedPlan, type PlanRecords } from '../../shared/seed/load-seed';
import type { Indicator, IndicatorMarker, IndicatorTarget } from '../../shared/domain/indicator';

/**
 * The 伊金霍洛旗 指标体系 as printed in the gazette (seeds/004_ac47b4b671503bb1.txt, table from
 * line 1513, extracted column by column). Line numbers in the comments are lines of that file.
 */
const SEED_FILE = path.join(__dirname, '../../seeds/150627-yijinhuoluo.json');

function load(): PlanRecords {
  const raw: unknown = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  return loadSeedPlan(raw);
}

const records = load();

function indicator(n: number): Indicator {
  const found = records.indicators.find((i) => i.number === String(n));
  if (!found) throw new Error(`指标 ${n} 不存在`);
  return found;
}

function target(ind: Indicator, year: number): IndicatorTarget | undefined {
  return ind.targets.find((t) => t.year === year)?.target;
}

function departments(ind: Indicator): string[] {
  return ind.responsibleDepartmentIds.map((id) => {
    const dep = records.departments.find((d) => d.id === id);
    if (!dep) throw new Error(`单位 ${id} 不存在`);
    return dep.name;
  });
}

function countMarker(marker: IndicatorMarker | null): number {
  return records.indicators.filter((i) => i.marker === marker).length;
}

describe('伊金霍洛旗 指标体系 (seed 004, lines 1513–5362)', () => {
  it('has all 50 indicators in table order', () => {
    expect(records.indicators).toHaveLength(50);
    expect(records.indicators.map((i) => i.number)).toEqual(Array.from({ length: 50 }, (_, k) => String(k + 1)));
    expect(records.office.code).toBe('150627');
  });

  it('counts the markers as printed: 24 ★, 5 ●, 1 ▲, 20 unmarked', () => {
    // 表注 line 5252: ★ 国家体系必选指标，● 我市自创指标，▲ 我旗自创指标
    expect(countMarker('national')).toBe(24);
    expect(countMarker('city')).toBe(5);
    expect(countMarker('county')).toBe(1);
    expect(countMarker(null)).toBe(20);
  });

  it('1 一般工业固体废物产生强度★: 吨/万元, no baseline, 逐年降低 then <6', () => {
    // name line 1578, baseline line 1699 (—), 2023 line 1710, 2025 line 1768, unit line 1774, dept line 1792
    const ind = indicator(1);
    expect(ind.name).toBe('一般工业固体废物产生强度');
    expect(ind.marker).toBe('national');
    expect(ind.unit).toBe('吨/万元');
    expect(ind.baseline).toBeNull();
    expect(target(ind, 2023)).toEqual({ kind: 'trend', trend: 'decrease', text: '逐年降低' });
    expect(target(ind, 2025)).toEqual({ kind: 'comparator', op: '<', value: 6, implied: false, text: '<6' });
    // first unit of the 责任部门 column on that page; where the row ends is inferred (review flag)
    expect(departments(ind)).toContain('旗工信局');
  });

  it('8 绿色矿山建成率★: baseline 65, 2025 >65, 旗自然资源局', () => {
    // name line 1908, baseline line 1985, 2025 lines 2037–2038 (">6" + "5"), dept line 2098
    const ind = indicator(8);
    expect(ind.unit).toBe('%');
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 65 } });
    expect(target(ind, 2025)).toEqual({ kind: 'comparator', op: '>', value: 65, implied: false, text: '>65' });
    expect(departments(ind)).toEqual(['旗自然资源局']);
  });

  it('9 增加实施煤矸石井下填充和离层注浆矿井数量▲: the county’s own count, 0 → 6 → 8 → 10', () => {
    // name line 1920 (▲ line 1950), baseline line 1985, targets lines 2005 / 2025 / 2040, dept line 2107
    const ind = indicator(9);
    expect(ind.name).toBe('增加实施煤矸石井下填充和离层注浆矿井数量');
    expect(ind.marker).toBe('county');
    expect(ind.unit).toBe('个');
    expect(ind.cumulative).toBe(true);
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 0 } });
    expect(ind.targets.map((t) => t.year)).toEqual([2023, 2024, 2025]);
    expect(target(ind, 2024)).toEqual({ kind: 'comparator', op: '≥', value: 8, implied: true, text: '8' });
    expect(target(ind, 2025)).toEqual({ kind: 'comparator', op: '≥', value: 10, implied: true, text: '10' });
    expect(departments(ind)).toEqual(['旗能源局']);
  });

  it('11 农药减量控害●: no unit, 使用量负增长 every year, 旗农牧局', () => {
    // name line 2174, unit line 2374 (—), 2023 line 2304, dept line 2384
    const ind = indicator(11);
    expect(ind.marker).toBe('city');
    expect(ind.unit).toBeNull();
    expect(ind.baseline).toBeNull();
    expect(target(ind, 2023)).toEqual({ kind: 'trend', trend: 'decrease', text: '使用量负增长' });
    expect(target(ind, 2025)).toEqual({ kind: 'trend', trend: 'decrease', text: '使用量负增长' });
    expect(departments(ind)).toEqual(['旗农牧局']);
  });

  it('14 生活垃圾清运量★: 万吨, baseline 6.06, 2025 11.4', () => {
    // name line 2225, baseline lines 2292–2293 ("6." + "06"), 2025 lines 2365–2366 ("11" + ".4"), unit line 2376
    const ind = indicator(14);
    expect(ind.unit).toBe('万吨');
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 6.06 } });
    const t = target(ind, 2025);
    expect(t?.kind === 'comparator' ? t.value : null).toBe(11.4);
    expect(departments(ind)).toEqual(['旗住建局']);
  });

  it('16 农村地区生活垃圾分类覆盖率: 50 → 85, 旗住建局 and 旗乡村振兴统筹发展中心', () => {
    // name line 2260, baseline line 2293, 2025 line 2371, dept lines 2414 and 2420
    const ind = indicator(16);
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 50 } });
    expect(target(ind, 2025)).toEqual({ kind: 'comparator', op: '≥', value: 85, implied: true, text: '85' });
    expect(departments(ind)).toEqual(['旗住建局', '旗乡村振兴统筹发展中心']);
  });

  it('17 采购使用符合标准的包装材料比例: 2025 98, 旗邮政公司', () => {
    // name line 2489, 2025 line 2706, dept line 2722
    const ind = indicator(17);
    expect(ind.marker).toBeNull();
    expect(target(ind, 2025)).toEqual({ kind: 'comparator', op: '≥', value: 98, implied: true, text: '98' });
    expect(departments(ind)).toEqual(['旗邮政公司']);
  });

  it('18 一般工业固体废物综合利用率★: baseline 52.59, 2023 55, 2025 60', () => {
    // name line 2512, baseline lines 2645–2647 ("52" ".5" "9"), 2023 line 2666, 2025 line 2706, depts lines 2730–2743
    const ind = indicator(18);
    expect(ind.marker).toBe('national');
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 52.59 } });
    expect(target(ind, 2023)).toEqual({ kind: 'comparator', op: '≥', value: 55, implied: true, text: '55' });
    expect(target(ind, 2025)).toEqual({ kind: 'comparator', op: '≥', value: 60, implied: true, text: '60' });
    expect(departments(ind)).toEqual(['旗工信局', '旗生态环境局']);
  });

  it('19 固废综合利用重点项目数量●: a running total 0 → 1 → 3 → 4', () => {
    // name lines 2534–2615, baseline line 2649, targets lines 2666 / 2689 / 2706
    const ind = indicator(19);
    expect(ind.marker).toBe('city');
    expect(ind.unit).toBe('个');
    expect(ind.cumulative).toBe(true);
    expect(ind.targets.map((t) => (t.target.kind === 'comparator' ? t.target.value : null))).toEqual([1, 3, 4]);
  });

  it('21 秸秆综合利用率★: 85.4 → 88.8 → 89.4 → ≥90 (main text: 稳定在90%以上)', () => {
    // name line 2835, baseline lines 2927–2928, 2023 lines 2941–2942, 2025 lines 2981–2982, depts lines 2997 and 3003
    const ind = indicator(21);
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 85.4 } });
    expect(target(ind, 2023)).toEqual({ kind: 'comparator', op: '≥', value: 88.8, implied: true, text: '88.8' });
    expect(target(ind, 2025)).toEqual({ kind: 'comparator', op: '≥', value: 90, implied: false, text: '≥90' });
    expect(departments(ind)).toEqual(['旗农牧局', '旗生态环境局']);
  });

  it('22 畜禽粪污综合利用率★: 92 → 95 (main text: 达到95%以上)', () => {
    // name line 2847, baseline line 2930, 2025 line 2984, dept line 3012
    const ind = indicator(22);
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 92 } });
    expect(target(ind, 2025)).toEqual({ kind: 'comparator', op: '≥', value: 95, implied: true, text: '95' });
    expect(departments(ind)).toEqual(['旗农牧局']);
  });

  it('30 医疗废物收集处置体系覆盖率★: 100 throughout, 旗卫健委', () => {
    // name line 3176, baseline lines 3260–3261, 2025 lines 3330–3331, dept line 3364
    const ind = indicator(30);
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 100 } });
    expect(target(ind, 2025)).toEqual({ kind: 'comparator', op: '≥', value: 100, implied: true, text: '100' });
    expect(departments(ind)).toEqual(['旗卫健委']);
  });

  it('40 开展“无废城市细胞”建设的单位数量: 13 in 2023, then words', () => {
    // name line 3902, 2023 line 4026, 2024 line 4061, unit line 4227
    const ind = indicator(40);
    expect(ind.unit).toBe('个');
    expect(ind.cumulative).toBe(true);
    expect(target(ind, 2023)).toEqual({ kind: 'comparator', op: '≥', value: 13, implied: true, text: '13' });
    expect(target(ind, 2024)?.kind).toBe('text');
  });

  it('45 固体废物管理信息化监管情况★: a stated baseline and a stated target', () => {
    // name line 4432, baseline line 4468, 2023 line 4532, dept line 4749
    const ind = indicator(45);
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'text', text: '内蒙古自治区固体废物管理信息系统' } });
    expect(target(ind, 2023)).toEqual({ kind: 'text', text: '配合建成鄂尔多斯市固体废物智慧化管理平台' });
    expect(departments(ind)).toEqual(['旗生态环境局']);
  });

  it('50 公众对“无废城市”建设成效的满意程度★: 逐年提高 then 80, 第三方测评机构', () => {
    // name line 4934, 2023 line 5040, 2025 line 5177, dept line 5241
    const ind = indicator(50);
    expect(ind.marker).toBe('national');
    expect(target(ind, 2023)).toEqual({ kind: 'trend', trend: 'increase', text: '逐年提高' });
    expect(target(ind, 2025)).toEqual({ kind: 'comparator', op: '≥', value: 80, implied: true, text: '80' });
    // the last unit of the 责任部门 column on that page; where the row starts is inferred (review flag)
    expect(departments(ind)).toContain('第三方测评机构');
  });
});
