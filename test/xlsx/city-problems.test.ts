import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../shared/domain/problem';
import type { ImportRecord } from '../../shared/exchange/history';
import { countySummaries, overseenOffices } from '../../shared/views/city-overview';
import { countyPlanFromCity } from '../../shared/views/city-plan';
import type { PlanData } from '../../shared/views/plan-data';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { exportCityWorkbook } from '../../shared/xlsx/city';
import { HEADER_ROW } from '../../shared/xlsx/layout';
import { cellText, readWorkbook, writeWorkbook, type Workbook } from '../../shared/xlsx/workbook';

/** The city's workbook with the county offices' problems: open/overdue columns in 报送情况 and a 问题清单 sheet, read back from the file. */
const seed = (file: string): PlanData => ({ ...loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds', file), 'utf8'))), progress: [], indicatorValues: [] });
const PERIOD = '2026-11';
const TODAY = '2026-12-03';
const city = seed('150600-ordos.json');
const yiqi = seed('150627-yijinhuoluo.json');
const zhunge: PlanData = { ...countyPlanFromCity(city, { code: '150622', name: '准格尔旗' }), progress: [], indicatorValues: [] };
const plans = new Map([
  ['150627', yiqi],
  ['150622', zhunge],
]);
const merged = (officeCode: string): ImportRecord => ({ at: '2026-12-02T02:00:00Z', bundleId: 'b', officeCode, deviceId: 'd', sequence: 1, period: PERIOD, fingerprint: 'f', fileName: `${officeCode}.zwb`, outcome: 'merged' });
const history = [merged('150627'), merged('150622')];

const yTask = yiqi.tasks[0];
const yDept = yiqi.departments.find((d) => d.name === '旗生态环境局')!;
const zTask = zhunge.tasks[0];
const zDept = zhunge.departments[0];
const problem = (code: string, id: string, extra: Partial<Problem>): Problem => ({
  id: `${code}-problem-${id}`,
  officeCode: code,
  subjectKind: 'task',
  subjectId: yTask.id,
  text: '问题',
  raisedOn: '2026-10-10',
  raisedBy: { name: '无废办' },
  kind: 'general',
  responsibleId: yDept.id,
  due: '2026-11-10',
  dueChanges: [],
  followUps: [],
  closing: null,
  reopenings: [],
  ...extra,
});
const problems = new Map<string, Problem[]>([
  [
    '150627',
    [
      problem('150627', '1', { text: '填埋场渗滤液处理能力不足' }), // 23 days overdue on 12-03
      problem('150627', '2', { text: '已整改完毕的问题', closing: { date: '2026-11-05', evidence: '验收报告', confirmedBy: '李华' } }),
      problem('150627', '3', { text: '尚未到期的问题', raisedOn: '2026-11-20', due: '2026-12-20', followUps: [{ date: '2026-11-25', unit: { departmentId: yDept.id }, text: '已制定方案', resolved: false }] }),
    ],
  ],
  ['150622', [problem('150622', '1', { subjectId: zTask.id, responsibleId: zDept.id, text: '准旗的问题', due: '2026-11-30' })]], // 3 days overdue
]);

const rowsOf = (wb: Workbook, name: string): string[][] => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const out: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) out.push(Array.from({ length: ws.columnCount }, (_, c) => cellText(ws.getCell(r, c + 1))));
  return out;
};

describe('the city’s workbook with the county offices’ problems', () => {
  const summaries = countySummaries({ cityCode: '150600', subordinates: overseenOffices('150600', []), plans, history, period: PERIOD, today: TODAY, problems });
  let wb: Workbook;
  beforeAll(async () => {
    wb = await readWorkbook(await writeWorkbook(exportCityWorkbook({ city: city.office, period: PERIOD, today: TODAY, summaries, plans, problems })));
  });

  it('adds a 问题清单 sheet after 项目清单', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报送情况', '本月进展', '项目清单', '问题清单', '指标体系']);
  });

  it('报送情况 gets 未销号问题 and 逾期问题 per county office and in the 合计', () => {
    const rows = rowsOf(wb, '报送情况');
    const header = rows[HEADER_ROW - 1];
    const open = header.indexOf('未销号问题');
    const overdue = header.indexOf('逾期问题');
    expect(open).toBeGreaterThan(header.indexOf('指标未达标'));
    expect(overdue).toBe(open + 1);
    const row = (name: string) => rows.find((r) => r[1] === name) ?? [];
    expect([row('伊金霍洛旗')[open], row('伊金霍洛旗')[overdue]]).toEqual(['2', '1']);
    expect([row('准格尔旗')[open], row('准格尔旗')[overdue]]).toEqual(['1', '1']);
    expect(row('东胜区')[open]).toBe('—');
    const total = rows.find((r) => r[0] === '合计') ?? [];
    expect([total[open], total[overdue]]).toEqual(['3', '2']);
  });

  it('问题清单 lists every office’s problems side by side: overdue first (most days first), then open, closed last', () => {
    const rows = rowsOf(wb, '问题清单');
    expect(rows[1][0]).toBe('共 4 个问题，未销号 3 个，其中已逾期 2 个 · 状态按 2026年12月3日 计 · 导出日期 2026年12月3日');
    expect(rows[HEADER_ROW - 1]).toEqual(['序号', '旗区', '所属任务/项目', '问题', '责任单位', '类别', '提出日期', '办结时限', '状态', '逾期天数', '最新处理进展']);
    const body = rows.slice(HEADER_ROW).filter((r) => /^\d+$/.test(r[0]));
    expect(body.map((r) => [r[1], r[3], r[8], r[9]])).toEqual([
      ['伊金霍洛旗', '填埋场渗滤液处理能力不足', '已逾期', '23'],
      ['准格尔旗', '准旗的问题', '已逾期', '3'],
      ['伊金霍洛旗', '尚未到期的问题', '处理中', '—'],
      ['伊金霍洛旗', '已整改完毕的问题', '已销号', '—'],
    ]);
    const first = body[0];
    expect(first[2]).toBe(`${yTask.domainLabel} ${yTask.number} ${yTask.title}`);
    expect(first[4]).toBe('旗生态环境局');
    expect([first[5], first[6], first[7]]).toEqual(['一般', '2026-10-10', '2026-11-10']);
    expect(body[2][10]).toBe('已制定方案（2026-11-25）');
  });

  it('without problems the workbook is as before: no columns, no sheet', () => {
    const plain = exportCityWorkbook({ city: city.office, period: PERIOD, today: TODAY, summaries, plans });
    expect(plain.worksheets.map((w) => w.name)).not.toContain('问题清单');
    expect(rowsOf(plain, '报送情况')[HEADER_ROW - 1]).not.toContain('未销号问题');
  });
});
