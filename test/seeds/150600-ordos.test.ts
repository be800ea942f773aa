import { readFileSync } from 'fs';
import path from 'path';
import { loadSeedPlan, type PlanRecords } from '../../shared/seed/load-seed';
import type { Department } from '../../shared/domain/department';
import type { Indicator, IndicatorMarker, IndicatorTarget } from '../../shared/domain/indicator';
import type { Task } from '../../shared/domain/task';
import { expectDomainCounts } from './domain-counts';

/**
 * 鄂尔多斯市 indicator system and task list (seeds/003_f1b29a3d87863168.txt; cells split over
 * lines). Line numbers in the comments are lines of that file. The indicator table's 序号 column is
 * empty in the extraction, so indicators are looked up by name, not by number.
 */
const SEED_FILE = path.join(__dirname, '../../seeds/150600-ordos.json');

const raw: unknown = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
const records: PlanRecords = loadSeedPlan(raw);

function indicator(name: string): Indicator {
  const found = records.indicators.find((i) => i.name === name);
  if (!found) throw new Error(`指标「${name}」不存在`);
  return found;
}

function target2025(ind: Indicator): IndicatorTarget | undefined {
  return ind.targets.find((t) => t.year === 2025)?.target;
}

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

function responsible(ind: Indicator): string[] {
  return ind.responsibleDepartmentIds.map((id) => department(id).name);
}

function task(domainLabel: string, num: number): Task {
  const found = records.tasks.find((t) => t.domainLabel === domainLabel && t.number === String(num));
  if (!found) throw new Error(`任务 ${domainLabel} 第${num}项 不存在`);
  return found;
}

const leads = (t: Task): string[] => t.leads.map((l) => department(l.departmentId).name);
const participants = (t: Task): string[] => t.participants.map((p) => department(p.departmentId).name);

function countMarker(marker: IndicatorMarker | null): number {
  return records.indicators.filter((i) => i.marker === marker).length;
}

const INDUSTRIAL = '工业固体废物';
const AGRICULTURAL = '农业领域固体废物';
const DOMESTIC = '生活领域固体废物';
const HAZARDOUS = '危险废物领域';

describe('鄂尔多斯市 seed (003): office and plan', () => {
  it('is the city office 150600 under 150000, with no projects or leaders', () => {
    const { plans, currentPlanId, ...office } = records.office;
    expect(office).toEqual({ code: '150600', name: '鄂尔多斯市', level: 'city', parentCode: '150000' });
    expect(plans?.map((p) => [p.id, p.fromYear, p.toYear, p.status])).toEqual([['150600-plan-2021', 2021, 2025, 'in-force']]);
    expect(currentPlanId).toBe('150600-plan-2021');
    expect(records.projects).toEqual([]);
    expect(records.leaders).toEqual([]);
  });
});

