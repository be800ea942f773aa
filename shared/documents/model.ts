import type { IsoDate } from '../domain/ids';

/**
 * The documents an office writes from its ledger (issue 28), as a plain model: a title, numbered
 * headings, paragraphs, tables, the issuer and the date. Each kind's module (briefing.ts, notice.ts,
 * annual.ts, final.ts, city-briefing.ts) fills it from the same core functions the app shows; the
 * writer (docx.ts) lays it out after GB/T 9704. Text comes only from records: what needs a person
 * (主要做法, 建议 …) is a {@link Placeholder}, written 【请填写：…】 and highlighted.
 */
export type DocumentKind = 'briefing' | 'notice' | 'annual' | 'final' | 'city-briefing';

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  briefing: '工作简报',
  notice: '通报',
  annual: '年度总结',
  final: '终期评估报告',
  'city-briefing': '全市工作简报',
};

/** A sentence the clerk must write: never invented by the program. */
export interface Placeholder {
  placeholder: string;
}
export type Inline = string | Placeholder;

export type Block =
  /** 一、… (黑体) at level 1, （一）… (楷体) at level 2; the number is part of the text. */
  | { kind: 'heading'; level: 1 | 2; text: string }
  /** Body text, first line indented two characters. */
  | { kind: 'paragraph'; parts: Inline[] }
  /** 主送机关: flush left, ends with a full-width colon. */
  | { kind: 'addressee'; text: string }
  /** A table in the official style: a caption above, 黑体 header, full borders. Widths are relative. */
  | { kind: 'table'; caption: string; header: string[]; rows: string[][]; widths: number[] };

export interface OfficialDocument<Facts = unknown> {
  kind: DocumentKind;
  /** 标题, centred in 小标宋 2号; may hold a line break as "\n". */
  title: string;
  blocks: Block[];
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期 (written 2026年12月4日). */
  date: IsoDate;
  /** Suggested file name, without folder, ending in .docx. */
  fileName: string;
  /** The figures and lists the text was written from, for the tests and the app. */
  facts: Facts;
}

export const placeholder = (text: string): Placeholder => ({ placeholder: text });

export function placeholderText(p: Placeholder): string {
  return `【请填写：${p.placeholder}】`;
}

/** A document's text as plain lines (the tests and the command line read it). */
export function plainText(doc: Pick<OfficialDocument, 'title' | 'blocks' | 'issuer' | 'date'>): string {
  const inline = (parts: readonly Inline[]) => parts.map((p) => (typeof p === 'string' ? p : placeholderText(p))).join('');
  const lines = [doc.title];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || b.kind === 'addressee') lines.push(b.text);
    else if (b.kind === 'paragraph') lines.push(inline(b.parts));
    else lines.push(b.caption, b.header.join('\t'), ...b.rows.map((r) => r.join('\t')));
  }
  lines.push(doc.issuer, dateZh(doc.date));
  return lines.join('\n');
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (heading numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** 成文日期 in Arabic numerals, as GB/T 9704-2012 (7.3.5.1) writes it: 2026年12月4日. */
export function dateZh(day: IsoDate): string {
  return `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** Writes blocks in order, numbering the headings: 一、 二、 … and （一） （二） … within each. */
export class Outline {
  readonly blocks: Block[] = [];
  private h1 = 0;
  private h2 = 0;

  section(text: string): this {
    this.h1 += 1;
    this.h2 = 0;
    this.blocks.push({ kind: 'heading', level: 1, text: `${chineseNumber(this.h1)}、${text}` });
    return this;
  }

  sub(text: string): this {
    this.h2 += 1;
    this.blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumber(this.h2)}）${text}` });
    return this;
  }

  p(...parts: Inline[]): this {
    this.blocks.push({ kind: 'paragraph', parts });
    return this;
  }

  addressee(text: string): this {
    this.blocks.push({ kind: 'addressee', text });
    return this;
  }

  table(caption: string, header: string[], rows: string[][], widths: number[] = header.map(() => 1)): this {
    this.blocks.push({ kind: 'table', caption, header, rows, widths });
    return this;
  }
}

/** 已完成 3 项、推进中 2 项: the non-zero counts in words; `none` when every count is zero. */
export function countsZh(counts: readonly [string, number][], unit: string, none = '无'): string {
  const parts = counts.filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n} ${unit}`);
  return parts.length ? parts.join('、') : none;
}

/** A file name without characters Windows refuses. */
export function safeFileName(name: string): string {
  return `${name.replace(/[\\/:*?"<>|\n]+/g, '')}.docx`;
}
