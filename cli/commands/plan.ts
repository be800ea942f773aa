import { ValidationError } from '../../shared/app/change';
import { closePlan, editPlanInfo, revisePlan, startNextPlan, unfinishedTasks, type PlanInfo } from '../../shared/app/plan-periods';
import { IsoDateSchema } from '../../shared/domain/ids';
import { newRecordId } from '../../shared/exchange/ownership';
import { currentPlan, PLAN_STATUS_LABELS, planById, planLabel, type PlanPeriod } from '../../shared/domain/plan-period';
import { chinaToday } from '../../shared/domain/time';
import { assessmentSummaryZh } from '../../shared/ledger/assessment';
import type { PlanData } from '../../shared/ledger/plan-data';
import { openWorkspaceDir, settingsOf, WorkspaceInputError, WorkspaceUsageError, type WorkspaceArgs, type WorkspaceIo } from './workspace';

export const PLAN_COMMANDS = ['list', 'edit', 'revise', 'close', 'next'] as const;

export const PLAN_USAGE = `  zwc --workspace DIR plan list [--json yes]
      方案期一览 / the office's plan periods
  zwc --workspace DIR plan edit --plan 2021 [--title 名称] [--document-number 文号] [--from 2021] [--to 2025]
      更正方案名称、文号、年份（已结束的方案年份不可改）/ correct a plan's name, 文号 or years
  zwc --workspace DIR plan revise --note 修订文件或内容 [--on 2024-06-01]
      记录现行方案的修订 / record a revision of the plan in force
  zwc --workspace DIR plan close [--plan 2021] [--on 2026-01-10]
      结束方案并保存终期评估（之后该方案只读）/ close a plan with its final assessment
  zwc --workspace DIR plan next --title 名称 --from 2026 --to 2030 [--document-number 文号]
                    [--carry-tasks unfinished|none] [--deadline 2027年底前] [--carry-indicators yes|no]
      开始下一期方案，可结转未完成任务和指标 / start the next plan, carrying unfinished tasks and indicators
`;

/** A plan named by its id or its first year (2021). */
function planOption(data: PlanData, args: WorkspaceArgs, fallback?: PlanPeriod): PlanPeriod {
  const wanted = args.options.get('plan');
  const plans = data.office.plans ?? [];
  if (!wanted) {
    if (fallback) return fallback;
    throw new WorkspaceUsageError('缺少 --plan（方案的起始年或编号）/ missing --plan');
  }
  const plan = plans.find((p) => p.id === wanted || String(p.fromYear) === wanted);
  if (!plan) throw new WorkspaceInputError(`没有方案 ${wanted}；本单位的方案：${plans.map((p) => `${p.fromYear}（${p.title}）`).join('、') || '无'}`);
  return plan;
}

function yearOption(args: WorkspaceArgs, name: string, fallback?: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new WorkspaceUsageError(`缺少 --${name} / missing --${name}`);
  }
  if (!/^\d{4}$/.test(raw)) throw new WorkspaceInputError(`--${name} 应为四位年份，如 2026：${raw}`);
  return Number(raw);
}

function dateOption(args: WorkspaceArgs, today: string): string {
  const raw = args.options.get('on') ?? today;
  const parsed = IsoDateSchema.safeParse(raw);
  if (!parsed.success) throw new WorkspaceInputError(`--on：${parsed.error.issues[0]?.message ?? raw}`);
  return parsed.data;
}

