import type { IsoDate } from '../domain/ids';
import type { ProgressEntry, ReportedStatus } from '../domain/progress';
import type { ConstructionStatus } from '../domain/project';
import type { WanYuan } from '../domain/money';
import type { ReportRole } from '../domain/reporting-rule';
import { REPORTED_STATUS_LABELS } from '../domain/progress';
import { CONSTRUCTION_STATUS_LABELS } from '../domain/project';
import { parseWan } from '../domain/money';
import { checkDayInput, checkPercent, checkText, checkWan, investmentWarning, parseDayInput, TEXT_LIMITS } from '../domain/validation';

/*
 * The columns of a department's fill-in form and the rules for what a department wrote in one
 * row. Every value goes through the same field rules as typing in the app (validation.ts:
 * checkPercent, checkWan, checkText with TEXT_LIMITS, days that exist); a task's row that says
 * 100 or 已完成 is a lead unit's claim of completion and needs its day and evidence.
 */

export const FORM_COLUMNS = [
  { key: 'kind', header: '类别', width: 6 },
  { key: 'number', header: '序号', width: 6 },
  { key: 'name', header: '任务/项目名称', width: 30 },
  { key: 'role', header: '本单位职责', width: 11 },
  { key: 'deadline', header: '完成时限', width: 16 },
  { key: 'previous', header: '上期完成百分比', width: 9 },
  { key: 'percent', header: '完成百分比（0—100）', width: 11, input: true },
  { key: 'status', header: '状态', width: 9, input: true },
  { key: 'doneDate', header: '完成日期（任务已完成时填）', width: 13, input: true, taskOnly: true, optional: true },
  { key: 'evidence', header: '完成依据（任务已完成时填）', width: 24, input: true, taskOnly: true, optional: true },
  { key: 'construction', header: '建设状态（项目）', width: 10, input: true, projectOnly: true },
  { key: 'invTotal', header: '累计完成投资（万元，项目）', width: 12, input: true, projectOnly: true },
  { key: 'invYear', header: '本年完成投资（万元，项目）', width: 12, input: true, projectOnly: true },
  { key: 'thisMonth', header: '本月进展', width: 40, input: true },
  { key: 'problems', header: '存在问题', width: 24, input: true },
  { key: 'nextSteps', header: '下步计划', width: 24, input: true },
] as const;
export type FormColumn = (typeof FORM_COLUMNS)[number];
export type ColumnKey = FormColumn['key'];

/** Columns a department types in. */
export const INPUT_KEYS = ['percent', 'status', 'doneDate', 'evidence', 'construction', 'invTotal', 'invYear', 'thisMonth', 'problems', 'nextSteps'] as const;
export type InputKey = (typeof INPUT_KEYS)[number];

/** Whether a row of this kind and share fills the column (a participant's row has no 完成日期/依据). */
export function fillable(column: FormColumn, kind: 'task' | 'project', share: 'lead' | 'participant'): boolean {
  if (!('input' in column) || !column.input) return false;
  if ('projectOnly' in column && column.projectOnly) return kind === 'project';
  if ('taskOnly' in column && column.taskOnly) return kind === 'task' && share === 'lead';
  return true;
}

export const STATUS_BY_LABEL = new Map<string, ReportedStatus>(Object.entries(REPORTED_STATUS_LABELS).map(([k, v]) => [v, k as ReportedStatus]));
const CONSTRUCTION_BY_LABEL = new Map<string, ConstructionStatus>(Object.entries(CONSTRUCTION_STATUS_LABELS).map(([k, v]) => [v, k as ConstructionStatus]));

