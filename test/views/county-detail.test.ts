import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedPlan } from '../../shared/seed/load-seed';
import { countyIndicators, monthLines } from '../../shared/views/county-detail';
import type { PlanData } from '../../shared/views/plan-data';
import type { ProgressEntry } from '../../shared/domain/progress';
import { progress } from '../support/factories';

/** The city's drill-in to one county office: the month's reports by the reporting rule, and the indicators' standing. */
const records = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../../seeds/150627-yijinhuoluo.json'), 'utf8')));
const yiqi = (extra: ProgressEntry[] = []): PlanData => ({ ...records, progress: extra, indicatorValues: [] });
const PERIOD = '2025-05';
const TODAY = '2025-06-10';

describe('a county office drilled into at the city', () => {
  const task = records.tasks.find((t) => t.leads.length === 1 && !t.completion)!;
  const project = records.projects.find((p) => p.constructionUnitIds.length + p.responsibleUnitIds.length > 0)!;
  const unit = [...project.constructionUnitIds, ...project.responsibleUnitIds][0];

  it('lists the month’s reports of tasks and projects, not earlier months, and overdue work without one', () => {
    const plan = yiqi([
      progress(PERIOD, 40, { subjectId: task.id, departmentId: task.leads[0].departmentId, thisMonth: '本月推进' }),
      progress('2025-04', 20, { subjectKind: 'project', subjectId: project.id, departmentId: unit, thisMonth: '上月' }),
    ]);
    const lines = monthLines(plan, PERIOD, TODAY);
    const reported = lines.filter((l) => l.report);
    expect(reported.map((l) => [l.kind, l.id, l.report?.thisMonth])).toEqual([['task', task.id, '本月推进']]);
    // Everything else listed is overdue and has no report this month.
    for (const l of lines.filter((x) => !x.report)) expect(l.status.status).toBe('overdue');
    expect(lines.find((l) => l.id === project.id)?.report).toBeUndefined();

    const withProject = monthLines(yiqi([progress(PERIOD, 60, { subjectKind: 'project', subjectId: project.id, departmentId: unit, thisMonth: '主体完工' })]), PERIOD, TODAY);
    const line = withProject.find((l) => l.id === project.id);
    expect(line).toMatchObject({ kind: 'project', group: '项目', title: `${project.number} ${project.name}` });
    expect(line?.report?.percent).toBe(60);
  });

  it('judges every indicator against the period’s assessment year', () => {
    const { year, standings } = countyIndicators(yiqi(), PERIOD);
    expect(year).toBe(2025);
    expect(standings).toHaveLength(records.indicators.length);
    expect(standings.every((s) => s.result.attainment === 'no-data' || s.result.attainment === 'needs-judgement')).toBe(true);
  });
});
