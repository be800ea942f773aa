import { undoneLabel } from '../../shared/app/undo/undo-history';
import { newRecordId } from '../../shared/exchange/ownership';
import { noProgressChange, NO_PROGRESS_TEXT } from '../../shared/views/no-progress';
import { scopeToPlan } from '../../shared/views/plan-scope';
import { formatPeriodZh } from '../../shared/domain/time';
import { REPORTED_STATUS_LABELS, type ReportedStatus } from '../../shared/domain/progress';
import { progressEntry } from '../../shared/views/progress-entry';
import { checkPercent, checkTaskReportNotCompletion, checkText, checkWan, TEXT_LIMITS } from '../../shared/domain/validation';
import { dirOf, type Command } from '../command';
import { InputError, NotFoundError, UsageError } from '../errors';
import { openOffice, openWorkspaceDir } from '../workspace-dir';
import { periodOption } from './exchange';

/**
 * The monthly cycle and undo on the command line: 本月无新进展 for tasks and projects (the same
 * change the 月度调度 page commits), and undoing the latest change, from the workspace's one undo
 * history that the app shares.
 */

export const noNews: Command = {
  name: 'progress no-news',
  summary: '为任务、项目报送“本月无新进展”（沿用上次的进度和状态；可撤销）/ report “no news this month”',
  usage: '(--id 任务或项目编号 … | --all-unreported) [--period 2026-11]',
  details: '  已报送本期的、已完成的任务和已建成的项目不处理，并说明原因 / reported, completed and built ones are left alone, with the reason\n',
  workspace: 'required',
  options: { id: { type: 'string', multiple: true }, 'all-unreported': { type: 'boolean' }, period: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const period = periodOption(args, io);
    const ids = args.all('id');
    const everything = args.flag('all-unreported');
    if (!ids.length && !everything) throw new UsageError('请用 --id 指定任务或项目，或加 --all-unreported / give --id or --all-unreported');
    if (ids.length && everything) throw new UsageError('--id 与 --all-unreported 只能选一个 / not both');
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const all = await ws.records.readPlan(settings.officeCode);
    const plan = scopeToPlan(all, all.office.currentPlanId);
    const wanted = everything ? [...plan.tasks.map((t) => t.id), ...plan.projects.map((p) => p.id)] : ids;
    const known = new Set([...plan.tasks.map((t) => t.id), ...plan.projects.map((p) => p.id)]);
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length) throw new InputError(`现行方案中没有这些任务或项目：${unknown.join('、')}`);
    const result = noProgressChange(plan, wanted, period, { now: io.now().toISOString(), deviceId: ws.deviceId, newId: () => newRecordId(settings.officeCode, 'pe') });
    const skipped = result.skipped.map((s) => `  未处理 / left alone: ${s.label}（${s.why}）\n`).join('');
    if (!result.change) {
      // With --all-unreported, nothing left to report is not a mistake; naming one that cannot be is.
      io.stdout(`没有可报送的任务或项目 / nothing to report\n${everything ? '' : skipped}`);
      if (!everything) throw new InputError(`没有可报送“${NO_PROGRESS_TEXT}”的任务或项目`);
      return;
    }
    await ws.undo.commit(result.change);
    io.stdout(`已报送 ${result.words}“${NO_PROGRESS_TEXT}”（${formatPeriodZh(period)}）\n${everything ? '' : skipped}`);
  },
};

export const undo: Command = {
  name: 'undo',
  summary: '撤销最近一次修改（与程序共用一份撤销记录）/ undo the latest change (one history with the app)',
  usage: '[--dry-run]',
  workspace: 'required',
  options: { 'dry-run': { type: 'boolean' } },
  async run(ctx) {
    const { args, io } = ctx;
    const ws = await openWorkspaceDir(dirOf(ctx), io);
    if (args.flag('dry-run')) {
      const next = await ws.undo.next();
      io.stdout(next ? `可撤销 / would undo: ${undoneLabel(next)}\n` : '没有可撤销的修改 / nothing to undo\n');
      return;
    }
    const undone = await ws.undo.undo();
    if (undone === null) throw new InputError('没有可撤销的修改 / nothing to undo');
    io.stdout(`已撤销 / undone: ${undone}\n`);
  },
};

const STATUSES = Object.keys(REPORTED_STATUS_LABELS) as ReportedStatus[];

