/**
 * One storage case of the province bench (scripts/bench-province.ts): the offices' bundles
 * imported one after another into one workspace through the services zwc runs (prepareImport +
 * applyImport), each file checked as its own city checks it; then every city's overview
 * (cityOverview) and one consolidated workbook (shared/xlsx/city.ts) over all the offices. Run in a
 * process of its own (scripts/bench-province-child.ts), as each browser case runs on a fresh origin.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { receiverOf } from '../shared/exchange/rules';
import { openWorkspace, type Workspace } from '../shared/app/workspace';
import { setUpWorkspace } from '../shared/app/setup/setup';
import { MemoryStorage } from '../shared/app/memory-storage';
import type { StoragePort } from '../shared/app/storage';
import { cityOverview, readCityData } from '../shared/app/city/city-overview-service';
import { countySummaries, type CountySummary } from '../shared/views/city-overview';
import type { PlanData } from '../shared/views/plan-data';
import { exportCityWorkbook } from '../shared/xlsx/city';
import { writeWorkbook } from '../shared/xlsx/workbook';
import { loadSeedPlan } from '../shared/seed/load-seed';
import { chinaToday } from '../shared/domain/time';
import { closeCliStorage, openCliStorage } from '../cli/storage/open';
import { BUNDLE_PERIOD } from './bench-data';
import { plain, within, type Figure } from './bench-report';

/** One county office's signed bundle, with what its city needs to trust it. */
export interface OfficeFile {
  code: string;
  name: string;
  parentCode: string;
  publicKey: string;
  data: Uint8Array;
}

export type ProvinceCase = 'memory' | 'pglite';

async function cityWorkspace(storage: StoragePort, files: readonly OfficeFile[]): Promise<Workspace> {
  const ws = await openWorkspace(storage, { random: (k) => new Uint8Array(randomBytes(k)) });
  const city = loadSeedPlan(JSON.parse(readFileSync(join(__dirname, '../seeds/150600-ordos.json'), 'utf8')));
  await setUpWorkspace(ws, city, 'empty', new Date());
  for (const f of files) await ws.trust.trust({ officeCode: f.code, publicKey: f.publicKey }, new Date());
  return ws;
}

/** Imports every file in turn; the time of each. */
async function importAll(ws: Workspace, files: readonly OfficeFile[]): Promise<number[]> {
  const times: number[] = [];
  for (const f of files) {
    const t0 = performance.now();
    const prepared = await ws.exchange.prepareImport(receiverOf(f.parentCode), { name: `${f.name}.zwb`, data: f.data }, new Date());
    if (prepared.kind !== 'ready') throw new Error(`${f.code} ${f.name}: ${prepared.kind === 'untrusted' ? 'untrusted' : prepared.refusal.message}`);
    await ws.exchange.applyImport(prepared, new Date());
    times.push(performance.now() - t0);
  }
  return times;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function importFigures(group: string, times: readonly number[]): Figure[] {
  const n = times.length;
  const at = (k: number) => times[Math.min(k, n) - 1];
  const first = mean(times.slice(0, Math.max(1, Math.round(n / 10))));
  const last = mean(times.slice(n - Math.max(1, Math.round(n / 10))));
  const ordinal = (k: number) => `${Math.min(k, n)}${Math.min(k, n) === 1 ? 'st' : 'th'}`;
  return [
    plain(group, `import of the ${ordinal(1)} office`, at(1)),
    { ...plain(group, `import of the ${ordinal(10)} office`, at(10)), ratios: { '1st': at(10) / at(1) } },
    { ...plain(group, `import of the ${ordinal(Math.ceil(n / 2))} office`, at(Math.ceil(n / 2))), ratios: { '1st': at(Math.ceil(n / 2)) / at(1) } },
    { ...plain(group, `import of the ${ordinal(n)} office`, at(n)), ratios: { '1st': at(n) / at(1) } },
    {
      group,
      name: `last tenth vs first tenth (mean per file)`,
      ms: last,
      ratios: { 'first tenth': last / first },
      target: '≤ 1.25× the first tenth',
      met: last <= 1.25 * first,
      note: `first tenth ${first.toFixed(0)} ms`,
    },
    plain(group, `all ${n} files`, times.reduce((a, b) => a + b, 0)),
  ];
}

/** Every city's overview (the app's cityOverview), and one workbook over all the offices. */
async function cityFigures(group: string, ws: Workspace, files: readonly OfficeFile[]): Promise<Figure[]> {
  const cities = [...new Set(files.map((f) => f.parentCode))];
  const today = chinaToday(new Date());
  const t0 = performance.now();
  let offices = 0;
  for (const c of cities) offices += (await cityOverview(ws, c, BUNDLE_PERIOD, today)).rows.filter((r) => files.some((f) => f.code === r.code)).length;
  const overview = performance.now() - t0;
  const t1 = performance.now();
  const summaries: CountySummary[] = [];
  const plans = new Map<string, PlanData>();
  for (const c of cities) {
    const data = await readCityData(ws, c);
    summaries.push(...countySummaries({ cityCode: c, ...data, period: BUNDLE_PERIOD, today }));
    for (const [k, v] of data.plans) plans.set(k, v);
  }
  const city = (await ws.records.readPlan('150600')).office;
  const bytes = await writeWorkbook(exportCityWorkbook({ city, period: BUNDLE_PERIOD, today, summaries, plans }));
  const workbook = performance.now() - t1;
  return [
    within(group, `city overviews of all ${files.length} offices (${cities.length} cities, ${offices} rows)`, overview, 2000),
    plain(group, `consolidated workbook of ${summaries.length} offices (${(bytes.length / 1024).toFixed(0)} KB)`, workbook),
  ];
}

/** The figures of one storage case over the files. */
export async function provinceCase(kind: ProvinceCase, files: readonly OfficeFile[]): Promise<Figure[]> {
  const n = files.length;
  // Warm-up: the first files through a throw-away workspace, so the 1st figure is not the compiler's.
  await importAll(await cityWorkspace(new MemoryStorage(), files.slice(0, 3)), files.slice(0, 3));
  if (kind === 'memory') {
    const memory = await cityWorkspace(new MemoryStorage(), files);
    const gm = `province in Node: ${n} realistic offices into one workspace, memory storage`;
    return [...importFigures(gm, await importAll(memory, files)), ...(await cityFigures(gm, memory, files))];
  }
  const dir = mkdtempSync(join(tmpdir(), 'zwc-bench-pg-'));
  try {
    const figures: Figure[] = [];
    const o0 = performance.now();
    const storage = await openCliStorage(dir);
    const openMs = performance.now() - o0;
    const pg = await cityWorkspace(storage, files);
    const gp = `province in Node: the same over zwc's PGlite storage (cli/storage)`;
    figures.push(plain(gp, 'open a new PGlite workspace (from the template)', openMs));
    figures.push(...importFigures(gp, await importAll(pg, files)));
    figures.push(...(await cityFigures(gp, pg, files)));
    await closeCliStorage(dir);
    const r0 = performance.now();
    await openCliStorage(dir);
    figures.push(plain(gp, `reopen the workspace holding ${n} offices`, performance.now() - r0));
    await closeCliStorage(dir);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
