import type { PlanInfo } from '../../shared/app/plan-periods/plan-periods';
import { IsoDateSchema } from '../../shared/domain/ids';
import { currentPlan, PLAN_STATUS_LABELS, planById, planLabel, type PlanPeriod } from '../../shared/domain/plan-period';
import { chinaToday } from '../../shared/domain/time';
import { assessmentSummaryZh } from '../../shared/views/assessment';
import type { PlanData } from '../../shared/views/plan-data';
import type { Options } from '../args';
import { dirOf, type Command, type CommandContext } from '../command';
import { InputError, NotFoundError, UsageError } from '../errors';
import { openOffice, type Office } from '../workspace-dir';

/**
 * `zwc --workspace DIR plan …`: an office's plan periods, through the same rules as 设置 in the app
 * (ws.planPeriods, shared/app/plan-periods.ts): list, correct, revise, close with the final assessment, start the next.
 */

/** A plan named by its id or its first year (2021). */
function planOption(data: PlanData, args: Options, fallback?: PlanPeriod): PlanPeriod {
  const wanted = args.get('plan');
  const plans = data.office.plans ?? [];
  if (!wanted) {
    if (fallback) return fallback;
    throw new UsageError('缺少 --plan（方案的起始年或编号）/ missing --plan');
  }
  const plan = plans.find((p) => p.id === wanted || String(p.fromYear) === wanted);
  if (!plan) throw new NotFoundError(`没有方案 ${wanted}；本单位的方案：${plans.map((p) => `${p.fromYear}（${p.title}）`).join('、') || '无'}`);
  return plan;
}

function yearOption(args: Options, name: string, fallback?: number): number {
  const raw = args.get(name);
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`缺少 --${name} / missing --${name}`);
  }
  if (!/^\d{4}$/.test(raw)) throw new InputError(`--${name} 应为四位年份，如 2026：${raw}`);
  return Number(raw);
}

function dateOption(args: Options, today: string): string {
  const raw = args.get('on') ?? today;
  const parsed = IsoDateSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(`--on：${parsed.error.issues[0]?.message ?? raw}`);
  return parsed.data;
}

function planLines(p: PlanPeriod, currentId: string | undefined): string {
  const lines = [`${p.fromYear}\t${planLabel(p)}\t${p.documentNumber ?? '文号未填'}\t${PLAN_STATUS_LABELS[p.status]}${p.id === currentId ? '（现行）' : ''}`];
  for (const r of p.revisions ?? []) lines.push(`\t修订（${r.on}）：${r.note}`);
  if (p.assessment) lines.push(`\t终期评估：${assessmentSummaryZh(p.assessment)}`);
  return `${lines.join('\n')}\n`;
}

interface PlanContext extends Office {
  data: PlanData;
  today: string;
}

async function open(ctx: CommandContext): Promise<PlanContext> {
  const office = await openOffice(dirOf(ctx), ctx.io);
  return { ...office, data: await office.ws.records.readPlan(office.settings.officeCode), today: chinaToday(ctx.io.now()) };
}

const reread = async ({ ws, data }: PlanContext, id: string) => planById((await ws.records.readPlan(data.office.code)).office, id);

export const planList: Command = {
  name: 'plan list',
  summary: '方案期一览 / the office’s plan periods',
  usage: '[--json yes]',
  workspace: 'required',
  options: { json: { type: 'string' } },
  async run(ctx) {
    const { ws, settings } = await openOffice(dirOf(ctx), ctx.io);
    const { plans, currentPlanId } = await ws.planPeriods.list(settings.officeCode);
    if (ctx.args.yes('json')) ctx.io.stdout(`${JSON.stringify({ officeCode: settings.officeCode, currentPlanId: currentPlanId ?? null, plans }, null, 2)}\n`);
    else ctx.io.stdout(plans.length ? plans.map((p) => planLines(p, currentPlanId)).join('') : '本单位还没有方案期\n');
  },
};

