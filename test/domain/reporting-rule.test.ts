import fc from 'fast-check';
import { figureReport, projectReportUnits, reportRole, subjectReported, taskReportUnits, unitReported } from '../../shared/domain/reporting-rule';
import { taskStatus } from '../../shared/domain/task-status';
import { buildTaskRows } from '../../shared/views/task-query';
import { reportingChecklist } from '../../shared/views/reporting';
import type { Department } from '../../shared/domain/department';
import type { ProgressEntry } from '../../shared/domain/progress';
import { progress, task } from '../support/factories';

// Synthetic units and tasks (not from any document): 生态 leads, 住建 co-leads, 工信 takes part.
const ECO = '150627-dept-eco';
const HOUSING = '150627-dept-housing';
const INDUSTRY = '150627-dept-industry';
const dept = (id: string, name: string, aliases: string[] = []): Department => ({ id, officeCode: '150627', name, aliases, kind: 'bureau', order: 0 }) as unknown as Department;
const departments = [dept(ECO, '旗生态环境局'), dept(HOUSING, '旗住建局', ['旗住房和城乡建设局']), dept(INDUSTRY, '旗工信局')];
const lead = (id: string) => ({ departmentId: id });
const part = (id: string) => ({ departmentId: id, role: '参与' as const });
const soloTask = task('2026年底前', { leads: [lead(ECO)], participants: [part(INDUSTRY)] });
const coLed = task('2026年底前', { leads: [lead(ECO), lead(HOUSING)], participants: [part(INDUSTRY)] });
const from = (unit: string | undefined, period: string, percent: number, extra: Partial<ProgressEntry> = {}) =>
  progress(period, percent, { ...(unit ? { departmentId: unit } : {}), reportedBy: '', ...extra });
const NOV = '2026-11';
const DAY = '2026-11-30';

describe('whose report is it (reportRole)', () => {
  const units = taskReportUnits(coLed);
  it('a lead unit, a participating unit, a unit with no part in the task, the office', () => {
    expect(reportRole(from(ECO, NOV, 1), units)).toBe('lead');
    expect(reportRole(from(INDUSTRY, NOV, 1), units)).toBe('participant');
    expect(reportRole(from('150627-dept-other', NOV, 1), units)).toBe('other');
    expect(reportRole(from(undefined, NOV, 1), units)).toBe('office');
  });
  it('a former lead’s report still counts, as the office’s record, after the task is reassigned', () => {
    const reassigned = task('2026年底前', { leads: [lead(HOUSING)] });
    const old = from(ECO, NOV, 45);
    expect(figureReport(taskReportUnits(reassigned), [old], DAY)?.entry.percent).toBe(45);
    expect(unitReported(HOUSING, taskReportUnits(reassigned), [old], NOV)).toBe(true);
    expect(unitReported(ECO, taskReportUnits(reassigned), [old], NOV)).toBe(false);
  });
  it('a unit no longer in the directory (merged, deleted) reads as the office’s record', () => {
    expect(reportRole(from('150627-dept-gone', NOV, 1), units, (id) => id !== '150627-dept-gone')).toBe('office');
  });
  it('a unit both leading and listed as participant is a lead', () => {
    const both = task('2026年底前', { leads: [lead(ECO)], participants: [part(ECO)] });
    expect(taskReportUnits(both).participants).toEqual([]);
  });
});

