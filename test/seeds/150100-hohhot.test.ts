import { readFileSync } from 'fs';
import path from 'path';
import { loadSeedPlan, type PlanRecords } from '../../shared/seed/load-seed';
import { SeedPlanSchema } from '../../shared/seed/seed-schema';
import type { Department } from '../../shared/domain/department';
import type { Indicator, IndicatorTarget } from '../../shared/domain/indicator';
import type { Project } from '../../shared/domain/project';
import type { Task, TaskDomain } from '../../shared/domain/task';
import { sumWan } from '../../shared/domain/money';
import { officesInvolved } from '../../shared/views/counties';
import { expectDomainCounts } from './domain-counts';

/**
 * 呼和浩特市“十四五”时期“无废城市”建设实施方案 (seeds/002_254e334816a2e296.txt; tab-separated
 * tables). Line numbers in the comments are lines of that file.
 */
const SEED_FILE = path.join(__dirname, '../../seeds/150100-hohhot.json');

const raw: unknown = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
const seed = SeedPlanSchema.parse(raw);
const records: PlanRecords = loadSeedPlan(raw);

function indicator(num: number): Indicator {
  const found = records.indicators.find((i) => i.number === String(num));
  if (!found) throw new Error(`指标 ${num} 不存在`);
  return found;
}

const target2025 = (ind: Indicator): IndicatorTarget | undefined => ind.targets.find((t) => t.year === 2025)?.target;

function department(id: string): Department {
  const dep = records.departments.find((d) => d.id === id);
  if (!dep) throw new Error(`单位 ${id} 不存在`);
  return dep;
}

function departmentByName(name: string): Department {
  const dep = records.departments.find((d) => d.name === name);
  if (!dep) throw new Error(`单位「${name}」不存在`);
  return dep;
}

const responsible = (ind: Indicator): string[] => ind.responsibleDepartmentIds.map((id) => department(id).name);

function task(domainLabel: string, num: number): Task {
  const found = records.tasks.find((t) => t.domainLabel === domainLabel && t.number === String(num));
  if (!found) throw new Error(`任务 ${domainLabel} 第${num}项 不存在`);
  return found;
}

function project(num: number): Project {
  const found = records.projects.find((p) => p.number === String(num));
  if (!found) throw new Error(`项目 ${num} 不存在`);
  return found;
}

const leads = (t: Task): [string, string | undefined][] => t.leads.map((l) => [department(l.departmentId).name, l.duty]);
const participants = (t: Task): [string, string | undefined][] => t.participants.map((p) => [department(p.departmentId).name, p.duty]);
const reviewed = (r: { review?: { field: string }[] }): string[] => (r.review ?? []).map((f) => f.field);

const INSTITUTIONAL = '体制机制建设';
const INDUSTRIAL = '工业固体废物领域';
const AGRICULTURAL = '农业固体废物领域';
const DOMESTIC = '生活源固体废物领域';
const CONSTRUCTION = '建筑垃圾领域';
const HAZARDOUS = '危险废物领域';
const HOHHOT_COUNTIES = ['150102', '150103', '150104', '150105', '150121', '150122', '150123', '150124', '150125'];

describe('呼和浩特市 seed (002): office and plan', () => {
  it('is the city office 150100 under 150000, 2021–2025, with no document number, issuer or leaders', () => {
    const { plans, currentPlanId, ...office } = records.office;
    expect(office).toEqual({ code: '150100', name: '呼和浩特市', level: 'city', parentCode: '150000' });
    // the published plan is the office's first plan period, in force
    expect(plans).toEqual([{ id: '150100-plan-2021', title: '呼和浩特市“十四五”时期“无废城市”建设实施方案', fromYear: 2021, toYear: 2025, status: 'in-force' }]);
    expect(currentPlanId).toBe('150100-plan-2021');
    // title line 3 ("呼和浩特市“十四五”时期 “无废城市”建设实施方案", extraction space removed)
    expect(seed.plan.title).toBe('呼和浩特市“十四五”时期“无废城市”建设实施方案');
    expect(seed.plan).toMatchObject({ fromYear: 2021, toYear: 2025 });
    expect(seed.plan.documentNumber).toBeUndefined();
    expect(seed.plan.issuer).toBeUndefined();
    expect(seed.plan.issuedOn).toBeUndefined();
    expect(seed.notes.some((n) => n.includes('没有印发通知、文号'))).toBe(true);
    expect(records.leaders).toEqual([]);
  });

  it('flags the table note "★为自选指标" against the national marker', () => {
    // line 90: 注：★为自选指标
    expect(seed.plan.review?.map((r) => r.field)).toEqual(['indicators.marker']);
  });
});