function planLines(p: PlanPeriod, currentId: string | undefined): string {
  const lines = [`${p.fromYear}\t${planLabel(p)}\t${p.documentNumber ?? '文号未填'}\t${PLAN_STATUS_LABELS[p.status]}${p.id === currentId ? '（现行）' : ''}`];
  for (const r of p.revisions ?? []) lines.push(`\t修订（${r.on}）：${r.note}`);
  if (p.assessment) lines.push(`\t终期评估：${assessmentSummaryZh(p.assessment)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `zwc --workspace DIR plan …`: an office's plan periods, through the same rules as 设置 in the app
 * (shared/app/plan-periods.ts): list, correct, revise, close with the final assessment, start the next.
 */
export async function planCommand(dir: string, args: WorkspaceArgs, io: WorkspaceIo): Promise<number> {
  const [sub] = args.positional;
  if (!sub || !(PLAN_COMMANDS as readonly string[]).includes(sub)) throw new WorkspaceUsageError(`请指定方案命令：${PLAN_COMMANDS.join(' / ')}`);
  const ws = await openWorkspaceDir(dir, io);
  const settings = await settingsOf(ws, dir);
  const data = await ws.ledger.readPlan(settings.officeCode);
  const plans = data.office.plans ?? [];
  const today = chinaToday(io.now());

  if (sub === 'list') {
    if (args.options.get('json') === 'yes') io.stdout(`${JSON.stringify({ officeCode: data.office.code, currentPlanId: data.office.currentPlanId ?? null, plans }, null, 2)}\n`);
    else io.stdout(plans.length ? plans.map((p) => planLines(p, data.office.currentPlanId)).join('') : '本单位还没有方案期\n');
    return 0;
  }
  try {
    if (sub === 'edit') {
      const plan = planOption(data, args);
      const info: PlanInfo = {
        title: args.options.get('title') ?? plan.title,
        documentNumber: args.options.get('document-number') ?? plan.documentNumber ?? '',
        fromYear: yearOption(args, 'from', plan.fromYear),
        toYear: yearOption(args, 'to', plan.toYear),
      };
      await ws.ledger.apply(editPlanInfo(data, plan.id, info));
      const edited = planById((await ws.ledger.readPlan(data.office.code)).office, plan.id);
      io.stdout(`已修改方案信息 / plan corrected: ${edited ? planLines(edited, data.office.currentPlanId) : `${plan.title}\n`}`);
    } else if (sub === 'revise') {
      const note = args.options.get('note');
      if (!note) throw new WorkspaceUsageError('缺少 --note（修订文件或内容）/ missing --note');
      await ws.ledger.apply(revisePlan(data, note, dateOption(args, today)));
      io.stdout('已记录方案修订 / revision recorded\n');
    } else if (sub === 'close') {
      const plan = planOption(data, args, currentPlan(data.office));
      await ws.ledger.apply(closePlan(data, plan.id, dateOption(args, today)));
      const closed = planById((await ws.ledger.readPlan(data.office.code)).office, plan.id);
      io.stdout(`已结束 / closed: ${closed ? planLines(closed, undefined) : plan.title}`);
    } else {
      const title = args.options.get('title');
      if (!title) throw new WorkspaceUsageError('缺少 --title（方案名称）/ missing --title');
      const carry = args.options.get('carry-tasks') ?? 'unfinished';
      if (carry !== 'unfinished' && carry !== 'none') throw new WorkspaceUsageError(`--carry-tasks 应为 unfinished 或 none：${carry}`);
      const previous = currentPlan(data.office);
      const unfinished = previous && carry === 'unfinished' ? unfinishedTasks(data, previous.id, today) : [];
      const fromYear = yearOption(args, 'from');
      const change = startNextPlan(
        data,
        {
          title,
          documentNumber: args.options.get('document-number'),
          fromYear,
          toYear: yearOption(args, 'to'),
          carryTaskIds: unfinished.map((r) => r.task.id),
          deadlineText: args.options.get('deadline') ?? `${fromYear + 1}年底前`,
          carryIndicators: (args.options.get('carry-indicators') ?? 'yes') === 'yes',
        },
        (kind) => newRecordId(data.office.code, kind),
      );
      await ws.ledger.apply(change);
      io.stdout(`已开始新方案 / started: ${title}（结转任务 ${unfinished.length} 项）\n`);
    }
  } catch (e) {
    if (e instanceof ValidationError) throw new WorkspaceInputError(e.message);
    throw e;
  }
  return 0;
}
