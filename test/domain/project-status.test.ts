import { lastDayOf, projectDue, projectStatus, investmentWords } from '../../shared/domain/project-status';
import { parseDeadline } from '../../shared/domain/parse-deadline';
import type { Project } from '../../shared/domain/project';
import { progress } from '../support/factories';

// Synthetic projects (generated, not from any document).
type P = Pick<Project, 'deadline' | 'period' | 'constructionStatus' | 'plannedInvestment' | 'responsibleUnitIds' | 'constructionUnitIds'>;
const project = (extra: Partial<P> = {}): P => ({
  deadline: parseDeadline('2024年底'),
  period: { text: '2023年—2024年', start: { year: 2023 }, end: { year: 2024 } },
  constructionStatus: 'not-started',
  plannedInvestment: '1000',
  responsibleUnitIds: [],
  constructionUnitIds: [],
  ...extra,
});
const report = (period: string, percent: number, extra: Parameters<typeof progress>[2] = {}) =>
  progress(period, percent, { subjectKind: 'project', subjectId: 'p', ...extra });

describe('lastDayOf and projectDue', () => {
  it('reads a year-only end as 31 December and a month as its last day', () => {
    expect(lastDayOf({ year: 2024 })).toBe('2024-12-31');
    expect(lastDayOf({ year: 2024, month: 6 })).toBe('2024-06-30');
    expect(lastDayOf({ year: 2024, month: 2 })).toBe('2024-02-29');
    expect(lastDayOf({ year: 2023, month: 2 })).toBe('2023-02-28');
  });

  it('takes the deadline first, the end of the construction period without one, else nothing', () => {
    expect(projectDue(project())).toMatchObject({ source: 'deadline', point: { date: '2024-12-31' } });
    const periodOnly = project({ deadline: null, period: { text: '2022年6月—2024年6月', start: { year: 2022, month: 6 }, end: { year: 2024, month: 6 } } });
    expect(projectDue(periodOnly)).toEqual({ source: 'period', point: { precision: 'month', date: '2024-06-30' }, words: '建设周期结束（2024年6月）' });
    expect(projectDue(project({ deadline: parseDeadline('持续推进') }))).toMatchObject({ source: 'period', point: { precision: 'year', date: '2024-12-31' } });
    expect(projectDue(project({ deadline: null, period: null }))).toBeNull();
    expect(projectDue(project({ deadline: null, period: { text: '2023年起', start: { year: 2023 }, end: null } }))).toBeNull();
  });
});

