import { buildTaskRows, filterTasks } from '../../shared/views/task-query';
import { assessmentYear, countByStatus, investmentSummary } from '../../shared/views/aggregations';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportingChecklist } from '../../shared/views/reporting';
import { buildProjectRows } from '../../shared/views/project-query';
import { parseDeadline } from '../../shared/domain/parse-deadline';
import { mergeDepartmentPatches } from '../../shared/views/department-merge';
import type { Department } from '../../shared/domain/department';
import type { Project } from '../../shared/domain/project';
import { progress, task } from '../support/factories';

// Synthetic plan for logic tests (generated, not from any document).
const dept = (id: string, name: string): Department => ({ id, officeCode: '150627', name, aliases: [], kind: 'department' });
const departments = [dept('eco', '生态环境局'), dept('agri', '农牧局'), dept('eco2', '环境局')];
const leaders = [{ id: 'L1', officeCode: '150627', name: '张三', title: '副旗长', departmentIds: ['eco'] }];
const tasks = [
  task('2025年底前', { id: 'a', domain: 'industrial', title: '尾矿综合利用', leads: [{ departmentId: 'eco' }], participants: [{ departmentId: 'agri', role: '参与' }], leaderIds: ['L1'] }),
  task('持续推进', { id: 'b', domain: 'agricultural', domainLabel: '农业固体废物', title: '秸秆还田', leads: [{ departmentId: 'agri' }], participants: [{ departmentId: 'eco2', role: '配合' }] }),
  task('2023年底前', { id: 'c', domain: 'industrial', title: '清洁生产审核', leads: [{ departmentId: 'eco2' }], participants: [] }),
];
const project = (id: string, planned: string, status: Project['constructionStatus'], unit: string): Project => ({
  id,
  officeCode: '150627',
  number: id,
  order: 0,
  name: `项目${id}`,
  content: '',
  constructionUnitIds: [unit],
  responsibleUnitIds: [],
  plannedInvestment: planned,
  period: null,
  deadline: null,
  area: null,
  benefit: null,
  constructionStatus: status,
  source: { file: 'user', section: '测试' },
});
const projects = [project('p1', '1000', 'under-construction', 'eco'), project('p2', '500.5', 'in-operation', 'agri')];
const entries = [
  progress('2024-04', 30, { subjectId: 'a', thisMonth: '完成尾矿库排查' }),
  progress('2024-05', 50, { subjectId: 'a', thisMonth: '签订利用协议' }),
  progress('2024-05', 20, { subjectId: 'b' }),
  progress('2024-05', 40, { subjectId: 'p1', subjectKind: 'project', investmentToDate: '400' }),
  progress('2024-03', 100, { subjectId: 'p2', subjectKind: 'project', investmentToDate: '500.5' }),
];
const plan = { tasks, progress: entries, departments, leaders, projects };
const rows = buildTaskRows(plan, '2024-06-10');
const ids = (list: { task: { id: string } }[]) => list.map((r) => r.task.id);

describe('task filters', () => {
  it('filters by domain, department role, leader, status and deadline year', () => {
    expect(ids(filterTasks(rows, { domains: ['industrial'] }))).toEqual(['a', 'c']);
    expect(ids(filterTasks(rows, { departmentId: 'agri', departmentRole: 'lead' }))).toEqual(['b']);
    expect(ids(filterTasks(rows, { departmentId: 'agri', departmentRole: 'participant' }))).toEqual(['a']);
    expect(ids(filterTasks(rows, { departmentId: 'agri' }))).toEqual(['a', 'b']);
    expect(ids(filterTasks(rows, { leaderId: 'L1' }))).toEqual(['a']);
    expect(ids(filterTasks(rows, { statuses: ['overdue'] }))).toEqual(['c']);
    expect(ids(filterTasks(rows, { deadlineYear: 2025 }))).toEqual(['a']);
    expect(ids(filterTasks(rows, { deadlineYear: 'open' }))).toEqual(['b']);
  });

  it('finds tasks with no report for a period', () => {
    expect(ids(filterTasks(rows, { missingPeriod: '2024-05' }))).toEqual(['c']);
    expect(ids(filterTasks(rows, { missingPeriod: '2024-04' }))).toEqual(['b', 'c']);
  });

  it('searches title, summary, units and every report, all words required', () => {
    expect(ids(filterTasks(rows, { text: '利用协议' }))).toEqual(['a']);
    expect(ids(filterTasks(rows, { text: '排查' }))).toEqual(['a']);
    expect(ids(filterTasks(rows, { text: '环境局 秸秆' }))).toEqual(['b']);
    expect(ids(filterTasks(rows, { text: '不存在的词' }))).toEqual([]);
  });

  it('keeps the latest report and the history newest first', () => {
    expect(rows[0].latest?.percent).toBe(50);
    expect(rows[0].history.map((h) => h.period)).toEqual(['2024-05', '2024-04']);
  });
});

