import { taskStatus, stageShares, latestProgress } from '../../shared/domain/task-status';
import { parseDeadline } from '../../shared/domain/parse-deadline';
import { progress, task } from '../support/factories';

describe('stageShares', () => {
  it('splits work evenly over dated stages, the open remainder counting as one', () => {
    expect(stageShares(parseDeadline('2025年底前'))).toEqual([100]);
    expect(stageShares(parseDeadline('2023年底前完成A；2025年底前完成B；其余工作持续推进'))).toEqual([33, 67]);
    expect(stageShares(parseDeadline('2023年完成A；2024年、2025年完成B'))).toEqual([33, 67, 100]);
    expect(stageShares(parseDeadline('持续推进'))).toEqual([]);
  });
});

describe('latestProgress', () => {
  it('takes the highest period up to the day, and the latest correction within it', () => {
    const a = progress('2024-03', 20);
    const b = progress('2024-04', 30, { reportedAt: '2024-05-03T08:00:00+08:00' });
    const c = progress('2024-04', 35, { reportedAt: '2024-05-04T08:00:00+08:00' });
    const future = progress('2024-06', 90);
    expect(latestProgress([a, c, b, future], '2024-05-10')?.percent).toBe(35);
  });
});

describe('taskStatus', () => {
  const yearEnd = task('2025年底前');

  it('is not started with no report, in progress with one', () => {
    expect(taskStatus(yearEnd, [], '2024-01-10').status).toBe('not-started');
    expect(taskStatus(yearEnd, [progress('2023-12', 40)], '2024-01-10').status).toBe('in-progress');
  });

  it('is done only when a completion (day and evidence) is recorded', () => {
    const completed = task('2025年底前', { completion: { date: '2024-06-01', evidence: '验收报告' } });
    expect(taskStatus(completed, [], '2024-06-01').status).toBe('done');
    expect(taskStatus(completed, [], '2024-05-31').status).toBe('not-started');
    expect(taskStatus(completed, [progress('2024-05', 100)], '2024-06-01')).toEqual({ status: 'done', reason: '已于2024年6月1日完成' });
  });

  it('leaves a task whose old report says 100% or 已完成 推进中, awaiting confirmation of its completion', () => {
    const hundred = taskStatus(yearEnd, [progress('2024-05', 100, { status: 'in-progress' })], '2024-06-01');
    expect(hundred.status).toBe('in-progress');
    expect(hundred.awaitingCompletion).toBe(true);
    expect(hundred.reason).toBe('2024年5月报告进度100%，待确认完成：请在“完成情况”中填写完成日期和完成依据');
    const saidDone = taskStatus(yearEnd, [progress('2024-05', 60, { status: 'done' })], '2024-06-01');
    expect(saidDone).toMatchObject({ status: 'in-progress', awaitingCompletion: true });
    expect(saidDone.reason).toContain('报告已完成');
    // Past the deadline it is not called overdue on that report: someone has to confirm, not catch up.
    expect(taskStatus(yearEnd, [progress('2025-12', 100)], '2026-03-01')).toMatchObject({ status: 'in-progress', awaitingCompletion: true });
    // A later report below 100 % is the task's progress again.
    expect(taskStatus(yearEnd, [progress('2024-05', 100), progress('2024-06', 80)], '2024-07-01').awaitingCompletion).toBeUndefined();
  });

  it('is overdue the day after a single deadline when not done', () => {
    expect(taskStatus(yearEnd, [progress('2025-12', 90)], '2025-12-31').status).not.toBe('overdue');
    const r = taskStatus(yearEnd, [progress('2025-12', 90)], '2026-01-01');
    expect(r.status).toBe('overdue');
    expect(r.reason).toContain('2025年12月31日');
  });

  it('is at risk within 60 days of a stage whose share is not reached', () => {
    expect(taskStatus(yearEnd, [progress('2025-10', 50)], '2025-11-01').status).toBe('at-risk');
    expect(taskStatus(yearEnd, [progress('2025-10', 50)], '2025-10-01').status).toBe('in-progress');
  });

  it('judges a compound deadline stage by stage', () => {
    const compound = task('2023年底前完成A；2025年底前完成B；其余工作持续推进');
    // First stage (33%) passed with 20% → overdue, and the reason names the stage.
    const r = taskStatus(compound, [progress('2023-12', 20)], '2024-01-15');
    expect(r.status).toBe('overdue');
    expect(r.reason).toContain('第1阶段');
    // 40% clears the first stage; the second is far off.
    expect(taskStatus(compound, [progress('2023-12', 40)], '2024-01-15').status).toBe('in-progress');
    // After the last dated stage the task goes on (ongoing) and is never overdue once 67% is reached.
    expect(taskStatus(compound, [progress('2026-05', 70)], '2026-06-10').status).toBe('in-progress');
  });

  it('never makes an open-ended task overdue, but flags a silent one', () => {
    const ongoing = task('持续推进');
    expect(taskStatus(ongoing, [], '2030-01-01').status).toBe('not-started');
    expect(taskStatus(ongoing, [progress('2024-05', 10)], '2024-07-20').status).toBe('in-progress');
    const silent = taskStatus(ongoing, [progress('2024-03', 10)], '2024-07-20');
    expect(silent.status).toBe('at-risk');
    expect(silent.reason).toContain('4个月');
  });

  it('flags a task reported as stalled', () => {
    expect(taskStatus(yearEnd, [progress('2024-05', 30, { status: 'stalled' })], '2024-06-10').status).toBe('at-risk');
  });
});
