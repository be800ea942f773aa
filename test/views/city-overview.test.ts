import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { buildTaskRows } from '../../shared/views/task-query';
import { countByStatus, investmentSummary } from '../../shared/views/aggregations';
import { reportingChecklist } from '../../shared/views/reporting';
import { countySummaries, countyTotals, notReported, overseenOffices } from '../../shared/views/city-overview';
import type { PlanData } from '../../shared/views/plan-data';
import type { ImportRecord } from '../../shared/exchange/history';
import type { ProgressEntry } from '../../shared/domain/progress';
import { progress } from '../support/factories';

const records = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const yiqi = (extra: ProgressEntry[] = []): PlanData => ({ ...records, progress: extra, indicatorValues: [] });

const PERIOD = '2025-05';
const TODAY = '2025-06-10';
const ORDOS = overseenOffices('150600');

// Synthetic import history (not from any real exchange).
const imported = (officeCode: string, period: string, at: string, outcome: ImportRecord['outcome'] = 'merged'): ImportRecord => ({
  at,
  bundleId: `b-${officeCode}-${period}-${at}`,
  officeCode,
  deviceId: 'testdevice',
  sequence: 1,
  period,
  fingerprint: '测试',
  fileName: `${officeCode}-${period}.zwb`,
  outcome,
});
const history: ImportRecord[] = [
  imported('150627', '2025-04', '2025-05-04T09:00:00.000+08:00'),
  imported('150627', PERIOD, '2025-06-04T09:00:00.000+08:00'),
  imported('150621', PERIOD, '2025-06-03T09:00:00.000+08:00', 'refused'),
  imported('150622', '2025-04', '2025-05-05T09:00:00.000+08:00'),
  imported('150626', '2025-06', '2025-07-02T09:00:00.000+08:00'),
];

const summarize = (plan: PlanData, hist: ImportRecord[] = history) =>
  countySummaries({ cityCode: '150600', subordinates: ORDOS, plans: new Map([['150627', plan]]), history: hist, period: PERIOD, today: TODAY });
const rowOf = (rows: ReturnType<typeof summarize>, code: string) => {
  const r = rows.find((x) => x.code === code);
  if (!r) throw new Error(`no row ${code}`);
  return r;
};

describe('subordinate offices of a city', () => {
  it('lists every county and district of 鄂尔多斯市 from the division list, not the city itself', () => {
    expect(ORDOS.map((s) => s.code)).toEqual(['150602', '150603', '150621', '150622', '150623', '150624', '150625', '150626', '150627']);
    expect(ORDOS.find((s) => s.code === '150627')?.name).toBe('伊金霍洛旗');
    expect(overseenOffices('150600').some((s) => s.code === '150203' || s.code === '150600')).toBe(false);
  });

  it('adds offices the database records under the city, and none for a county', () => {
    const extra = overseenOffices('150600', [
      { code: '150699', name: '测试新区', parentCode: '150600' },
      { code: '150203', name: '昆都仑区', parentCode: '150200' },
    ]);
    expect(extra.map((s) => s.code)).toContain('150699');
    expect(extra.map((s) => s.code)).not.toContain('150203');
    expect(extra).toHaveLength(10);
    expect(overseenOffices('150627')).toEqual([]);
  });
});

