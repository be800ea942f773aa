import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { dateZh, placeholderText, type Block, type Inline, type OfficialDocument } from './model';

/**
 * A document as a Word file laid out after GB/T 9704-2012 (党政机关公文格式):
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm); body 仿宋_GB2312
 * 3号 (16 pt), 22 lines of 28 characters (line pitch 28.95 pt, the standard's "一般每面排22行，每行排28个字");
 * title 小标宋 2号 (22 pt) centred; 一、 headings 黑体 3号, （一） headings 楷体 3号; page numbers
 * 4号 半角 "— 1 —" on the outside (odd pages right, even left, 空一字); 发文机关署名 and 成文日期
 * (Arabic numerals, 7.3.5.1) at the end, 右空二字. Tables: 黑体 header, 仿宋 小四 body, full borders.
 * Placeholders (【请填写：…】) are highlighted for the clerk.
 *
 * Works alike in the browser and in Node: the bytes come from Packer.toArrayBuffer.
 */

const mm = (v: number) => Math.round((v * 1440) / 25.4);
const PT = 20; // twips per point

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** The page number's bottom edge: its top sits 7 mm below the 版心 (35 − 7 − 5 mm of type). */
  footer: mm(23),
  header: mm(15),
} as const;
/** 版心 width: 156 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** 225 mm / 22 lines. */
export const LINE_PITCH = Math.round(28.95 * PT);
export const BODY_SIZE = 16;
export const TITLE_SIZE = 22;
export const TABLE_SIZE = 12;
export const PAGE_NUMBER_SIZE = 14;

/** The faces GB/T 9704 names, each with the face Word takes when it is missing (fontTable altName). */
export const FONTS = {
  title: { name: '方正小标宋简体', alt: '华文中宋', family: 'roman' },
  body: { name: '仿宋_GB2312', alt: '仿宋', family: 'roman' },
  heading1: { name: '黑体', alt: 'SimHei', family: 'swiss' },
  heading2: { name: '楷体_GB2312', alt: '楷体', family: 'script' },
  pageNumber: { name: '宋体', alt: 'SimSun', family: 'roman' },
} as const;
type Face = keyof typeof FONTS;

const font = (face: Face) => {
  const name = FONTS[face].name;
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
};
/** Body characters are set 0.25 pt closer, so that 28 fit the 156 mm line (28 × 15.75 pt), as the standard counts them. */
export const BODY_TIGHTEN = -5;
const run = (text: string, face: Face, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(face), size: size * 2, ...(size === BODY_SIZE ? { characterSpacing: BODY_TIGHTEN } : {}), ...extra });
const exact = (pt: number) => ({ line: Math.round(pt * PT), lineRule: LineRuleType.EXACT });
const body = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };

function inlineRuns(parts: readonly Inline[], face: Face = 'body', size = BODY_SIZE): TextRun[] {
  return parts.map((p) => (typeof p === 'string' ? run(p, face, size) : run(placeholderText(p), face, size, { highlight: 'yellow' })));
}

/** Width in characters of the body size: a CJK character 1, an ASCII one ½. */
function widthInChars(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return n;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function table(b: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  const total = b.widths.reduce((n, w) => n + w, 0);
  const widths = b.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  // A column of short entries is centred; one of sentences reads from the left.
  const centred = b.header.map((_, c) => b.rows.every((r) => widthInChars(r[c] ?? '') <= 8));
  const cell = (text: string, c: number, header: boolean) =>
    new TableCell({
      width: { size: widths[c], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: header || centred[c] ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: exact(TABLE_SIZE * 1.5),
            children: [run(line, header ? 'heading1' : 'body', TABLE_SIZE)],
          }),
      ),
    });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...body, before: LINE_PITCH / 2 }, keepNext: true, children: [run(b.caption, 'heading1', 14)] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: BORDERS,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, height: { value: 480, rule: HeightRule.ATLEAST }, children: b.header.map((h, c) => cell(h, c, true)) }),
        ...b.rows.map((r) => new TableRow({ cantSplit: true, height: { value: 420, rule: HeightRule.ATLEAST }, children: b.header.map((_, c) => cell(r[c] ?? '', c, false)) })),
      ],
    }),
    new Paragraph({ spacing: exact(LINE_PITCH / PT / 2), children: [] }),
  ];
}