describe('呼和浩特市 指标体系 (002 lines 33–90)', () => {
  it('has 49 indicators numbered 1–49, 25 of them marked ★', () => {
    expect(records.indicators.map((i) => i.number)).toEqual(Array.from({ length: 49 }, (_, k) => String(k + 1)));
    expect(records.indicators.filter((i) => i.marker === 'national')).toHaveLength(25);
    expect(records.indicators.filter((i) => i.marker === null)).toHaveLength(24);
    for (const i of records.indicators) expect(i.targets.map((t) => t.year)).toEqual([2025]);
  });

  it('1 一般工业固体废物产生强度★: 2.17 → 1.82 吨/万元; 市统计局 provides the data', () => {
    // line 34
    const ind = indicator(1);
    expect(ind).toMatchObject({ level1: '固体废物源头减量', level2: '工业源头减量', name: '一般工业固体废物产生强度', marker: 'national', unit: '吨/万元', direction: 'lower' });
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 2.17 } });
    expect(target2025(ind)).toEqual({ kind: 'comparator', op: '≤', value: 1.82, implied: true, text: '1.82' });
    expect(responsible(ind)).toEqual(['市工业和信息化局', '市生态环境局', '市统计局']);
    expect(ind.note).toBe('表注：★为自选指标；责任单位原文：市工业和信息化局、生态环境局（市统计局提供数据）');
  });

  it('10 生活垃圾清运量★: baseline printed 74.50, target 70 万吨 (lower)', () => {
    // line 43
    const ind = indicator(10);
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 74.5, text: '74.50' } });
    expect(target2025(ind)).toEqual({ kind: 'comparator', op: '≤', value: 70, implied: true, text: '70' });
    expect(responsible(ind)).toEqual(['市城市管理综合执法局', '市统计局']);
  });

  it('16 规模以上综合利用专业企业数量: no baseline, 25 家, the counties and both park committees', () => {
    // line 51
    const ind = indicator(16);
    expect(ind.baseline).toBeNull();
    expect(ind.unit).toBe('家');
    expect(ind.cumulative).toBe(true);
    expect(target2025(ind)).toEqual({ kind: 'comparator', op: '≥', value: 25, implied: true, text: '25' });
    expect(responsible(ind)).toEqual(['各旗县区人民政府', '经济技术开发区管委会', '和林格尔新区管委会', '市工业和信息化局']);
  });

  it('21 and 22 化学农药/化肥施用量亩均下降幅度: "负增长" kept as words and flagged', () => {
    // lines 56–57
    expect(indicator(21).baseline).toEqual({ year: 2020, value: { kind: 'number', value: 2 } });
    expect(indicator(22).baseline).toEqual({ year: 2020, value: { kind: 'text', text: '负增长' } });
    expect(indicator(22).unit).toBeNull();
    for (const n of [21, 22]) {
      expect(target2025(indicator(n))).toEqual({ kind: 'text', text: '负增长' });
      expect(reviewed(indicator(n))).toEqual(['targets[0].target']);
    }
  });

  it('32 生活垃圾焚烧处理能力占比★: 46.9 → 57.0', () => {
    // line 69
    expect(indicator(32).baseline).toEqual({ year: 2020, value: { kind: 'number', value: 46.9 } });
    expect(target2025(indicator(32))).toEqual({ kind: 'comparator', op: '≥', value: 57, implied: true, text: '57.0' });
  });

  it('34–38: shifted cells of the 保障能力 block read back into place', () => {
    // line 71: 34 ⇥ ⇥ 保障能力 ⇥ 制度体系建设 ⇥ name ⇥ — ⇥ >5 ⇥ 个 ⇥ 市“无废办”
    expect(indicator(34)).toMatchObject({ level1: '保障能力', level2: '制度体系建设', name: '“无废城市”建设地方性法规、政策性文件及有关规划制定', unit: '个' });
    expect(target2025(indicator(34))).toEqual({ kind: 'comparator', op: '>', value: 5, implied: false, text: '>5' });
    // line 72
    expect(indicator(35)).toMatchObject({ name: '“无废城市”建设协调机制', marker: 'national', unit: null, direction: 'qualitative', baseline: null });
    expect(target2025(indicator(35))).toEqual({ kind: 'text', text: '建立完善协调机制' });
    // line 73: the name is printed in the 一级指标 column
    expect(indicator(36)).toMatchObject({ level1: '保障能力', level2: '制度体系建设', name: '“无废城市”建设成效纳入绩效考核情况' });
    expect(target2025(indicator(36))).toEqual({ kind: 'text', text: '建立考核办法' });
    // line 75: 市场体系建设 printed in the 一级指标 column
    const invest = indicator(38);
    expect(invest).toMatchObject({ level1: '保障能力', level2: '市场体系建设', name: '“无废城市”建设项目投资总额', unit: '亿元' });
    expect(target2025(invest)).toEqual({ kind: 'comparator', op: '≥', value: 222, implied: true, text: '222' });
    expect(responsible(invest)).toEqual(['市生态环境局', '市金融工作办公室']);
  });

  it('40–46: level 1 printed as 固体废物最终处置 on page 4, stored as 保障能力 and flagged', () => {
    // line 79
    for (let n = 40; n <= 46; n++) {
      expect(indicator(n).level1).toBe('保障能力');
      expect(reviewed(indicator(n))).toEqual(['level1']);
    }
    expect(indicator(40).level2).toBe('技术体系建设');
    expect(indicator(42).level2).toBe('监管体系建设');
    expect(target2025(indicator(42))).toEqual({ kind: 'text', text: '完善固体废物信息化监管系统' });
    expect(responsible(indicator(44))).toEqual(['市公安局', '市生态环境局']);
  });

  it('47–49 群众获得感: 47 lost its 责任单位 cell and is flagged', () => {
    // lines 86–88
    for (const n of [47, 48, 49]) expect(indicator(n)).toMatchObject({ level1: '群众获得感', level2: '群众获得感' });
    expect(indicator(47).name).toBe('“无废城市”建设宣传教育培训普及率');
    expect(responsible(indicator(47))).toEqual([]);
    expect(reviewed(indicator(47))).toContain('responsibleDepartments');
    expect(responsible(indicator(48))).toEqual(['市“无废办”']);
    expect(indicator(49).marker).toBe('national');
    expect(target2025(indicator(49))).toEqual({ kind: 'comparator', op: '≥', value: 85, implied: true, text: '85' });
  });
});

