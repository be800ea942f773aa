import { readFileSync } from 'fs';
import path from 'path';
import { loadSeedPlan, type PlanRecords } from '../../shared/seed/load-seed';
import { SeedPlanSchema } from '../../shared/seed/seed-schema';
import type { Task, TaskDomain } from '../../shared/domain/task';

/**
 * The 伊金霍洛旗 附件1 任务清单 as printed in the gazette (seeds/004_ac47b4b671503bb1.txt, lines
 * 6908–18294, thirteen page blocks read column by column). Line numbers in comments are lines of
 * that file; "000 l.N" is the plan's main text in 000_eff4203a27d97285.txt.
 */
const SEED_FILE = path.join(__dirname, '../../seeds/150627-yijinhuoluo.json');
const raw: unknown = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
const records: PlanRecords = loadSeedPlan(raw);

function task(domain: TaskDomain, n: number): Task {
  const found = records.tasks.filter((t) => t.domain === domain && t.number === String(n));
  if (found.length !== 1) throw new Error(`${domain} ${n}: ${found.length} 条`);
  return found[0];
}
const nameOf = (id: string) => {
  const d = records.departments.find((x) => x.id === id);
  if (!d) throw new Error(`单位 ${id} 不存在`);
  return d.name;
};
const leads = (t: Task) => t.leads.map((l) => nameOf(l.departmentId));
const participants = (t: Task) => t.participants.map((p) => nameOf(p.departmentId));

describe('伊金霍洛旗 任务清单 (seed 004, 附件1)', () => {
  it('has 83 tasks: 工业 37, 危险废物 20, 农业 10, 生活领域 16, numbered from 1 in each domain', () => {
    expect(records.tasks).toHaveLength(83);
    const counts: Record<string, number> = {};
    for (const t of records.tasks) counts[t.domain] = (counts[t.domain] ?? 0) + 1;
    expect(counts).toEqual({ industrial: 37, hazardous: 20, agricultural: 10, domestic: 16 });
    for (const [domain, n] of Object.entries(counts)) {
      const numbers = records.tasks.filter((t) => t.domain === domain).map((t) => t.number);
      expect(numbers).toEqual(Array.from({ length: n }, (_, k) => String(k + 1)));
    }
  });

  it('gives every task a title, a summary, a lead unit, a deadline and a source in 附件1', () => {
    for (const t of records.tasks) {
      expect(t.title.length).toBeGreaterThan(3);
      expect(t.summary.length).toBeGreaterThan(10);
      expect(t.leads.length).toBeGreaterThan(0);
      expect(t.source.file).toBe('004_ac47b4b671503bb1.txt');
      expect(t.source.section).toContain('附件1');
      expect(t.source.line).toBeGreaterThanOrEqual(6908);
      expect(t.source.line).toBeLessThan(18295);
    }
  });

  it('reads the first industrial page (序号 line 6908)', () => {
    const t1 = task('industrial', 1);
    expect(t1.title).toBe('成立“无废城市”领导小组和办公室');
    expect(leads(t1)).toEqual(['旗无废办']);
    expect(participants(t1)).toEqual(['各成员单位']);
    expect(t1.deadline.text).toBe('2023年');
    expect(t1.deadline.points).toEqual([{ precision: 'year', date: '2023-12-31' }]);
    // 无废细胞: the eight units of 000 l.55, 阿勒腾席热镇 being a town under the county
    const t2 = task('industrial', 2);
    expect(participants(t2)).toEqual(['阿勒腾席热镇', '蒙苏经济开发区管委会', '旗工信局', '旗文旅局', '旗教体局', '旗住建局', '旗卫健委', '旗城管局']);
    expect(records.departments.find((d) => d.name === '阿勒腾席热镇')?.kind).toBe('township');
  });

  it('keeps rows whose title cell is merged, and flags them for review', () => {
    expect(task('industrial', 5).title).toBe('推动能源清洁发展');
    expect(task('industrial', 6).title).toBe('推动能源清洁发展');
    expect(task('industrial', 6).summary).toBe('实施“拆并整合”和“煤改气”工程，削减民用散煤与农业用煤消费量。');
    const seed = SeedPlanSchema.parse(raw);
    const flagged = seed.tasks.find((t) => t.domain === 'industrial' && t.number === '6');
    expect(flagged?.review?.map((r) => r.field)).toContain('title');
  });

  it('splits two lead units printed in one cell (000 l.68, l.106, l.110)', () => {
    expect(leads(task('industrial', 10))).toEqual(['旗工信局', '旗发改委']);
    expect(leads(task('industrial', 29))).toEqual(['旗自然资源局', '旗生态环境局']);
    // printed without 旗 (line 11856): resolved through the department's alias
    expect(leads(task('industrial', 35))).toEqual(['旗自然资源局', '旗生态环境局']);
  });

  it('matches participants to rows as the main text names them', () => {
    // 强化环境准入制度, 000 l.64: 旗发改委、工信局、自然资源局、水利局、农牧局、能源局、林草局
    expect(new Set(participants(task('industrial', 7)))).toEqual(
      new Set(['旗发改委', '旗工信局', '旗自然资源局', '旗水利局', '旗农牧局', '旗能源局', '旗林草局']),
    );
    // 开展固体废物堆场整治, 000 l.84
    expect(participants(task('industrial', 18))).toHaveLength(6);
    // 开展医疗废物专项整治, 000 l.168: 旗工信局、公安局、生态环境局
    expect(new Set(participants(task('hazardous', 11)))).toEqual(new Set(['旗工信局', '旗公安局', '旗生态环境局']));
    // 探索区域联防联控机制 (line 14566)
    expect(participants(task('hazardous', 20))).toEqual(['旗交通局', '旗公安局', '旗应急管理局']);
    // rows printed with "—" have no participants
    expect(participants(task('hazardous', 2))).toEqual([]);
    expect(participants(task('domestic', 16))).toEqual([]);
  });

  it('reads every deadline kind the list uses', () => {
    expect(task('industrial', 10).deadline.open).toBe('long-term'); // 长期坚持
    expect(task('hazardous', 2).deadline.open).toBe('ongoing'); // 持续推进
    expect(task('domestic', 12).deadline).toMatchObject({ text: '持续开展', open: 'continuing' });
    expect(task('industrial', 17).deadline.points[0].date).toBe('2024-12-31');
  });

  it('joins figures split over lines back into the summary', () => {
    expect(task('hazardous', 11).summary).toContain('到2025年，医疗废物无害化处置率达到100%。');
    expect(task('hazardous', 19).summary).toContain('（GB18597—2023）');
    expect(task('agricultural', 8).summary).toBe('全面推广使用0.01mm以上的国标地膜。');
    expect(task('domestic', 4).summary).toContain('收运处置体系覆盖达到92%以上');
  });

  it('places the agricultural rows 7–10 and the first domestic rows that share a page (line 15561)', () => {
    expect(task('agricultural', 7).title).toBe('加强薄膜销售环节监管');
    expect(leads(task('agricultural', 7))).toEqual(['旗市场监督管理局']);
    expect(task('domestic', 1).title).toBe('健全生活垃圾分类收运体系');
    expect(participants(task('domestic', 1))).toEqual(['旗发改委', '各镇人民政府']);
    expect(records.departments.find((d) => d.name === '各镇人民政府')?.kind).toBe('collective');
  });
});
