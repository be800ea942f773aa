import type { ZodErrorMap, ZodIssue } from 'zod';
import { parseDeadline } from './parse-deadline';
import { MAX_WAN_YUAN, WanYuanSchema, wanToYuan, type WanYuan } from './money';
import { isRealDate, type IsoDate } from './ids';
import { TEXT_LIMITS } from './text-limits';

export { isRealDate, MAX_WAN_YUAN, TEXT_LIMITS };

/**
 * The rules for every field a clerk can type or import, one function per rule. Each returns null
 * when the input is acceptable, or one Chinese sentence that names the field and says what is
 * allowed. The forms (antd `rules`), the records service (through the zod schemas) and the Excel
 * import all call these, so a value refused in one place is refused everywhere. Nothing here
 * clamps or replaces a value: a rule either accepts it as typed or says why not.
 */
export type Problem = string | null;

/** Years accepted anywhere: the programme started in 2019; plans reach 2035. */
export const YEAR_BOUNDS = { from: 2000, to: 2100 } as const;

/** How far before and after the plan's own years a clerk may date something. */
export const YEAR_MARGIN = 10;

export interface YearWindow {
  from: number;
  to: number;
}

/** Units counted in whole things: their values are integers. */
const COUNT_UNITS = /^(个|家|座|项|处|台|辆|人|次|所|条|套|件|批|户|村|镇|苏木|嘎查)$/;

