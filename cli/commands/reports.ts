import { cityOverview } from '../../shared/app/city/city-overview-service';
import { divisionName } from '../../shared/domain/divisions';
import { chinaToday, formatPeriodZh } from '../../shared/domain/time';
import { dashboard } from '../../shared/views/dashboard';
import { scopeToPlan } from '../../shared/views/plan-scope';
import type { PlanData } from '../../shared/views/plan-data';
import type { Workspace } from '../../shared/app/workspace';
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

/** The plan a page shows: the plan period in force (or the latest), as 工作总览 reads it. */
async function shownPlan(ws: Workspace, officeCode: string): Promise<PlanData> {
  const all = await ws.records.readPlan(officeCode);
  return scopeToPlan(all, all.office.currentPlanId);
}

export const dashboardCommand: Command = {
  name: 'dashboard',
  summary: '工作总览：任务、项目、报送率、投资、指标的 13 项统计，与总览页相同 / the 13 figures of 工作总览',
  usage: '[--period 2026-11] [--json yes]',
  details: '  --json yes 另给出逾期、临期的任务和项目及未达标指标的编号 / with the ids of the overdue and at-risk records\n',
  workspace: 'required',
  options: { period: { type: 'string' }, json: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const period = periodOption(args, io);
    const json = args.yes('json');
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const plan = await shownPlan(ws, settings.officeCode);
    const d = dashboard(plan, period, chinaToday(io.now()));
    const f = d.figures;
    if (json) {
      const ids = { overdueTasks: d.overdueTasks.map((r) => r.task.id), atRiskTasks: d.atRiskTasks.map((r) => r.task.id), overdueProjects: d.overdueProjects.map((r) => r.project.id), atRiskProjects: d.atRiskProjects.map((r) => r.project.id), behindIndicators: d.behindIndicators.map((s) => s.indicator.id) };
      io.stdout(`${JSON.stringify({ officeCode: settings.officeCode, period, indicatorYear: d.indicatorYear, figures: f, ...ids }, null, 2)}\n`);
      return;
    }
    io.stdout(
      `${plan.office.name} 工作总览 · ${formatPeriodZh(period)}\n` +
        `任务 ${f.tasks} 项：已完成 ${f.tasksDone}，逾期 ${f.tasksOverdue}，临期 ${f.tasksAtRisk}\n` +
        `项目 ${f.projects} 个：逾期 ${f.projectsOverdue}，临期 ${f.projectsAtRisk}\n` +
        `本月报送率 ${f.reportingCoverage}%\n` +
        `项目投资完成率 ${f.investmentPercent}%（已完成 ${f.investmentCompleted} 万元 / 计划 ${f.investmentPlanned} 万元）\n` +
        `指标（${d.indicatorYear} 年，共 ${d.indicators} 项）：未达标 ${f.indicatorsBehind}，无数据 ${f.indicatorsNoData}\n`,
    );
  },
};

export const REPORT_COMMANDS: readonly Command[] = [dashboardCommand, overview];
