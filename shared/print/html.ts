import type { Block, FooterStyle, Orientation, PrintDocument, Sheet, TableCell } from './document';
import { cssFontFamily, PRINT_FONTS } from './fonts';

/**
 * A PrintDocument as one HTML page with print CSS, laid out after GB/T 9704-2012 (党政机关公文格式):
 * A4; text pages with margins of 37 mm top, 35 mm bottom, 28 mm left and 26 mm right (版心
 * 156 × 225 mm); body in 3号 (16 pt) 仿宋 on a 22-line grid; titles in 2号 (22 pt) 小标宋, 黑体
 * where it is missing; first-level headings in 黑体; page numbers "— N —" in 4号 (14 pt) 宋体 7 mm
 * below the text block, on the right of odd pages and the left of even ones. Wide tables go on
 * landscape pages numbered "第 N 页 共 M 页". Rows are never split across pages and header rows
 * repeat on every page. The same string is shown in the preview, printed and saved as PDF.
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The body face: the 仿宋 stack without cwTeXFangSong. That Debian face is traditional Chinese: it
 * lacks many simplified characters (无 废 设 办 项 …), which then come from Noto Serif CJK SC in
 * the middle of a word, in another design and weight, and its full-width punctuation sits in the
 * middle of the em box (“（ 一 ）”). A page set wholly in Noto Serif CJK SC reads better; where a
 * real 仿宋 is installed (Windows, macOS, most 统信UOS/麒麟 machines) it is used.
 */
const BODY_FONTS = PRINT_FONTS.fangsong.stack.filter((f) => f !== PRINT_FONTS.fangsong.debian.family);
const TITLE_FONTS = ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', '小标宋', ...PRINT_FONTS.sans.stack];
const KAI_FONTS = ['KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312', 'STKaiti', ...BODY_FONTS];
const family = (stack: readonly string[]) => stack.map((f) => (/^(serif|sans-serif)$/.test(f) ? f : `"${f}"`)).join(', ');

/** The named @page each sheet is laid out on. */
function pageName(orientation: Orientation, footer: FooterStyle): string {
  return `${orientation}-${footer}`;
}

const MARGINS: Record<Orientation, string> = {
  // GB/T 9704 §5.2.1: 天头 37 mm, 订口 28 mm; the text block is 156 × 225 mm.
  portrait: '37mm 26mm 35mm 28mm',
  // A landscape table keeps the binding edge (28 mm) at the top, where a portrait sheet has its left edge.
  landscape: '28mm 20mm 22mm 20mm',
};

function pageRules(): string {
  const number = `font-family: ${cssFontFamily('serif')}; font-size: 14pt;`;
  const rules: string[] = [];
  for (const orientation of ['portrait', 'landscape'] as const) {
    const name = pageName(orientation, 'dash');
    rules.push(`@page ${name} { size: A4 ${orientation}; margin: ${MARGINS[orientation]}; }`);
    // 页码: 4号半角宋体, 一字线 either side, 7 mm below the text block; odd pages right, even pages left, one character in.
    rules.push(`@page ${name}:right { @bottom-right { content: "— " counter(page) " —"; ${number} vertical-align: top; padding-top: 7mm; padding-right: 14pt; } }`);
    rules.push(`@page ${name}:left { @bottom-left { content: "— " counter(page) " —"; ${number} vertical-align: top; padding-top: 7mm; padding-left: 14pt; } }`);
    const total = pageName(orientation, 'page-of-total');
    rules.push(
      `@page ${total} { size: A4 ${orientation}; margin: ${MARGINS[orientation]}; @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-family: ${cssFontFamily('serif')}; font-size: 12pt; vertical-align: top; padding-top: 5mm; } }`,
    );
  }
  return rules.join('\n');
}

