import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCityWorkbook } from '../../shared/xlsx/city';
import { readWorkbook, writeWorkbook } from '../../shared/xlsx/workbook';
import { countySummaries, overseenOffices } from '../../shared/views/city-overview';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { countyPlanFromCity } from '../../shared/views/city-plan';
import type { PlanData } from '../../shared/views/plan-data';
import type { ImportRecord } from '../../shared/exchange/history';
import { buildTaskRows, monthReport } from '../../shared/views/task-query';
import { progress } from '../support/factories';
import { TASK_STATUS_LABELS } from '../../shared/domain/task-status';

/**
 * The workbook the city sends upward (shared/xlsx/city.ts), opened in LibreOffice headless and read
 * back sheet by sheet as CSV: who reported (a refused file as 已收到但未导入), totals of every
 * summable column, — where an office sent nothing, only the month's reports and the overdue work.
 */
const seed = (file: string): PlanData => ({ ...loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', file), 'utf8'))), progress: [], indicatorValues: [] });
const PERIOD = '2026-11';
const TODAY = '2026-12-03';

/** Every sheet as rows of cells, as LibreOffice reads the file (one CSV per sheet). */
function openInLibreOffice(bytes: Uint8Array): Map<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'zwc-city-wb-'));
  writeFileSync(join(dir, 'city.xlsx'), bytes);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'out'), join(dir, 'city.xlsx')],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const out = new Map<string, string[][]>();
  for (const f of readdirSync(join(dir, 'out'))) {
    const sheet = f.replace(/^city-/, '').replace(/\.csv$/, '');
    const rows = readFileSync(join(dir, 'out', f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => [...l.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1));
    out.set(sheet, rows);
  }
  return out;
}

