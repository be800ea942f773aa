/**
 * Performance figures, printed. `npm run bench`. Synthetic data only (test/support/synthetic.ts).
 * Targets: derive statuses for 10,000 tasks < 500 ms; a search over them < 50 ms;
 * the browser shows a 10,000-task list < 3 s after load and answers a search keystroke < 300 ms.
 */
import { performance } from 'node:perf_hooks';
import { buildTaskRows, filterTasks } from '../shared/ledger/task-query';
import { countByStatus } from '../shared/ledger/aggregations';
import { reportingChecklist } from '../shared/ledger/reporting';
import { syntheticDepartments, syntheticProgress, syntheticTasks } from '../test/support/synthetic';
import { benchBrowser } from './bench-browser';

interface Figure {
  name: string;
  ms: number;
  target: number;
}

function time(name: string, target: number, fn: () => unknown, repeat = 5): Figure {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { name, ms: samples[Math.floor(samples.length / 2)], target };
}

async function main(): Promise<void> {
  const departments = syntheticDepartments('150627', 40);
  const tasks = syntheticTasks('150627', 10_000, departments);
  const progress = syntheticProgress(tasks, ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
  const plan = { tasks, progress, departments, leaders: [] };
  const rows = buildTaskRows(plan, '2024-07-10');
  const figures: Figure[] = [
    time('buildTaskRows: 10,000 tasks, 42k reports', 500, () => buildTaskRows(plan, '2024-07-10')),
    time('search "秸秆 综合利用" over 10,000 tasks', 50, () => filterTasks(rows, { text: '秸秆 综合利用' })),
    time('filter by domain + status', 20, () => filterTasks(rows, { domains: ['industrial'], statuses: ['overdue', 'at-risk'] })),
    time('countByStatus', 10, () => countByStatus(rows)),
    time('reportingChecklist for a month', 100, () => reportingChecklist({ projects: [], progress }, rows, '2024-06')),
  ];
  if (!process.argv.includes('--node-only')) figures.push(...(await benchBrowser(10_000)));
  console.log('\nfigure                                              median ms   target ms');
  for (const f of figures) console.log(`${f.name.padEnd(52)}${f.ms.toFixed(1).padStart(9)}${String(f.target).padStart(12)}${f.ms > f.target ? '   OVER TARGET' : ''}`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