describe('鄂尔多斯市 指标体系 (003 lines 1–558)', () => {
  it('has 52 indicators: 25 ★, 7 ●, 20 unmarked', () => {
    // 表注 line 558: ★表示国家体系必选指标，●表示我市自创指标
    expect(records.indicators).toHaveLength(52);
    expect(countMarker('national')).toBe(25);
    expect(countMarker('city')).toBe(7);
    expect(countMarker('county')).toBe(0);
    expect(countMarker(null)).toBe(20);
  });

  it('puts the table note on the marked indicators only', () => {
    for (const ind of records.indicators) {
      if (ind.marker) expect(ind.note).toBe('表注：★表示国家体系必选指标，●表示我市自创指标');
      else expect(ind.note).toBeUndefined();
    }
  });

  it('一般工业固体废物产生强度★: 6.00 → <6.00 吨/万元, three units in one split cell', () => {
    // name line 19, baseline line 20, target line 21, unit line 22, 责任部门 lines 23/25/27
    const ind = indicator('一般工业固体废物产生强度');
    expect(ind.level1).toBe('固体废物源头减量'); // lines 13 + 15 (split cell)
    expect(ind.level2).toBe('工业源头减量'); // lines 16 + 18 ("工业源" / "头减量")
    expect(ind.marker).toBe('national');
    expect(ind.unit).toBe('吨/万元');
    expect(ind.direction).toBe('lower');
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 6, text: '6.00' } });
    expect(target2025(ind)).toEqual({ kind: 'comparator', op: '<', value: 6, implied: false, text: '<6.00' });
    expect(responsible(ind)).toEqual(['市工信局', '市生态环境局', '市统计局']);
  });

  it('开展绿色工厂建设的企业数量: a running total 15 → 35, 市无废办 and 市工信局', () => {
    // name line 56, baseline line 57, target line 58, 责任部门 lines 60–61
    const ind = indicator('开展绿色工厂建设的企业数量');
    expect(ind.marker).toBeNull();
    expect(ind.cumulative).toBe(true);
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 15 } });
    expect(target2025(ind)).toEqual({ kind: 'comparator', op: '≥', value: 35, implied: true, text: '35' });
    expect(responsible(ind)).toEqual(['市无废办', '市工信局']);
  });

  it('绿色矿山建成率★: 35 → >35', () => {
    // name line 101, baseline line 102, target line 103, 责任部门 line 105
    const ind = indicator('绿色矿山建成率');
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 35 } });
    expect(target2025(ind)).toEqual({ kind: 'comparator', op: '>', value: 35, implied: false, text: '>35' });
    expect(responsible(ind)).toEqual(['市自然资源局']);
  });

  it('农药减量控害●: no baseline, no unit, 使用量负增长', () => {
    // name line 130, baseline line 131 (-), target line 132, unit line 133 (empty), 责任部门 line 134
    const ind = indicator('农药减量控害');
    expect(ind.marker).toBe('city');
    expect(ind.level2).toBe('农业源头减量'); // lines 127 + 129
    expect(ind.unit).toBeNull();
    expect(ind.baseline).toBeNull();
    expect(target2025(ind)).toEqual({ kind: 'trend', trend: 'decrease', text: '使用量负增长' });
    expect(responsible(ind)).toEqual(['市农牧局']);
  });

  it('一般工业固体废物综合利用率★: 37.45 → 57', () => {
    // name line 200, baseline line 201, target line 202, 责任部门 lines 204/206; level2 lines 197 + 199
    const ind = indicator('一般工业固体废物综合利用率');
    expect(ind.level1).toBe('固体废物资源化利用');
    expect(ind.level2).toBe('工业固体废物资源化利用');
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 37.45 } });
    expect(target2025(ind)).toEqual({ kind: 'comparator', op: '≥', value: 57, implied: true, text: '57' });
    expect(responsible(ind)).toEqual(['市工信局', '市生态环境局']);
  });

  it('秸秆综合利用率★: 86 → ≥90', () => {
    // name line 233, baseline line 234, target line 235, 责任部门 lines 237/239
    const ind = indicator('秸秆综合利用率');
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'number', value: 86 } });
    expect(target2025(ind)).toEqual({ kind: 'comparator', op: '≥', value: 90, implied: false, text: '≥90' });
    expect(responsible(ind)).toEqual(['市农牧局', '市生态环境局']);
  });

  it('工业危险废物综合利用率★: 逐年提高', () => {
    // name line 224, target line 226
    expect(target2025(indicator('工业危险废物综合利用率'))).toEqual({ kind: 'trend', trend: 'increase', text: '逐年提高' });
  });

  it('“无废城市”建设项目投资总额★: 300 亿元, 市发展和改革委员会 and 各旗区人民政府', () => {
    // name line 448, target line 450, unit line 451, 责任部门 lines 452/454; level2 lines 445 + 447
    const ind = indicator('“无废城市”建设项目投资总额');
    expect(ind.level1).toBe('保障能力');
    expect(ind.level2).toBe('市场体系建设');
    expect(ind.unit).toBe('亿元');
    expect(target2025(ind)).toEqual({ kind: 'comparator', op: '≥', value: 300, implied: true, text: '300' });
    expect(responsible(ind)).toEqual(['市发展和改革委员会', '各旗区人民政府']);
  });

  it('固体废物管理信息化监管情况★: words for baseline and target', () => {
    // name line 481, baseline line 482, target line 483, unit line 484 (-)
    const ind = indicator('固体废物管理信息化监管情况');
    expect(ind.direction).toBe('qualitative');
    expect(ind.unit).toBeNull();
    expect(ind.baseline).toEqual({ year: 2020, value: { kind: 'text', text: '国家固体废物管理信息系统' } });
    expect(target2025(ind)).toEqual({ kind: 'text', text: '建设鄂尔多斯市固体废物智慧化管理平台' });
  });

  it('公众对“无废城市”建设成效的满意程度★: 群众获得感, 第三方测评机构', () => {
    // name line 551, target line 553, 责任部门 line 555; level1 lines 526 + 527 ("群众获" / "得感")
    const ind = indicator('公众对“无废城市”建设成效的满意程度');
    expect(ind.level1).toBe('群众获得感');
    expect(target2025(ind)).toEqual({ kind: 'comparator', op: '≥', value: 80, implied: true, text: '80' });
    expect(responsible(ind)).toEqual(['第三方测评机构']);
  });
});

