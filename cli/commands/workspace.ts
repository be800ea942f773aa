import type { SetupSource } from '../../shared/app/setup/setup';
import { divisionOf } from '../../shared/domain/divisions';
import { DivisionCodeSchema } from '../../shared/domain/office';
import { divisionName } from '../../shared/domain/divisions';
import type { Options } from '../args';
import { dirOf, type Command } from '../command';
import { InputError, NotFoundError, UsageError } from '../errors';
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

const SOURCE_WORDS: Record<SetupSource, string> = { seed: '预置方案', city: '市级下达的任务', empty: '空白（只建单位）' };

export const init: Command = {
  name: 'init',
  summary: '在 DIR 中建立本单位的工作区：预置方案、市级下达的任务或空白，与程序首次启动相同 / set up a workspace for an office',
  usage: '--office 150627 [--from seed|city|empty]',
  details:
    '  --from seed  载入本单位的预置方案（有预置方案时的默认）/ the office’s published plan (default when there is one)\n' +
    '  --from city  从所属市的方案中下达给本旗区的任务开始 / the tasks the city’s plan assigns to this county office\n' +
    '  --from empty 只建单位与第一个方案期（没有预置方案时的默认；--empty yes 为旧写法）/ only the office\n' +
    '  从 Excel 实施方案建立工作区见 zwc help xlsx import-plan / from an Excel plan: see xlsx import-plan\n',
  workspace: 'required',
  options: { office: { type: 'string' }, from: { type: 'string' }, empty: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const dir = dirOf(ctx);
    const code = officeOption(args);
    if (args.has('empty') && args.has('from')) throw new UsageError('--empty 与 --from 只能选一个 / give --from or --empty, not both');
    const ws = await openWorkspaceDir(dir, io);
    const sources = ws.setup.sources(code);
    const source = args.yes('empty') ? 'empty' : args.oneOf<SetupSource>('from', ['seed', 'city', 'empty'], sources[0]);
    if (!divisionOf(code)) throw new NotFoundError(`行政区划代码 ${code} 不在 GB/T 2260 区划表中 / ${code} is not a GB/T 2260 division`);
    if (!sources.includes(source)) {
      throw new NotFoundError(
        source === 'seed' ? `没有 ${code}（${divisionName(code)}）的预置方案 / no seeded plan for ${code}` : `${divisionName(code)}不是旗区，或所属的市没有预置方案，无法从市级下达的任务开始 / no city plan to start from`,
      );
    }
    let settings;
    try {
      settings = await ws.setup.setUp(code, source);
    } catch (e) {
      throw new InputError(e instanceof Error ? e.message : String(e));
    }
    const plan = await ws.records.readPlan(code);
    io.stdout(
      `工作区 / workspace ${dir}: ${plan.office.name}（${settings.role === 'city' ? '市级' : '旗区级'}，${SOURCE_WORDS[source]}）· 任务 ${plan.tasks.length} · 项目 ${plan.projects.length} · 指标 ${plan.indicators.length} · 设备 ${ws.deviceId}\n`,
    );
  },
};

export const WORKSPACE_COMMANDS: readonly Command[] = [init];
