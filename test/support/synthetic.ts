/**
 * Synthetic plans for benchmarks and scale tests. Generated from a seeded random sequence; none of
 * it comes from a real document, and every title says so.
 */
import type { Task, TaskDomain } from '../../shared/domain/task';
import type { Department } from '../../shared/domain/department';
import type { ProgressEntry } from '../../shared/domain/progress';
import { parseDeadline } from '../../shared/domain/parse-deadline';

const DOMAINS: TaskDomain[] = ['industrial', 'agricultural', 'domestic', 'construction', 'hazardous', 'institutional'];
const DEADLINES = ['2023年底前', '2024年6月底前', '2025年底前', '持续推进', '长期坚持', '2023年底前完成排查；2025年底前完成整治；其余工作持续推进'];
const WORDS = ['尾矿', '秸秆', '粉煤灰', '建筑垃圾', '危险废物', '地膜', '餐厨', '污泥', '煤矸石', '再生资源'];

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same plan. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticDepartments(officeCode: string, count: number): Department[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${officeCode}-syn-dep-${i}`, officeCode, name: `合成单位${i + 1}`, aliases: [], kind: 'department' as const }));
}

export function syntheticTasks(officeCode: string, count: number, departments: readonly Department[], seed = 1): Task[] {
  const rnd = random(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const domain = pick(DOMAINS);
    return {
      id: `${officeCode}-syn-task-${i}`,
      officeCode,
      domain,
      domainLabel: domain,
      number: String(i + 1),
      order: i,
      title: `合成测试任务 ${i + 1}：${pick(WORDS)}综合利用`,
      summary: `（合成数据）推进${pick(WORDS)}与${pick(WORDS)}的资源化利用。`,
      leads: [{ departmentId: pick(departments).id }],
      participants: [{ departmentId: pick(departments).id, role: '参与' as const }],
      leaderIds: [],
      deadline: parseDeadline(pick(DEADLINES)),
      milestones: [],
      completion: null,
      source: { file: 'synthetic', section: '合成数据' },
    };
  });
}

export function syntheticProgress(tasks: readonly Task[], periods: readonly string[], seed = 2): ProgressEntry[] {
  const rnd = random(seed);
  const out: ProgressEntry[] = [];
  for (const t of tasks) {
    let percent = 0;
    for (const period of periods) {
      if (rnd() < 0.3) continue;
      percent = Math.min(100, percent + Math.round(rnd() * 20));
      out.push({
        id: `${t.id}-pe-${period}`,
        officeCode: t.officeCode,
        subjectKind: 'task',
        subjectId: t.id,
        period,
        percent,
        status: percent >= 100 ? 'done' : 'in-progress',
        thisMonth: `（合成数据）${period} 完成${WORDS[Math.floor(rnd() * WORDS.length)]}调查`,
        problems: '',
        nextSteps: '',
        reportedBy: '合成',
        reportedAt: `${period}-28T08:00:00.000+08:00`,
        deviceId: 'synthetic',
      });
    }
  }
  return out;
}