const quote = (v: unknown) => `“${String(v).length > 20 ? `${String(v).slice(0, 20)}…` : String(v)}”`;

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const t = value.trim().replace(/[，,]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** A percentage 0–100, typed as a number or text ("35", "35.5"); no "%" sign, no clamping. */
export function checkPercent(value: unknown, field = '完成进度'): Problem {
  if (value === undefined || value === null || value === '') return `请填写${field}（0 到 100 之间的数字）`;
  const n = asNumber(value);
  if (n === null) return `${field}应为 0 到 100 之间的数字，${quote(value)}不是数字`;
  if (n < 0 || n > 100) return `${field}应在 0 到 100 之间，不能为 ${n}`;
  return null;
}

/** A whole number (counts, years). */
export function checkInteger(value: unknown, field: string, min = 0): Problem {
  const n = asNumber(value);
  if (n === null) return `${field}应为整数，${quote(value)}不是数字`;
  if (!Number.isInteger(n)) return `${field}应为整数，不能为 ${n}`;
  if (n < min) return `${field}不能小于 ${min}`;
  return null;
}

/**
 * A day as clerks type it: 2023-06-15, 2023/6/15, 2023.6.15, 2023年6月15日 (spaces allowed).
 * Returns the ISO day, or null when it is not written that way or the day does not exist.
 */
export function parseDayInput(text: string): IsoDate | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

/** A typed day: written in a known way, existing, within the year window and not after `latest`. */
export function checkDayInput(text: string | undefined, field: string, opts: { latest?: IsoDate; window?: YearWindow } = {}): Problem {
  if (!text || !text.trim()) return `请填写${field}，如 2023年6月15日 或 2023-06-15`;
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return `${field}${quote(text)}无法识别，请写成 2023年6月15日、2023-06-15 或 2023/6/15`;
  const iso = parseDayInput(text);
  if (!iso) return `${field}${quote(text)}不存在：${Number(m[1])}年${Number(m[2])}月没有${Number(m[3])}日`;
  const yearProblem = checkYear(Number(m[1]), field, opts.window);
  if (yearProblem) return yearProblem;
  if (opts.latest && iso > opts.latest) return `${field}不能晚于今天（${opts.latest}）`;
  return null;
}

/** The window of years around a plan: its own years (targets, deadlines) widened by {@link YEAR_MARGIN}. */
export function yearWindowFor(planYears: readonly number[]): YearWindow {
  const years = planYears.filter((y) => Number.isInteger(y) && y >= YEAR_BOUNDS.from && y <= YEAR_BOUNDS.to);
  if (years.length === 0) return { from: 2015, to: 2040 };
  return {
    from: Math.max(YEAR_BOUNDS.from, Math.min(...years) - YEAR_MARGIN),
    to: Math.min(YEAR_BOUNDS.to, Math.max(...years) + YEAR_MARGIN),
  };
}

/** A year: a whole number within the window (by default the bounds every record must keep). */
export function checkYear(value: unknown, field = '年份', window: YearWindow = YEAR_BOUNDS): Problem {
  const n = asNumber(value);
  if (n === null || !Number.isInteger(n)) return `${field}应为四位数的年份，如 2025`;
  if (n < window.from || n > window.to) return `${field}应在 ${window.from} 年到 ${window.to} 年之间，不能为 ${n} 年`;
  return null;
}

/** Reads an amount as clerks type it ("1,234.5", "350万元"), or null; the same reading as parseWan. */
function cleanWan(text: string): string {
  return text.replace(/[,，\s]/g, '').replace(/万元$|万$/, '');
}

/** An amount in 万元: a non-negative decimal with at most 4 places, at most {@link MAX_WAN_YUAN}. */
export function checkWan(text: string | undefined | null, field: string): Problem {
  if (text === undefined || text === null || text.trim() === '') return null;
  const c = cleanWan(text);
  if (/^-/.test(c)) return `${field}不能为负数`;
  if (!/^\d+(\.\d{1,4})?$/.test(c)) return `${field}应为金额（万元），如 1200 或 350.5，最多 4 位小数；${quote(text)}不是金额`;
  if (!WanYuanSchema.safeParse(c).success) return `${field}不能超过 ${MAX_WAN_YUAN} 万元（1 万亿元），请核对单位是否为万元`;
  return null;
}

/** A warning (not a refusal): completed investment above the planned total. */
export function investmentWarning(completed: WanYuan | null | undefined, planned: WanYuan | null | undefined): Problem {
  if (!completed || !planned || checkWan(completed, '') || checkWan(planned, '')) return null;
  return wanToYuan(completed) > wanToYuan(planned) ? `累计完成投资 ${completed} 万元超过计划总投资 ${planned} 万元，请核对` : null;
}

/** A text within its length; `required` refuses empty or blank text. */
/**
 * Characters no clerk types and no honest file needs: control characters other than tab and line
 * breaks (C0, DEL, C1; a NUL cuts file names and zip entries) and the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make text display in another order
 * than it is stored ("‮gpj.exe" shows as "exe.jpg").
 */
function isUnsafeCode(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if (c >= 0x7f && c <= 0x9f) return true;
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/** The first unsafe character of a text, as U+XXXX, or null: the one rule every entry point applies. */
export function unsafeCharacter(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isUnsafeCode(c)) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return null;
}

/** Why a text with such a character is refused, naming the field and the character. */
export function unsafeTextProblem(text: string, field: string): Problem {
  const c = unsafeCharacter(text);
  return c ? `${field}含有不可见的控制字符或文字方向控制符（${c}），请删除后再保存` : null;
}

/**
 * The text with those characters removed, and how many were: for entry points that clean rather
 * than refuse (pasted cells of a form), which must then tell the clerk (`removed` > 0).
 */
export function cleanText(text: string): { text: string; removed: number } {
  let out = '';
  let removed = 0;
  for (let i = 0; i < text.length; i++) {
    if (isUnsafeCode(text.charCodeAt(i))) removed += 1;
    else out += text[i];
  }
  return removed ? { text: out, removed } : { text, removed };
}

export function checkText(text: string | undefined | null, field: string, max: number, required = false): Problem {
  const t = text ?? '';
  if (required && !t.trim()) return `请填写${field}`;
  const unsafe = unsafeTextProblem(t, field);
  if (unsafe) return unsafe;
  if ([...t].length > max) return `${field}最多 ${max} 字，现为 ${[...t].length} 字`;
  return null;
}

/**
 * An indicator's actual value against its unit: % in 0–100 unless the indicator allows more
 * (`allowOver100`, e.g. 增长率), counts in whole numbers, nothing negative unless allowed.
 */
export function checkIndicatorValue(
  value: unknown,
  unit: string | null | undefined,
  opts: { allowOver100?: boolean; allowNegative?: boolean } = {},
  field = '实际值',
): Problem {
  if (value === undefined || value === null || value === '') return `请填写${field}`;
  const n = asNumber(value);
  if (n === null) return `${field}应为数字${unit ? `（单位：${unit}）` : ''}，${quote(value)}不是数字`;
  if (n < 0 && !opts.allowNegative) return `${field}不能为负数`;
  const u = (unit ?? '').trim();
  if (u === '%' && !opts.allowOver100 && n > 100) return `${field}单位为 %，应在 0 到 100 之间，不能为 ${n}`;
  if (COUNT_UNITS.test(u) && !Number.isInteger(n)) return `${field}单位为“${u}”，应为整数，不能为 ${n}`;
  return null;
}

/** Indicators whose percentages may pass 100 or fall below 0 (growth and change rates). */
export function indicatorValueOptions(indicator: { name: string; unit: string | null }): { allowOver100: boolean; allowNegative: boolean } {
  const rate = /增长|增速|增幅|变化|下降率|降低率|提高/.test(indicator.name);
  return { allowOver100: rate, allowNegative: rate };
}

/** A 完成时限 text: within its length and every date it names exists and lies in the window. */
export function checkDeadlineText(text: string | undefined, field = '完成时限', window: YearWindow = YEAR_BOUNDS): Problem {
  const t = text ?? '';
  const length = checkText(t, field, TEXT_LIMITS.deadline);
  if (length) return length;
  // Look at every date expression as written: the parser reads numbers, not calendars.
  for (const m of t.matchAll(/(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/g)) {
    const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
    const yp = checkYear(y, `${field}中的${y}年`, window);
    if (yp) return yp;
    if (mo !== null && (mo < 1 || mo > 12)) return `${field}中的“${m[0]}”不存在：月份应为 1 到 12`;
    if (mo !== null && d !== null && !isRealDate(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`)) {
      return `${field}中的“${m[0]}”不存在：${y}年${mo}月没有${d}日`;
    }
  }
  const parsed = parseDeadline(t);
  if (parsed.points.some((p) => !isRealDate(p.date))) return `${field}中有不存在的日期`;
  return null;
}

/**
 * A task's monthly report typed in the app may not complete it: completion needs a day and
 * evidence, recorded in 完成情况. Projects report 100 % as they like. (A lead unit's returned form
 * may say 100 / 已完成 with its 完成日期 and 完成依据: that is a claim the office confirms in
 * 完成情况, see shared/xlsx/form-values.ts; it never completes the task either.)
 */
export function checkTaskReportNotCompletion(subjectKind: 'task' | 'project', percent: number, status: string): Problem {
  if (subjectKind !== 'task') return null;
  if (status === 'done' || percent >= 100) return '任务完成须在“完成情况”中填写完成日期和完成依据；月度进展的完成进度请填 0 到 99';
  return null;
}

/** A short excerpt of a long text for lists and previews; the whole text is shown on demand. */
export function excerpt(text: string, max = 60): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

// ---------------------------------------------------------------------------------------------
// Schema refusals in Chinese: zod issues with the field named as a clerk knows it.

/** Chinese names of fields that appear in refusals, beyond the record fields of FIELD_LABELS. */
const PATH_LABELS: Record<string, string> = {
  percent: '完成进度',
  status: '状态',
  thisMonth: '本月进展',
  problems: '存在问题',
  nextSteps: '下步计划',
  reportedBy: '填报单位/人',
  investmentToDate: '累计完成投资',
  investmentThisYear: '本年完成投资',
  reportedAt: '填报时间',
  year: '年份',
  month: '月份',
  value: '实际值',
  judgement: '达标判断',
  enteredBy: '填报人',
  date: '日期',
  evidence: '完成依据',
  completionClaim: '完成报告的',
  points: '',
  text: '文字',
  scope: '阶段内容',
  duty: '任务分工',
  departmentId: '单位',
  years: '年份',
  target: '目标值',
  start: '开始',
  end: '结束',
  fromYear: '起始年份',
  startYear: '起算年份',
  indicatorId: '指标',
  subjectId: '任务或项目',
};

/** A zod path as words: ["deadline","points",0,"date"] → "完成时限第1个日期". */
export function pathLabel(path: readonly (string | number)[], fieldLabels: Record<string, string> = {}, table?: string): string {
  const out: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') {
      out.push(`第${p + 1}个`);
      continue;
    }
    const label = (table === 'progress' && p === 'period' ? '月份' : undefined) ?? PATH_LABELS[p] ?? fieldLabels[p] ?? p;
    out.push(label);
  }
  // "完成时限第1个日期日期" reads badly when the last two name the same thing.
  return out.join('').replace(/(日期)\1$/, '$1') || '记录';
}

/** Zod's messages in Chinese, naming what is allowed. */
export const zhErrorMap: ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined' || issue.received === 'null') return { message: '不能为空' };
      return { message: issue.expected === 'number' ? '应为数字' : issue.expected === 'string' ? '应为文字' : '格式不正确' };
    case 'too_small':
      if (issue.type === 'string') return { message: Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 字` };
      if (issue.type === 'array') return { message: `至少 ${issue.minimum} 项` };
      return { message: `不能小于 ${issue.minimum}` };
    case 'too_big':
      if (issue.type === 'string') return { message: `最多 ${issue.maximum} 字` };
      if (issue.type === 'array') return { message: `最多 ${issue.maximum} 项` };
      return { message: `不能大于 ${issue.maximum}` };
    case 'invalid_enum_value':
      return { message: '不是可选的值' };
    case 'unrecognized_keys':
      return { message: `有不认识的字段 ${issue.keys.join('、')}` };
    case 'not_finite':
      return { message: '应为有限的数字' };
    case 'invalid_string':
      return { message: '格式不正确' };
    case 'invalid_literal':
      return { message: `应为 ${String(issue.expected)}` };
    case 'invalid_union':
    case 'invalid_union_discriminator':
      return { message: '格式不正确' };
    case 'invalid_date':
      return { message: '不是有效的日期' };
    case 'not_multiple_of':
      return { message: '数值不符合要求' };
    case 'custom':
      return { message: issue.message ?? '不合要求' };
    default:
      return { message: ctx.defaultError };
  }
};

/** One Chinese sentence per zod issue: "完成进度 不能大于 100". */
export function issuesZh(issues: readonly ZodIssue[], fieldLabels: Record<string, string> = {}, table?: string): string[] {
  return issues.map((i) => `${pathLabel(i.path, fieldLabels, table)}：${i.message}`);
}

