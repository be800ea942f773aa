import { EXIT } from '../../cli/zwc';
import { openWorkspaceDir } from '../../cli/workspace-dir';
import type { Workspace } from '../../shared/app/workspace';
import type { IndicatorValue } from '../../shared/domain/progress';
import { newRecordId } from '../../shared/exchange/ownership';
import { indicatorEntryProblem, indicatorValue, indicatorValueChange } from '../../shared/views/indicator-value';
import { scopeToPlan } from '../../shared/views/plan-scope';
import { appWorkspace, captureIo, plain, tempDirs, zwcAt } from '../support/cli';

/**
 * 指标填报 from `zwc indicator set` and from the app's form (IndicatorValueModal calls the same
 * core builder, committed through ws.undo): the same record, the same refusals, one undo history.
 */
const NOW = new Date('2026-11-20T02:00:00Z');
const zwc = zwcAt(NOW);
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-indicators-');

async function both(): Promise<{ cli: () => Promise<Workspace>; app: Workspace }> {
  expect((await zwc('--workspace', tmp.dir, 'init', '--office', '150627')).code).toBe(EXIT.ok);
  const app = await appWorkspace(NOW);
  await app.setup.setUp('150627', 'seed');
  return { cli: () => openWorkspaceDir(tmp.dir, captureIo(NOW).io), app };
}

const value = (v: IndicatorValue) => {
  const { id: _id, deviceId: _device, ...rest } = plain(v);
  return rest;
};
const values = async (ws: Workspace) => (await ws.records.readPlan('150627')).indicatorValues.map(value);
const indicatorsOf = async (ws: Workspace) => {
  const all = await ws.records.readPlan('150627');
  return scopeToPlan(all, all.office.currentPlanId).indicators;
};

describe('指标填报: zwc indicator set and the app’s form', () => {
  it('stores the same value (note trimmed), lists it with its attainment, and undoes it from either host', async () => {
    const { cli, app } = await both();
    const indicator = (await indicatorsOf(app)).find((i) => i.direction !== 'qualitative' && i.unit === '%')!;
    const run = await zwc('--workspace', tmp.dir, 'indicator', 'set', '--indicator', indicator.number, '--year', '2026', '--value', '88.4', '--note', ' 统计局数据 ');
    expect(run.err).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toContain(`${indicator.name} 2026年实际值 88.4`);
    const record = indicatorValue(indicator, { year: '2026', month: null, value: '88.4', judgement: null, note: ' 统计局数据 ' }, { id: newRecordId('150627', 'iv'), enteredAt: NOW.toISOString(), deviceId: app.deviceId }, 2026);
    await app.undo.commit(indicatorValueChange(indicator, record));

    expect(await values(await cli())).toEqual(await values(app));
    expect(await values(app)).toEqual([expect.objectContaining({ indicatorId: indicator.id, year: 2026, month: null, value: { kind: 'number', value: 88.4 }, note: '统计局数据' })]);
    expect((await (await cli()).undo.next())?.label).toBe((await app.undo.next())?.label);

    // By name too; the list shows the value and the same attainment words.
    const list = await zwc('--workspace', tmp.dir, 'indicator', 'list', '--year', '2026');
    expect(list.code).toBe(EXIT.ok);
    expect(list.out).toMatch(new RegExp(`${indicator.number}\\t${indicator.name}.*\\t88\\.4\\t`));

    expect((await zwc('--workspace', tmp.dir, 'undo')).code).toBe(EXIT.ok);
    expect(await values(await cli())).toEqual([]);
  });

  it('refuses what the form refuses, with the form’s words and the indicator named', async () => {
    const { app } = await both();
    const indicator = (await indicatorsOf(app)).find((i) => i.direction !== 'qualitative' && i.unit === '%')!;
    const cases: [string, string][] = [
      ['2026', '很多'],
      ['1990', '50'],
    ];
    for (const [year, typed] of cases) {
      const run = await zwc('--workspace', tmp.dir, 'indicator', 'set', '--indicator', indicator.name, '--year', year, '--value', typed);
      expect(run.code).toBe(EXIT.refused);
      const problem = indicatorEntryProblem(indicator, { year, value: typed }, 2026);
      expect(problem).not.toBeNull();
      expect(run.err).toContain(`${indicator.number} ${indicator.name}：${problem}`);
    }
    const unknown = await zwc('--workspace', tmp.dir, 'indicator', 'set', '--indicator', '没有这个指标', '--year', '2026', '--value', '1');
    expect(unknown.code).toBe(EXIT.notFound);
    expect((await zwc('--workspace', tmp.dir, 'indicator', 'set', '--indicator', indicator.number, '--year', '2026')).code).toBe(EXIT.usage);
    expect(await values(await openWorkspaceDir(tmp.dir, captureIo(NOW).io))).toEqual([]);
  });
});