describe('projectStatus', () => {
  it('is done when built (完工 / 投运), even long after the deadline', () => {
    const built = projectStatus(project({ constructionStatus: 'completed' }), [], '2026-11-24');
    expect(built).toEqual({ status: 'done', reason: '建设状态：完工' });
    expect(projectStatus(project({ constructionStatus: 'in-operation' }), [], '2026-11-24').status).toBe('done');
  });

  it('is done when the latest report says 已完成 or 100%, with the investment in the reason', () => {
    const done = projectStatus(project(), [report('2025-03', 100, { investmentToDate: '950' })], '2026-11-24');
    expect(done).toEqual({ status: 'done', reason: '2025年3月报告已完成，完成投资950/1000万元（95%）' });
    expect(projectStatus(project(), [report('2024-10', 80, { status: 'done' })], '2026-11-24').status).toBe('done');
  });

  it('does not count a report after the day', () => {
    expect(projectStatus(project(), [report('2025-01', 100)], '2024-12-31').status).not.toBe('done');
  });

  it('is overdue the day after the deadline, not on it', () => {
    expect(projectStatus(project(), [], '2024-12-31').status).toBe('at-risk');
    expect(projectStatus(project(), [], '2025-01-01')).toEqual({ status: 'overdue', reason: '已超过完成时限（2024年12月31日），仍未开工' });
  });

  it('names progress and investment when an overdue project is under way', () => {
    const r = projectStatus(project({ constructionStatus: 'under-construction' }), [report('2025-06', 60, { investmentToDate: '400' })], '2026-11-24');
    expect(r).toEqual({ status: 'overdue', reason: '已超过完成时限（2024年12月31日），当前进度60%，完成投资400/1000万元（40%）' });
    const unplanned = projectStatus(project({ plannedInvestment: null }), [report('2025-06', 60, { investmentToDate: '400' })], '2026-11-24');
    expect(unplanned.reason).toBe('已超过完成时限（2024年12月31日），当前进度60%，完成投资400万元');
    const silent = projectStatus(project({ constructionStatus: 'under-construction' }), [], '2026-11-24');
    expect(silent.reason).toBe('已超过完成时限（2024年12月31日），建设状态：在建，尚未报送进展');
  });

  it('falls back to the end of the construction period (end of that month) without a deadline', () => {
    const p = project({ deadline: null, period: { text: '2022年6月—2024年6月', start: { year: 2022, month: 6 }, end: { year: 2024, month: 6 } } });
    expect(projectStatus(p, [report('2024-05', 70)], '2024-06-30').status).toBe('at-risk');
    expect(projectStatus(p, [report('2024-05', 70)], '2024-07-01')).toEqual({ status: 'overdue', reason: '已超过建设周期结束（2024年6月），当前进度70%' });
  });

  it('reads a year-only end of the construction period as 31 December', () => {
    const p = project({ deadline: null, period: { text: '2023年—2025年', start: { year: 2023 }, end: { year: 2025 } } });
    expect(projectStatus(p, [report('2025-11', 50)], '2025-12-31').status).toBe('at-risk');
    expect(projectStatus(p, [report('2025-11', 50)], '2026-01-01').status).toBe('overdue');
  });

  it('is never overdue with neither a dated deadline nor a period end', () => {
    const open = project({ deadline: parseDeadline('持续推进'), period: null, constructionStatus: 'under-construction' });
    expect(projectStatus(open, [report('2026-10', 40)], '2030-01-01')).toEqual({ status: 'in-progress', reason: '2026年10月进度40%' });
    expect(projectStatus(project({ deadline: null, period: null }), [], '2030-01-01')).toEqual({ status: 'not-started', reason: '未开工，尚未报送进展' });
  });

  it('is at risk within 60 days of the due day, with the days left', () => {
    const r = projectStatus(project(), [report('2024-10', 50, { investmentToDate: '300' })], '2024-11-01');
    expect(r.status).toBe('at-risk');
    expect(r.reason).toBe('距完成时限（2024年12月31日）还有60天，当前进度50%，完成投资300/1000万元（30%）');
    expect(r.nextStage).toEqual({ point: { precision: 'year', date: '2024-12-31' }, expectedPercent: 100 });
    expect(projectStatus(project(), [report('2024-10', 50)], '2024-10-31').status).toBe('in-progress');
    expect(projectStatus(project(), [report('2024-10', 50)], '2024-10-31', { atRiskWindowDays: 90, staleMonths: 3 }).status).toBe('at-risk');
  });

  it('is at risk when the latest report says 受阻', () => {
    const r = projectStatus(project({ constructionStatus: 'under-construction' }), [report('2024-03', 30, { status: 'stalled' })], '2024-04-10');
    expect(r).toMatchObject({ status: 'at-risk', reason: '2024年3月报告工作受阻，当前进度30%' });
  });

  it('is at risk once the start (its month, or its whole year) is over and it is still 未开工', () => {
    expect(projectStatus(project(), [], '2023-12-31').status).toBe('not-started');
    expect(projectStatus(project(), [], '2024-01-01')).toMatchObject({ status: 'at-risk', reason: '按建设周期应于2023年开工，仍未开工' });
    const monthly = project({ deadline: null, period: { text: '2022年6月—2024年6月', start: { year: 2022, month: 6 }, end: { year: 2024, month: 6 } } });
    expect(projectStatus(monthly, [], '2022-06-30').status).toBe('not-started');
    expect(projectStatus(monthly, [], '2022-07-01').reason).toBe('按建设周期应于2022年6月开工，仍未开工');
    expect(projectStatus(monthly, [report('2022-06', 0, { status: 'not-started' })], '2022-07-01').status).toBe('at-risk');
  });

  it('counts a report of work under way as begun, whatever the 建设状态 field says', () => {
    expect(projectStatus(project(), [report('2023-11', 10)], '2024-01-01')).toEqual({
      status: 'in-progress',
      reason: '2023年11月进度10%',
      nextStage: { point: { precision: 'year', date: '2024-12-31' }, expectedPercent: 100 },
    });
  });

  it('is not started when 未开工 and nothing (or only 未启动 at 0%) was reported', () => {
    expect(projectStatus(project(), [], '2023-05-01').status).toBe('not-started');
    expect(projectStatus(project(), [report('2023-04', 0)], '2023-05-01')).toMatchObject({ status: 'not-started', reason: '2023年4月报告未开工' });
  });

  it('is in progress when marked 在建 with no report yet', () => {
    expect(projectStatus(project({ constructionStatus: 'under-construction' }), [], '2023-05-01')).toMatchObject({
      status: 'in-progress',
      reason: '建设状态：在建，尚未报送进展',
    });
  });

  it('takes the latest correction within a period', () => {
    const first = report('2024-05', 100, { reportedAt: '2024-06-01T08:00:00+08:00' });
    const corrected = report('2024-05', 70, { reportedAt: '2024-06-03T08:00:00+08:00' });
    expect(projectStatus(project(), [corrected, first], '2024-06-10').status).toBe('in-progress');
  });
});

describe('investmentWords', () => {
  it('says nothing without a reported figure and leaves out a share of a zero plan', () => {
    expect(investmentWords({ plannedInvestment: '1000' }, undefined)).toBe('');
    expect(investmentWords({ plannedInvestment: '0' }, report('2024-01', 10, { investmentToDate: '5' }))).toBe('，完成投资5/0万元');
  });
});
