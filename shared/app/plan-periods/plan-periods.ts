import { parseDeadline } from '../../domain/parse-deadline';
import { currentPlan, planById, planIdFor, type PlanPeriod } from '../../domain/plan-period';
import { valueForYear } from '../../domain/attainment';
import { YearSchema, type IsoDate } from '../../domain/ids';
import type { Task } from '../../domain/task';
import type { Indicator } from '../../domain/indicator';
import type { ConstructionStatus } from '../../domain/project';
import { assessPlan } from '../../views/assessment';
import { scopeToPlan } from '../../views/plan-scope';
import type { PlanData } from '../../views/plan-data';
import { buildTaskRows, type TaskRow } from '../../views/task-query';
import { ValidationError, type Change } from '../change';
import { chinaToday } from '../../domain/time';
import { newRecordId } from '../../exchange/ownership';
import type { RecordsService } from '../records-service';
import type { UndoService } from '../undo/undo-history';

/**
 * Moving an office through its plan periods, as changes a clerk makes (and can undo): revising the
 * plan in force, closing it with its final assessment, starting the next with what it carries
 * over, and catching up on the history of a plan whose years have passed.
 */

function plansOf(data: PlanData): PlanPeriod[] {
  const plans = data.office.plans;
  if (!plans?.length) throw new ValidationError('方案', ['本单位还没有方案期，无法进行此操作']);
  return plans;
}

/** Marks the plan in force as revised mid-way, with what was revised; every task keeps its history in the audit trail. */
export function revisePlan(data: PlanData, note: string, on: IsoDate): Change {
  const plans = plansOf(data);
  const plan = currentPlan(data.office);
  if (!plan || plan.status === 'closed') throw new ValidationError('方案', ['只有执行中的方案可以修订']);
  if (!note.trim()) throw new ValidationError('修订说明', ['请写明修订的文件或内容']);
  const next = plans.map((p) => (p.id === plan.id ? { ...p, status: 'revised' as const, revisions: [...(p.revisions ?? []), { on, note: note.trim() }] } : p));
  return { label: `修订方案 ${plan.title}`, officeEdits: [{ code: data.office.code, patch: { plans: next } }] };
}

/** Closes a plan with its final assessment, kept with it; its records are read-only from then on. */
export function closePlan(data: PlanData, planId: string, closedOn: IsoDate): Change {
  const plans = plansOf(data);
  const plan = planById(data.office, planId);
  if (!plan) throw new ValidationError('方案', [`找不到方案 ${planId}`]);
  if (plan.status === 'closed') throw new ValidationError('方案', [`${plan.title}已经结束`]);
  const assessment = assessPlan(scopeToPlan(data, planId), plan, closedOn);
  const next = plans.map((p) => (p.id === planId ? { ...p, status: 'closed' as const, assessment } : p));
  return { label: `结束方案并终期评估 ${plan.title}`, officeEdits: [{ code: data.office.code, patch: { plans: next } }] };
}

/** What can be corrected about a plan after set-up: its name, 文号 and years. */
export interface PlanInfo {
  title: string;
  documentNumber?: string;
  fromYear: number;
  toYear: number;
}

const isYear = (y: number) => YearSchema.safeParse(y).success;

export interface PlanInfoProblem {
  field: keyof PlanInfo;
  message: string;
}

/** What is wrong with a correction of a plan's name, 文号 or years, by field (shown at the field in the form). */
export function planInfoProblems(data: PlanData, planId: string, info: PlanInfo): PlanInfoProblem[] {
  const plan = planById(data.office, planId);
  if (!plan) return [{ field: 'title', message: `找不到方案 ${planId}` }];
  const title = info.title.trim();
  const documentNumber = info.documentNumber?.trim() ?? '';
  const problems: PlanInfoProblem[] = [];
  if (!title) problems.push({ field: 'title', message: '请填写方案名称' });
  else if (title.length > 200) problems.push({ field: 'title', message: '方案名称不能超过200字' });
  if (documentNumber.length > 100) problems.push({ field: 'documentNumber', message: '文号不能超过100字' });
  for (const field of ['fromYear', 'toYear'] as const) {
    if (!isYear(info[field])) problems.push({ field, message: '方案年份应为2000—2100之间的整数年份' });
  }
  if (problems.some((p) => p.field === 'fromYear' || p.field === 'toYear')) return problems;
  if (info.fromYear > info.toYear) problems.push({ field: 'toYear', message: `起始年 ${info.fromYear} 晚于结束年 ${info.toYear}` });
  else if (plan.status === 'closed' && (info.fromYear !== plan.fromYear || info.toYear !== plan.toYear)) {
    problems.push({ field: info.fromYear !== plan.fromYear ? 'fromYear' : 'toYear', message: `${plan.title}已结束，年份随终期评估固定，不能再改` });
  } else {
    for (const other of data.office.plans ?? []) {
      if (other.id !== plan.id && info.fromYear <= other.toYear && other.fromYear <= info.toYear) {
        problems.push({ field: info.fromYear >= other.fromYear ? 'fromYear' : 'toYear', message: `${info.fromYear}—${info.toYear}年与${other.title}（${other.fromYear}—${other.toYear}年）重叠` });
      }
    }
  }
  return problems;
}

