import { IsoDateSchema } from '../../shared/domain/ids';
import { PROBLEM_KIND_LABELS, PROBLEM_STATUS_LABELS, ProblemKindSchema, type ProblemKind, type ProblemStatus } from '../../shared/domain/problem';
import { formatPeriodZh } from '../../shared/domain/time';
import type { ProblemFilter, ProblemView, RaiseItem } from '../../shared/app/problems/problems';
import type { Workspace } from '../../shared/app/workspace';
import { dirOf, type Command } from '../command';
import { InputError, NotFoundError, UsageError } from '../errors';
import { openOffice } from '../workspace-dir';
import { periodOption } from './exchange';

/**
 * 问题清单 on the command line, thin calls into the workspace's ProblemService: list, raise the
 * month's 存在问题 (printing what was raised), close with evidence. Every change goes into the one
 * undo history (`zwc undo`).
 */

const STATUS_WORDS: Record<string, ProblemStatus | 'unclosed' | 'all'> = {
  ...Object.fromEntries(Object.entries(PROBLEM_STATUS_LABELS).flatMap(([k, v]) => [[k, k], [v, k]])),
  unclosed: 'unclosed',
  未销号: 'unclosed',
  all: 'all',
  全部: 'all',
};

async function unitId(ws: Workspace, officeCode: string, unit: string): Promise<string> {
  const departments = await ws.records.list('departments', officeCode);
  const found = departments.filter((d) => d.id === unit || d.name === unit || d.aliases.includes(unit));
  if (found.length === 1) return found[0].id;
  if (found.length > 1) throw new InputError(`单位“${unit}”不唯一，请用编号：${found.map((d) => `${d.name}（${d.id}）`).join('、')}`);
  throw new NotFoundError(`本单位名录中没有“${unit}” / no such unit`);
}

function line(v: ProblemView): string {
  const late = v.daysOverdue ? `，逾期${v.daysOverdue}天` : '';
  const closed = v.problem.closing ? `，${v.problem.closing.date} 销号（${v.problem.closing.evidence}，${v.problem.closing.confirmedBy}）` : '';
  return `${v.statusLabel}\t${v.problem.due}\t${v.responsibleName}\t${v.subjectTitle}\t${v.problem.text}（${PROBLEM_KIND_LABELS[v.problem.kind]}，提出 ${v.problem.raisedOn}，已 ${v.ageDays} 天${late}${closed}）\t${v.problem.id}\n`;
}

export const listProblems: Command = {
  name: 'problems list',
  summary: '问题清单：逾期的在前，再按办结时限 / list problems, overdue first',
  usage: '[--status 未销号|待处理|处理中|已逾期|已销号|全部] [--unit 责任单位] [--subject 任务或项目编号] [--on 2026-01-10]',
  details: '  默认列出未销号的问题；每行：状态、办结时限、责任单位、任务/项目、问题、编号（以 Tab 分隔）\n  / unclosed by default; one tab-separated line each\n',
  workspace: 'required',
  options: { status: { type: 'string' }, unit: { type: 'string' }, subject: { type: 'string' }, on: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const word = args.get('status') ?? 'unclosed';
    const status = STATUS_WORDS[word];
    if (!status) throw new UsageError(`--status 应为 未销号、待处理、处理中、已逾期、已销号 或 全部 / unknown status: ${word}`);
    const on = args.get('on');
    if (on !== undefined && !IsoDateSchema.safeParse(on).success) throw new UsageError(`--on 应为 年-月-日，如 2026-01-10 / --on must be a date: ${on}`);
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const filter: ProblemFilter = {};
    if (status !== 'all') filter.status = status;
    const unit = args.get('unit');
    if (unit !== undefined) filter.unit = await unitId(ws, settings.officeCode, unit);
    const subject = args.get('subject');
    if (subject !== undefined) filter.subjectId = subject;
    const views = await ws.problems.list(settings.officeCode, filter, on);
    if (!views.length) {
      io.stdout('没有符合条件的问题 / no problems\n');
      return;
    }
    for (const v of views) io.stdout(line(v));
    const overdue = views.filter((v) => v.status === 'overdue').length;
    io.stdout(`共 ${views.length} 个问题${overdue ? `，其中已逾期 ${overdue} 个` : ''} / ${views.length} problems\n`);
  },
};

