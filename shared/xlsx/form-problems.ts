import type { IsoDate, Period } from '../domain/ids';
import { chinaToday, formatDateZh } from '../domain/time';
import type { FollowUp, Problem } from '../domain/problem';
import { checkText, TEXT_LIMITS } from '../domain/validation';
import type { PlanEdit } from '../views/plan-tables';
import type { ProblemFormRow } from '../views/problems';
import { sameSeal, seal } from './form-seal';
import type { SheetProblem } from './errors';
import { BORDER, FONT, HEADER_FILL, INPUT_FILL } from './layout';
import { cellText, columnLetter, setText, type Workbook } from './workbook';

/**
 * The 问题整改 sheet of a department's fill-in form: one row per open problem it answers for
 * (overdue first), with 处理进展 and 是否解决 to fill. Read back, each filled row becomes a
 * follow-up of its problem; the problem is closed only by the office's 销号, never by the form.
 */
export const PROBLEM_SHEET = '问题整改';
const ROW_PREFIX = 'problem:';
const HEADER = 4;
const RESOLVED = { yes: '是', no: '否' } as const;

const COLUMNS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'subject', header: '所属任务/项目', width: 28 },
  { key: 'text', header: '存在问题', width: 36 },
  { key: 'raisedOn', header: '提出日期', width: 12 },
  { key: 'due', header: '办结时限', width: 12 },
  { key: 'status', header: '状态', width: 12 },
  { key: 'last', header: '上次处理进展', width: 26 },
  { key: 'progress', header: '本月处理进展', width: 36, input: true },
  { key: 'resolved', header: '是否解决', width: 10, input: true },
] as const;
type Key = (typeof COLUMNS)[number]['key'];
const colOf = (key: Key) => 2 + COLUMNS.findIndex((c) => c.key === key);

export interface ProblemSheetMarks {
  officeCode: string;
  period: Period;
  departmentId: string;
  formSecret?: Uint8Array;
}

function rowKey(marks: ProblemSheetMarks, problemId: string): string {
  const key = `${ROW_PREFIX}${problemId}`;
  return marks.formSecret ? `${key}#${seal(marks.formSecret, 'problem', marks.officeCode, marks.period, marks.departmentId, key)}` : key;
}

/** Adds the sheet when the department has open problems; a form without any has no such sheet. */
export async function addProblemSheet(wb: Workbook, rows: readonly ProblemFormRow[], marks: ProblemSheetMarks & { departmentName: string }): Promise<void> {
  if (!rows.length) return;
  const ws = wb.addWorksheet(PROBLEM_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER}:${HEADER}` },
  });
  ws.getColumn(1).width = 4;
  ws.getColumn(1).hidden = true;
  COLUMNS.forEach((c, i) => (ws.getColumn(2 + i).width = c.width));
  const last = 1 + COLUMNS.length;
  const line = (row: number, text: string, size: number, bold: boolean) => {
    ws.mergeCells(row, 2, row, last);
    const cell = ws.getCell(row, 2);
    setText(cell, text);
    cell.font = { name: FONT, size, bold };
    cell.alignment = { horizontal: row === 1 ? 'center' : 'left', vertical: 'middle', wrapText: true };
  };
  line(1, `${marks.departmentName} 存在问题整改情况`, 14, true);
  const overdue = rows.filter((r) => r.status === 'overdue').length;
  line(2, `共 ${rows.length} 个问题未销号${overdue ? `，其中 ${overdue} 个已逾期` : ''}。请在黄色单元格填写本月处理进展；问题已解决的，“是否解决”选“是”，并在处理进展中写明办结情况和佐证材料，由无废办核实后销号。`, 10, false);
  ws.getRow(2).height = 36;
  setText(ws.getCell(HEADER, 1), '编号');
  COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(HEADER, 2 + i);
    setText(cell, c.header);
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = 'input' in c ? INPUT_FILL : HEADER_FILL;
  });
  rows.forEach((p, k) => {
    const r = HEADER + 1 + k;
    setText(ws.getCell(r, 1), rowKey(marks, p.problemId));
    const values: Record<Key, string> = {
      no: String(k + 1),
      subject: p.subjectTitle,
      text: p.text,
      raisedOn: formatDateZh(p.raisedOn),
      due: formatDateZh(p.due),
      status: p.daysOverdue > 0 ? `${p.statusLabel}（${p.daysOverdue} 天）` : p.statusLabel,
      last: p.lastProgress ? `${p.lastProgress}${p.lastResolved ? '（报已解决）' : ''}` : '—',
      progress: '',
      resolved: '',
    };
    COLUMNS.forEach((c, i) => {
      const cell = ws.getCell(r, 2 + i);
      setText(cell, values[c.key]);
      cell.font = { name: FONT, size: 10, ...(c.key === 'status' && p.status === 'overdue' ? { color: { argb: 'FFC00000' }, bold: true } : {}) };
      cell.alignment = { vertical: 'middle', horizontal: ['no', 'raisedOn', 'due', 'status', 'resolved'].includes(c.key) ? 'center' : 'left', wrapText: true };
      cell.border = BORDER;
      if ('input' in c) {
        cell.fill = INPUT_FILL;
        cell.protection = { locked: false };
      }
    });
    ws.getCell(r, colOf('resolved')).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${RESOLVED.yes},${RESOLVED.no}"`], showErrorMessage: true, errorTitle: '是否解决', error: '请从下拉列表中选择“是”或“否”' };
    ws.getRow(r).height = Math.min(120, Math.max(32, Math.ceil([...p.text].length / 18) * 14 + 8));
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/** One filled row read back: the follow-up it records, or why it is not recorded. */
export interface ProblemRowReading {
  row: number;
  problemId: string;
  label: string;
  status: 'new' | 'unchanged' | 'empty' | 'error';
  followUp?: FollowUp;
  problems: SheetProblem[];
}

