/**
 * Performance figures, printed with their targets (达标 met / 未达标 not met) and written to
 * test-results/bench.json. `npm run bench`; `BENCH_QUICK=1` scales everything down; `--node-only`
 * leaves out the browser. A missed target is printed, never a failure. Synthetic data and the
 * seeded plans only (test/support/synthetic.ts, scripts/bench-data.ts).
 *
 * - the ledger's own figures over 10,000 tasks (derive, search, checklist; bundle create/verify/merge)
 * - the browser (scripts/bench-browser.ts): start-up, a 10,000-task list, search, scrolling
 * - import speed (scripts/bench-import.ts, issue 29), one Chromium, a fresh origin per case: the
 *   IndexedDB floor, Dexie, the app's import split, PouchDB, verify against its floor
 * - the province (scripts/bench-province.ts): 100 offices into one workspace, memory and PGlite
 */
import { performance } from 'node:perf_hooks';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { buildTaskRows, filterTasks } from '../shared/views/task-query';
import { countByStatus } from '../shared/views/aggregations';
import { reportingChecklist } from '../shared/views/reporting';
import { syntheticDepartments, syntheticProgress, syntheticTasks } from '../test/support/synthetic';
import { benchBrowser } from './bench-browser';
import { benchImport } from './bench-import';
import { benchProvince } from './bench-province';
import { printFigures, within, type Figure } from './bench-report';
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

const QUICK = process.env.BENCH_QUICK === '1';
const SCALE = {
  tasks: QUICK ? 2_000 : 10_000,
  /** Runs per browser import case (each on a fresh origin); the median is printed. */
  runs: QUICK ? 1 : 3,
  offices: QUICK ? 20 : 100,
};

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

const LEDGER = `ledger in Node (${SCALE.tasks.toLocaleString()} synthetic tasks)`;

/** An office's year of work as a bundle: sign, verify and merge it into a copy that has half of it. */
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
    await time('bundle create (sign + gzip)', 5000, () => createBundle(options), 3),
    await time('bundle verify (all checks)', 5000, () => verifyBundle(bytes, { trust, limits }), 3),
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
  return within(LEDGER, name, samples[Math.floor(samples.length / 2)], target);
}

async function main(): Promise<void> {
  const started = Date.now();
  const nodeOnly = process.argv.includes('--node-only');
  console.log(`bench${QUICK ? ' (BENCH_QUICK=1: scaled down)' : ''} on ${cpus().length} cores: ${JSON.stringify(SCALE)}`);
  const departments = syntheticDepartments('150627', 40);
  const tasks = syntheticTasks('150627', SCALE.tasks, departments);
  const progress = syntheticProgress(tasks, ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
  const plan = { tasks, progress, departments, leaders: [] };
  const rows = buildTaskRows(plan, '2024-07-10');
  const figures: Figure[] = [
    await time('buildTaskRows (tasks + reports)', 500, () => buildTaskRows(plan, '2024-07-10')),
    await time('search "秸秆 综合利用"', 50, () => filterTasks(rows, { text: '秸秆 综合利用' })),
    await time('filter by domain + status', 20, () => filterTasks(rows, { domains: ['industrial'], statuses: ['overdue', 'at-risk'] })),
    await time('countByStatus', 10, () => countByStatus(rows)),
    await time('reportingChecklist for a month', 100, () => reportingChecklist({ projects: [], progress, departments }, rows, '2024-06')),
  ];
  figures.push(...(await exchangeFigures(tasks, progress, departments)));
  if (!nodeOnly) {
    const ui = await benchBrowser(SCALE.tasks);
    figures.push(...ui.map((f) => within('browser UI (built renderer, seeded plan)', f.name.replace(/^browser: /, ''), f.ms, f.target)));
    figures.push(...(await benchImport({ taskCount: SCALE.tasks, runs: SCALE.runs })));
  }
  figures.push(...(await benchProvince(SCALE.offices)));
  printStartupScript();
  printFigures(figures);
  const seconds = (Date.now() - started) / 1000;
  console.log(`bench took ${seconds.toFixed(0)} s`);
  mkdirSync('test-results', { recursive: true });
  const out = { at: new Date().toISOString(), quick: QUICK, scale: SCALE, cores: cpus().length, seconds, figures };
  writeFileSync('test-results/bench.json', `${JSON.stringify(out, null, 2)}\n`);
  console.log('written: test-results/bench.json');
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