export const raiseProblems: Command = {
  name: 'problems raise',
  summary: '把本月报告中的“存在问题”登记为问题（或并入同一任务的未销号问题），一次可撤销 / raise the month’s 存在问题',
  usage: '[--period 2026-11] [--kind 一般|复杂] [--entry 进展编号 …] [--dry-run]',
  details:
    '  按建议处理每条待登记的存在问题：同一单位在同一任务上已有未销号问题的，作为其处理进展并入；否则登记为新问题（默认一般问题）。\n' +
    '  特殊问题须在程序中逐条确定办结时限。--dry-run 只列出，不登记。\n  / each candidate as proposed: linked to the open problem of the same unit and task, else a new problem\n',
  workspace: 'required',
  options: { period: { type: 'string' }, kind: { type: 'string' }, entry: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } },
  async run(ctx) {
    const { args, io } = ctx;
    const period = periodOption(args, io);
    const kindWord = args.get('kind') ?? 'general';
    const kind = (Object.entries(PROBLEM_KIND_LABELS).find(([, label]) => label === kindWord)?.[0] ?? kindWord) as ProblemKind;
    if (!ProblemKindSchema.safeParse(kind).success || kind === 'special') throw new UsageError(`--kind 应为 一般 或 复杂（特殊问题请在程序中确定办结时限）/ --kind must be general or complex: ${kindWord}`);
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    let candidates = await ws.problems.candidates(settings.officeCode, { period });
    const only = args.all('entry');
    if (only.length) {
      const missing = only.filter((id) => !candidates.some((c) => c.entry.id === id));
      if (missing.length) throw new InputError(`这些进展没有待登记的存在问题：${missing.join('、')}`);
      candidates = candidates.filter((c) => only.includes(c.entry.id));
    }
    if (!candidates.length) {
      io.stdout(`${formatPeriodZh(period)}的报告中没有待登记的存在问题 / nothing to raise\n`);
      return;
    }
    const items: RaiseItem[] = candidates.map((c) => (c.proposal.action === 'link' ? { entryId: c.entry.id, action: 'link', problemId: c.proposal.problemId } : { entryId: c.entry.id, action: 'new', kind }));
    const says = (i: number) => {
      const c = candidates[i];
      const target = c.proposal.action === 'link' ? c.openOnSubject.find((v) => v.problem.id === (c.proposal as { problemId: string }).problemId) : undefined;
      return target ? `并入 / follow-up of：${target.problem.text}（${target.problem.id}）` : `新问题 / new：${PROBLEM_KIND_LABELS[kind]}`;
    };
    if (args.flag('dry-run')) {
      candidates.forEach((c, i) => io.stdout(`${c.subjectTitle}\t${c.unitName}\t${c.text}\t${says(i)}\n`));
      io.stdout(`共 ${candidates.length} 条待登记（未登记）/ ${candidates.length} to raise (dry run)\n`);
      return;
    }
    const result = await ws.problems.raise(settings.officeCode, items);
    const byEntry = new Map(result.raised.map((p) => [p.sourceEntryId, p]));
    candidates.forEach((c, i) => {
      const p = byEntry.get(c.entry.id);
      io.stdout(`${c.subjectTitle}\t${c.unitName}\t${c.text}\t${p ? `已登记 / raised：${PROBLEM_KIND_LABELS[p.kind]}，办结时限 ${p.due}（${p.id}）` : says(i)}\n`);
    });
    io.stdout(`已登记新问题 ${result.raised.length} 个，并入已有问题 ${result.linked.length} 条（可用 zwc undo 撤销）/ raised ${result.raised.length}, linked ${result.linked.length}\n`);
  },
};

export const closeProblem: Command = {
  name: 'problems close',
  summary: '问题销号：写明依据和确认人 / close a problem with its evidence',
  usage: 'ID --evidence 销号依据 [--by 确认人] [--on 2026-01-10]',
  workspace: 'required',
  options: { evidence: { type: 'string' }, by: { type: 'string' }, on: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const [id, ...extra] = args.positionals;
    if (!id) throw new UsageError('请给出问题编号（见 zwc problems list）/ give the problem id');
    if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')} / unexpected arguments`);
    const evidence = args.need('evidence', '销号依据');
    const on = args.get('on');
    if (on !== undefined && !IsoDateSchema.safeParse(on).success) throw new UsageError(`--on 应为 年-月-日，如 2026-01-10 / --on must be a date: ${on}`);
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const problem = await ws.problems.get(id);
    if (!problem || problem.officeCode !== settings.officeCode) throw new NotFoundError(`没有编号为 ${id} 的问题 / no such problem`);
    await ws.problems.close(id, { evidence, confirmedBy: args.get('by') ?? '无废办', ...(on ? { date: on } : {}) });
    const v = await ws.problems.view(id);
    io.stdout(`已销号 / closed：${problem.text}（${v?.problem.closing?.date ?? ''}，依据：${evidence}）\n`);
  },
};

export const PROBLEM_COMMANDS: readonly Command[] = [listProblems, raiseProblems, closeProblem];