export interface ProblemSheetContext extends ProblemSheetMarks {
  departmentName: string;
  /** The office's problems as stored now. */
  problems: readonly Problem[];
  now: Date;
}

/** Reads the 问题整改 sheet of a returned form; a form without it reads as no rows. */
export function readProblemSheet(wb: Workbook, ctx: ProblemSheetContext): ProblemRowReading[] {
  const ws = wb.getWorksheet(PROBLEM_SHEET);
  if (!ws) return [];
  const byId = new Map(ctx.problems.map((p) => [p.id, p]));
  const day: IsoDate = chinaToday(ctx.now);
  const out: ProblemRowReading[] = [];
  for (let r = HEADER + 1; r <= ws.rowCount; r++) {
    const mark = cellText(ws.getCell(r, 1));
    const progress = cellText(ws.getCell(r, colOf('progress'))).trim();
    const resolvedText = cellText(ws.getCell(r, colOf('resolved'))).trim();
    const label = cellText(ws.getCell(r, colOf('text'))).slice(0, 30) || `第 ${r} 行`;
    const problems: SheetProblem[] = [];
    const error = (column: Key | '', message: string) => problems.push({ level: 'error', sheet: ws.name, row: r, column: column ? columnLetter(colOf(column)) : '', message });
    if (!mark.startsWith(ROW_PREFIX)) {
      if (progress || resolvedText) out.push({ row: r, problemId: '', label, status: 'error', problems: [{ level: 'error', sheet: ws.name, row: r, column: '', message: '这一行是后来添加的（没有程序编号），无法对应到问题，不导入。' }] });
      continue;
    }
    const [key, sealText] = mark.split('#');
    const problemId = key.slice(ROW_PREFIX.length);
    if (!progress && !resolvedText) {
      out.push({ row: r, problemId, label, status: 'empty', problems });
      continue;
    }
    if (ctx.formSecret && !(sealText && sameSeal(sealText, seal(ctx.formSecret, 'problem', ctx.officeCode, ctx.period, ctx.departmentId, key)))) {
      error('', '这一行的隐藏编号与本单位签发时不符（被改动或从别的表复制），不导入。');
    }
    const problem = byId.get(problemId);
    if (!problem) error('', '没有找到这一问题（可能已被删除），不导入。');
    else if (problem.closing) error('', `这一问题已于 ${problem.closing.date} 销号，不再记录处理进展。`);
    if (!progress) error('progress', '填写了“是否解决”，但没有写本月处理进展');
    const textProblem = checkText(progress, '本月处理进展', TEXT_LIMITS.long);
    if (textProblem) error('progress', textProblem);
    let resolved = false;
    if (resolvedText === RESOLVED.yes) resolved = true;
    else if (resolvedText && resolvedText !== RESOLVED.no) error('resolved', `“是否解决”应为“是”或“否”，表中为“${resolvedText}”`);
    if (problems.length || !problem) {
      out.push({ row: r, problemId, label, status: 'error', problems });
      continue;
    }
    const latest = problem.followUps.filter((f) => f.unit.departmentId === ctx.departmentId).at(-1);
    if (latest && latest.text === progress && latest.resolved === resolved) {
      out.push({ row: r, problemId, label, status: 'unchanged', problems: [{ level: 'warning', sheet: ws.name, row: r, column: '', message: '这条处理进展已经导入过，内容相同，不再重复记录。' }] });
      continue;
    }
    if (problem.responsibleId && problem.responsibleId !== ctx.departmentId) {
      problems.push({ level: 'warning', sheet: ws.name, row: r, column: '', message: `${ctx.departmentName}已不是这一问题的责任单位：处理进展照录，供参考` });
    }
    out.push({ row: r, problemId, label, status: 'new', problems, followUp: { date: day, unit: { departmentId: ctx.departmentId, name: ctx.departmentName }, text: progress, resolved } });
  }
  return out;
}

/** The edits that append every new follow-up of the readings to its problem (several forms may answer one problem). */
export function problemFollowUpEdits(readings: readonly ProblemRowReading[], problems: readonly Problem[]): PlanEdit[] {
  const added = new Map<string, FollowUp[]>();
  for (const r of readings) if (r.status === 'new' && r.followUp) added.set(r.problemId, [...(added.get(r.problemId) ?? []), r.followUp]);
  const byId = new Map(problems.map((p) => [p.id, p]));
  return [...added].flatMap(([id, more]) => {
    const p = byId.get(id);
    return p ? [{ table: 'problems' as const, id, patch: { followUps: [...p.followUps, ...more] } }] : [];
  });
}
