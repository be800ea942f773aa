import { importsFrom, taskReportFor } from '../../shared/views/city-overview';
import type { ImportRecord } from '../../shared/exchange/history';
import type { TaskStatusResult } from '../../shared/domain/task-status';
import { progress, task as makeTask } from '../support/factories';

// Synthetic import history (not from any real exchange).
const imported = (officeCode: string, at: string, outcome: ImportRecord['outcome'] = 'merged'): ImportRecord => ({
  at,
  bundleId: `b-${officeCode}-${at}`,
  officeCode,
  deviceId: 'testdevice',
  sequence: 1,
  period: '2025-05',
  fingerprint: '测试',
  fileName: `${officeCode}.zwb`,
  outcome,
});

describe('a county’s import list', () => {
  it('lists every bundle from that county, whatever its outcome, newest first', () => {
    const history = [
      imported('150627', '2025-05-04T09:00:00.000+08:00'),
      imported('150621', '2025-06-05T09:00:00.000+08:00'),
      imported('150627', '2025-06-04T09:00:00.000+08:00', 'refused'),
      imported('150627', '2025-06-01T09:00:00.000+08:00', 'already-imported'),
    ];
    expect(importsFrom(history, '150627').map((h) => h.at)).toEqual(['2025-06-04T09:00:00.000+08:00', '2025-06-01T09:00:00.000+08:00', '2025-05-04T09:00:00.000+08:00']);
    expect(importsFrom(history, '150622')).toEqual([]);
  });
  it('leaves the history as it was', () => {
    const history = [imported('150627', '2025-05-04T09:00:00.000+08:00'), imported('150627', '2025-06-04T09:00:00.000+08:00')];
    const before = [...history];
    importsFrom(history, '150627');
    expect(history).toEqual(before);
  });
});

describe('a county task’s report for the period', () => {
  const status = (s: TaskStatusResult['status']): TaskStatusResult => ({ status: s, reason: '' });
  // Newest period first, the latest correction first within a period, as buildTaskRows sorts them.
  const correction = progress('2025-05', 60, { thisMonth: '更正', reportedAt: '2025-05-30T08:00:00.000+08:00' });
  const first = progress('2025-05', 50, { thisMonth: '初报' });
  const april = progress('2025-04', 30);
  const history = [correction, first, april];
  const task = makeTask('2026年底前', { leads: [{ departmentId: '150627-dept-lead' }], participants: [{ departmentId: '150627-dept-help', role: '配合' }] });

  it('is the latest report for that period', () => {
    expect(taskReportFor({ task, history, status: status('in-progress') }, '2025-05')).toEqual({ kind: 'reported', entry: correction });
    expect(taskReportFor({ task, history, status: status('in-progress') }, '2025-04')).toEqual({ kind: 'reported', entry: april });
  });
  it('is missing when the task has none for the period', () => {
    expect(taskReportFor({ task, history, status: status('overdue') }, '2025-06')).toEqual({ kind: 'missing' });
    expect(taskReportFor({ task, history: [], status: status('not-started') }, '2025-06')).toEqual({ kind: 'missing' });
  });
  it('is the lead unit’s report, not a participant’s that came in later', () => {
    const lead = progress('2025-05', 85, { departmentId: '150627-dept-lead', reportedAt: '2025-05-20T08:00:00.000+08:00' });
    const help = progress('2025-05', 65, { departmentId: '150627-dept-help', reportedAt: '2025-05-29T08:00:00.000+08:00' });
    expect(taskReportFor({ task, history: [help, lead], status: status('in-progress') }, '2025-05')).toEqual({ kind: 'reported', entry: lead });
    expect(taskReportFor({ task, history: [help], status: status('in-progress') }, '2025-05')).toEqual({ kind: 'missing' });
  });
  it('is not owed by a task that is done', () => {
    expect(taskReportFor({ task, history, status: status('done') }, '2025-06')).toEqual({ kind: 'not-owed' });
  });
});