describe('呼和浩特市 附件5 任务清单 (002 lines 255–346)', () => {
  it('has 59 tasks: 体制机制 2, 工业 25, 农业 10, 生活源 8, 建筑垃圾 5, 危险废物 9, numbered from 1 in each domain', () => {
    const expected: [string, TaskDomain, number][] = [
      [INSTITUTIONAL, 'institutional', 2],
      [INDUSTRIAL, 'industrial', 25],
      [AGRICULTURAL, 'agricultural', 10],
      [DOMESTIC, 'domestic', 8],
      [CONSTRUCTION, 'construction', 5],
      [HAZARDOUS, 'hazardous', 9],
    ];
    expectDomainCounts(records.tasks, expected);
  });

  it('uses the role 责任 for every participant, and every task has yearly milestones ending in its deadline year', () => {
    expect(records.tasks.every((t) => t.participants.every((p) => p.role === '责任'))).toBe(true);
    for (const t of records.tasks) {
      expect(t.milestones.length).toBeGreaterThan(0);
      const lastYear = Math.max(...t.milestones.flatMap((m) => m.years));
      expect({ task: t.title, due: t.deadline.points[t.deadline.points.length - 1]?.date }).toEqual({ task: t.title, due: `${lastYear}-12-31` });
    }
  });

  it('体制机制 2: 2023 / 2024、2025 milestones; 市委组织部 with its duty', () => {
    // line 260
    const t = task(INSTITUTIONAL, 2);
    expect(t.title).toBe('开展“无废城市”建设考核评估');
    expect(leads(t)).toEqual([['市“无废办”', '负责牵头推进']]);
    expect(participants(t)).toEqual([
      ['市生态环境局', '负责组织开展评估工作'],
      ['市委组织部', '将“无废城市”建设列入考核内容'],
    ]);
    expect(t.milestones).toEqual([
      { years: [2023], text: '制定考核办法，建立考核机制' },
      { years: [2024, 2025], text: '组织开展年度考核评估' },
    ]);
    expect(t.deadline.text).toBe('2023年制定考核办法，建立考核机制；2024年、2025年组织开展年度考核评估。');
    expect(t.deadline.points.map((p) => p.date)).toEqual(['2023-12-31', '2024-12-31', '2025-12-31']);
  });

  it('工业 1: misprinted lead read as 市发展和改革委员会 (flagged); five county governments take part', () => {
    // line 262
    const t = task(INDUSTRIAL, 1);
    expect(leads(t)).toEqual([['市发展和改革委员会', '作为清洁能源主管部门，负责牵头推进']]);
    expect(reviewed(t)).toEqual(['leads']);
    expect(participants(t)).toEqual([
      ['市自然资源局', '负责光伏资源开发和用地规划审批'],
      ...['土默特左旗', '武川县', '和林格尔县', '托克托县', '清水河县'].map((b): [string, string] => [`${b}人民政府`, '具体负责在辖区内开展项目建设']),
    ]);
    expect(officesInvolved(t, records.departments)).toEqual(['150121', '150122', '150123', '150124', '150125']);
  });

  it('工业 5: one milestone per year', () => {
    // line 268
    expect(task(INDUSTRIAL, 5).milestones).toEqual([
      { years: [2023], text: '确定可行的污泥焚烧技术' },
      { years: [2024], text: '开展污泥焚烧试点' },
      { years: [2025], text: '扩大污泥焚烧范围' },
    ]);
  });

  it('工业 6: two county governments lead', () => {
    // line 269
    const t = task(INDUSTRIAL, 6);
    expect(leads(t)).toEqual([
      ['托克托县人民政府', '负责托清经济开发区产业体系构建'],
      ['清水河县人民政府', '负责托清经济开发区产业体系构建'],
    ]);
    expect(departmentByName('托克托县人民政府')).toMatchObject({ kind: 'subordinate-office', officeCodes: ['150122'] });
  });

  it('工业 9: no lead ("—"), flagged; 2023年—2025年持续推进', () => {
    // line 274
    const t = task(INDUSTRIAL, 9);
    expect(t.leads).toEqual([]);
    expect(reviewed(t)).toContain('leads');
    expect(participants(t).map(([n]) => n)).toEqual(['市发展和改革委员会', '市生态环境局', '市自然资源局']);
    expect(t.deadline).toEqual({ text: '2023年—2025年持续推进。', points: [{ precision: 'year', date: '2025-12-31' }], open: null, fromYear: 2023 });
    expect(t.milestones).toEqual([{ years: [2023, 2024, 2025], text: '持续推进' }]);
  });

  it('工业 25: two leads with separate duties; the named demonstration counties take part', () => {
    // line 296
    const t = task(INDUSTRIAL, 25);
    expect(leads(t)).toEqual([
      ['市应急管理局', '负责“清废销号”示范项目建设和'],
      ['市自然资源局', '负责历史遗留矿（砂）坑治理修复典型示范项目'],
    ]);
    expect(officesInvolved(t, records.departments)).toEqual(['150102', '150123', '150124']);
    expect(reviewed(t)).toEqual(['participants']);
  });

  it('农业 2: 各旗县区人民政府 takes part, standing for all nine 旗县区', () => {
    // line 301
    const t = task(AGRICULTURAL, 2);
    expect(participants(t)).toEqual([['各旗县区人民政府', undefined]]);
    const all = departmentByName('各旗县区人民政府');
    expect(all.kind).toBe('all-subordinate-offices');
    expect(officesInvolved(t, records.departments)).toEqual(HOHHOT_COUNTIES);
  });

  it('农业 7: 市农业农村局 read as 市农牧局 and flagged', () => {
    // line 308
    const t = task(AGRICULTURAL, 7);
    expect(leads(t)).toEqual([['市农牧局', '负责推进']]);
    expect(reviewed(t)).toEqual(['leads']);
  });

  it('生活源 1: six participants each 分别配合推进', () => {
    // line 313
    const t = task(DOMESTIC, 1);
    expect(participants(t).map(([n]) => n)).toEqual(['市机关事务局', '市卫生健康委员会', '市教育局', '市商务局', '市文化旅游广电局', '市工业和信息化局']);
    expect(participants(t).every(([, duty]) => duty === '分别配合推进')).toBe(true);
  });

  it('生活源 5: 供销社 is 市供销合作社联合社; 高新区 is flagged', () => {
    // line 319
    const t = task(DOMESTIC, 5);
    expect(participants(t).map(([n]) => n)).toEqual(['市商务局', '市供销合作社联合社', '市住房和城乡建设局', '市邮政管理局', '各旗县区人民政府', '经济技术开发区管委会', '高新区']);
    expect(departmentByName('市供销合作社联合社').aliases).toContain('市供销社');
    expect(reviewed(departmentByName('高新区'))).toEqual(['name']);
  });

  it('建筑垃圾 1: 2023 / 2024 / 2025 milestones', () => {
    // line 326
    const t = task(CONSTRUCTION, 1);
    expect(leads(t)).toEqual([['市城市管理综合执法局', '负责推进']]);
    expect(t.milestones.map((m) => m.years)).toEqual([[2023], [2024], [2025]]);
    expect(t.milestones[1].text).toBe('出台施工现场建筑垃圾减量化指导手册');
  });

  it('危险废物 1: two leads sharing one duty', () => {
    // line 334
    const t = task(HAZARDOUS, 1);
    expect(leads(t)).toEqual([
      ['市发展和改革委员会', '共同负责清洁生产审核'],
      ['市生态环境局', '共同负责清洁生产审核'],
    ]);
    expect(participants(t)).toEqual([
      ['市工业和信息化局', '负责推动企业技术改造'],
      ['市财政局', '落实企业技术改造奖励资金'],
    ]);
  });

  it('危险废物 9: 2023年完成', () => {
    // line 346
    const t = task(HAZARDOUS, 9);
    expect(t.deadline).toEqual({ text: '2023年完成。', points: [{ precision: 'year', date: '2023-12-31' }], open: null });
    expect(t.milestones).toEqual([{ years: [2023], text: '完成' }]);
  });
});