describe('the task’s figure (figureReport)', () => {
  it('a participating unit’s percentage never replaces the lead’s, in either order', () => {
    const leadReport = from(ECO, NOV, 85, { reportedAt: '2026-11-05T08:00:00.000+08:00' });
    const helper = from(INDUSTRY, NOV, 65, { reportedAt: '2026-11-06T08:00:00.000+08:00' });
    for (const entries of [[leadReport, helper], [helper, leadReport]]) {
      expect(figureReport(taskReportUnits(soloTask), entries, DAY)?.entry.percent).toBe(85);
      expect(taskStatus(soloTask, entries, DAY).reason).toContain('85%');
    }
  });
  it('a participant’s report alone gives the task no figure', () => {
    expect(figureReport(taskReportUnits(soloTask), [from(INDUSTRY, NOV, 65)], DAY)).toBeUndefined();
    expect(taskStatus(soloTask, [from(INDUSTRY, NOV, 65)], DAY).reason).toContain('当前进度0%');
  });
  it('a co-led task is as far as its slowest lead, whatever came in last', () => {
    const a = from(ECO, NOV, 85, { reportedAt: '2026-11-09T08:00:00.000+08:00' });
    const b = from(HOUSING, NOV, 60, { reportedAt: '2026-11-03T08:00:00.000+08:00' });
    const f = figureReport(taskReportUnits(coLed), [a, b], DAY);
    expect(f?.entry.percent).toBe(60);
    expect(f?.sources.map((s) => [s.departmentId, s.entry.percent])).toEqual([[ECO, 85], [HOUSING, 60]]);
  });
  it('within one unit the latest correction counts', () => {
    const first = from(ECO, NOV, 40, { reportedAt: '2026-11-02T08:00:00.000+08:00' });
    const fixed = from(ECO, NOV, 50, { reportedAt: '2026-11-08T08:00:00.000+08:00' });
    expect(figureReport(taskReportUnits(soloTask), [fixed, first], DAY)?.entry.percent).toBe(50);
  });
  it('the office’s record (代报) stands for a lead that sent nothing, not for one that did', () => {
    const office = from(undefined, NOV, 30);
    const eco = from(ECO, NOV, 70);
    const f = figureReport(taskReportUnits(coLed), [office, eco], DAY);
    expect(f?.sources.map((s) => [s.departmentId, s.entry.percent])).toEqual([[ECO, 70], [null, 30]]);
    expect(f?.entry.percent).toBe(30);
    expect(figureReport(taskReportUnits(soloTask), [office, eco], DAY)?.entry.percent).toBe(70);
  });
  it('the latest month with a lead’s report wins over an older month', () => {
    const oct = from(ECO, '2026-10', 90);
    const novHelper = from(INDUSTRY, NOV, 10);
    expect(figureReport(taskReportUnits(soloTask), [oct, novHelper], DAY)?.entry.period).toBe('2026-10');
  });
  it('at the same percent, 受阻 is the figure', () => {
    const a = from(ECO, NOV, 50, { status: 'in-progress' });
    const b = from(HOUSING, NOV, 50, { status: 'stalled' });
    expect(figureReport(taskReportUnits(coLed), [a, b], DAY)?.entry.status).toBe('stalled');
    expect(figureReport(taskReportUnits(coLed), [b, a], DAY)?.entry.status).toBe('stalled');
  });
  it('a lead’s claim of completion makes the task 待确认完成 with its day and evidence; a participant’s does not', () => {
    const claim = from(ECO, NOV, 100, { status: 'done', completionClaim: { date: '2026-11-20', evidence: '验收意见' } });
    const s = taskStatus(soloTask, [claim], DAY);
    expect(s).toMatchObject({ status: 'in-progress', awaitingCompletion: true });
    expect(s.reason).toContain('2026年11月20日');
    expect(s.reason).toContain('验收意见');
    const helperClaim = from(INDUSTRY, NOV, 100, { status: 'done', completionClaim: { date: '2026-11-20', evidence: '验收意见' } });
    expect(taskStatus(soloTask, [from(ECO, NOV, 80), helperClaim], DAY).awaitingCompletion).toBeUndefined();
  });

  it('never depends on the order of the entries (property)', () => {
    const units = [ECO, HOUSING, INDUSTRY, undefined];
    const entry = fc.record({ unit: fc.constantFrom(...units), percent: fc.integer({ min: 0, max: 99 }), month: fc.constantFrom('2026-10', NOV), at: fc.integer({ min: 1, max: 5 }), stalled: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), fc.integer(), (specs, seed) => {
        const entries = specs.map((s) => from(s.unit, s.month, s.percent, { reportedAt: `2026-11-0${s.at}T08:00:00.000+08:00`, status: s.stalled ? 'stalled' : 'in-progress' }));
        const shuffled = [...entries].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 7) || (seed % 2 ? a.id.localeCompare(b.id) : b.id.localeCompare(a.id)));
        const one = figureReport(taskReportUnits(coLed), entries, DAY);
        const two = figureReport(taskReportUnits(coLed), shuffled, DAY);
        expect(two?.entry.id).toBe(one?.entry.id);
        for (const u of [ECO, HOUSING, INDUSTRY]) expect(unitReported(u, taskReportUnits(coLed), shuffled, NOV)).toBe(unitReported(u, taskReportUnits(coLed), entries, NOV));
      }),
    );
  });
});

