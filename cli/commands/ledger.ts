import { undoneLabel } from '../../shared/app/undo-history';
import { newRecordId } from '../../shared/exchange/ownership';
import { noProgressChange, NO_PROGRESS_TEXT } from '../../shared/ledger/no-progress';
import { scopeToPlan } from '../../shared/ledger/plan-scope';
import { formatPeriodZh } from '../../shared/domain/time';
import { dirOf, type Command } from '../command';
import { InputError, UsageError } from '../errors';
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
    const all = await ws.ledger.readPlan(settings.officeCode);
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

export const LEDGER_COMMANDS: readonly Command[] = [noNews, undo];