describe('呼和浩特市 附件6 项目清单 (002 lines 348–384)', () => {
  it('has 24 projects numbered 1–24 with an investment each, 1969581.7 万元 in all', () => {
    expect(records.projects.map((p) => p.number)).toEqual(Array.from({ length: 24 }, (_, k) => String(k + 1)));
    expect(records.projects.every((p) => p.plannedInvestment !== null && p.benefit && p.deadline)).toBe(true);
    expect(sumWan(records.projects.map((p) => p.plannedInvestment))).toBe('1969581.7');
  });

  it('1 武川县历史遗留固废治理项目: wrapped cells joined; 3000 万元; 2024年', () => {
    // line 351
    const p = project(1);
    expect(p.name).toBe('武川县历史遗留固废治理项目');
    expect(p.content).toBe('制备路基料、水稳层料、沥青混凝土骨料、干混砂浆等。');
    expect(p.responsibleUnitIds.map((id) => department(id).name)).toEqual(['市交通运输局']);
    expect(p.plannedInvestment).toBe('3000');
    expect(p.benefit).toBe('预计2年内完成武川县废弃矿山遗留固废治理项目。');
    expect(p.deadline?.points).toEqual([{ precision: 'year', date: '2024-12-31' }]);
  });

  it('2: truncated name kept as printed and flagged', () => {
    // line 352
    expect(project(2).name).toBe('50 万吨粉煤 综合利 80 万立 土加 项目');
    expect(reviewed(project(2))).toEqual(['name']);
  });

  it('6: 1262700 万元 flagged as implausible; 7: four county governments', () => {
    // lines 358–359
    expect(project(6).plannedInvestment).toBe('1262700');
    expect(reviewed(project(6))).toContain('plannedInvestment');
    expect(project(7).responsibleUnitIds.map((id) => department(id).officeCodes?.[0])).toEqual(['150121', '150103', '150102', '150125']);
  });

  it('12: a decimal investment, 9678.7 万元, by a park committee', () => {
    // line 368
    const p = project(12);
    expect(p.plannedInvestment).toBe('9678.7');
    expect(p.responsibleUnitIds.map((id) => department(id))).toMatchObject([{ name: '和林格尔县经济开发区管理委员会', kind: 'park' }]);
    expect(p.deadline?.text).toBe('2025年');
  });

  it('24 内蒙古蒙联石油化工有限公司: 10380 万元, 2023年', () => {
    // line 384
    const p = project(24);
    expect(p.name).toBe('内蒙古蒙联石油化工有限公司30万吨/年液化气深加工扩能技改项目');
    expect(p.plannedInvestment).toBe('10380');
    expect(p.benefit).toBe('可实现每年6万吨废酸的资源化利用，可解决全市废酸类危险废物的利用处置难题。');
    expect(department(p.responsibleUnitIds[0]).kind).toBe('enterprise');
  });
});
