/**
 * Synthetic records for tests. Generated, not taken from any plan: they only need to be valid.
 */
import type { Deadline } from '../../shared/domain/deadline';
import type { ProgressEntry, IndicatorValue } from '../../shared/domain/progress';
import type { IndicatorQuantity } from '../../shared/domain/indicator';
import type { Task } from '../../shared/domain/task';
import { parseDeadline } from '../../shared/domain/parse-deadline';

let seq = 0;

export function progress(period: string, percent: number, extra: Partial<ProgressEntry> = {}): ProgressEntry {
  seq += 1;
  return {
    id: `test-progress-${seq}`,
    officeCode: '150627',
    subjectKind: 'task',
    subjectId: 'test-task',
    period,
    percent,
    status: percent >= 100 ? 'done' : percent > 0 ? 'in-progress' : 'not-started',
    thisMonth: '',
    problems: '',
    nextSteps: '',
    reportedBy: '测试',
    reportedAt: `${period}-28T08:00:00.000+08:00`,
    deviceId: 'testdevice',
    ...extra,
  };
}

export function value(year: number, v: number | string, extra: Partial<IndicatorValue> = {}): IndicatorValue {
  seq += 1;
  const quantity: IndicatorQuantity = typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', text: v };
  return {
    id: `test-value-${seq}`,
    officeCode: '150627',
    indicatorId: 'test-indicator',
    year,
    month: null,
    value: quantity,
    judgement: null,
    note: '',
    enteredBy: '测试',
    enteredAt: `${year}-12-31T08:00:00.000+08:00`,
    deviceId: 'testdevice',
    ...extra,
  };
}

export function task(deadline: Deadline | string, extra: Partial<Task> = {}): Task {
  return {
    id: 'test-task',
    officeCode: '150627',
    domain: 'industrial',
    domainLabel: '工业固体废物',
    number: '1',
    order: 0,
    title: '测试任务',
    summary: '',
    leads: [],
    participants: [],
    leaderIds: [],
    deadline: typeof deadline === 'string' ? parseDeadline(deadline) : deadline,
    milestones: [],
    completion: null,
    source: { file: 'user', section: '测试' },
    ...extra,
  };
}
