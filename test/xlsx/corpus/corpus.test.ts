/**
 * Issue 21: plan workbooks laid out as offices publish them (generated from the four shipped plans,
 * a few re-saved by LibreOffice) import with no wrong fact that the preview does not flag at its row.
 */
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { readWorkbook } from '../../../shared/xlsx/workbook';
import { buildPlanImport, previewPlanImport, type PlanImportContext } from '../../../shared/xlsx/plan-import';
import { XlsxError } from '../../../shared/xlsx/errors';
import { seedPlan } from '../helpers';
import { CORPUS, buildCorpusFile, directoryPlan, type CorpusSpec } from './generate';
import { scoreImport, type FileScore } from './score';

/** Every corpus file's bytes, the LibreOffice ones converted in one soffice run. */
export async function corpusBytes(specs: readonly CorpusSpec[] = CORPUS): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const s of specs) out.set(s.name, await buildCorpusFile(s));
  const lo = specs.filter((s) => s.libreoffice);
  if (!lo.length) return out;
  if (spawnSync('soffice', ['--version']).status !== 0) throw new Error('LibreOffice（soffice）未安装：请安装 libreoffice-calc / soffice missing');
  const dir = mkdtempSync(join(tmpdir(), 'zwc-corpus-'));
  try {
    for (const s of lo) writeFileSync(join(dir, `${s.name}.xlsx`), out.get(s.name) as Uint8Array);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), ...lo.map((s) => join(dir, `${s.name}.xlsx`))], { stdio: 'pipe', timeout: 100_000 });
    for (const s of lo) out.set(s.name, new Uint8Array(readFileSync(join(dir, 'out', `${s.name}.xlsx`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export async function importCorpusFile(spec: CorpusSpec, bytes: Uint8Array) {
  const plan = seedPlan(spec.plan);
  const existing = directoryPlan(spec, plan);
  const ctx: PlanImportContext = { fileName: `${spec.name}.xlsx`, officeCode: plan.office.code, existing };
  const preview = previewPlanImport(await readWorkbook(bytes), ctx);
  // What the app's preview confirms by default: unknown names as suggested, else new units.
  const mapping = Object.fromEntries(preview.unknownDepartments.map((u) => [u.name, u.suggestion ?? 'new']));
  const built = buildPlanImport(preview, ctx, { validOnly: true, mapping });
  return { plan, existing, preview, built };
}

test('corpus: ≥30 plan workbooks as offices publish them, every fact right or flagged at its row', async () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  const files = await corpusBytes();
  const scores: FileScore[] = [];
  for (const spec of CORPUS) {
    try {
      const { plan, existing, preview, built } = await importCorpusFile(spec, files.get(spec.name) as Uint8Array);
      scores.push(scoreImport(spec, plan, existing, preview, built));
    } catch (e) {
      if (!(e instanceof XlsxError)) throw e;
      scores.push({ file: spec.name, checked: 1, wrong: [{ file: spec.name, where: '整个文件', field: 'refused', expected: '导入', actual: e.message, flagged: false }] });
    }
  }
  const checked = scores.reduce((s, f) => s + f.checked, 0);
  const wrong = scores.flatMap((f) => f.wrong);
  const unflagged = wrong.filter((f) => !f.flagged);
  const lines = scores.map((f) => `${f.file.padEnd(24)} ${String(f.checked).padStart(5)} ${String(f.wrong.length).padStart(4)} ${String(f.wrong.filter((w) => w.flagged).length).padStart(4)}`);
  console.log(
    [`facts checked / wrong / flagged: ${checked} / ${wrong.length} / ${wrong.length - unflagged.length}（未提示的错误 ${unflagged.length}）`, ...lines, ...unflagged.slice(0, 60).map((w) => `✗ ${w.file} ${w.where} ${w.field}: 应为 ${w.expected.slice(0, 120)} · 读成 ${w.actual.slice(0, 120)}`)].join('\n'),
  );
  expect(checked).toBeGreaterThan(8000);
  expect(unflagged.map((w) => `${w.file} ${w.where} ${w.field}`)).toEqual([]);
}, 120_000);
