/**
 * The document model: what goes on printed pages, as plain data. Builders (assignment-sheet.ts,
 * supervision-notice.ts, list-views.ts) turn a plan into a PrintDocument; html.ts lays one out as
 * HTML with print CSS, the same for the app's preview, its printer, its PDF and the command line.
 */

export type Orientation = 'portrait' | 'landscape';

/**
 * The page number at the foot: "— N —" as GB/T 9704 numbers the pages of a document, or
 * "第 N 页 共 M 页" for a table that is read as one whole.
 */
export type FooterStyle = 'dash' | 'page-of-total';

export type Align = 'left' | 'center' | 'right';

export interface TableCell {
  text: string;
  /** Further paragraphs inside the cell, each on its own line (e.g. a task's content under its name). */
  more?: string[];
  rowSpan?: number;
  colSpan?: number;
  align?: Align;
  strong?: boolean;
}

export interface TableColumn {
  label: string;
  /** Share of the table's width, in any unit; html.ts turns the shares into percentages. */
  width: number;
  align?: Align;
}

export type Block =
  /** 标题: 2号 小标宋 (黑体 where 小标宋 is missing), centred; red for a notice's head (督办单). */
  | { kind: 'title'; text: string; subtitle?: string; red?: boolean }
  /** 发文字号 / sheet number, centred under the title. */
  | { kind: 'number'; text: string }
  /** 主送机关: flush left, ending in a full-width colon. */
  | { kind: 'addressee'; text: string }
  /** 一级标题 "一、…" in 黑体, 二级标题 "（一）…" in 楷体. */
  | { kind: 'heading'; level: 1 | 2; text: string }
  /** Body text, first line indented two characters. */
  | { kind: 'paragraph'; text: string; align?: Align; small?: boolean }
  | {
      kind: 'table';
      columns: TableColumn[];
      rows: TableCell[][];
      /** Rows printed after the body, e.g. 合计; never separated from the last body row. */
      footer?: TableCell[][];
      /** Text for an empty table. */
      empty?: string;
      /** Smaller type for wide tables (小四 12pt instead of 四号 14pt). */
      dense?: boolean;
    }
  /** A task or case as a two-column form (督办单): label cells on the left, kept on one page. */
  | { kind: 'record'; caption: string; items: { label: string; value: string; lines?: string[] }[] }
  /** 发文机关署名 and 成文日期, right-aligned, with room for the seal. */
  | { kind: 'signature'; issuer: string; date: string; sealNote: string }
  /** A cut line and the slip the receiving unit signs and returns. */
  | { kind: 'receipt'; title: string; number: string; recipient: string; note: string };

/** One sheet: starts on a new page, in one orientation. */
export interface Sheet {
  /** What the sheet is for, e.g. the receiving department's name. */
  label: string;
  orientation: Orientation;
  footer: FooterStyle;
  blocks: Block[];
  /** The department the sheet is addressed to, where it has one. */
  departmentId?: string;
  /** The sheet's number where it was numbered (交办单, 督办单). */
  number?: string;
  /**
   * For a sheet printed with other departments' sheets in one print job (the browser's 全部打印):
   * the text its footer carries, e.g. 旗工信局 · 伊无废督〔2026〕3号, followed by the sheet's own
   * page number from — 1 —, centred, instead of the job's running page number (html.ts).
   */
  ownFooter?: string;
}

export type DocumentKind = 'assignment' | 'supervision' | 'task-list' | 'project-list' | 'indicators' | 'reporting' | 'problem-list';

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  assignment: '任务交办单',
  supervision: '督办单',
  'task-list': '任务清单',
  'project-list': '项目清单',
  indicators: '指标体系',
  reporting: '进展报送情况',
  'problem-list': '问题清单',
};

export interface PrintDocument {
  kind: DocumentKind;
  /** The window title and the PDF's title. */
  title: string;
  /** Suggested file name, without a path, ending in .pdf. */
  fileName: string;
  sheets: Sheet[];
}

/** A file name that every file system accepts: no path separators or reserved characters. */
export function safeFileName(name: string): string {
  const printable = [...name].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
  return printable.replace(/[\\/:*?"<>|]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 180);
}

/**
 * The file name a clerk expects: what it is, for whom, when — e.g. 任务交办单-旗生态环境局-2026年11月.pdf.
 * Parts that are empty are left out.
 */
export function documentFileName(...parts: (string | undefined)[]): string {
  return `${safeFileName(parts.filter((p) => p && p.trim()).join('-'))}.pdf`;
}