/** A reported status by its word (推进中) or its key (in-progress). */
function statusOption(raw: string): ReportedStatus {
  const found = STATUSES.find((s) => s === raw || REPORTED_STATUS_LABELS[s] === raw);
  if (!found) throw new UsageError(`--status 应为 ${STATUSES.map((s) => REPORTED_STATUS_LABELS[s]).join('、')} 之一：${raw}`);
  return found;
}

export const progressAdd: Command = {
  name: 'progress add',
  summary: '填报一项任务或项目的本月进展，与“填报进展”相同的规则；可撤销 / report a month’s progress on a task or project',
  usage:
    '--id 任务或项目编号 --percent 30 --status 推进中 --this-month 本月进展 [--period 2026-11] [--problems 存在问题] [--next-steps 下步计划] [--reported-by 填报人] [--unit 报送单位] [--investment-to-date 3000] [--investment-this-year 800]',
  details: '  --status：未启动、推进中、已完成、停滞；--unit 不写即由无废办代报；投资（万元）只用于项目 / amounts in 万元, projects only\n',
  workspace: 'required',
  options: {
    id: { type: 'string' },
    period: { type: 'string' },
    percent: { type: 'string' },
    status: { type: 'string' },
    'this-month': { type: 'string' },
    problems: { type: 'string' },
    'next-steps': { type: 'string' },
    'reported-by': { type: 'string' },
    unit: { type: 'string' },
    'investment-to-date': { type: 'string' },
    'investment-this-year': { type: 'string' },
  },
  async run(ctx) {
    const { args, io } = ctx;
    const id = args.need('id', '任务或项目编号');
    const percentText = args.need('percent');
    const percent = Number(percentText);
    const status = statusOption(args.need('status'));
    const thisMonth = args.need('this-month', '本月进展');
    const period = periodOption(args, io);
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const plan = await ws.records.readPlan(settings.officeCode);
    const task = plan.tasks.find((t) => t.id === id);
    const project = plan.projects.find((p) => p.id === id);
    if (!task && !project) throw new NotFoundError(`没有编号为 ${id} 的任务或项目`);
    const unitName = args.get('unit');
    const unit = unitName === undefined ? undefined : plan.departments.find((d) => d.name === unitName || d.aliases.includes(unitName));
    if (unitName !== undefined && !unit) throw new NotFoundError(`单位名录中没有“${unitName}”`);
    const label = task ? `${task.domainLabel} ${task.number}` : `${project!.number} ${project!.name}`;
    const subjectKind = task ? 'task' : 'project';
    // The progress form's own field checks (shared/domain/validation.ts), in its order.
    const problem = [
      checkPercent(percentText) ?? checkTaskReportNotCompletion(subjectKind, percent, status),
      checkText(thisMonth, '本月进展', TEXT_LIMITS.long, true),
      checkText(args.get('problems'), '存在问题', TEXT_LIMITS.long),
      checkText(args.get('next-steps'), '下步计划', TEXT_LIMITS.long),
      subjectKind === 'project' ? checkWan(args.get('investment-to-date'), '累计完成投资') : null,
      subjectKind === 'project' ? checkWan(args.get('investment-this-year'), '本年完成投资') : null,
    ].find((p) => p);
    if (problem) throw new InputError(`${label}：${problem}`);
    const entry = progressEntry(
      {
        subjectKind,
        subjectId: id,
        period,
        percent,
        status,
        thisMonth,
        problems: args.get('problems'),
        nextSteps: args.get('next-steps'),
        reportedBy: args.get('reported-by'),
        departmentId: unit?.id,
        investmentToDate: args.get('investment-to-date'),
        investmentThisYear: args.get('investment-this-year'),
      },
      { id: newRecordId(settings.officeCode, 'pe'), officeCode: settings.officeCode, reportedAt: io.now().toISOString(), deviceId: ws.deviceId },
    );
    await ws.undo.commit({ label: `填报进展 ${label}`, appends: [{ table: 'progress', record: entry }] });
    io.stdout(`已保存 ${formatPeriodZh(period)}进展 / saved: ${label}（${percent}%，${REPORTED_STATUS_LABELS[status]}）\n`);
  },
};

export const MONTHLY_COMMANDS: readonly Command[] = [progressAdd, noNews, undo];
