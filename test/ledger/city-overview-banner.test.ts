import { importsFrom, taskReportFor } from '../../shared/ledger/city-overview';
import type { ImportRecord } from '../../shared/exchange/history';
import type { TaskStatusResult } from '../../shared/domain/task-status';
import { progress } from '../support/factories';

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

describe('a banner’s import list', () => {
  it('lists every bundle from that banner, whatever its outcome, newest first', () => {
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

describe('a banner task’s report for the period', () => {
  const status = (s: TaskStatusResult['status']): TaskStatusResult => ({ status: s, reason: '' });
  // Newest period first, the latest correction first within a period, as buildTaskRows sorts them.
  const correction = progress('2025-05', 60, { thisMonth: '更正', reportedAt: '2025-05-30T08:00:00.000+08:00' });
  const first = progress('2025-05', 50, { thisMonth: '初报' });
  const april = progress('2025-04', 30);
  const history = [correction, first, april];

  it('is the latest report for that period', () => {
    expect(taskReportFor({ history, status: status('in-progress') }, '2025-05')).toEqual({ kind: 'reported', entry: correction });
    expect(taskReportFor({ history, status: status('in-progress') }, '2025-04')).toEqual({ kind: 'reported', entry: april });
  });
  it('is missing when the task has none for the period', () => {
    expect(taskReportFor({ history, status: status('overdue') }, '2025-06')).toEqual({ kind: 'missing' });
    expect(taskReportFor({ history: [], status: status('not-started') }, '2025-06')).toEqual({ kind: 'missing' });
  });
  it('is not owed by a task that is done', () => {
    expect(taskReportFor({ history, status: status('done') }, '2025-06')).toEqual({ kind: 'not-owed' });
  });
});
