/**
 * WPS and zh-CN Excel save their Chinese date formats as bare built-in ids (27–36, 50–58) with no
 * format code; exceljs does not know those and reads such a date as its serial number (46022).
 */
import { unzipSync, strFromU8 } from 'fflate';
import type ExcelJS from 'exceljs';

/** The zh-CN codes of the built-in ids Excel and WPS write without a code (ECMA-376 §18.8.30). */
export const ZH_CN_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Serial day number (1900 or 1904 system) → a UTC date. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? 24107 : 25569)) * 86_400_000));
}

/**
 * Gives cells styled with a bare zh-CN built-in date id their date value and format code, as
 * WPS or Excel shows them. Reads only the workbook's own parts; cells of other styles are untouched.
 */
export function restoreBuiltinDateFormats(wb: ExcelJS.Workbook, bytes: Uint8Array): void {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'xl/styles.xml' || f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) });
  } catch {
    return;
  }
  if (!files['xl/styles.xml'] || !files['xl/workbook.xml']) return;
  const styles = strFromU8(files['xl/styles.xml']);
  const defined = new Set([...styles.matchAll(/<numFmt\s[^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const dateStyles = new Map<string, string>();
  [...xfs.matchAll(/<xf\b[^>]*>/g)].forEach((m, index) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = ZH_CN_BUILTIN_FORMATS[id];
    if (code && !defined.has(id)) dateStyles.set(String(index), code);
  });
  if (!dateStyles.size) return;
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id') ?? '', (attr(m[0], 'Target') ?? '').replace(/^\/?(xl\/)?/, 'xl/')]));
  const book = strFromU8(files['xl/workbook.xml']);
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(book);
  for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescape(attr(m[0], 'name') ?? '');
    const path = targets.get(attr(m[0], 'r:id') ?? '');
    const ws = wb.getWorksheet(name);
    const xml = path ? files[path] : undefined;
    if (!ws || !xml) continue;
    for (const c of strFromU8(xml).matchAll(/<c\b[^>]*>/g)) {
      const code = dateStyles.get(attr(c[0], 's') ?? '');
      const ref = attr(c[0], 'r');
      const type = attr(c[0], 't');
      if (!code || !ref || (type && type !== 'n')) continue;
      const cell = ws.getCell(ref);
      if (typeof cell.value !== 'number') continue;
      const value = cell.value;
      cell.numFmt = code;
      cell.value = serialToDate(value, date1904);
    }
  }
}
