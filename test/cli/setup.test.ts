import { readFile } from 'node:fs/promises';
import { EXIT } from '../../cli/zwc';
import { openWorkspaceDir } from '../../cli/workspace-dir';
import { workspaceSettings } from '../../shared/app/settings';
import type { Workspace } from '../../shared/app/workspace';
import type { PlanData } from '../../shared/views/plan-data';
import { readWorkbook } from '../../shared/xlsx/workbook';
import { buildPlanImport, previewPlanImport } from '../../shared/xlsx/plan-import';
import { appWorkspace, captureIo, plainRows, tempDirs, zwcAt } from '../support/cli';

/** Set-up from the app (ws.setup over IndexedDB) and from `zwc init` / `zwc xlsx import-plan` gives the same workspace. */
const NOW = new Date('2027-03-10T08:00:00Z');
const zwc = zwcAt(NOW);
// Several workspaces a test, on a shared machine.
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-setup-');

async function cliWorkspace(dir: string): Promise<Workspace> {
  return openWorkspaceDir(dir, captureIo(NOW).io);
}

function comparable(plan: PlanData) {
  return {
    office: plan.office,
    departments: plainRows(plan.departments),
    leaders: plainRows(plan.leaders),
    tasks: plainRows(plan.tasks),
    projects: plainRows(plan.projects),
    indicators: plainRows(plan.indicators),
  };
}

async function same(code: string, cli: Workspace, app: Workspace): Promise<PlanData> {
  const [a, b] = [await app.records.readPlan(code), await cli.records.readPlan(code)];
  expect(comparable(b)).toEqual(comparable(a));
  expect(await workspaceSettings(cli.storage)).toEqual(await workspaceSettings(app.storage));
  return b;
}

describe('set-up: zwc init and the app’s first start', () => {
  it.each([
    ['150627', 'seed', 83],
    ['150621', 'city', -1],
    ['110101', 'empty', 0],
  ] as const)('%s from %s: the same office, plan period, units and tasks', async (code, source, tasks) => {
    const run = await zwc('--workspace', tmp.dir, 'init', '--office', code, '--from', source);
    expect(run.err).toBe('');
    expect(run.code).toBe(EXIT.ok);
    const app = await appWorkspace(NOW);
    await app.setup.setUp(code, source);
    const plan = await same(code, await cliWorkspace(tmp.dir), app);
    if (tasks >= 0) expect(plan.tasks).toHaveLength(tasks);
    else expect(plan.tasks.every((t) => t.fromCity?.officeCode === '150600')).toBe(true);
    expect(plan.office.plans?.length).toBe(1);
  });

  it('takes the first source the app offers when none is named, and names a division that does not exist', async () => {
    expect((await zwc('--workspace', tmp.at('a'), 'init', '--office', '150621')).out).toContain('市级下达的任务');
    const none = await zwc('--workspace', tmp.at('b'), 'init', '--office', '150699');
    expect(none.code).toBe(EXIT.notFound);
    expect(none.err).toContain('不在 GB/T 2260 区划表中');
    const noCity = await zwc('--workspace', tmp.at('c'), 'init', '--office', '110101', '--from', 'city');
    expect(noCity.code).toBe(EXIT.notFound);
    expect((await zwc('--workspace', tmp.at('d'), 'init', '--office', '150627', '--from', 'excel')).code).toBe(EXIT.usage);
  });

  it('from an Excel plan: zwc xlsx import-plan into a new folder and the app’s 从 Excel 导入 give the same workspace', async () => {
    const file = tmp.at('方案.xlsx');
    expect((await zwc('xlsx', 'export', '--plan', 'seeds/150627-yijinhuoluo.json', '--out', file)).code).toBe(EXIT.ok);
    const ws = tmp.at('ws');
    const run = await zwc('xlsx', 'import-plan', file, '--workspace', ws, '--office', '150621', '--name', '达拉特旗');
    expect(run.code).toBe(EXIT.ok);

    const app = await appWorkspace(NOW);
    const context = { fileName: '方案.xlsx', officeCode: '150621', existing: null };
    const built = buildPlanImport(previewPlanImport(await readWorkbook(new Uint8Array(await readFile(file))), context), context);
    await app.setup.setUpFromExcel({ code: '150621', name: '达拉特旗', level: 'county' }, built, '方案.xlsx');

    const [a, b] = [await app.records.readPlan('150621'), await (await cliWorkspace(ws)).records.readPlan('150621')];
    // Records made by an import get fresh ids on each side: compared by what they say.
    const byContent = (p: PlanData) => ({
      office: p.office,
      tasks: p.tasks.map((t) => [t.title, t.deadline]).sort(),
      projects: p.projects.map((x) => x.name).sort(),
      indicators: p.indicators.map((i) => i.name).sort(),
      departments: p.departments.map((d) => d.name).sort(),
    });
    expect(byContent(b)).toEqual(byContent(a));
    expect(b.tasks).toHaveLength(83);
    expect(b.office.plans?.[0].title).toContain('方案.xlsx');
  });
});