/**
 * Corrects a plan's name, 文号 or years (a typo at set-up, a 文号 known only later). A closed
 * plan keeps its years, which its final assessment was made for; its name and 文号 can still be
 * corrected. Years may not overlap another plan's.
 */
export function editPlanInfo(data: PlanData, planId: string, info: PlanInfo): Change {
  const plans = plansOf(data);
  const plan = planById(data.office, planId);
  if (!plan) throw new ValidationError('方案', [`找不到方案 ${planId}`]);
  const problems = planInfoProblems(data, planId, info);
  if (problems.length) throw new ValidationError('方案信息', problems.map((p) => p.message));
  const title = info.title.trim();
  const documentNumber = info.documentNumber?.trim() ?? '';
  if (title === plan.title && documentNumber === (plan.documentNumber ?? '') && info.fromYear === plan.fromYear && info.toYear === plan.toYear) {
    throw new ValidationError('方案信息', ['没有改动']);
  }
  const { documentNumber: _old, ...rest } = plan;
  const edited: PlanPeriod = { ...rest, title, ...(documentNumber ? { documentNumber } : {}), fromYear: info.fromYear, toYear: info.toYear };
  return { label: `修改方案信息 ${title}`, officeEdits: [{ code: data.office.code, patch: { plans: plans.map((p) => (p.id === plan.id ? edited : p)) } }] };
}

export interface NextPlanInput {
  title: string;
  documentNumber?: string;
  fromYear: number;
  toYear: number;
  /** Unfinished tasks of the closed plan to carry over, with one new deadline for all of them. */
  carryTaskIds: readonly string[];
  deadlineText: string;
  /** Carry the indicator list over, with the last actual values as new baselines and targets to fill. */
  carryIndicators: boolean;
}

/** A plan's tasks not done on `day`: what 开始下一期方案 offers to carry over. */
export function unfinishedTasks(data: PlanData, planId: string, day: IsoDate): TaskRow[] {
  return buildTaskRows(scopeToPlan(data, planId), day).filter((r) => r.status.status !== 'done');
}

/** Starts the next plan period after the current one was closed; new records get fresh ids from `newId`. */
export function startNextPlan(data: PlanData, input: NextPlanInput, newId: (kind: string) => string): Change {
  const plans = plansOf(data);
  const previous = currentPlan(data.office);
  if (!previous || previous.status !== 'closed') throw new ValidationError('新方案', ['请先结束当前方案并完成终期评估，再开始下一期方案']);
  const problems: string[] = [];
  if (!input.title.trim()) problems.push('请填写方案名称');
  if (!Number.isInteger(input.fromYear) || !Number.isInteger(input.toYear) || input.fromYear > input.toYear) problems.push('方案年份应为起始年不晚于结束年的整数年份');
  if (input.fromYear <= previous.toYear) problems.push(`新方案应从 ${previous.toYear + 1} 年或之后开始（上一期到 ${previous.toYear} 年）`);
  const id = planIdFor(data.office.code, input.fromYear);
  if (plans.some((p) => p.id === id)) problems.push(`已经有从 ${input.fromYear} 年开始的方案`);
  const deadline = parseDeadline(input.deadlineText.trim());
  if (input.carryTaskIds.length && !input.deadlineText.trim()) problems.push('请填写结转任务的新完成时限');
  if (problems.length) throw new ValidationError('新方案', problems);

  const old = scopeToPlan(data, previous.id);
  const byId = new Map(old.tasks.map((t) => [t.id, t]));
  const tasks: Task[] = input.carryTaskIds.map((taskId, order) => {
    const t = byId.get(taskId);
    if (!t) throw new ValidationError('结转任务', [`上一期方案中没有任务 ${taskId}`]);
    const { planId: _old, completion: _done, fromCity: _city, review: _review, ...rest } = t;
    return {
      ...rest,
      id: newId('task'),
      order,
      deadline,
      milestones: t.milestones.filter((m) => m.years.some((y) => y >= input.fromYear && y <= input.toYear)),
      completion: null,
      planId: id,
      carriedFrom: t.id,
      ...(t.fromCity ? { fromCity: t.fromCity } : {}),
    };
  });
  const values = old.indicatorValues;
  const indicators: Indicator[] = input.carryIndicators
    ? old.indicators.map((i) => {
        const own = values.filter((v) => v.indicatorId === i.id);
        let last: ReturnType<typeof valueForYear>;
        for (let y = previous.toYear; y >= previous.fromYear - 1 && !last; y--) last = valueForYear(own, y);
        const { planId: _old, review: _review, ...rest } = i;
        return { ...rest, id: newId('ind'), baseline: last ? { year: last.year, value: last.value } : i.baseline, targets: [], planId: id };
      })
    : [];
  const plan: PlanPeriod = {
    id,
    title: input.title.trim(),
    ...(input.documentNumber?.trim() ? { documentNumber: input.documentNumber.trim() } : {}),
    fromYear: input.fromYear,
    toYear: input.toYear,
    status: 'in-force',
    carriedFrom: previous.id,
  };
  return {
    label: `开始新方案 ${plan.title}`,
    officeEdits: [{ code: data.office.code, patch: { plans: [...plans, plan], currentPlanId: id } }],
    creates: [...tasks.map((record) => ({ table: 'tasks' as const, record })), ...indicators.map((record) => ({ table: 'indicators' as const, record }))],
  };
}