export function printCss(): string {
  return `
@page { size: A4 portrait; margin: ${MARGINS.portrait}; }
${pageRules()}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
body, .zwc-doc { font-family: ${family(BODY_FONTS)}; font-size: 16pt; line-height: 28.9pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { break-before: page; }
.sheet:first-child { break-before: auto; }
${(['portrait', 'landscape'] as const).flatMap((o) => (['dash', 'page-of-total'] as const).map((f) => `.sheet.${pageName(o, f)} { page: ${pageName(o, f)}; }`)).join('\n')}
h1.title { font-family: ${family(TITLE_FONTS)}; font-size: 22pt; font-weight: 700; line-height: 1.45; text-align: center; margin: 0 0 14pt; letter-spacing: 0.5pt; }
h1.title.red { color: #d00000; }
.subtitle { display: block; font-family: ${family(BODY_FONTS)}; font-size: 16pt; font-weight: 400; line-height: 28.9pt; margin-top: 4pt; }
.number { text-align: center; margin: 0 0 28.9pt; }
.addressee { margin: 0; }
p.para { margin: 0; text-indent: 2em; text-align: justify; }
p.para.center { text-align: center; text-indent: 0; }
p.para.right { text-align: right; text-indent: 0; }
p.para.small { font-size: 12pt; line-height: 20pt; text-indent: 0; }
h2.h1 { font-family: ${cssFontFamily('sans')}; font-size: 16pt; font-weight: 400; margin: 0; text-indent: 2em; line-height: 28.9pt; break-after: avoid; }
h3.h2 { font-family: ${family(KAI_FONTS)}; font-size: 16pt; font-weight: 400; margin: 0; text-indent: 2em; line-height: 28.9pt; break-after: avoid; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 6pt 0 10pt; font-family: ${cssFontFamily('serif')}; font-size: 12pt; line-height: 1.45; }
table.grid.dense { font-size: 10.5pt; line-height: 1.4; }
table.grid thead { display: table-header-group; }
table.grid tfoot { display: table-row-group; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
/* A row that opens merged cells (指标体系's level cells) must be allowed to break, or Chromium moves the whole merged block, and with it the table, to the next page. */
table.grid tr.spans { break-inside: auto; page-break-inside: auto; }
table.grid th { font-family: ${cssFontFamily('sans')}; font-weight: 400; background: #f0f0f0; }
table.grid th, table.grid td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: middle; overflow-wrap: anywhere; }
table.grid td.l { text-align: left; } table.grid td.c { text-align: center; } table.grid td.r { text-align: right; }
table.grid td.group { background: #f7f7f7; font-family: ${cssFontFamily('sans')}; }
table.grid td b { font-family: ${cssFontFamily('sans')}; font-weight: 400; }
table.grid td .more { display: block; color: #222; }
table.grid td .more.note { font-size: 0.85em; color: #555; }
table.grid td.empty { text-align: center; color: #555; padding: 10pt; }
table.record { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 12pt; font-family: ${cssFontFamily('serif')}; font-size: 12pt; line-height: 1.5; break-inside: avoid; }
table.record caption { caption-side: top; text-align: left; font-family: ${cssFontFamily('sans')}; font-size: 14pt; padding: 4pt 0; }
table.record th { width: 25mm; font-family: ${cssFontFamily('sans')}; font-weight: 400; background: #f0f0f0; }
table.record th, table.record td { border: 0.75pt solid #000; padding: 3pt 5pt; vertical-align: top; overflow-wrap: anywhere; }
table.record td .line { display: block; }
.signature { break-inside: avoid; display: flex; justify-content: flex-end; margin: 20pt 0 0; }
.signature .box { text-align: center; margin-right: 4em; min-width: 12em; position: relative; }
.signature .seal { position: absolute; right: -3.6em; top: 0; color: #777; font-size: 12pt; }
.receipt { break-inside: avoid; margin-top: 24pt; }
.cut { border-top: 1pt dashed #444; text-align: center; font-size: 10.5pt; color: #444; line-height: 1.6; margin-bottom: 8pt; }
.receipt h2 { font-family: ${family(TITLE_FONTS)}; font-size: 18pt; font-weight: 700; text-align: center; margin: 0; line-height: 1.5; }
.receipt .rno { text-align: center; font-size: 14pt; margin-bottom: 4pt; line-height: 1.5; }
.receipt table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 14pt; line-height: 1.4; }
.receipt th, .receipt td { border: 0.75pt solid #000; height: 11mm; padding: 0 6pt; }
.receipt th { width: 28mm; font-family: ${cssFontFamily('sans')}; font-weight: 400; }
.receipt .date { text-align: right; padding-right: 12pt; }
.receipt .seal { float: right; color: #777; font-size: 12pt; }
.receipt .rnote { font-size: 12pt; line-height: 1.6; margin-top: 3pt; }
@media screen {
  .zwc-doc { background: #e9e9e9; padding: 12px 0; color: #000; }
  .sheet { background: #fff; margin: 0 auto 16px; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
  .sheet.portrait-dash, .sheet.portrait-page-of-total { width: 210mm; padding: 37mm 26mm 35mm 28mm; }
  .sheet.landscape-dash, .sheet.landscape-page-of-total { width: 297mm; padding: 28mm 20mm 22mm 20mm; }
}
`;
}

