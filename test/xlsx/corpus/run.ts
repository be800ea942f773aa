/** Reading the corpus: its files (the LibreOffice ones converted in one soffice run) and one file's import as the app does it. */
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { readWorkbook } from '../../../shared/xlsx/workbook';
import { buildPlanImport, previewPlanImport, type PlanImportContext } from '../../../shared/xlsx/plan-import';
import { seedPlan } from '../helpers';
import { CORPUS, buildCorpusFile, directoryPlan, type CorpusSpec } from './generate';

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
