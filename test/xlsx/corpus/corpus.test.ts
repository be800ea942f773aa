/**
 * Issue 21: plan workbooks laid out as offices publish them (generated from the four shipped plans,
 * a few re-saved by LibreOffice) import with no wrong fact that the preview does not flag at its row.
 */
import { XlsxError } from '../../../shared/xlsx/errors';
import { CORPUS } from './generate';
import { scoreImport, type FileScore } from './score';
import { corpusBytes, importCorpusFile } from './run';

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
