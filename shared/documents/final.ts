import type { IsoDate } from '../domain/ids';
import { planLabel, type PlanAssessment, type PlanPeriod } from '../domain/plan-period';
import { CONSTRUCTION_STATUS_LABELS, ConstructionStatusSchema } from '../domain/project';
import { TASK_STATUS_LABELS } from '../domain/task-status';
import { ATTAINMENT_LABELS } from '../domain/attainment';
import { assessmentSummary } from '../views/assessment';
import { groupBy } from '../views/lookups';
import { countsZh, dateZh, Outline, placeholder, safeFileName, type OfficialDocument } from './model';
import { percentZh } from './figures';

export interface FinalInput {
  officeName: string;
  /** A closed plan period with the assessment kept when it was closed. */
  plan: PlanPeriod;
  issuer: string;
  date: IsoDate;
}

export interface FinalFacts {
  planId: string;
  summary: ReturnType<typeof assessmentSummary>;
  byOutcome: Record<string, number>;
  byAttainment: Record<string, number>;
}

export function finalTitle(plan: Pick<PlanPeriod, 'title' | 'fromYear' | 'toYear'>): string {
  return `${planLabel(plan)}终期评估报告`;
}

const statusLabel = (s: string) => {
  const parsed = ConstructionStatusSchema.safeParse(s);
  return parsed.success ? CONSTRUCTION_STATUS_LABELS[parsed.data] : s;
};
const num = (n: number | null) => (n === null ? '—' : String(n));

/**
 * 终期评估报告 of a closed plan period, written from the assessment kept with it (assessPlan at
 * closing; the same figures 设置 → 方案期 shows): every indicator against its final target, every
 * task's outcome, every project's investment. 主要成效, 存在问题和建议 are the clerk's.
 */
export function finalReport(input: FinalInput): OfficialDocument<FinalFacts> {
  const { plan } = input;
  const a: PlanAssessment | undefined = plan.assessment;
  if (plan.status !== 'closed' || !a) throw new Error(`方案“${planLabel(plan)}”尚未结束或没有终期评估，不能生成终期评估报告`);
  const s = assessmentSummary(a);
  const byOutcome = Object.fromEntries([...groupBy(a.tasks, (t) => t.outcome)].map(([k, v]) => [k, v.length]));
  const byAttainment = Object.fromEntries([...groupBy(a.indicators, (i) => i.attainment)].map(([k, v]) => [k, v.length]));
  const out = new Outline();
  out.section('基本情况');
  out.p(
    `《${planLabel(plan)}》${plan.documentNumber ? `（${plan.documentNumber}）` : ''}实施期为${plan.fromYear}年至${plan.toYear}年，于${dateZh(a.closedOn)}结束并完成终期评估。`,
    `方案共有任务 ${s.tasks} 项，已完成 ${s.tasksDone} 项；指标 ${s.indicators} 项，达标 ${s.indicatorsMet} 项；项目 ${s.projects} 个，计划总投资 ${s.planned} 万元，累计完成投资 ${s.completed} 万元，投资完成率 ${percentZh(s.planned ? Math.round((s.completed / s.planned) * 1000) / 10 : null)}。`,
  );
  out.section('主要成效');
  out.p(placeholder('方案实施期间的主要做法和成效'));
  out.section('指标完成情况');
  out.p(`${s.indicators} 项指标中，${countsZh(Object.values(ATTAINMENT_LABELS).map((l) => [l, byAttainment[l] ?? 0]), '项', '没有指标')}，见表1。`);
  out.table(
    '表1 指标完成情况',
    ['序号', '指标', '单位', '目标值', '最终值', '评价'],
    a.indicators.map((i) => [i.number, i.name, i.unit ?? '', i.finalTarget, i.lastValue === null ? '—' : `${i.lastValue}${i.lastYear ? `（${i.lastYear}年）` : ''}`, i.attainment]),
    [0.8, 4, 1.4, 1.6, 1.8, 1.3],
  );
  out.section('任务完成情况');
  out.p(`${s.tasks} 项任务中，${countsZh(Object.values(TASK_STATUS_LABELS).map((l) => [l, byOutcome[l] ?? 0]), '项', '没有任务')}。`);
  const open = a.tasks.filter((t) => t.outcome !== TASK_STATUS_LABELS.done);
  if (open.length) {
    out.p(`未完成的任务 ${open.length} 项见表2。`);
    out.table('表2 未完成任务', ['领域', '序号', '任务', '评估结果', '说明'], open.map((t) => [t.domainLabel, t.number, t.title, t.outcome, t.reason]), [1.8, 0.8, 3.4, 1.2, 3.2]);
  }
  out.section('项目建设情况');
  if (a.projects.length) {
    out.table(
      `表${open.length ? 3 : 2} 项目投资完成情况（万元）`,
      ['序号', '项目', '计划投资', '累计完成', '完成率', '建设状态'],
      a.projects.map((p) => [p.number, p.name, num(p.planned), num(p.completed), percentZh(p.percent), statusLabel(p.status)]),
      [0.8, 4.4, 1.4, 1.4, 1.2, 1.4],
    );
  } else out.p('方案未列入项目。');
  out.section('存在问题和建议');
  out.p(placeholder('存在的主要问题'));
  out.p(placeholder('意见建议'));
  const title = finalTitle(plan);
  return {
    kind: 'final',
    title,
    blocks: out.blocks,
    issuer: input.issuer,
    date: input.date,
    fileName: safeFileName(`${input.officeName}${title}`),
    facts: { planId: plan.id, summary: s, byOutcome, byAttainment },
  };
}
