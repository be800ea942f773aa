import { readFileSync } from 'fs';
import path from 'path';
import { loadSeedPlan, type PlanRecords } from '../../shared/seed/load-seed';
import { sumWan } from '../../shared/domain/money';
import type { Project } from '../../shared/domain/project';

/**
 * The 伊金霍洛旗 附件2 项目清单 as printed in the gazette (seeds/004_ac47b4b671503bb1.txt, table from
 * line 18274, extracted column by column over three pages: projects 1–4, 5–8, 9–11). Line numbers
 * in the comments are lines of that file.
 */
const SEED_FILE = path.join(__dirname, '../../seeds/150627-yijinhuoluo.json');

function load(): PlanRecords {
  const raw: unknown = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  return loadSeedPlan(raw);
}

const records = load();

function project(n: number): Project {
  const found = records.projects.find((p) => p.number === String(n));
  if (!found) throw new Error(`项目 ${n} 不存在`);
  return found;
}

function constructionUnits(p: Project): string[] {
  return p.constructionUnitIds.map((id) => {
    const dep = records.departments.find((d) => d.id === id);
    if (!dep) throw new Error(`单位 ${id} 不存在`);
    return dep.name;
  });
}

describe('伊金霍洛旗 项目清单 (seed 004, lines 18274–20801)', () => {
  it('has all 11 projects in table order', () => {
    // 序号 lines 18303 (1–4), 19223 (5–8), 20080 (9–11)
    expect(records.projects).toHaveLength(11);
    expect(records.projects.map((p) => p.number)).toEqual(Array.from({ length: 11 }, (_, k) => String(k + 1)));
  });

  it('adds up to 183853.29 万元 of planned investment', () => {
    // 总投资（万元）: lines 19138–19150 (97000, 5000, 1800, 2000), 19986–20003 (30000, 4100, 25353.29, 10000),
    // 20737–20744 (3000, 2000, 3600)
    expect(sumWan(records.projects.map((p) => p.plannedInvestment))).toBe('183853.29');
  });

  it('1 神东布尔台煤矿煤矸石综合利用项目: 97000 万元, 2023年—2024年, 2024年底', () => {
    // name line 18310, period line 19001, unit line 19054, investment line 19138, deadline line 19199
    const p = project(1);
    expect(p.name).toBe('神东布尔台煤矿煤矸石综合利用项目');
    expect(constructionUnits(p)).toEqual(['神东布尔台煤矿']);
    expect(p.plannedInvestment).toBe('97000');
    expect(p.period).toEqual({ text: '2023年—2024年', start: { year: 2023 }, end: { year: 2024 } });
    expect(p.deadline?.text).toBe('2024年底');
    expect(p.deadline?.points).toEqual([{ precision: 'year', date: '2024-12-31' }]);
    expect(p.source.line).toBe(18310);
  });

  it('3 兴誉 农林废弃物 project: 1800 万元 by 内蒙古兴誉生态环保科技有限公司', () => {
    // name line 18374, unit line 19085, investment line 19146
    const p = project(3);
    expect(p.name).toBe('内蒙古兴誉生态环保科技有限公司伊金霍洛旗农林废弃物资源化循环综合利用科技深加工项目');
    expect(constructionUnits(p)).toEqual(['内蒙古兴誉生态环保科技有限公司']);
    expect(p.plannedInvestment).toBe('1800');
  });

  it('5 佳盛 固废处置中心: 30000 万元, 2022年6月—2024年6月, due 2024年6月底', () => {
    // name line 19230, period line 19845, unit line 19902, investment line 19986, deadline line 20052
    const p = project(5);
    expect(p.name).toBe('内蒙古佳盛环保有限公司蒙苏经济开发区固废处置中心');
    expect(constructionUnits(p)).toEqual(['内蒙古佳盛环保有限公司']);
    expect(p.plannedInvestment).toBe('30000');
    expect(p.period).toEqual({ text: '2022年6月—2024年6月', start: { year: 2022, month: 6 }, end: { year: 2024, month: 6 } });
    expect(p.deadline?.text).toBe('2024年6月底');
    expect(p.deadline?.points).toEqual([{ precision: 'month', date: '2024-06-30' }]);
  });

  it('6 生活垃圾分类及综合处理项目: built by 伊金霍洛旗城乡环卫中心, 2020年—2024年, 4100 万元', () => {
    // name line 19266, period line 19861, unit line 19919, investment line 19991, deadline line 20062
    const p = project(6);
    expect(p.name).toBe('伊金霍洛旗生活垃圾分类及综合处理项目');
    expect(constructionUnits(p)).toEqual(['伊金霍洛旗城乡环卫中心']);
    expect(p.plannedInvestment).toBe('4100');
    expect(p.period?.text).toBe('2020年—2024年');
    expect(p.deadline?.points).toEqual([{ precision: 'year', date: '2024-12-31' }]);
  });

  it('7 优内特 处理处置中心（二期）: 25353.29 万元 (cell "2535" / "3.29" over two lines), due 2023年底', () => {
    // name line 19293, period line 19873, unit line 19936, investment lines 19994–19998, deadline line 20068
    const p = project(7);
    expect(p.name).toBe('内蒙古优内特环保科技有限公司鄂尔多斯市固体废物处理处置中心建设项目（二期）');
    expect(constructionUnits(p)).toEqual(['内蒙古优内特环保科技有限公司']);
    expect(p.plannedInvestment).toBe('25353.29');
    expect(p.period).toEqual({ text: '2021年—2023年', start: { year: 2021 }, end: { year: 2023 } });
    expect(p.deadline?.text).toBe('2023年底');
  });

  it('8 汇能 灰渣无害化处置 续建工程: 10000 万元, 2023年—2025年, 2025年底', () => {
    // name line 19348, period line 19885, unit line 19958, investment line 20000, deadline line 20074
    const p = project(8);
    expect(p.name).toBe('内蒙古汇能煤化工有限公司煤制天然气固体废物（灰渣）无害化处置项目续建工程');
    expect(constructionUnits(p)).toEqual(['内蒙古汇能煤化工有限公司']);
    expect(p.plannedInvestment).toBe('10000');
    expect(p.deadline?.points).toEqual([{ precision: 'year', date: '2025-12-31' }]);
  });

  it('11 门克庆 烧结砖 project: 3600 万元, 2022年—2025年, 2025年底', () => {
    // name line 20174, period line 20646, unit line 20704, investment line 20743, deadline line 20797
    const p = project(11);
    expect(p.name).toBe('伊金霍洛旗门克庆环保砖有限公司年产1.2亿块煤矸石烧结砖建设项目');
    expect(constructionUnits(p)).toEqual(['伊金霍洛旗门克庆环保砖有限公司']);
    expect(p.plannedInvestment).toBe('3600');
    expect(p.period?.text).toBe('2022年—2025年');
    expect(p.deadline?.text).toBe('2025年底');
  });

  it('keeps the uncertain names flagged for review', () => {
    // 4: table (line 18437) drops 废物 against the main text (line 5586); 9: odd word order (line 20087);
    // 10/11: stray 的 between the two names (line 20172)
    for (const n of [4, 9, 10, 11]) {
      expect(project(n).review?.some((r) => r.field === 'name')).toBe(true);
    }
  });

  it('has no 责任单位 column: responsible units stay empty', () => {
    for (const p of records.projects) expect(p.responsibleUnitIds).toEqual([]);
  });
});