/** An Excel day number (the cell lost its date format): 46346 → 2026-11-20. */
function fromSerial(text: string): string {
  if (!/^\d{5}(\.0+)?$/.test(text)) return text;
  const serial = Number(text);
  if (serial < 36526 || serial > 73415) return text; // 2000-01-01 … 2100-12-31
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

export interface RowContext {
  kind: 'task' | 'project';
  /** The unit's role for this subject now (reporting-rule.ts reportRole), not as the form said. */
  role: Exclude<ReportRole, 'office'>;
  /** The day the file is read: a completion day may not be after it. */
  today: IsoDate;
  plannedInvestment?: WanYuan | null;
}

export type RowValues = Pick<ProgressEntry, 'percent' | 'status' | 'thisMonth' | 'problems' | 'nextSteps' | 'investmentToDate' | 'investmentThisYear' | 'completionClaim'> & {
  constructionStatus?: ConstructionStatus;
};

export interface RowReading {
  problems: { key: InputKey | null; level: 'error' | 'warning'; message: string }[];
  /** Set when nothing was refused. */
  values?: RowValues;
}

/**
 * Reads one filled-in row. Refuses what typing would refuse; a task row with 100 or 已完成 from a
 * lead unit needs 完成日期 and 完成依据 and becomes a claim of completion (待确认完成); from a
 * participating unit it is that unit's own 配合情况 (its part is done) and claims nothing.
 */
export function readRow(get: (key: InputKey) => string, ctx: RowContext): RowReading {
  const problems: RowReading['problems'] = [];
  const error = (key: InputKey | null, message: string) => problems.push({ key, level: 'error', message });
  const warn = (key: InputKey | null, message: string) => problems.push({ key, level: 'warning', message });
  const isTask = ctx.kind === 'task';

  const statusText = get('status');
  const chosen = statusText ? STATUS_BY_LABEL.get(statusText) : undefined;
  if (statusText && !chosen) error('status', `状态“${statusText}”不是下拉列表中的选项（${Object.values(REPORTED_STATUS_LABELS).join('、')}）`);

  const percentText = get('percent').replace(/[%％\s]/g, '');
  let percent = NaN;
  if (percentText === '' && isTask && chosen === 'done') percent = 100;
  else if (percentText === '') error('percent', '没有填写完成百分比（0 到 100 之间的数字）');
  else {
    const p = checkPercent(percentText, '完成百分比');
    if (p) error('percent', p);
    else percent = Number(percentText);
  }

  const doneDate = fromSerial(get('doneDate'));
  const evidence = get('evidence');
  let completionClaim: RowValues['completionClaim'];
  const finished = isTask && (percent === 100 || chosen === 'done');
  if (isTask && chosen === 'done' && Number.isFinite(percent) && percent < 100) {
    error('percent', `状态选了“已完成”，完成百分比应填 100（现为 ${percent}）；尚未完成的请选“推进中”`);
  } else if (isTask && percent === 100 && chosen && chosen !== 'done') {
    error('status', `完成百分比填了 100，状态应选“已完成”（现为“${REPORTED_STATUS_LABELS[chosen]}”）；尚未完成的请填实际进度`);
  } else if (finished && ctx.role === 'lead') {
    const dayProblem = doneDate ? checkDayInput(doneDate, '完成日期', { latest: ctx.today }) : '任务已完成的，须填写完成日期（如 2026-11-20），否则不能导入';
    if (dayProblem) error('doneDate', dayProblem);
    const evidenceProblem = evidence ? checkText(evidence, '完成依据', TEXT_LIMITS.medium) : '任务已完成的，须填写完成依据（如验收意见、印发文件的名称和文号），否则不能导入';
    if (evidenceProblem) error('evidence', evidenceProblem);
    const date = doneDate ? parseDayInput(doneDate) : null;
    if (!dayProblem && !evidenceProblem && date) completionClaim = { date, evidence };
  } else if (finished) {
    warn('percent', '这是本单位的配合情况：100 表示本单位的配合工作已完成，不作为任务完成的报告（任务是否完成由牵头单位报告）');
    if (doneDate || evidence) warn('doneDate', '完成日期和完成依据只由牵头单位填写，这里的未导入；需要说明的请写在“本月进展”中');
  } else if (doneDate || evidence) {
    if (!isTask) warn('doneDate', '项目不填完成日期和完成依据（项目建成请在“建设状态”中选择），这里的未导入');
    else if (ctx.role === 'lead' && Number.isFinite(percent)) error('doneDate', `填写了完成日期或完成依据，但完成百分比为 ${percent}：任务已完成的请填 100 并选“已完成”；尚未完成的请清空完成日期和完成依据`);
    else if (ctx.role !== 'lead') warn('doneDate', '完成日期和完成依据只由牵头单位填写，这里的未导入');
  }

  const thisMonth = get('thisMonth');
  const texts = { thisMonth: checkText(thisMonth, '本月进展', TEXT_LIMITS.long, true), problems: checkText(get('problems'), '存在问题', TEXT_LIMITS.long), nextSteps: checkText(get('nextSteps'), '下步计划', TEXT_LIMITS.long) };
  for (const [key, problem] of Object.entries(texts) as [InputKey, string | null][]) if (problem) error(key, problem);

  let constructionStatus: ConstructionStatus | undefined;
  const investment: Pick<RowValues, 'investmentToDate' | 'investmentThisYear'> = {};
  if (!isTask) {
    const c = get('construction');
    if (c) {
      constructionStatus = CONSTRUCTION_BY_LABEL.get(c);
      if (!constructionStatus) error('construction', `建设状态“${c}”不是下拉列表中的选项（${Object.values(CONSTRUCTION_STATUS_LABELS).join('、')}）`);
    }
    for (const [key, field, label] of [['invTotal', 'investmentToDate', '累计完成投资'], ['invYear', 'investmentThisYear', '本年完成投资']] as const) {
      const t = get(key);
      const problem = checkWan(t, label);
      if (problem) error(key, problem);
      else if (t) investment[field] = parseWan(t) ?? undefined;
    }
    const over = investmentWarning(investment.investmentToDate, ctx.plannedInvestment);
    if (over) warn('invTotal', over);
  }

  if (problems.some((p) => p.level === 'error')) return { problems };
  // The status as chosen; a blank one reads from the percentage. The percentage never changes a chosen one.
  const status = chosen ?? (finished ? 'done' : 'in-progress');
  return {
    problems,
    values: { percent, status, thisMonth, problems: get('problems'), nextSteps: get('nextSteps'), ...investment, ...(completionClaim ? { completionClaim } : {}), ...(constructionStatus ? { constructionStatus } : {}) },
  };
}