function cellHtml(tag: 'td' | 'th', c: TableCell): string {
  const cls = [c.align === 'left' ? 'l' : c.align === 'right' ? 'r' : 'c'];
  if (c.colSpan && c.colSpan > 1 && c.strong && c.align === 'left') cls.push('group');
  const attrs = [`class="${cls.join(' ')}"`];
  if (c.rowSpan && c.rowSpan > 1) attrs.push(`rowspan="${c.rowSpan}"`);
  if (c.colSpan && c.colSpan > 1) attrs.push(`colspan="${c.colSpan}"`);
  const main = c.strong ? `<b>${esc(c.text)}</b>` : esc(c.text);
  const more = (c.more ?? []).map((m) => `<span class="more${/^（.*）$/.test(m) ? ' note' : ''}">${esc(m)}</span>`).join('');
  return `<${tag} ${attrs.join(' ')}>${main}${more}</${tag}>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1 class="title${b.red ? ' red' : ''}">${esc(b.text)}${b.subtitle ? `<span class="subtitle">${esc(b.subtitle)}</span>` : ''}</h1>`;
    case 'number':
      return `<div class="number">${esc(b.text)}</div>`;
    case 'addressee':
      return `<p class="addressee">${esc(b.text)}</p>`;
    case 'heading':
      return b.level === 1 ? `<h2 class="h1">${esc(b.text)}</h2>` : `<h3 class="h2">${esc(b.text)}</h3>`;
    case 'paragraph':
      return `<p class="para${b.align && b.align !== 'left' ? ` ${b.align}` : ''}${b.small ? ' small' : ''}">${esc(b.text)}</p>`;
    case 'table': {
      const total = b.columns.reduce((s, c) => s + c.width, 0) || 1;
      const cols = b.columns.map((c) => `<col style="width:${((100 * c.width) / total).toFixed(2)}%">`).join('');
      const head = `<thead><tr>${b.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead>`;
      const body = b.rows.length
        ? b.rows.map((r) => `<tr${r.some((c) => (c.rowSpan ?? 1) > 1) ? ' class="spans"' : ''}>${r.map((c) => cellHtml('td', c)).join('')}</tr>`).join('')
        : `<tr><td class="empty" colspan="${b.columns.length}">${esc(b.empty ?? '无')}</td></tr>`;
      const foot = b.footer?.length ? `<tfoot>${b.footer.map((r) => `<tr>${r.map((c) => cellHtml('td', c)).join('')}</tr>`).join('')}</tfoot>` : '';
      return `<table class="grid${b.dense ? ' dense' : ''}"><colgroup>${cols}</colgroup>${head}<tbody>${body}</tbody>${foot}</table>`;
    }
    case 'record':
      return `<table class="record"><caption>${esc(b.caption)}</caption><tbody>${b.items
        .map((i) => `<tr><th>${esc(i.label)}</th><td>${esc(i.value)}${(i.lines ?? []).map((l) => `<span class="line">${esc(l)}</span>`).join('')}</td></tr>`)
        .join('')}</tbody></table>`;
    case 'signature':
      return `<div class="signature"><div class="box"><div>${esc(b.issuer)}</div><div>${esc(b.date)}</div><span class="seal">${esc(b.sealNote)}</span></div></div>`;
    case 'receipt':
      return `<div class="receipt"><div class="cut">（请沿此线剪下，签收后交回）</div><h2>${esc(b.title)}</h2><div class="rno">编号：${esc(b.number)}</div><table><tbody>
<colgroup><col style="width:28mm"><col><col style="width:28mm"><col></colgroup>
<tr><th>签收单位</th><td colspan="3">${esc(b.recipient)}<span class="seal">（盖章）</span></td></tr>
<tr><th>签收人</th><td></td><th>联系电话</th><td></td></tr>
<tr><th>签收日期</th><td colspan="3" class="date">年\u3000\u3000月\u3000\u3000日</td></tr>
</tbody></table><div class="rnote">${esc(b.note)}</div></div>`;
  }
}

