/**
 * Performance figures, printed. `npm run bench`. Synthetic data only (test/support/synthetic.ts).
 * Targets: derive statuses for 10,000 tasks < 500 ms; a search over them < 50 ms;
 * a reload of the seeded plan shows 工作总览 < 1.5 s; the browser shows a 10,000-task list < 3 s after load and answers a search keystroke < 300 ms;
 * a 10,000-task bundle is created and verified in < 5 s each and merged in < 3 s.
 */
import { performance } from 'node:perf_hooks';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildTaskRows, filterTasks } from '../shared/ledger/task-query';
import { countByStatus } from '../shared/ledger/aggregations';
import { reportingChecklist } from '../shared/ledger/reporting';
import { syntheticDepartments, syntheticProgress, syntheticTasks } from '../test/support/synthetic';
import { benchBrowser } from './bench-browser';
import { createBundle } from '../shared/exchange/bundle-format';
import { generateIdentity } from '../shared/exchange/identity';
import { verifyBundle } from '../shared/exchange/verify';
import { mergeTables } from '../shared/exchange/merge';
import { emptyTables, type StoredRecord } from '../shared/exchange/records';
import { formatStamp } from '../shared/sync/hlc';
import { stampAll } from '../shared/sync/stamped';
import type { Task } from '../shared/domain/task';
import type { ProgressEntry } from '../shared/domain/progress';
import type { Department } from '../shared/domain/department';

/** The script a window parses before it shows anything: the entry chunk of the built renderer. */
function printStartupScript(): void {
  const dir = 'dist/renderer';
  if (!existsSync(join(dir, 'index.html'))) return;
  const entry = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))?.[1];
  if (!entry) return;
  const chunks = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  const mb = (f: string) => (statSync(join(dir, 'assets', f)).size / 1024 / 1024).toFixed(2);
  const excel = chunks.find((f) => f.startsWith('xlsx-chunk'));
  console.log(`start-up script ${entry}: ${(statSync(join(dir, entry)).size / 1024 / 1024).toFixed(2)} MB${excel ? `; Excel chunk (loaded on first use) ${mb(excel)} MB` : ''}`);
}

interface Figure {
  name: string;
  ms: number;
  target: number;
}

/** A county's year of work as a bundle: sign, verify and merge it into a copy that has half of it. */
async function exchangeFigures(tasks: Task[], progress: ProgressEntry[], departments: Department[]): Promise<Figure[]> {
  const stamp = formatStamp(Date.UTC(2024, 6, 1), 0, 'benchA');
  const tables = {
    ...emptyTables(),
    departments: departments.map((d) => stampAll(d, stamp) as unknown as StoredRecord),
    tasks: tasks.map((t) => stampAll(t, stamp) as unknown as StoredRecord),
    progress: progress.map((p) => stampAll(p, stamp) as unknown as StoredRecord),
  };
  const identity = await generateIdentity();
  // 50 times a real plan: past the default limits (shared/exchange/limits.ts), so raised here.
  const limits = { maxPayloadBytes: 64 * 1024 * 1024, maxValues: 8_000_000 };
  const options = { records: tables, identity, officeCode: '150627', deviceId: 'benchA', sequence: 1, period: '2024-06', kind: 'snapshot' as const, now: new Date(), limits };
  const bytes = await createBundle(options);
  const trust = [{ officeCode: '150627', publicKey: identity.publicKey }];
  const half = { ...emptyTables(), tasks: tables.tasks.slice(0, tasks.length / 2), progress: tables.progress.slice(0, progress.length / 2) };
  console.log(`bundle: ${tasks.length} tasks, ${progress.length} reports → ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
  return [
    await time('bundle create (sign + gzip), 10,000 tasks', 5000, () => createBundle(options), 3),
    await time('bundle verify (all checks), 10,000 tasks', 5000, () => verifyBundle(bytes, { trust, limits }), 3),
    await time('merge into a copy holding half of it', 3000, () => mergeTables(half, tables), 3),
  ];
}

/** Median of `repeat` runs after one warm-up; `fn` may return a promise, which is awaited. */
async function time(name: string, target: number, fn: () => unknown, repeat = 5): Promise<Figure> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
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
    await time('buildTaskRows: 10,000 tasks, 42k reports', 500, () => buildTaskRows(plan, '2024-07-10')),
    await time('search "秸秆 综合利用" over 10,000 tasks', 50, () => filterTasks(rows, { text: '秸秆 综合利用' })),
    await time('filter by domain + status', 20, () => filterTasks(rows, { domains: ['industrial'], statuses: ['overdue', 'at-risk'] })),
    await time('countByStatus', 10, () => countByStatus(rows)),
    await time('reportingChecklist for a month', 100, () => reportingChecklist({ projects: [], progress, departments }, rows, '2024-06')),
  ];
  figures.push(...(await exchangeFigures(tasks, progress, departments)));
  if (!process.argv.includes('--node-only')) figures.push(...(await benchBrowser(10_000)));
  printStartupScript();
  console.log('\nfigure                                              median ms   target ms');
  for (const f of figures) console.log(`${f.name.padEnd(52)}${f.ms.toFixed(1).padStart(9)}${String(f.target).padStart(12)}${f.ms > f.target ? '   OVER TARGET' : ''}`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