export const planEdit: Command = {
  name: 'plan edit',
  summary: '更正方案名称、文号、年份（已结束的方案年份不可改）/ correct a plan’s name, 文号 or years',
  usage: '--plan 2021 [--title 名称] [--document-number 文号] [--from 2021] [--to 2025]',
  workspace: 'required',
  options: { plan: { type: 'string' }, title: { type: 'string' }, 'document-number': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const p = await open(ctx);
    const plan = planOption(p.data, args);
    const info: PlanInfo = {
      title: args.get('title') ?? plan.title,
      documentNumber: args.get('document-number') ?? plan.documentNumber ?? '',
      fromYear: yearOption(args, 'from', plan.fromYear),
      toYear: yearOption(args, 'to', plan.toYear),
    };
    await p.ws.planPeriods.edit(p.data.office.code, plan.id, info);
    const edited = await reread(p, plan.id);
    io.stdout(`已修改方案信息 / plan corrected: ${edited ? planLines(edited, p.data.office.currentPlanId) : `${plan.title}\n`}`);
  },
};

export const planRevise: Command = {
  name: 'plan revise',
  summary: '记录现行方案的修订 / record a revision of the plan in force',
  usage: '--note 修订文件或内容 [--on 2024-06-01]',
  workspace: 'required',
  options: { note: { type: 'string' }, on: { type: 'string' } },
  async run(ctx) {
    const note = ctx.args.need('note', '修订文件或内容');
    const p = await open(ctx);
    await p.ws.planPeriods.revise(p.data.office.code, note, dateOption(ctx.args, p.today));
    ctx.io.stdout('已记录方案修订 / revision recorded\n');
  },
};

export const planClose: Command = {
  name: 'plan close',
  summary: '结束方案并保存终期评估（之后该方案只读）/ close a plan with its final assessment',
  usage: '[--plan 2021] [--on 2026-01-10]',
  workspace: 'required',
  options: { plan: { type: 'string' }, on: { type: 'string' } },
  async run(ctx) {
    const p = await open(ctx);
    const plan = planOption(p.data, ctx.args, currentPlan(p.data.office));
    await p.ws.planPeriods.close(p.data.office.code, plan.id, dateOption(ctx.args, p.today));
    const closed = await reread(p, plan.id);
    ctx.io.stdout(`已结束 / closed: ${closed ? planLines(closed, undefined) : plan.title}`);
  },
};

export const planNext: Command = {
  name: 'plan next',
  summary: '开始下一期方案，可结转未完成任务和指标 / start the next plan, carrying unfinished tasks and indicators',
  usage: '--title 名称 --from 2026 --to 2030 [--document-number 文号] [--carry-tasks unfinished|none] [--deadline 2027年底前] [--carry-indicators yes|no]',
  workspace: 'required',
  options: { title: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'document-number': { type: 'string' }, 'carry-tasks': { type: 'string' }, deadline: { type: 'string' }, 'carry-indicators': { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const title = args.need('title', '方案名称');
    const carry = args.oneOf('carry-tasks', ['unfinished', 'none'], 'unfinished');
    const carryIndicators = args.yes('carry-indicators', true);
    const p = await open(ctx);
    const previous = currentPlan(p.data.office);
    const unfinished = previous && carry === 'unfinished' ? await p.ws.planPeriods.unfinished(p.data.office.code, previous.id, p.today) : [];
    const fromYear = yearOption(args, 'from');
    await p.ws.planPeriods.open(p.data.office.code, {
      title,
      documentNumber: args.get('document-number'),
      fromYear,
      toYear: yearOption(args, 'to'),
      carryTaskIds: unfinished.map((r) => r.task.id),
      deadlineText: args.get('deadline') ?? `${fromYear + 1}年底前`,
      carryIndicators,
    });
    io.stdout(`已开始新方案 / started: ${title}（结转任务 ${unfinished.length} 项）\n`);
  },
};

export const PLAN_COMMANDS: readonly Command[] = [planList, planEdit, planRevise, planClose, planNext];