/** Text inside a CSS string: quotes, backslashes, line breaks and `<` (no `</style>` from a department's name). */
const cssString = (s: string) => `"${s.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * The sheets with an own footer, grouped: consecutive sheets with the same footer text are one
 * department's and count their pages together. Each group gets its own named page and page counter.
 */
function ownFooterGroups(doc: PrintDocument): Map<Sheet, number> {
  const groups = new Map<Sheet, number>();
  let n = 0;
  doc.sheets.forEach((s, i) => {
    if (s.ownFooter === undefined) return;
    if (i === 0 || doc.sheets[i - 1].ownFooter !== s.ownFooter) n += 1;
    groups.set(s, n);
  });
  return groups;
}

const ownPage = (n: number) => `own-${n}`;

/**
 * Page rules for sheets printed in one job with other departments' sheets: Chromium (131 and
 * later, which draws @page margin boxes) cannot restart the page counter inside one job, but it
 * keeps a custom counter per named page. So each department gets a named page whose footer names
 * it and its number and counts its own pages from — 1 —. Odd and even pages alternate through the
 * whole job, not through a department's sheet, so the footer is centred rather than GB/T 9704's
 * right/left.
 */
export function ownFooterCss(doc: PrintDocument): string {
  const rules: string[] = [];
  const seen = new Set<number>();
  for (const [sheet, n] of ownFooterGroups(doc)) {
    if (seen.has(n)) continue;
    seen.add(n);
    const counter = `zwc-own-${n}`;
    const text = `${cssString(`${sheet.ownFooter ?? ''}\u3000— `)} counter(${counter}) " —"`;
    rules.push(
      `@page ${ownPage(n)} { size: A4 ${sheet.orientation}; margin: ${MARGINS[sheet.orientation]}; counter-increment: ${counter}; @bottom-center { content: ${text}; font-family: ${cssFontFamily('serif')}; font-size: 12pt; vertical-align: top; padding-top: 7mm; } }`,
      `section.sheet.${ownPage(n)} { page: ${ownPage(n)}; }`,
    );
  }
  return rules.join('\n');
}

function sheetHtml(s: Sheet, group?: number): string {
  const attrs = [`class="sheet ${pageName(s.orientation, s.footer)}${group ? ` ${ownPage(group)}` : ''}"`, `data-label="${esc(s.label)}"`];
  if (s.number) attrs.push(`data-number="${esc(s.number)}"`);
  return `<section ${attrs.join(' ')}>${s.blocks.map(blockHtml).join('\n')}</section>`;
}

/** The sheets as one element, styled by {@link printCss}: what the app's preview shows. */
export function renderDocumentBody(doc: PrintDocument): string {
  const groups = ownFooterGroups(doc);
  return `<main class="zwc-doc" data-kind="${doc.kind}">
${doc.sheets.map((s) => sheetHtml(s, groups.get(s))).join('\n')}
</main>`;
}

/**
 * The whole document as a self-contained HTML page: no scripts, no outside resources. Its title
 * is the file name without .pdf, which a browser's “Save as PDF” proposes and the PDF keeps.
 */
export function renderDocumentHtml(doc: PrintDocument): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(doc.fileName.replace(/\.pdf$/i, ''))}</title>
<style>${printCss()}${ownFooterCss(doc)}</style></head>
<body>
${renderDocumentBody(doc)}
</body></html>`;
}