describe('county summaries', () => {
  it('gives one row per subordinate, received or not', () => {
    const rows = summarize(yiqi());
    expect(rows.map((r) => r.code)).toEqual(ORDOS.map((s) => s.code));
    const none = rowOf(rows, '150602');
    expect(none).toMatchObject({ received: false, hasData: false, reportedForPeriod: false, lastPeriodReceived: null, tasks: 0, coverage: null, investmentPercent: null });
  });

  it('counts the 伊金霍洛旗 seed: 83 tasks, statuses and overdue as the task list computes them', () => {
    const plan = yiqi();
    const row = rowOf(summarize(plan), '150627');
    const counts = countByStatus(buildTaskRows(plan, TODAY));
    expect(row.tasks).toBe(83);
    expect(row.byStatus).toEqual(counts);
    expect(row.overdue).toBe(counts.overdue);
    expect(row.overdue).toBeGreaterThan(0);
    expect(Object.values(row.byStatus).reduce((a, b) => a + b, 0)).toBe(83);
    expect(row.indicators).toBe(records.indicators.length);
    expect(row.assessmentYear).toBe(2025);
    expect(row.indicatorsNoData).toBe(records.indicators.length);
    expect(row.indicatorsBehind).toBe(0);
  });

  it('takes import facts from the latest merged bundle only', () => {
    const rows = summarize(yiqi());
    expect(rowOf(rows, '150627')).toMatchObject({ received: true, reportedForPeriod: true, lastPeriodReceived: PERIOD, lastImportAt: '2025-06-04T09:00:00.000+08:00' });
    // A refused bundle is not a report.
    expect(rowOf(rows, '150621')).toMatchObject({ received: false, reportedForPeriod: false, lastPeriodReceived: null });
    // Last month's bundle is received but not this period's report.
    expect(rowOf(rows, '150622')).toMatchObject({ received: true, reportedForPeriod: false, lastPeriodReceived: '2025-04' });
    // A later period's bundle covers this one.
    expect(rowOf(rows, '150626')).toMatchObject({ received: true, reportedForPeriod: true, lastPeriodReceived: '2025-06' });
  });

  it('lists the counties with no bundle for the period', () => {
    const missing = notReported(summarize(yiqi())).map((r) => r.code);
    expect(missing).toEqual(['150602', '150603', '150621', '150622', '150623', '150624', '150625']);
    expect(missing).toContain('150621');
    expect(missing).not.toContain('150627');
    expect(notReported(summarize(yiqi(), []))).toHaveLength(ORDOS.length);
  });

  it('reporting coverage rises when a report for the period is added, not for another period', () => {
    const plan = yiqi();
    const base = rowOf(summarize(plan), '150627');
    const expected = reportingChecklist(plan, buildTaskRows(plan, TODAY), PERIOD).expected;
    expect(base.reportsExpected).toBe(expected);
    expect(base.coverage).toBe(0);
    const [t1, t2] = records.tasks;
    const earlier = rowOf(summarize(yiqi([progress('2025-04', 20, { subjectId: t2.id })])), '150627');
    expect(earlier.coverage).toBe(0);
    const added = rowOf(summarize(yiqi([progress(PERIOD, 30, { subjectId: t2.id }), progress(PERIOD, 40, { subjectId: t1.id })])), '150627');
    expect(added.reportsReceived).toBe(2);
    expect(added.coverage).toBe(Math.round((2 / expected) * 1000) / 10);
    expect(added.coverage).toBeGreaterThan(0);
  });

  it('the city counts a task reported only by its lead units: a participant’s row is not the county’s report', () => {
    const t = records.tasks.find((x) => x.leads.length === 1 && x.participants.some((p) => p.departmentId !== x.leads[0].departmentId));
    if (!t) throw new Error('seed has a task with one lead and a participant');
    const helper = t.participants.find((p) => p.departmentId !== t.leads[0].departmentId)?.departmentId as string;
    const onlyHelper = rowOf(summarize(yiqi([progress(PERIOD, 65, { subjectId: t.id, departmentId: helper })])), '150627');
    expect(onlyHelper.reportsReceived).toBe(0);
    const both = yiqi([
      progress(PERIOD, 85, { subjectId: t.id, departmentId: t.leads[0].departmentId, reportedAt: '2025-06-01T08:00:00.000+08:00' }),
      progress(PERIOD, 65, { subjectId: t.id, departmentId: helper, reportedAt: '2025-06-02T08:00:00.000+08:00' }),
    ]);
    expect(rowOf(summarize(both), '150627').reportsReceived).toBe(1);
    expect(buildTaskRows(both, TODAY).find((r) => r.task.id === t.id)?.latest?.percent).toBe(85);
  });

  it('a completed task is no longer overdue; a report of 100 % alone leaves it 推进中, awaiting confirmation', () => {
    const plan = yiqi();
    const base = rowOf(summarize(plan), '150627');
    const overdueTask = buildTaskRows(plan, TODAY).find((r) => r.status.status === 'overdue');
    if (!overdueTask) throw new Error('seed has an overdue task on this day');
    const reported = rowOf(summarize(yiqi([progress(PERIOD, 100, { subjectId: overdueTask.task.id })])), '150627');
    expect(reported.overdue).toBe(base.overdue - 1);
    expect(reported.byStatus.done).toBe(base.byStatus.done);
    expect(reported.byStatus['in-progress']).toBe(base.byStatus['in-progress'] + 1);
    const completion = { date: '2025-05-20', evidence: '验收报告' };
    const completed = { ...plan, tasks: plan.tasks.map((t) => (t.id === overdueTask.task.id ? { ...t, completion } : t)) };
    const row = rowOf(summarize(completed), '150627');
    expect(row.overdue).toBe(base.overdue - 1);
    expect(row.byStatus.done).toBe(base.byStatus.done + 1);
  });

  it('investment planned and completed to the period, in 万元', () => {
    const plan = yiqi();
    const base = rowOf(summarize(plan), '150627');
    expect(base.investmentPlanned).toBe(investmentSummary(records.projects, [], PERIOD).planned);
    expect(base.investmentCompleted).toBe('0');
    expect(base.investmentPercent).toBe(0);
    const p = records.projects[0];
    const entries = [
      progress('2025-03', 10, { subjectKind: 'project', subjectId: p.id, investmentToDate: '1000.5' }),
      progress('2025-07', 50, { subjectKind: 'project', subjectId: p.id, investmentToDate: '9000' }),
    ];
    const row = rowOf(summarize(yiqi(entries)), '150627');
    expect(row.investmentCompleted).toBe('1000.5');
    expect(row.investmentPercent).toBe(investmentSummary(records.projects, entries, PERIOD).percent);
    const totals = countyTotals(summarize(yiqi(entries)));
    expect(totals).toMatchObject({ counties: 9, reported: 2, tasks: 83, investmentCompleted: '1000.5', investmentPlanned: base.investmentPlanned });
  });

  it('projects by status on the day, judged like tasks: overdue once the 完成时限 has passed', () => {
    // On 2025-06-10 the seed's projects due by 2023 and 2024 are overdue; those due end 2025 not yet.
    const base = rowOf(summarize(yiqi()), '150627');
    expect(base.projects).toBe(11);
    expect(base.projectsOverdue).toBe(7);
    expect(base.projectsByStatus).toEqual({ 'not-started': 0, 'in-progress': 0, 'at-risk': 4, overdue: 7, done: 0 });
    const late = records.projects.find((p) => p.deadline?.points[0]?.date === '2023-12-31');
    if (!late) throw new Error('seed has a project due end 2023');
    const row = rowOf(summarize(yiqi([progress(PERIOD, 100, { subjectKind: 'project', subjectId: late.id })])), '150627');
    expect(row.projectsOverdue).toBe(6);
    expect(row.projectsByStatus.done).toBe(1);
    expect(countyTotals(summarize(yiqi())).projectsByStatus.overdue).toBe(7);
    expect(rowOf(summarize(yiqi()), '150602')).toMatchObject({ hasData: false, projects: 0, projectsOverdue: 0 });
  });
});
