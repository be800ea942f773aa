import { lastDayOfMonth, format } from 'date-fns';
import type { Deadline, DuePoint, OpenDeadlineKind } from './deadline';

const OPEN_WORDS: [RegExp, OpenDeadlineKind][] = [
  [/持续推进|持续推动/, 'ongoing'],
  [/长期坚持|长期推进/, 'long-term'],
  [/持续开展/, 'continuing'],
];

/** One date expression: 2025年, 2025年底(前), 2023年6月底前, 2023年6月30日前. */
const DATE = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?(?:年?底|末)?(?:之?前)?/y;
const RANGE = /^(\d{4})\s*年?\s*(?:[—–\-~～至到]+)\s*(\d{4})\s*年?/;
const LIST_SEPARATOR = /^\s*[、和及与,，]\s*/;
const EMPTY = /^[\s—–\-/无]*$/;
const REMAINDER = /[，,]\s*其[余他]\S*?(持续推进|持续推动|长期坚持|长期推进|持续开展)\S*$/;

function openKindOf(text: string): OpenDeadlineKind | null {
  for (const [re, kind] of OPEN_WORDS) if (re.test(text)) return kind;
  return null;
}

function pointFor(year: number, month?: number, day?: number): DuePoint {
  if (day && month) {
    return { precision: 'day', date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
  }
  if (month) return { precision: 'month', date: format(lastDayOfMonth(new Date(year, month - 1, 1)), 'yyyy-MM-dd') };
  return { precision: 'year', date: `${year}-12-31` };
}

/** Reads the date expressions a segment starts with ("2024年、2025年…") and the rest as its scope. */
function leadingPoints(segment: string): { points: DuePoint[]; rest: string } {
  const points: DuePoint[] = [];
  let pos = 0;
  for (;;) {
    DATE.lastIndex = pos;
    const m = DATE.exec(segment);
    if (!m) break;
    points.push(pointFor(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined));
    pos = DATE.lastIndex;
    const sep = LIST_SEPARATOR.exec(segment.slice(pos));
    if (!sep || !/^\d{4}/.test(segment.slice(pos + sep[0].length))) break;
    pos += sep[0].length;
  }
  return { points, rest: segment.slice(pos).trim() };
}

/** A scope that only repeats "done by then" says nothing the date does not. */
function meaningfulScope(rest: string): string | undefined {
  const s = rest.replace(/^[，,：:\s]+/, '').replace(/[，,。\s]+$/, '');
  return s === '' || /^(前|之前)?(完成|实现|建成)?$/.test(s) ? undefined : s;
}

/**
 * Parses a 完成时限 / 时间安排 text into the deadline model. Understands single dates at day,
 * month and year precision, the three open-ended phrasings, ranges ("2023年—2025年持续推进"),
 * year lists ("2024年、2025年…") and compound texts separated by ；or 。 whose last part may be an
 * open remainder ("其余工作持续推进"). The text itself is kept unchanged.
 */
export function parseDeadline(text: string): Deadline {
  const original = text;
  if (EMPTY.test(text)) return { text: original, points: [], open: null };

  const segments = numericDates(text)
    .replace(/\r/g, '')
    .split(/[；;。\n]|[，,](?=\s*\d{4}\s*年)/)
    .map((s) => s.trim())
    .filter(Boolean);

  const points: DuePoint[] = [];
  let open: OpenDeadlineKind | null = null;
  let fromYear: number | undefined;

  for (const segment of segments) {
    const range = RANGE.exec(segment);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      fromYear = fromYear === undefined ? from : Math.min(fromYear, from);
      const scope = meaningfulScope(segment.slice(range[0].length).replace(/^(底前|底|前)/, ''));
      const withoutOpenWord = scope && openKindOf(scope) && scope.replace(/持续推进|持续开展|长期坚持/, '') === '' ? undefined : scope;
      points.push({ ...pointFor(to), ...(withoutOpenWord ? { scope: withoutOpenWord } : {}) });
      continue;
    }
    const { points: lead, rest: afterDates } = leadingPoints(segment);
    if (lead.length === 0) {
      open = openKindOf(segment) ?? open;
      continue;
    }
    // "2025年底完成A，其余工作持续推进": the remainder clause belongs to the whole deadline.
    const remainder = REMAINDER.exec(afterDates);
    if (remainder) open = openKindOf(remainder[0]) ?? open;
    const rest = remainder ? afterDates.slice(0, remainder.index) : afterDates;
    const scope = meaningfulScope(rest);
    for (const p of lead) points.push(scope ? { ...p, scope } : p);
  }

  points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { text: original, points: mergeSameDay(points), open, ...(fromYear !== undefined ? { fromYear } : {}) };
}

/**
 * Dates as a date cell shows them or a clerk types them (2025/12/31, 2025-12-31, 2025.12.31,
 * 2025/12, full-width digits) read as 2025年12月31日 / 2025年12月. Only the reading changes.
 */
function numericDates(text: string): string {
  return text
    .replace(/[\uff0e\uff0f\uff10-\uff19\uff0d]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(?<!\d)(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-])/g, (all, y: string, _s: string, m: string, d: string) => (Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${y}年${Number(m)}月${Number(d)}日` : all))
    .replace(/(?<!\d)(\d{4})[/.](\d{1,2})(?![\d/.])/g, (all, y: string, m: string) => (Number(m) >= 1 && Number(m) <= 12 ? `${y}年${Number(m)}月` : all));
}

/** Two parts due the same day are one stage; their scopes are kept together. */
function mergeSameDay(points: DuePoint[]): DuePoint[] {
  const out: DuePoint[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.date === p.date && last.precision === p.precision) {
      const scopes = [last.scope, p.scope].filter((x): x is string => !!x);
      out[out.length - 1] = { precision: last.precision, date: last.date, ...(scopes.length ? { scope: [...new Set(scopes)].join('；') } : {}) };
    } else out.push(p);
  }
  return out;
}
