import { buildTaskRows, filterTasks } from '../../shared/views/task-query';
import { countByStatus } from '../../shared/views/aggregations';
import { reportingChecklist } from '../../shared/views/reporting';
import { syntheticDepartments, syntheticProgress, syntheticTasks } from '../support/synthetic';

// Behaviour at 10,000 tasks (timings live in `npm run bench`).
describe('a 10,000-task ledger (synthetic)', () => {
  const departments = syntheticDepartments('150627', 40);
  const tasks = syntheticTasks('150627', 10_000, departments);
  const progress = syntheticProgress(tasks, ['2024-03', '2024-04', '2024-05']);
  const rows = buildTaskRows({ tasks, progress, departments, leaders: [] }, '2024-06-10');

  it('derives a status for every task and the counts add up', () => {
    const counts = countByStatus(rows);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('search and filters agree with a direct scan', () => {
    const hits = filterTasks(rows, { text: '尾矿', domains: ['industrial'] });
    const expected = rows.filter((r) => r.task.domain === 'industrial' && r.searchText.includes('尾矿'));
    expect(hits.map((h) => h.task.id)).toEqual(expected.map((e) => e.task.id));
    expect(hits.length).toBeGreaterThan(0);
  });

  it('the monthly checklist accounts for every owing task', () => {
    const c = reportingChecklist({ projects: [], progress, departments }, rows, '2024-05');
    const missing = new Set(c.missingByDepartment.flatMap((g) => g.items.map((i) => i.id)));
    expect(c.expected - c.reported).toBe(missing.size);
  });
});
