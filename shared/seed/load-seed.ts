import type { Department } from '../domain/department';
import type { Leader } from '../domain/leader';
import type { Task } from '../domain/task';
import type { Project } from '../domain/project';
import type { Indicator } from '../domain/indicator';
import { SeedPlanSchema, type SeedPlan } from './seed-schema';
import { planIdFor } from '../domain/plan-period';

export type { PlanRecords } from '../views/plan-data';
import type { PlanRecords } from '../views/plan-data';

export class SeedError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(`${message}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SeedError';
  }
}

const pad = (n: number) => String(n).padStart(3, '0');

/**
 * Validates a seed file and turns it into domain records with deterministic ids, so loading the
 * same plan twice produces the same records. Every name a record refers to must be a department
 * (or alias) or leader listed in the file; the errors say which record and which name.
 */
export function loadSeedPlan(input: unknown): PlanRecords {
  const parsed = SeedPlanSchema.safeParse(input);
  if (!parsed.success) {
    throw new SeedError(
      '预置方案文件格式不正确',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  return toRecords(parsed.data);
}

function toRecords(seed: SeedPlan): PlanRecords {
  const code = seed.office.code;
  const problems: string[] = [];

  const departments: Department[] = seed.departments.map((d, i) => ({
    id: `${code}-dep-${pad(i + 1)}`,
    officeCode: code,
    name: d.name,
    aliases: d.aliases,
    kind: d.kind,
    ...(d.officeCodes ? { officeCodes: d.officeCodes } : {}),
    ...(d.source ? { source: d.source } : {}),
    ...(d.review ? { review: d.review } : {}),
  }));
  const byName = new Map<string, string>();
  for (const d of departments) {
    for (const n of [d.name, ...d.aliases]) {
      if (byName.has(n)) problems.push(`单位名称重复: ${n}`);
      byName.set(n, d.id);
    }
  }
  const dept = (name: string, where: string): string => {
    const id = byName.get(name);
    if (!id) problems.push(`${where}: 未在单位名录中找到「${name}」`);
    return id ?? '';
  };

  const leaders: Leader[] = seed.leaders.map((l, i) => ({
    id: `${code}-ldr-${pad(i + 1)}`,
    officeCode: code,
    name: l.name,
    title: l.title,
    departmentIds: l.departments.map((n) => dept(n, `领导 ${l.name}`)),
    source: l.source,
    ...(l.review ? { review: l.review } : {}),
  }));
  const leaderByName = new Map(leaders.map((l) => [l.name, l.id]));

  const leaderId = (n: string, where: string) => {
    const id = leaderByName.get(n);
    if (!id) problems.push(`${where}: 未在领导名单中找到「${n}」`);
    return id ?? '';
  };
  const leadsOf = (list: { department: string; duty?: string }[], where: string) =>
    list.map((l) => ({ departmentId: dept(l.department, where), ...(l.duty ? { duty: l.duty } : {}) }));
  const participantsOf = (list: { department: string; role: '参与' | '责任' | '配合'; duty?: string }[], where: string) =>
    list.map((p) => ({ departmentId: dept(p.department, where), role: p.role, ...(p.duty ? { duty: p.duty } : {}) }));

  const tasks: Task[] = seed.tasks.map((t, i) => {
    const where = `任务 ${t.domainLabel} ${t.number}「${t.title}」`;
    return {
      id: `${code}-task-${pad(i + 1)}`,
      officeCode: code,
      domain: t.domain,
      domainLabel: t.domainLabel,
      number: t.number,
      order: i,
      title: t.title,
      summary: t.summary,
      leads: leadsOf(t.leads, where),
      participants: participantsOf(t.participants, where),
      leaderIds: t.leaders.map((n) => leaderId(n, where)),
      deadline: t.deadline,
      milestones: t.milestones,
      ...(t.parts
        ? {
            parts: t.parts.map((p, k) => ({
              text: p.text,
              leads: leadsOf(p.leads, `${where} 分项${k + 1}`),
              participants: participantsOf(p.participants, `${where} 分项${k + 1}`),
              leaderIds: p.leaders.map((n) => leaderId(n, `${where} 分项${k + 1}`)),
              deadline: p.deadline,
            })),
          }
        : {}),
      completion: null,
      source: t.source,
      ...(t.review ? { review: t.review } : {}),
    };
  });

  const projects: Project[] = seed.projects.map((p, i) => {
    const where = `项目 ${p.number}「${p.name}」`;
    return {
      id: `${code}-prj-${pad(i + 1)}`,
      officeCode: code,
      number: p.number,
      order: i,
      ...(p.category ? { category: p.category } : {}),
      name: p.name,
      content: p.content,
      constructionUnitIds: p.constructionUnits.map((n) => dept(n, where)),
      responsibleUnitIds: p.responsibleUnits.map((n) => dept(n, where)),
      plannedInvestment: p.plannedInvestment,
      ...(p.investmentText ? { investmentText: p.investmentText } : {}),
      period: p.period,
      deadline: p.deadline,
      area: p.area,
      benefit: p.benefit,
      constructionStatus: 'not-started',
      source: p.source,
      ...(p.review ? { review: p.review } : {}),
    };
  });

  const indicators: Indicator[] = seed.indicators.map((x, i) => ({
    id: `${code}-ind-${pad(i + 1)}`,
    officeCode: code,
    number: x.number,
    order: i,
    level1: x.level1,
    level2: x.level2,
    name: x.name,
    marker: x.marker,
    unit: x.unit,
    direction: x.direction,
    baseline: x.baseline,
    targets: x.targets,
    cumulative: x.cumulative,
    responsibleDepartmentIds: x.responsibleDepartments.map((n) => dept(n, `指标 ${x.number}「${x.name}」`)),
    ...(x.note ? { note: x.note } : {}),
    source: x.source,
    ...(x.review ? { review: x.review } : {}),
  }));

  if (problems.length) throw new SeedError(`预置方案 ${seed.office.name} 有 ${problems.length} 处引用错误`, problems);
  // The published plan is the office's first plan period; its records carry no planId (they belong to the first plan).
  const planId = planIdFor(code, seed.plan.fromYear);
  const plan = {
    id: planId,
    title: seed.plan.title,
    ...(seed.plan.documentNumber ? { documentNumber: seed.plan.documentNumber } : {}),
    fromYear: seed.plan.fromYear,
    toYear: seed.plan.toYear,
    status: 'in-force' as const,
  };
  return { office: { ...seed.office, plans: [plan], currentPlanId: planId }, departments, leaders, tasks, projects, indicators };
}