function block(b: Block): (Paragraph | Table)[] {
  const indent = { firstLine: BODY_SIZE * PT * 2 };
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ spacing: body, indent, keepNext: true, outlineLevel: b.level - 1, children: [run(b.text, b.level === 1 ? 'heading1' : 'heading2', BODY_SIZE)] })];
    case 'addressee':
      return [new Paragraph({ spacing: body, children: [run(b.text, 'body', BODY_SIZE)] })];
    case 'paragraph':
      return [new Paragraph({ spacing: body, indent, alignment: AlignmentType.BOTH, children: inlineRuns(b.parts) })];
    case 'table':
      return table(b);
  }
}

/** 发文机关署名 右空二字; 成文日期 below it, its first character two to the right of the issuer's (7.3.5.2). */
function signature(issuer: string, date: string): Paragraph[] {
  const char = BODY_SIZE * PT;
  const issuerLeft = TEXT_WIDTH - 2 * char - Math.ceil(widthInChars(issuer) * char);
  const dateWidth = Math.ceil(widthInChars(date) * char);
  const dateLeft = Math.min(issuerLeft + 2 * char, TEXT_WIDTH - 2 * char - dateWidth);
  const line = (text: string, left: number) =>
    left >= 0
      ? new Paragraph({ spacing: body, indent: { left }, children: [run(text, 'body', BODY_SIZE)] })
      : new Paragraph({ spacing: body, alignment: AlignmentType.RIGHT, indent: { right: 2 * char }, children: [run(text, 'body', BODY_SIZE)] });
  return [new Paragraph({ spacing: body, children: [] }), new Paragraph({ spacing: body, children: [] }), line(issuer, issuerLeft), line(date, dateLeft)];
}

function pageNumber(side: 'right' | 'left'): Footer {
  const oneChar = PAGE_NUMBER_SIZE * PT;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        children: [
          run('— ', 'pageNumber', PAGE_NUMBER_SIZE),
          new TextRun({ children: [PageNumber.CURRENT], font: font('pageNumber'), size: PAGE_NUMBER_SIZE * 2 }),
          run(' —', 'pageNumber', PAGE_NUMBER_SIZE),
        ],
      }),
    ],
  });
}

/** The font table, so that Word finds a present face when the standard's is missing (e.g. 仿宋_GB2312 → 仿宋). */
function fontTable(): string {
  const fonts = Object.values(FONTS)
    .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** How many 2号 characters fit on a title line (156 mm of type area at 22 pt is 20, less a margin for wide fallback faces); Latin digits take half. */
const TITLE_LINE_WIDTH = 19;
const titleWidth = (s: string) => [...s].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);

/**
 * A long title broken where the words allow (GB/T 9704 7.3.3: 词意完整，排列对称): before an opening
 * quote, after 年 or 期, or before 建设/工作/关于 — the break that makes the two lines most even, the
 * upper never much longer than the lower. A title that fits, or that the model broke itself, is kept.
 */
export function titleLines(title: string): string[] {
  if (title.includes('\n') || titleWidth(title) <= TITLE_LINE_WIDTH) return title.split('\n');
  const chars = [...title];
  let best: { at: number; cost: number } | null = null;
  for (let i = 2; i < chars.length - 2; i++) {
    const here = chars[i];
    const natural = here === '“' || here === '（' || chars[i - 1] === '年' || chars[i - 1] === '期' || ['建设', '工作', '关于'].includes(chars[i] + chars[i + 1]);
    if (!natural) continue;
    const [a, b] = [titleWidth(chars.slice(0, i).join('')), titleWidth(chars.slice(i).join(''))];
    if (a > TITLE_LINE_WIDTH || b > TITLE_LINE_WIDTH) continue;
    const cost = Math.abs(a - b) + (a > b + 2 ? 2 : 0);
    if (!best || cost < best.cost) best = { at: i, cost };
  }
  return best ? [chars.slice(0, best.at).join(''), chars.slice(best.at).join('')] : [title];
}

export function buildDocx(doc: OfficialDocument): Document {
  const title = titleLines(doc.title).map((line) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(35), children: [run(line, 'title', TITLE_SIZE)] }));
  return new Document({
    creator: doc.issuer,
    title: doc.title.replace(/\n/g, ''),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font('body'), size: BODY_SIZE * 2 }, paragraph: { spacing: body } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, footer: PAGE.footer, header: PAGE.header } },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: [...title, new Paragraph({ spacing: body, children: [] }), ...doc.blocks.flatMap(block), ...signature(doc.issuer, dateZh(doc.date))],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function docxBytes(doc: OfficialDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDocx(doc), false, [{ path: 'word/fontTable.xml', data: fontTable() }]));
}