describe('鄂尔多斯市 任务清单 (003 lines 559–1514)', () => {
  it('has 83 tasks: 工业 37, 农业 11, 生活 18, 危险废物 17, numbered from 1 in each domain', () => {
    // headings lines 569, 1027, 1120, 1314
    const expected: [string, string, number][] = [
      [INDUSTRIAL, 'industrial', 37],
      [AGRICULTURAL, 'agricultural', 11],
      [DOMESTIC, 'domestic', 18],
      [HAZARDOUS, 'hazardous', 17],
    ];
    expectDomainCounts(records.tasks, expected);
  });

  it('uses the role 参与 for every participant', () => {
    expect(records.tasks.every((t) => t.participants.every((p) => p.role === '参与'))).toBe(true);
  });

  it('工业 1: joined title, 市无废办 leads, 2023年', () => {
    // title lines 572 + 574, lead line 576, participants lines 577/579, deadline line 580
    const t = task(INDUSTRIAL, 1);
    expect(t.title).toBe('制定《鄂尔多斯市“无废城市”建设目标责任考核办法》');
    expect(leads(t)).toEqual(['市无废办']);
    expect(participants(t)).toEqual(['市委组织部', '各成员单位']);
    expect(t.deadline).toEqual({ text: '2023年', points: [{ precision: 'year', date: '2023-12-31' }], open: null });
  });

  it('工业 3: lead split as "市生态" / "环境局" joins to 市生态环境局; 持续推进', () => {
    // lead lines 594–596, deadline line 598
    const t = task(INDUSTRIAL, 3);
    expect(leads(t)).toEqual(['市生态环境局']);
    expect(t.deadline).toEqual({ text: '持续推进', points: [], open: 'ongoing' });
  });

  it('工业 9: two split lead cells and 各旗区人民政府 as participant', () => {
    // leads lines 674–680 ("市自然"/"资源局", "市生态"/"环境局"), participants lines 681/683
    const t = task(INDUSTRIAL, 9);
    expect(leads(t)).toEqual(['市自然资源局', '市生态环境局']);
    expect(participants(t)).toEqual(['市林草局', '各旗区人民政府']);
  });

  it('工业 15 and 16: empty 任务清单 cell, titled after 14 and flagged', () => {
    // task 14 title line 743; empty title cells lines 752 and 763
    expect(task(INDUSTRIAL, 14).title).toBe('优化能源供消结构');
    for (const n of [15, 16]) {
      const t = task(INDUSTRIAL, n);
      expect(t.title).toBe('优化能源供消结构');
      expect(t.review?.map((r) => r.field)).toEqual(['title']);
    }
    expect(leads(task(INDUSTRIAL, 15))).toEqual(['市能源局', '市工信局']); // lines 754/756
  });

  it('工业 20: 长期坚持', () => {
    // deadline line 806
    expect(task(INDUSTRIAL, 20).deadline).toEqual({ text: '长期坚持', points: [], open: 'long-term' });
  });

  it('工业 25: title over three lines', () => {
    // title lines 855, 857, 859
    expect(task(INDUSTRIAL, 25).title).toBe('建立固体废弃物跨区域转移合作与利用处置补偿机制');
  });

  it('工业 30: 各旗区人民政府 (split "各旗区人" / "民政府") leads', () => {
    // lead lines 928–930, participant line 931
    const t = task(INDUSTRIAL, 30);
    expect(leads(t)).toEqual(['各旗区人民政府']);
    expect(participants(t)).toEqual(['市发展和改革委员会']);
  });

  it('工业 35: 准格尔旗人民政府 participates, as the subordinate office 150622', () => {
    // leads lines 979–983, participants lines 984/986/988, deadline line 989
    const t = task(INDUSTRIAL, 35);
    expect(leads(t)).toEqual(['市能源局', '市生态环境局']);
    expect(participants(t)).toEqual(['市工信局', '市自然资源局', '准格尔旗人民政府']);
    const county = departmentByName('准格尔旗人民政府');
    expect(county.kind).toBe('subordinate-office');
    expect(county.officeCodes).toEqual(['150622']);
  });

  it('农业 10: lead split as "市市场监" / "督管理局"', () => {
    // lead lines 1107–1109, participant line 1110, deadline line 1111
    const t = task(AGRICULTURAL, 10);
    expect(leads(t)).toEqual(['市市场监督管理局']);
    expect(participants(t)).toEqual(['各旗区人民政府']);
    expect(t.deadline.open).toBe('ongoing');
  });

  it('生活 12: 市邮政管理局 (split) leads; 持续开展', () => {
    // lead lines 1243–1245, participants lines 1246/1248, deadline line 1249
    const t = task(DOMESTIC, 12);
    expect(leads(t)).toEqual(['市邮政管理局']);
    expect(participants(t)).toEqual(['市商务局', '市发展和改革委员会']);
    expect(t.deadline).toEqual({ text: '持续开展', points: [], open: 'continuing' });
  });

  it('生活 13: two leads in one cell', () => {
    // lead lines 1256–1257, participants lines 1258–1266
    const t = task(DOMESTIC, 13);
    expect(leads(t)).toEqual(['市发展和改革委员会', '市市场监督管理局']);
    expect(participants(t)).toEqual(['市商务局', '市住房和城乡建设局', '市工信局', '市邮政管理局', '各旗区人民政府']);
  });

  it('危险废物 8 and 9: 市交通局 and 市交通运输局 are one department', () => {
    // 危险废物 8 participant line 1406 (市交通局), 9 participant line 1419 (市交通运输局)
    const eight = task(HAZARDOUS, 8).participants[0];
    const nine = task(HAZARDOUS, 9).participants[0];
    expect(eight.departmentId).toBe(nine.departmentId);
    expect(department(nine.departmentId)).toMatchObject({ name: '市交通运输局', aliases: ['市交通局'] });
    expect(task(HAZARDOUS, 9).deadline.points).toEqual([{ precision: 'year', date: '2023-12-31' }]); // line 1422
  });

  it('危险废物 13: 各旗区人民政府 leads; it stands for all nine 旗区', () => {
    // lead lines 1460–1462, participants lines 1463–1467
    const t = task(HAZARDOUS, 13);
    expect(leads(t)).toEqual(['各旗区人民政府']);
    expect(participants(t)).toEqual(['市卫健委', '市生态环境局', '市应急管理局']);
    const all = departmentByName('各旗区人民政府');
    expect(all.kind).toBe('all-subordinate-offices');
    expect(all.officeCodes).toEqual([
      '150602', '150603', '150621', '150622', '150623', '150624', '150625', '150626', '150627',
    ]);
  });

  it('危险废物 16: 鄂尔多斯银保监分局 participates', () => {
    // participant line 1498, deadline line 1499
    const t = task(HAZARDOUS, 16);
    expect(participants(t)).toEqual(['鄂尔多斯银保监分局']);
    expect(t.deadline.text).toBe('2025年');
  });

  it('flags the tasks whose 参与单位 cell is empty', () => {
    // empty cells lines 942, 1324, 1361, 1432
    const empty = records.tasks.filter((t) => t.participants.length === 0).map((t) => `${t.domainLabel} ${t.number}`);
    expect(empty).toEqual([`${INDUSTRIAL} 31`, `${HAZARDOUS} 1`, `${HAZARDOUS} 4`, `${HAZARDOUS} 10`]);
    for (const t of records.tasks.filter((x) => x.participants.length === 0)) {
      expect(t.review?.some((r) => r.field === 'participants')).toBe(true);
    }
  });
});
