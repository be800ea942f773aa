import type { Indicator } from '../../shared/domain/indicator';
import { chinaToday } from '../../shared/domain/time';
import { ATTAINMENT_LABELS, formatQuantity, indicatorAttainment, valueForYear } from '../../shared/domain/attainment';
import { newRecordId } from '../../shared/exchange/ownership';
import { indicatorValue, indicatorValueChange } from '../../shared/views/indicator-value';
import { scopeToPlan } from '../../shared/views/plan-scope';
import { dirOf, type Command } from '../command';
import { NotFoundError, UsageError } from '../errors';
import { openOffice } from '../workspace-dir';

/**
 * 指标填报 on the command line: an indicator's actual value for a year (or a month of it), checked
 * and built by the same core function as the app's form (shared/views/indicator-value.ts), and the
 * indicators of the current plan with their value and attainment for a year.
 */

/** An indicator of the current plan by its 编号 (3, 3.1) or its name. */
function indicatorNamed(indicators: readonly Indicator[], wanted: string): Indicator {
  const found = indicators.find((i) => i.number === wanted) ?? indicators.find((i) => i.name === wanted) ?? indicators.find((i) => i.id === wanted);
  if (!found) throw new NotFoundError(`现行方案中没有编号或名称为“${wanted}”的指标`);
  return found;
}

const thisYear = (now: Date) => Number(chinaToday(now).slice(0, 4));

const JUDGEMENTS: Record<string, 'met' | 'behind' | null> = { 达标: 'met', 未达标: 'behind', 暂不判定: null, met: 'met', behind: 'behind' };

export const indicatorSet: Command = {
  name: 'indicator set',
  summary: '填报指标的实际值（某年或某月），与“指标填报”相同的检查；可撤销 / enter an indicator’s actual value',
  usage: '--indicator 编号或名称 --year 2026 --value 88.4 [--month 6] [--judgement 达标|未达标] [--note 说明]',
  details: '  同一期间再次填报即更正前值，前值留在填报记录中 / a new value for the same period corrects the earlier one\n',
  workspace: 'required',
  options: { indicator: { type: 'string' }, year: { type: 'string' }, month: { type: 'string' }, value: { type: 'string' }, judgement: { type: 'string' }, note: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const wanted = args.need('indicator', '指标编号或名称');
    const year = args.need('year', '年份');
    const value = args.need('value', '实际值');
    const monthText = args.get('month');
    const month = monthText === undefined ? null : Number(monthText);
    if (monthText !== undefined && !Number.isInteger(month)) throw new UsageError(`--month 应为 1 到 12 的月份：${monthText}`);
    const judgementText = args.get('judgement');
    if (judgementText !== undefined && !(judgementText in JUDGEMENTS)) throw new UsageError(`--judgement 应为 达标、未达标 或 暂不判定：${judgementText}`);
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const all = await ws.records.readPlan(settings.officeCode);
    const indicator = indicatorNamed(scopeToPlan(all, all.office.currentPlanId).indicators, wanted);
    const record = indicatorValue(
      indicator,
      { year, month, value, judgement: judgementText === undefined ? null : JUDGEMENTS[judgementText], note: args.get('note') },
      { id: newRecordId(settings.officeCode, 'iv'), enteredAt: io.now().toISOString(), deviceId: ws.deviceId },
      thisYear(io.now()),
    );
    await ws.undo.commit(indicatorValueChange(indicator, record));
    const values = all.indicatorValues.filter((v) => v.indicatorId === indicator.id);
    const result = indicatorAttainment(indicator, record.year, [...values, record]);
    io.stdout(`已保存 ${indicator.number} ${indicator.name} ${record.year}年${record.month ? `${record.month}月` : ''}实际值 ${formatQuantity(record.value)}（${ATTAINMENT_LABELS[result.attainment]}：${result.reason}）\n`);
  },
};

export const indicatorList: Command = {
  name: 'indicator list',
  summary: '列出现行方案的指标及某年的实际值与达标情况 / the plan’s indicators with a year’s value and attainment',
  usage: '[--year 2026]',
  workspace: 'required',
  options: { year: { type: 'string' } },
  async run(ctx) {
    const { args, io } = ctx;
    const yearText = args.get('year');
    const year = yearText === undefined ? thisYear(io.now()) : Number(yearText);
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new UsageError(`--year 应为四位数的年份，如 2026：${yearText}`);
    const { ws, settings } = await openOffice(dirOf(ctx), io);
    const all = await ws.records.readPlan(settings.officeCode);
    const plan = scopeToPlan(all, all.office.currentPlanId);
    io.stdout(`编号\t指标\t${year}年实际值\t达标情况\n`);
    for (const indicator of plan.indicators) {
      const values = all.indicatorValues.filter((v) => v.indicatorId === indicator.id);
      const entry = valueForYear(values, year);
      const result = indicatorAttainment(indicator, year, values);
      const unit = indicator.unit ? `（${indicator.unit}）` : '';
      io.stdout(`${indicator.number}\t${indicator.name}${unit}\t${entry ? formatQuantity(entry.value) : '—'}\t${ATTAINMENT_LABELS[result.attainment]}：${result.reason}\n`);
    }
  },
};

export const INDICATOR_COMMANDS: readonly Command[] = [indicatorSet, indicatorList];