describe('aggregations', () => {
  it('counts tasks by status', () => {
    expect(countByStatus(rows)).toEqual({ 'not-started': 0, 'in-progress': 2, 'at-risk': 0, overdue: 1, done: 0 });
  });

  it('sums investment exactly, by status and by unit', () => {
    const s = investmentSummary(projects, entries, '2024-05');
    expect(s).toMatchObject({ planned: '1500.5', completed: '900.5', percent: 60 });
    expect(s.byStatus.find((b) => b.status === 'under-construction')).toMatchObject({ count: 1, planned: '1000', completed: '400' });
    expect(s.byUnit.find((b) => b.unitId === 'agri')).toMatchObject({ count: 1, completed: '500.5' });
    expect(investmentSummary(projects, entries, '2024-04').completed).toBe('500.5');
  });

  it('sums 本年完成投资 from each project’s latest report when that report is of the year asked', () => {
    const more = [
      ...entries,
      progress('2023-12', 80, { subjectId: 'p1', subjectKind: 'project', investmentToDate: '300', investmentThisYear: '300' }),
      progress('2024-05', 40, { subjectId: 'p1', subjectKind: 'project', investmentToDate: '400', investmentThisYear: '100.25' }),
      progress('2024-03', 100, { subjectId: 'p2', subjectKind: 'project', investmentToDate: '500.5', investmentThisYear: '0.5' }),
    ];
    expect(investmentSummary(projects, more, '2024-05').completedThisYear).toBe('100.75');
    // In 2023 only p1's December report counts; in January 2025 no report is of that year yet.
    expect(investmentSummary(projects, more, '2023-12').completedThisYear).toBe('300');
    expect(investmentSummary(projects, more, '2025-01').completedThisYear).toBe('0');
  });

  it('lists what each department still owes for a period', () => {
    const c = reportingChecklist(plan, rows, '2024-05');
    // Owing: tasks a, b, c and project p1 (p2 is in operation); reported: a, b, p1.
    expect(c).toMatchObject({ expected: 4, reported: 3, coverage: 75 });
    expect(c.missingByDepartment).toEqual([{ departmentId: 'eco2', items: [{ kind: 'task', id: 'c', label: '工业固体废物 1 清洁生产审核' }] }]);
  });

  it('lists every owed item per department, reported or not, most missing first', () => {
    const c = reportingChecklist(plan, rows, '2024-05');
    expect(c.byDepartment[0]).toEqual({ departmentId: 'eco2', items: [{ kind: 'task', id: 'c', label: '工业固体废物 1 清洁生产审核', reported: false }] });
    expect(c.byDepartment.flatMap((d) => d.items).filter((i) => i.reported).map((i) => i.id).sort()).toEqual(['a', 'b', 'p1']);
  });

  it('still expects a report on a task an older version recorded as 100 % without its completion', () => {
    const old = { ...plan, progress: [...entries, progress('2024-04', 100, { subjectId: 'c' })] };
    const oldRows = buildTaskRows(old, '2024-06-10');
    expect(reportingChecklist(old, oldRows, '2024-05')).toMatchObject({ expected: 4, reported: 3 });
    const completed = { ...old, tasks: old.tasks.map((t) => (t.id === 'c' ? { ...t, completion: { date: '2024-04-20', evidence: '审核报告' } } : t)) };
    expect(reportingChecklist(completed, buildTaskRows(completed, '2024-06-10'), '2024-05')).toMatchObject({ expected: 3, reported: 3 });
  });

  it('owes no report for a project an earlier report said was done, as for a task', () => {
    const p3 = project('p3', '10', 'under-construction', 'eco');
    const withP3 = { ...plan, projects: [...projects, p3], progress: [...entries, progress('2024-03', 100, { subjectId: 'p3', subjectKind: 'project' })] };
    expect(reportingChecklist(withP3, rows, '2024-05')).toMatchObject({ expected: 4, reported: 3 });
    expect(reportingChecklist(withP3, rows, '2024-03')).toMatchObject({ expected: 5 });
  });

  it('judges each project row like a task and counts them by status', () => {
    const due = { ...project('p4', '10', 'not-started', 'eco'), deadline: parseDeadline('2024年6月底') };
    const list = buildProjectRows({ ...plan, projects: [...projects, due] }, '2024-05', '2024-07-01');
    expect(list.map((r) => r.status.status)).toEqual(['in-progress', 'done', 'overdue']);
    expect(list[2].status.reason).toBe('已超过完成时限（2024年6月30日），仍未开工');
    expect(countByStatus(list)).toMatchObject({ overdue: 1, done: 1, 'in-progress': 1 });
    // Without a day, the status is judged on the period's last day.
    expect(buildProjectRows({ ...plan, projects: [due] }, '2024-06')[0].status.status).toBe('at-risk');
  });
});

describe('merging departments', () => {
  it('moves every reference to the kept department and keeps the old name as an alias', () => {
    const patches = mergeDepartmentPatches({ ...plan, indicators: [] }, 'eco', 'eco2');
    const byId = new Map(patches.map((p) => [p.id, p.patch]));
    expect(byId.get('b')).toEqual({ leads: [{ departmentId: 'agri' }], participants: [{ departmentId: 'eco', role: '配合' }] });
    expect(byId.get('c')).toEqual({ leads: [{ departmentId: 'eco' }], participants: [] });
    expect(byId.get('eco')).toEqual({ aliases: ['环境局'] });
    expect(byId.has('a')).toBe(false);
  });

  it('never lists a lead unit as its own helper after a merge', () => {
    const patches = mergeDepartmentPatches({ ...plan, indicators: [] }, 'eco', 'agri');
    const a = patches.find((p) => p.id === 'a')?.patch;
    expect(a).toEqual({ leads: [{ departmentId: 'eco' }], participants: [] });
  });

  it('refuses to merge a department with itself', () => {
    expect(() => mergeDepartmentPatches({ ...plan, indicators: [] }, 'eco', 'eco')).toThrow('自身');
  });
});

describe('assessmentYear', () => {
  const seed = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
  it('judges a period inside the plan against its own year', () => {
    expect(assessmentYear(seed.indicators, '2024-06')).toBe(2024);
  });
  it('keeps judging against the last target year once the plan period is over', () => {
    expect(assessmentYear(seed.indicators, '2026-11')).toBe(2025);
  });
  it('falls back to the period year when no indicator has a target', () => {
    expect(assessmentYear([], '2026-11')).toBe(2026);
  });
});
