/**
 * Issue 21, deliver 4: `zwc xlsx import-plan` stores what the app's import stores, for corpus
 * files of several layouts (one-cell units, date cells, full-width amounts, page headers).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../../cli/zwc';
import { tempDirs, zwcAt } from '../../support/cli';
import { openWorkspace } from '../../../shared/app/workspace';
import { openCliStorage } from '../../../cli/storage/open';
import { CORPUS, buildCorpusFile } from './generate';
import { importCorpusFile } from './run';

// A folder per test, removed after it (its workspace database closed first).
const tmp = tempDirs('zwc-import-plan-');

/** zwc in-process at a fixed time, stderr in the same transcript (test/support/cli.ts). */
const zwc = zwcAt(new Date('2025-06-20T02:00:00Z'), { mergeErr: true });

const strip = <T extends { source: unknown }>(r: T) => ({ ...r, source: null });

test.each(['yj-synonyms', 'yj-dates-57', 'kd-joined', 'hh-fresh'])('%s: zwc xlsx import-plan stores what the app stores', async (name) => {
  const spec = CORPUS.find((s) => s.name === name)!;
  expect(spec.directory).toBe('fresh');
  const file = join(tmp.dir, `${name}.xlsx`);
  const bytes = await buildCorpusFile(spec);
  writeFileSync(file, bytes);
  const dir = join(tmp.dir, name);
  const { plan, preview, built } = await importCorpusFile(spec, bytes);
  const run = await zwc('xlsx', 'import-plan', file, '--workspace', dir, '--office', plan.office.code, '--name', plan.office.name);
  expect(run.code).toBe(EXIT.ok);
  // The same doubts, each at its sheet and row.
  const doubts = [...preview.problems, ...preview.rows.flatMap((r) => r.problems)];
  for (const p of doubts) expect(run.out).toContain(`第 ${p.row} 行`);
  expect(run.out).toContain(`已导入：任务 ${built.tasks.length} 项、项目 ${built.projects.length} 个、指标 ${built.indicators.length} 项`);
  const stored = await (await openWorkspace(await openCliStorage(dir))).records.readPlan(plan.office.code);
  expect(stored.tasks.map(strip)).toEqual(built.tasks.map(strip));
  expect(stored.projects.map(strip)).toEqual(built.projects.map(strip));
  expect(stored.indicators.map(strip)).toEqual(built.indicators.map(strip));
  expect(stored.departments.map((d) => d.name).sort()).toEqual(built.departments.map((d) => d.name).sort());
}, 60_000);
