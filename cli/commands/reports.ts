import { cityOverview } from '../../shared/app/city-overview-service';
import { divisionName } from '../../shared/domain/divisions';
import { chinaToday } from '../../shared/domain/time';
import { TASK_STATUS_LABELS } from '../../shared/domain/task-status';
import { dirOf, type Command } from '../command';
import { InputError } from '../errors';
import { openOffice } from '../workspace-dir';
import { periodOption } from './exchange';

/** Reports: the city's 各旗区总览, from the same rules as the app's page. */

export const overview: Command = {
  name: 'overview',
  summary: '市级：各旗区总览与本期未报送的旗区 / city: every county office side by side, and who has not reported',
  usage: '[--period 2026-11] [--json yes]',
  workspace: 'required',
  options: { period: { type: 'string' }, json: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const dir = dirOf(ctx);
    const period = periodOption(args, io);
    const json = args.yes('json');
    const { ws, settings } = await openOffice(dir, io);
    if (settings.role !== 'city') throw new InputError(`${divisionName(settings.officeCode)} 不是市级单位，没有各旗区总览 / not a city office`);
    const { rows, missing } = await cityOverview(ws, settings.officeCode, period, chinaToday(io.now()));
    if (json) {
      io.stdout(`${JSON.stringify({ cityCode: settings.officeCode, period, rows, notReported: missing.map((r) => r.code) }, null, 2)}\n`);
      return;
    }
    io.stdout(`${divisionName(settings.officeCode)} 各旗区总览 · ${period}\n`);
    for (const r of rows) {
      const status = (Object.keys(r.byStatus) as (keyof typeof r.byStatus)[]).map((s) => `${TASK_STATUS_LABELS[s]} ${r.byStatus[s]}`).join('，');
      const coverage = r.coverage === null ? '' : `\t本月报送率 ${r.coverage}%`;
      io.stdout(`${r.name}（${r.code}）\t${r.lastPeriodReceived ? `最近报送 ${r.lastPeriodReceived}` : '尚未报送'}\t任务 ${r.tasks}：${status}${coverage}\t指标未达标 ${r.indicatorsBehind}\n`);
    }
    io.stdout(`本期未报送 / not reported: ${missing.map((r) => r.name).join('、') || '无 none'}\n`);
  },
};

export const REPORT_COMMANDS: readonly Command[] = [overview];
