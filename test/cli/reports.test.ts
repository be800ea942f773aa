import { readFile, writeFile } from 'node:fs/promises';
import { EXIT } from '../../cli/zwc';
import { deviceIdentity } from '../../shared/app/trust/device-identity';
import { readCityData } from '../../shared/app/city/city-overview-service';
import { chinaToday } from '../../shared/domain/time';
import { countySummaries } from '../../shared/views/city-overview';
import { dashboard } from '../../shared/views/dashboard';
import { scopeToPlan } from '../../shared/views/plan-scope';
import { exportCityWorkbook } from '../../shared/xlsx/city';
import { cellText, readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { appWorkspace, tempDirs, zwcAt } from '../support/cli';

/** 工作总览 and the city's consolidated workbook from `zwc` and from the app's own computations: the same figures and cells. */
// The county's edits are stamped by the real clock, so the receiving side runs at the real time too.
const NOW = new Date();
const PERIOD = '2026-11';
const zwc = zwcAt(NOW);
// Several workspaces a test, on a shared machine.
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-reports-');

describe('zwc dashboard and 工作总览', () => {
  it('the same 13 figures and the same overdue and at-risk records', async () => {
    expect((await zwc('--workspace', tmp.dir, 'init', '--office', '150627')).code).toBe(EXIT.ok);
    const app = await appWorkspace(NOW);
    await app.setup.setUp('150627', 'seed');
    const run = await zwc('--workspace', tmp.dir, 'dashboard', '--period', PERIOD, '--json', 'yes');
    expect(run.code).toBe(EXIT.ok);
    const fromCli = JSON.parse(run.out) as { figures: unknown; overdueTasks: string[]; atRiskTasks: string[] };
    const all = await app.records.readPlan('150627');
    const d = dashboard(scopeToPlan(all, all.office.currentPlanId), PERIOD, chinaToday(NOW));
    expect(fromCli.figures).toEqual(d.figures);
    expect(fromCli.overdueTasks).toEqual(d.overdueTasks.map((r) => r.task.id));
    expect(fromCli.atRiskTasks).toEqual(d.atRiskTasks.map((r) => r.task.id));
    expect(d.figures.tasks).toBe(83);
    const text = await zwc('--workspace', tmp.dir, 'dashboard', '--period', PERIOD);
    expect(text.out).toContain(`任务 ${d.figures.tasks} 项：已完成 ${d.figures.tasksDone}`);
  });
});

describe('zwc xlsx city and the app’s 导出全市汇总 Excel', () => {
  it('the same cells in every sheet, after the same county file is imported on both sides', async () => {
    const county = await appWorkspace(NOW);
    await county.setup.setUp('150627', 'seed');
    await county.records.update('tasks', '150627-task-001', { title: '旗里改过的任务名称' });
    const bundle = await county.exchange.exportBundle('150627', PERIOD, NOW);
    await writeFile(tmp.at('county.zwb'), bundle.bytes);
    const key = (await deviceIdentity(county.storage)).publicKey;

    const ws = tmp.at('city');
    expect((await zwc('--workspace', ws, 'init', '--office', '150600')).code).toBe(EXIT.ok);
    expect((await zwc('--workspace', ws, 'trust', '--office', '150627', '--public-key', key)).code).toBe(EXIT.ok);
    expect((await zwc('--workspace', ws, 'import', tmp.at('county.zwb'))).code).toBe(EXIT.ok);
    expect((await zwc('--workspace', ws, 'xlsx', 'city', '--period', PERIOD, '--out', tmp.at('cli.xlsx'))).code).toBe(EXIT.ok);

    const city = await appWorkspace(NOW);
    await city.setup.setUp('150600', 'seed');
    await city.trust.trust({ officeCode: '150627', publicKey: key }, NOW);
    const prepared = await city.exchange.prepareImport({ officeCode: '150600', level: 'city' }, { name: 'county.zwb', data: bundle.bytes }, NOW);
    if (prepared.kind !== 'ready') throw new Error('not ready');
    await city.exchange.applyImport(prepared, NOW);
    const today = chinaToday(NOW);
    const data = await readCityData(city, '150600');
    const summaries = countySummaries({ cityCode: '150600', ...data, period: PERIOD, today });
    const office = (await city.records.readPlan('150600')).office;
    const appBytes = await writeWorkbook(exportCityWorkbook({ city: office, period: PERIOD, today, summaries, plans: data.plans, cityChoices: data.cityChoices }));

    const cells = async (bytes: Uint8Array) => {
      const wb = await readWorkbook(bytes);
      return wb.worksheets.map((s) => {
        const rows: string[][] = [];
        s.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1)))));
        return [s.name, rows] as const;
      });
    };
    const fromCli = await cells(new Uint8Array(await readFile(tmp.at('cli.xlsx'))));
    expect(fromCli).toEqual(await cells(appBytes));
    expect(JSON.stringify(fromCli)).toContain('旗里改过的任务名称');
  });
});
