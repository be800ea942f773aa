import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { scopeToPlan } from '../../shared/views/plan-scope';
import { dashboard } from '../../shared/views/dashboard';
import type { PlanData } from '../../shared/views/plan-data';

const records = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const all: PlanData = { ...records, progress: [], indicatorValues: [] };
const plan = scopeToPlan(all, all.office.currentPlanId);

describe('工作总览 computed in the core', () => {
  it('counts the tasks by status, and the lists behind the counts agree with them', () => {
    const d = dashboard(plan, '2026-11', '2026-11-20');
    const f = d.figures;
    expect(f.tasks).toBe(83);
    expect(f.tasksDone + f.tasksOverdue + f.tasksAtRisk).toBeLessThanOrEqual(f.tasks);
    expect(d.overdueTasks).toHaveLength(f.tasksOverdue);
    expect(d.atRiskTasks).toHaveLength(f.tasksAtRisk);
    expect(d.overdueTasks.every((r) => r.status.status === 'overdue')).toBe(true);
    expect(d.byDomain.reduce((n, x) => n + Object.values(x.counts).reduce((a, b) => a + b, 0), 0)).toBe(83);
    expect(f.projects).toBe(11);
    expect(d.overdueProjects).toHaveLength(f.projectsOverdue);
    expect(d.atRiskProjects).toHaveLength(f.projectsAtRisk);
  });

  it('with nothing reported: no coverage, no investment, every indicator without data', () => {
    const f = dashboard(plan, '2026-11', '2026-11-20').figures;
    expect(f.reportingCoverage).toBe(0);
    expect(f.investmentPercent).toBe(0);
    expect(f.investmentCompleted).toBe('0');
    expect(f.indicatorsNoData).toBe(50);
    expect(f.indicatorsBehind).toBe(0);
  });

  it('later days make more tasks overdue, never fewer (no report comes in between)', () => {
    const early = dashboard(plan, '2024-01', '2024-01-10').figures.tasksOverdue;
    const late = dashboard(plan, '2030-01', '2030-01-10').figures.tasksOverdue;
    expect(late).toBeGreaterThan(early);
    expect(late).toBe(dashboard(plan, '2030-01', '2030-01-10').overdueTasks.length);
  });

  it('counts a report the month it came: coverage and investment move', () => {
    const project = plan.projects.find((p) => p.plannedInvestment);
    const task = plan.tasks[0];
    const at = '2026-11-05T02:00:00.000Z';
    const reported: PlanData = {
      ...plan,
      progress: [
        { id: '150627-pe-t', officeCode: '150627', subjectKind: 'task', subjectId: task.id, period: '2026-11', percent: 50, status: 'in-progress', thisMonth: '推进', problems: '', nextSteps: '', reportedBy: '', reportedAt: at, deviceId: 'd' },
        ...(project ? [{ id: '150627-pe-p', officeCode: '150627', subjectKind: 'project' as const, subjectId: project.id, period: '2026-11', percent: 50, status: 'in-progress' as const, thisMonth: '施工', problems: '', nextSteps: '', investmentToDate: '100', reportedBy: '', reportedAt: at, deviceId: 'd' }] : []),
      ],
    };
    const f = dashboard(reported, '2026-11', '2026-11-20').figures;
    expect(f.reportingCoverage).toBeGreaterThan(0);
    expect(f.investmentCompleted).toBe(project ? '100' : '0');
  });
});
