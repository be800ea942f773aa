import { IsoDateSchema } from '../../shared/domain/ids';
import { chinaToday } from '../../shared/domain/time';
import { constructionStatusNamed } from '../../shared/views/record-edits';
import { dirOf, type Command } from '../command';
import { InputError, UsageError } from '../errors';
import { openOffice } from '../workspace-dir';

/**
 * 补录历史 on the command line, through ws.catchUp as the page uses it: an office that starts late
 * marks what already happened (tasks done in bulk, projects' construction status), then says the
 * history is entered, after which overdue and risk read as usual.
 */

const ids = (all: string[]) => {
  if (!all.length) throw new UsageError('请用 --id 指定（可重复）/ give --id, repeatable');
  return all;
};

export const catchUpStatus: Command = {
  name: 'catch-up status',
  summary: '补录历史：现行方案是否还有未补录的往年情况 / whether the plan’s past years are still to be entered',
  usage: '',
  workspace: 'required',
  options: {},
  async run(ctx) {
    const { ws, settings } = await openOffice(dirOf(ctx), ctx.io);
    const state = await ws.catchUp.state(settings.officeCode);
    if (state.caughtUpAt) ctx.io.stdout(`已补录完成 / done: ${state.caughtUpAt}\n`);
    else ctx.io.stdout(state.pastYears ? '往年的历史情况尚未补录 / past years not entered yet\n' : '方案从今年开始，无需补录 / nothing to catch up\n');
  },
};

export const catchUpTasks: Command = {
  name: 'catch-up tasks',
  summary: '补录已完成的任务（一批一个完成日期和依据；可撤销）/ mark tasks done in bulk',
  usage: '--id 任务编号 … --evidence 完成依据 [--date 2024-05-10]',
  workspace: 'required',
  options: { id: { type: 'string', multiple: true }, evidence: { type: 'string' }, date: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const taskIds = ids(args.all('id'));
    const date = IsoDateSchema.safeParse(args.get('date') ?? chinaToday(io.now()));
    if (!date.success) throw new InputError(`--date：${date.error.issues[0]?.message ?? args.get('date')}`);
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const change = await ws.catchUp.tasksDone(settings.officeCode, taskIds, date.data, args.get('evidence') ?? '');
    io.stdout(`已保存 / saved: ${change.label}\n`);
  },
};

export const catchUpProjects: Command = {
  name: 'catch-up projects',
  summary: '补录项目的建设状态（可撤销）/ set projects’ construction status in bulk',
  usage: '--id 项目编号 … [--status 完工]',
  details: '  --status：未开工、在建、完工、投运（默认完工）\n',
  workspace: 'required',
  options: { id: { type: 'string', multiple: true }, status: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const projectIds = ids(args.all('id'));
    const status = constructionStatusNamed(args.get('status') ?? 'completed');
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const change = await ws.catchUp.projectsStatus(settings.officeCode, projectIds, status);
    io.stdout(`已保存 / saved: ${change.label}\n`);
  },
};

export const catchUpDone: Command = {
  name: 'catch-up done',
  summary: '标记历史情况补录完成（工作总览按正常口径显示逾期与风险）/ mark the history entered',
  usage: '',
  workspace: 'required',
  options: {},
  async run(ctx) {
    const { ws, settings } = await openOffice(dirOf(ctx), ctx.io);
    const state = await ws.catchUp.state(settings.officeCode);
    await ws.catchUp.markCaughtUp(state.planId);
    ctx.io.stdout('历史情况补录完成 / history entered\n');
  },
};

export const CATCH_UP_COMMANDS: readonly Command[] = [catchUpStatus, catchUpTasks, catchUpProjects, catchUpDone];