describe('the city’s workbook for the report upward, read back by LibreOffice', () => {
  const city = seed('150600-ordos.json');
  const yiqi = seed('150627-yijinhuoluo.json');
  const task = yiqi.tasks.find((t) => t.leads.length === 1 && t.completion === null);
  if (!task) throw new Error('no single-led open task');
  yiqi.progress = [progress(PERIOD, 40, { subjectId: task.id, officeCode: '150627', departmentId: task.leads[0].departmentId, thisMonth: '完成规划环评初稿' })];
  const zhunge: PlanData = { ...countyPlanFromCity(city, { code: '150622', name: '准格尔旗' }), progress: [], indicatorValues: [] };
  const plans = new Map([
    ['150627', yiqi],
    ['150622', zhunge],
  ]);
  const merged = (officeCode: string): ImportRecord => ({ at: '2026-12-02T02:00:00Z', bundleId: 'b', officeCode, deviceId: 'd', sequence: 1, period: PERIOD, fingerprint: 'f', fileName: `${officeCode}.zwb`, outcome: 'merged' });
  const history: ImportRecord[] = [
    merged('150627'),
    merged('150622'),
    { ...merged('150621'), outcome: 'refused', period: '', reason: '签名密钥尚未登记为 150621 的可信密钥' },
  ];
  const summaries = countySummaries({ cityCode: '150600', subordinates: overseenOffices('150600', []), plans, history, period: PERIOD, today: TODAY });
  const choices = new Map([[task.id, ['任务名称']]]);
  let sheets: Map<string, string[][]>;

  beforeAll(async () => {
    const wb = exportCityWorkbook({ city: city.office, period: PERIOD, today: TODAY, summaries, plans, cityChoices: choices });
    expect(wb.worksheets.map((w) => [w.name, w.pageSetup.orientation, w.pageSetup.paperSize])).toEqual([
      ['报送情况', 'landscape', 9],
      ['本月进展', 'landscape', 9],
      ['项目清单', 'landscape', 9],
      ['指标体系', 'landscape', 9],
    ]);
    const bytes = await writeWorkbook(wb);
    await readWorkbook(bytes);
    sheets = openInLibreOffice(bytes);
  }, 180_000);

  it('报送情况: each office in the app’s words, — without data, totals of every summable column', () => {
    const rows = sheets.get('报送情况') ?? [];
    const header = rows.find((r) => r[1] === '旗区') ?? [];
    expect(header).toEqual(['序号', '旗区', '本期报送', '最近报送月份', '最近导入时间', '任务数', '已完成', '逾期任务', '项目数', '逾期项目', '应报', '已报', '报送率', '指标数', '指标未达标', '计划投资', '完成投资']);
    const col = (name: string) => header.indexOf(name);
    const row = (name: string) => rows.find((r) => r[1] === name) ?? [];
    const yiqiLine = summaries.find((s) => s.code === '150627');
    expect(row('伊金霍洛旗')[col('本期报送')]).toBe('已报送');
    expect(Number(row('伊金霍洛旗')[col('逾期任务')])).toBe(yiqiLine?.overdue);
    expect(Number(row('伊金霍洛旗')[col('逾期项目')])).toBe(yiqiLine?.projectsOverdue);
    expect(Number(row('伊金霍洛旗')[col('指标未达标')])).toBe(yiqiLine?.indicatorsBehind);
    expect(row('达拉特旗')[col('本期报送')]).toBe('已收到但未导入：签名密钥尚未登记为 150621 的可信密钥');
    expect(row('东胜区')[col('本期报送')]).toBe('未报送');
    for (const c of ['任务数', '逾期任务', '逾期项目', '指标未达标', '计划投资', '完成投资']) expect(row('东胜区')[col(c)]).toBe('—');
    const total = rows.find((r) => r[0] === '合计') ?? [];
    const sum = (c: string) => summaries.reduce((n, s) => n + (s.hasData ? Number(s[c as 'tasks']) : 0), 0);
    expect(Number(total[col('任务数')])).toBe(sum('tasks'));
    expect(Number(total[col('逾期任务')])).toBe(sum('overdue'));
    expect(Number(total[col('逾期项目')])).toBe(sum('projectsOverdue'));
    expect(Number(total[col('指标未达标')])).toBe(sum('indicatorsBehind'));
    expect(Number(total[col('应报')])).toBe(sum('reportsExpected'));
    expect(total[col('本期报送')]).toBe('已报送 2 个');
    expect(rows.flat().join()).not.toMatch(/指标滞后|本期报送率（%）/);
  });

  it('本月进展: only the month’s reports (by the reporting rule) and the overdue work, the city’s conflict choice marked', () => {
    const rows = sheets.get('本月进展') ?? [];
    const yiqiRows = buildTaskRows(yiqi, TODAY);
    const expected = yiqiRows.filter((r) => monthReport(r, PERIOD) || r.status.status === 'overdue').length;
    const start = rows.findIndex((r) => r[0].startsWith('伊金霍洛旗：'));
    const end = rows.findIndex((r, i) => i > start && /：/.test(r[0]) && r[1] === '');
    const body = rows.slice(start + 1, end < 0 ? undefined : end).filter((r) => r[1] !== '项目');
    expect(body.length).toBe(expected);
    const reported = body.find((r) => r[6] === '完成规划环评初稿');
    expect(reported?.[2]).toBe(`${task.number} ${task.title}（市级选定：任务名称）`);
    expect(reported?.[5]).toBe('40');
    expect(body.filter((r) => r !== reported && r[4] !== TASK_STATUS_LABELS.overdue)).toEqual([]);
    expect(rows.some((r) => r[0].startsWith('达拉特旗：已收到但未导入'))).toBe(true);
  });

  it('项目清单: construction status, overdue and a 合计 of both investments', () => {
    const rows = sheets.get('项目清单') ?? [];
    const header = rows.find((r) => r[1] === '项目名称') ?? [];
    expect(header).toEqual(['序号', '项目名称', '建设（责任）单位', '建设状态', '进度状态', '是否逾期', '计划投资', '完成投资', '完成率', '完成时限']);
    const total = rows.find((r) => r[0] === '合计') ?? [];
    const planned = yiqi.projects.reduce((n, p) => n + Number(p.plannedInvestment ?? 0), 0);
    expect(Number(total[6])).toBeCloseTo(planned, 4);
    expect(total[1]).toBe(`${yiqi.projects.length}个项目`);
  });
});