describe('已报 / 未报 (unitReported, subjectReported)', () => {
  const units = taskReportUnits(coLed);
  it('a participant’s row makes no lead 已报; it counts for the participant itself', () => {
    const helper = [from(INDUSTRY, NOV, 65)];
    expect(unitReported(ECO, units, helper, NOV)).toBe(false);
    expect(unitReported(HOUSING, units, helper, NOV)).toBe(false);
    expect(unitReported(INDUSTRY, units, helper, NOV)).toBe(true);
    expect(subjectReported(units, helper, NOV)).toBe(false);
  });
  it('a co-lead’s report makes only that lead 已报; the task is reported when both are', () => {
    const eco = [from(ECO, NOV, 50)];
    expect(unitReported(ECO, units, eco, NOV)).toBe(true);
    expect(unitReported(HOUSING, units, eco, NOV)).toBe(false);
    expect(subjectReported(units, eco, NOV)).toBe(false);
    expect(subjectReported(units, [...eco, from(HOUSING, NOV, 20)], NOV)).toBe(true);
  });
  it('the office’s record counts for every lead; a report of another month for none', () => {
    expect(subjectReported(units, [from(undefined, NOV, 10)], NOV)).toBe(true);
    expect(unitReported(INDUSTRY, units, [from(undefined, NOV, 10)], NOV)).toBe(false);
    expect(subjectReported(units, [from(ECO, '2026-10', 10), from(HOUSING, '2026-10', 10)], NOV)).toBe(false);
  });
  it('a task with no lead unit is reported by any report that is not a participant’s', () => {
    const noLead = taskReportUnits(task('2026年底前', { participants: [part(INDUSTRY)] }));
    expect(subjectReported(noLead, [from(INDUSTRY, NOV, 10)], NOV)).toBe(false);
    expect(subjectReported(noLead, [from(undefined, NOV, 10)], NOV)).toBe(true);
  });
  it('a project owes from its 责任单位; its 建设单位’s report gives the figure but is not the 责任单位’s', () => {
    const units = projectReportUnits({ responsibleUnitIds: [ECO], constructionUnitIds: [INDUSTRY] });
    const built = [from(INDUSTRY, NOV, 40, { subjectKind: 'project' })];
    expect(unitReported(ECO, units, built, NOV)).toBe(false);
    expect(figureReport(units, built, DAY)?.entry.percent).toBe(40);
  });
});

describe('the monthly checklist and the task list use the rule', () => {
  const tasks = [
    { ...soloTask, id: '150627-task-a', number: '1' },
    { ...coLed, id: '150627-task-b', number: '2' },
  ];
  const plan = (entries: ProgressEntry[]) => ({ tasks, projects: [], progress: entries, departments, leaders: [] });
  const on = (id: string, unit: string | undefined, percent: number, extra: Partial<ProgressEntry> = {}) => from(unit, NOV, percent, { subjectId: id, ...extra });

  it('departments that sent nothing stay 未报 though a participant or co-lead wrote rows', () => {
    const entries = [on('150627-task-a', INDUSTRY, 65), on('150627-task-b', ECO, 85), on('150627-task-b', INDUSTRY, 65)];
    const c = reportingChecklist(plan(entries), buildTaskRows(plan(entries), DAY), NOV);
    const byDept = new Map(c.byDepartment.map((d) => [d.departmentId, d.items.map((i) => `${i.id}:${i.reported ? '已报' : '未报'}`)]));
    expect(byDept.get(ECO)).toEqual(['150627-task-a:未报', '150627-task-b:已报']);
    expect(byDept.get(HOUSING)).toEqual(['150627-task-b:未报']);
    expect(byDept.has(INDUSTRY)).toBe(false);
    expect(c).toMatchObject({ expected: 2, reported: 0 });
  });
  it('a collective name (各成员单位) owes nothing itself: a task it alone leads is the office’s to report', () => {
    const ALL = '150627-dept-all';
    const collective = { ...plan([]), departments: [...departments, dept(ALL, '各成员单位')], tasks: [{ ...soloTask, id: '150627-task-c', leads: [lead(ALL)], participants: [] }] };
    const before = reportingChecklist(collective, buildTaskRows(collective, DAY), NOV);
    expect(before.byDepartment.map((d) => d.departmentId)).toEqual(['']);
    const after = { ...collective, progress: [on('150627-task-c', undefined, 20)] };
    expect(reportingChecklist(after, buildTaskRows(after, DAY), NOV)).toMatchObject({ expected: 1, reported: 1 });
  });
  it('an older entry that names the department only in 填报单位/人 is that department’s (alias too)', () => {
    const entries = [on('150627-task-a', undefined, 65, { reportedBy: '旗工信局' }), on('150627-task-b', undefined, 40, { reportedBy: '旗住房和城乡建设局' })];
    const rows = buildTaskRows(plan(entries), DAY);
    expect(rows[0].latest).toBeUndefined();
    expect(rows[1].figure?.sources.map((s) => s.departmentId)).toEqual([HOUSING]);
    const c = reportingChecklist(plan(entries), rows, NOV);
    expect(c.byDepartment.find((d) => d.departmentId === ECO)?.items.every((i) => !i.reported)).toBe(true);
  });
});
