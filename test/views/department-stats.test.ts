import { departmentStats, leaderTaskCount, projectsOfDepartment } from '../../shared/views/department-stats';
import { buildTaskRows } from '../../shared/views/task-query';
import type { Department } from '../../shared/domain/department';
import type { Project } from '../../shared/domain/project';
import { task } from '../support/factories';

// Synthetic plan (generated, not from any document).
const dept = (id: string, name: string): Department => ({ id, officeCode: '150627', name, aliases: [], kind: 'department' });
const departments = [dept('eco', '生态环境局'), dept('agri', '农牧局'), dept('water', '水利局')];
const project = (id: string, construction: string[], responsible: string[]): Project => ({
  id,
  officeCode: '150627',
  number: id,
  order: 0,
  name: `项目${id}`,
  content: '',
  constructionUnitIds: construction,
  responsibleUnitIds: responsible,
  plannedInvestment: null,
  period: null,
  deadline: null,
  area: null,
  benefit: null,
  constructionStatus: 'not-started',
  source: { file: 'user', section: '测试' },
});
const projects = [project('p1', ['eco'], []), project('p2', ['agri'], ['eco']), project('p3', ['eco'], ['eco'])];
const tasks = [
  task('2023年底前', { id: 'late', leads: [{ departmentId: 'eco' }], participants: [{ departmentId: 'agri', role: '参与' }], leaderIds: ['L1'] }),
  task('2030年底前', { id: 'open', leads: [{ departmentId: 'agri' }], participants: [{ departmentId: 'eco', role: '配合' }], leaderIds: ['L1', 'L2'] }),
  task('2030年底前', { id: 'solo', leads: [{ departmentId: 'eco' }], participants: [] }),
];
const rows = buildTaskRows({ tasks, progress: [], departments, leaders: [] }, '2024-06-10');
const ids = (list: { task: { id: string } }[]) => list.map((r) => r.task.id);
const stats = departmentStats({ departments, projects }, rows);
const of = (id: string) => stats.find((s) => s.department.id === id)!;

describe('per-department statistics', () => {
  it('has one entry per department, in directory order, including idle ones', () => {
    expect(stats.map((s) => s.department.id)).toEqual(['eco', 'agri', 'water']);
    expect(of('water')).toMatchObject({ lead: [], participant: [], overdue: [], projects: [] });
  });
  it('lists the tasks a department leads and the ones it helps with', () => {
    expect(ids(of('eco').lead)).toEqual(['late', 'solo']);
    expect(ids(of('eco').participant)).toEqual(['open']);
    expect(ids(of('agri').lead)).toEqual(['open']);
    expect(ids(of('agri').participant)).toEqual(['late']);
  });
  it('counts overdue tasks whether led or helped with', () => {
    expect(rows.find((r) => r.task.id === 'late')!.status.status).toBe('overdue');
    expect(ids(of('eco').overdue)).toEqual(['late']);
    expect(ids(of('agri').overdue)).toEqual(['late']);
  });
  it('counts a task twice when the department is listed both as lead and as helper', () => {
    const both = task('2023年底前', { id: 'both', leads: [{ departmentId: 'water' }], participants: [{ departmentId: 'water', role: '参与' }] });
    const r = buildTaskRows({ tasks: [both], progress: [], departments, leaders: [] }, '2024-06-10');
    expect(ids(departmentStats({ departments, projects: [] }, r)[2].overdue)).toEqual(['both', 'both']);
  });
  it('takes the projects a department builds or is responsible for, each once', () => {
    expect(of('eco').projects.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(of('agri').projects.map((p) => p.id)).toEqual(['p2']);
    expect(projectsOfDepartment(projects, 'water')).toEqual([]);
  });
});

describe('tasks per leader', () => {
  it('counts the tasks that name the leader', () => {
    expect(leaderTaskCount(tasks, { id: 'L1' })).toBe(2);
    expect(leaderTaskCount(tasks, { id: 'L2' })).toBe(1);
    expect(leaderTaskCount(tasks, { id: 'L3' })).toBe(0);
  });
});