/** Catching up: many tasks marked done at once, with one date and one evidence note for the batch. */
export function catchUpTasks(data: PlanData, taskIds: readonly string[], date: IsoDate, evidence: string): Change {
  if (!taskIds.length) throw new ValidationError('补录', ['请先勾选已完成的任务']);
  if (!evidence.trim()) throw new ValidationError('完成依据', ['请写明这些任务的完成依据，如总结报告或验收文件']);
  const ids = new Set(data.tasks.map((t) => t.id));
  const missing = taskIds.filter((id) => !ids.has(id));
  if (missing.length) throw new ValidationError('补录', [`找不到任务 ${missing.join('、')}`]);
  return {
    label: `补录 ${taskIds.length} 项任务已完成`,
    edits: taskIds.map((id) => ({ table: 'tasks' as const, id, patch: { completion: { date, evidence: evidence.trim() } } })),
  };
}

/** Catching up: the current construction status of several projects at once. */
export function catchUpProjects(data: PlanData, projectIds: readonly string[], status: ConstructionStatus): Change {
  if (!projectIds.length) throw new ValidationError('补录', ['请先勾选项目']);
  const ids = new Set(data.projects.map((p) => p.id));
  const missing = projectIds.filter((id) => !ids.has(id));
  if (missing.length) throw new ValidationError('补录', [`找不到项目 ${missing.join('、')}`]);
  return { label: `补录 ${projectIds.length} 个项目的建设状态`, edits: projectIds.map((id) => ({ table: 'projects' as const, id, patch: { constructionStatus: status } })) };
}

/** The office's plan periods and the one in force. */
export interface PlanPeriods {
  plans: PlanPeriod[];
  currentPlanId: string | undefined;
}

/**
 * Plan periods as a service of the workspace, for 设置 and `zwc plan …` alike. Each change is built
 * from the stored records (`…Change`, for a host that commits it itself, as the app's 保存 with its
 * 撤销 note does) or built and committed through the workspace's one undo history.
 */
export class PlanPeriodService {
  constructor(
    private readonly records: Pick<RecordsService, 'readPlan'>,
    private readonly undo: Pick<UndoService, 'commit'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private today(): IsoDate {
    return chinaToday(this.now());
  }

  async list(officeCode: string): Promise<PlanPeriods> {
    const { office } = await this.records.readPlan(officeCode);
    return { plans: office.plans ?? [], currentPlanId: office.currentPlanId };
  }

  /** The plan's tasks not done today (or on `day`): what opening the next plan offers to carry over. */
  async unfinished(officeCode: string, planId: string, day: IsoDate = this.today()): Promise<TaskRow[]> {
    return unfinishedTasks(await this.records.readPlan(officeCode), planId, day);
  }

  async reviseChange(officeCode: string, note: string, on: IsoDate = this.today()): Promise<Change> {
    return revisePlan(await this.records.readPlan(officeCode), note, on);
  }

  /** Closing a plan with its final assessment, made on `closedOn` (today by default). */
  async closeChange(officeCode: string, planId: string, closedOn: IsoDate = this.today()): Promise<Change> {
    return closePlan(await this.records.readPlan(officeCode), planId, closedOn);
  }

  async editChange(officeCode: string, planId: string, info: PlanInfo): Promise<Change> {
    return editPlanInfo(await this.records.readPlan(officeCode), planId, info);
  }

  async openChange(officeCode: string, input: NextPlanInput): Promise<Change> {
    return startNextPlan(await this.records.readPlan(officeCode), input, (kind) => newRecordId(officeCode, kind));
  }

  /** Records a revision of the plan in force (undoable). */
  async revise(officeCode: string, note: string, on?: IsoDate): Promise<Change> {
    return this.commit(await this.reviseChange(officeCode, note, on));
  }

  /** Closes a plan with its final assessment (undoable). */
  async close(officeCode: string, planId: string, closedOn?: IsoDate): Promise<Change> {
    return this.commit(await this.closeChange(officeCode, planId, closedOn));
  }

  /** Corrects a plan's name, 文号 or years (undoable). */
  async edit(officeCode: string, planId: string, info: PlanInfo): Promise<Change> {
    return this.commit(await this.editChange(officeCode, planId, info));
  }

  /** Opens the next plan after the closed one, carrying what the clerk chose (undoable). */
  async open(officeCode: string, input: NextPlanInput): Promise<Change> {
    return this.commit(await this.openChange(officeCode, input));
  }

  private async commit(change: Change): Promise<Change> {
    await this.undo.commit(change);
    return change;
  }
}
