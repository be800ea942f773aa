/**
 * Issue 21: plan workbooks laid out as offices publish them (generated from the four shipped plans,
 * a few re-saved by LibreOffice) import with no wrong fact that the preview does not flag at its row
 * and column, and with few doubts about facts that were right (false alarms): a flood of warnings
 * cannot pass. The app's own export re-imports with no doubt at all.
 */
import { XlsxError } from '../../../shared/xlsx/errors';
import { exportPlanTables } from '../../../shared/xlsx/export-tables';
import { previewPlanImport } from '../../../shared/xlsx/plan-import';
import { readWorkbook, writeWorkbook } from '../../../shared/xlsx/workbook';
import { SEED_FILES, seedPlan } from '../helpers';
import { CORPUS } from './generate';
import { scoreImport, type FileScore } from './score';
import { corpusBytes, importCorpusFile } from './run';

/** At most this share of a file's rows may carry a doubt about facts that were all right. */
const FALSE_ALARM_SHARE = 0.05;

const withinBound = (f: FileScore) => f.falseAlarms.length <= f.rows * FALSE_ALARM_SHARE;

let files: Map<string, Uint8Array>;
beforeAll(async () => {
  files = await corpusBytes();
}, 120_000);

async function scoreAll(): Promise<FileScore[]> {
  const scores: FileScore[] = [];
  for (const spec of CORPUS) {
    try {
      const { plan, existing, preview, built } = await importCorpusFile(spec, files.get(spec.name) as Uint8Array);
      scores.push(scoreImport(spec, plan, existing, preview, built));
    } catch (e) {
      if (!(e instanceof XlsxError)) throw e;
      scores.push({ file: spec.name, checked: 1, rows: 0, doubts: 0, falseAlarms: [], wrong: [{ file: spec.name, where: '整个文件', field: 'refused', expected: '导入', actual: e.message, flagged: false }] });
    }
  }
  return scores;
}

test('corpus: ≥30 plan workbooks as offices publish them, every fact right or flagged at its row and column, few false alarms', async () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  const scores = await scoreAll();
  const checked = scores.reduce((s, f) => s + f.checked, 0);
  const wrong = scores.flatMap((f) => f.wrong);
  const unflagged = wrong.filter((f) => !f.flagged);
  const doubts = scores.reduce((s, f) => s + f.doubts, 0);
  const falseAlarms = scores.flatMap((f) => f.falseAlarms);
  const head = `${'file'.padEnd(24)} ${'facts'.padStart(5)} ${'wrong'.padStart(5)} ${'flagged'.padStart(7)} ${'rows'.padStart(5)} ${'doubts'.padStart(6)} ${'false'.padStart(5)}`;
  const lines = scores.map((f) => `${f.file.padEnd(24)} ${String(f.checked).padStart(5)} ${String(f.wrong.length).padStart(5)} ${String(f.wrong.filter((w) => w.flagged).length).padStart(7)} ${String(f.rows).padStart(5)} ${String(f.doubts).padStart(6)} ${String(f.falseAlarms.length).padStart(5)}`);
  console.log(
    [
      `facts checked / wrong / flagged: ${checked} / ${wrong.length} / ${wrong.length - unflagged.length}（未提示的错误 ${unflagged.length}）；doubts ${doubts}, false alarms ${falseAlarms.length}`,
      head,
      ...lines,
      ...unflagged.slice(0, 60).map((w) => `✗ ${w.file} ${w.where} ${w.field}: 应为 ${w.expected.slice(0, 120)} · 读成 ${w.actual.slice(0, 120)}`),
      ...falseAlarms.map((p) => `  false alarm: 「${p.sheet}」第 ${p.row} 行 ${p.column} ${p.message}`),
    ].join('\n'),
  );
  expect(checked).toBeGreaterThan(8000);
  expect(unflagged.map((w) => `${w.file} ${w.where} ${w.field}`)).toEqual([]);
  expect(scores.filter((f) => !withinBound(f)).map((f) => `${f.file}: ${f.falseAlarms.length} false alarms on ${f.rows} rows`)).toEqual([]);
}, 120_000);

test('the scorer: a doubt elsewhere on the row does not flag a wrong fact, and a flood of doubts breaks the false-alarm bound', async () => {
  const spec = CORPUS.find((s) => s.name === 'kd-plain')!;
  const { plan, existing, preview, built } = await importCorpusFile(spec, files.get(spec.name) as Uint8Array);
  const honest = scoreImport(spec, plan, existing, preview, built);
  expect(honest.wrong.length).toBeGreaterThan(0);
  expect(honest.wrong.every((w) => w.flagged)).toBe(true);
  // The same wrong facts with only a vague doubt in another column at their rows: not flagged.
  const wrongRows = new Set(honest.wrong.map((w) => w.where));
  const vague = {
    ...preview,
    rows: preview.rows.map((r) => ({ ...r, problems: r.problems.length ? [{ level: 'warning' as const, sheet: r.sheet, row: r.row, column: 'A（序号）', message: '请核对此行。' }] : [] })),
  };
  const blurred = scoreImport(spec, plan, existing, vague, built);
  expect(blurred.wrong.filter((w) => wrongRows.has(w.where) && !w.flagged).length).toBe(honest.wrong.length);
  // A doubt on every row flags everything but is a flood of false alarms.
  const flood = { ...preview, rows: preview.rows.map((r) => ({ ...r, problems: [...r.problems, { level: 'warning' as const, sheet: r.sheet, row: r.row, column: '', message: '领域、牵头单位、完成时限请核对。' }] })) };
  const flooded = scoreImport(spec, plan, existing, flood, built);
  expect(flooded.wrong.every((w) => w.flagged)).toBe(true);
  expect(withinBound(flooded)).toBe(false);
}, 60_000);

test.each(SEED_FILES)('the app’s own export of %s re-imports with no doubt at all', async (file) => {
  const plan = seedPlan(file);
  const wb = await readWorkbook(await writeWorkbook(exportPlanTables(plan, { today: '2025-06-10' })));
  const preview = previewPlanImport(wb, { fileName: `${file}.xlsx`, officeCode: plan.office.code, existing: null });
  expect(preview.rows.length).toBe(plan.tasks.length + plan.projects.length + plan.indicators.length);
  expect(preview.counts).toMatchObject({ error: 0, warnings: 0 });
  expect([...preview.problems, ...preview.rows.flatMap((r) => r.problems)].map((p) => `${p.sheet} ${p.row} ${p.message}`)).toEqual([]);
  expect(preview.sheets.flatMap((s) => s.unrecognised.map((u) => `${s.name} ${u.letter} ${u.header}`))).toEqual([]);
});
