import { setUpWorkspace } from '../../shared/app/setup';
import { DivisionCodeSchema } from '../../shared/domain/office';
import { divisionName } from '../../shared/domain/divisions';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { seededPlan } from '../../seeds';
import type { Options } from '../args';
import { dirOf, type Command } from '../command';
import { NotFoundError, UsageError } from '../errors';
import { openWorkspaceDir } from '../workspace-dir';

/**
 * `zwc --workspace DIR init`: setting up an office's workspace, through the same core function as
 * the app's first start (shared/app/setup.ts).
 */

export function officeOption(args: Options, name = 'office'): string {
  const code = args.need(name);
  if (!DivisionCodeSchema.safeParse(code).success) throw new UsageError(`--${name} 应为6位行政区划代码 / --${name} must be a 6-digit division code: ${code}`);
  return code;
}

export const init: Command = {
  name: 'init',
  summary: '在 DIR 中建立本单位的工作区（载入预置方案；--empty yes 只建单位）/ set up a workspace for an office',
  usage: '--office 150600 [--empty yes]',
  details: '  从 Excel 实施方案建立工作区见 zwc help xlsx import-plan / from an Excel plan: see xlsx import-plan\n',
  workspace: 'required',
  options: { office: { type: 'string' }, empty: { type: 'string' } },
  async run({ args, io, ...ctx }) {
    const dir = dirOf({ args, io, ...ctx });
    const code = officeOption(args);
    const entry = seededPlan(code);
    if (!entry) throw new NotFoundError(`没有 ${code}（${divisionName(code)}）的预置方案 / no seeded plan for ${code}`);
    const empty = args.yes('empty');
    const ws = await openWorkspaceDir(dir, io);
    const settings = await setUpWorkspace(ws, loadSeedPlan(await entry.load()), empty ? 'empty' : 'plan', io.now());
    const plan = await ws.ledger.readPlan(code);
    io.stdout(`工作区 / workspace ${dir}: ${plan.office.name}（${settings.role === 'city' ? '市级' : '旗区级'}）· 任务 ${plan.tasks.length} · 项目 ${plan.projects.length} · 指标 ${plan.indicators.length} · 设备 ${ws.deviceId}\n`);
  },
};

export const WORKSPACE_COMMANDS: readonly Command[] = [init];
