import { zipSync, strToU8 } from 'fflate';
import type { PlanData } from '../views/plan-data';
import type { Period } from '../domain/ids';
import type { ProgressEntry } from '../domain/progress';
import type { ConstructionStatus, Project } from '../domain/project';
import type { Task } from '../domain/task';
import type { Change, PlanEdit } from '../app/change';
import { REPORTED_STATUS_LABELS, ProgressEntrySchema } from '../domain/progress';
import { CONSTRUCTION_STATUS_LABELS } from '../domain/project';
import { isCollectiveDepartment } from '../domain/collective-name';
import { projectReportUnits, reportRole, taskReportUnits, type ReportRole } from '../domain/reporting-rule';
import { reportDirectory } from '../views/report-units';
import { progressEntry } from '../views/progress-entry';
import { checkText, TEXT_LIMITS } from '../domain/validation';
import { sameSeal, seal } from './form-seal';
import { chinaToday, formatDateZh, formatPeriodZh, reportDueZh, shiftPeriod } from '../domain/time';
import { idBelongsTo, idNamespaceOf } from '../exchange/ownership';
import { XlsxError, type SheetProblem } from './errors';
import { answeredProblemRows, collectiveFormNotes, departmentsWithForms, formFileName, formItems, type FormItem } from './form-items';
import { departmentGuideLines, formIssuer, guideLines, zipGuide, type FormGuideOptions } from './form-guide';
import { FORM_COLUMNS as COLUMNS, INPUT_KEYS, fillable, readRow, type ColumnKey, type InputKey } from './form-values';
import { BORDER, FONT, HEADER_FILL, INPUT_FILL, SECTION_FILL } from './layout';
import { addProblemSheet, problemFollowUpEdits, readProblemSheet, type ProblemRowReading } from './form-problems';
import type { Problem } from '../domain/problem';
import type { ProblemFormRow } from '../views/problems';
import { cellText, columnLetter, newWorkbook, setText, writeWorkbook, type Workbook, type Worksheet } from './workbook';

export { collectiveFormNotes, departmentsWithForms, formFileName, formItems, FORM_ROLE_LABELS, type FormItem, type FormRecipient, type FormScope } from './form-items';
export type { FormGuideOptions } from './form-guide';

export const FORM_SHEET = '填报表';
export const GUIDE_SHEET = '说明';
export const FORM_FORMAT = 'zwc-form/1';

/** Column A holds the form's and each row's ids (hidden, locked); the table starts at B. */
const FIRST = 2;
const colOf = (key: ColumnKey) => FIRST + COLUMNS.findIndex((c) => c.key === key);
const HEADER = 6;
const REPORTER_LABEL = '填报人';
const PHONE_LABEL = '联系电话';
/** Where a department can say 已完成 and is asked for the day: a real day, 2000—2100. */
const DAY_RANGE = [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))];

function roleText(item: FormItem): string {
  return item.share === 'participant' ? `${item.role}\n（配合情况）` : item.role;
}

function addGuideSheet(wb: Workbook, lines: readonly string[]): void {
  const ws = wb.addWorksheet(GUIDE_SHEET, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getColumn(1).width = 2;
  ws.getColumn(2).width = 110;
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 2);
    setText(cell, line);
    const heading = i === 0 || /^[一二三四五六七八九十]、/.test(line);
    cell.font = { name: FONT, size: i === 0 ? 14 : 11, bold: heading };
    cell.alignment = { vertical: 'top', wrapText: true };
    ws.getRow(i + 1).height = line ? Math.max(18, Math.ceil([...line].length / 52) * 16) : 8;
  });
}

/**
 * A department's fill-in form for a period: its tasks and projects (lead rows, then with the
 * scope 'all' its 配合情况 rows), the fields it fills (yellow, unlocked, with drop-downs and a
 * 0–100 check), 完成日期 and 完成依据 for a task it finished, instructions at the top and a 说明
 * sheet, and the office, period, department and row ids in a hidden, locked column A so the form
 * imports back exactly. Never for a collective name (各成员单位 …): no one can send that back.
 */
/** How a form is issued: the guide's options and the office's form secret that seals its ids (form-seal.ts). */
export type FormIssueOptions = FormGuideOptions & {
  formSecret?: Uint8Array;
  /** A department's open problems (ProblemService.openForDepartment): one 问题整改 row each. */
  problemRows?: (departmentId: string) => readonly ProblemFormRow[];
};

export async function buildDepartmentForm(plan: PlanData, departmentId: string, period: Period, today: string, opts: FormIssueOptions = {}): Promise<Workbook> {
  const dept = plan.departments.find((d) => d.id === departmentId);
  if (!dept) throw new XlsxError('wrong-form', `单位名录中没有编号为 ${departmentId} 的单位。`);
  if (isCollectiveDepartment(dept)) throw new XlsxError('wrong-form', `“${dept.name}”是集合名称，不是一个能填写、报回的单位，不生成填报表；请把任务落实到具体单位，或由${formIssuer(plan).short}另行通知。`);
  const items = formItems(plan, departmentId, period, opts.scope ?? 'lead');
  const helping = items.some((i) => i.share === 'participant');
  const wb = newWorkbook();
  const last = columnLetter(FIRST + COLUMNS.length - 1);
  const ws = wb.addWorksheet(FORM_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER}:${HEADER}`, margins: { left: 0.3, right: 0.3, top: 0.6, bottom: 0.5, header: 0.3, footer: 0.3 } },
    headerFooter: { oddHeader: `&L&9&"${FONT}"${plan.office.name.replace(/&/g, '&&')}无废办&R&9&"${FONT}"${formatDateZh(today)}`, oddFooter: `&C&9&"${FONT}"第 &P 页，共 &N 页` },
  });
  ws.getColumn(1).width = 4;
  ws.getColumn(1).hidden = true;
  COLUMNS.forEach((c, i) => (ws.getColumn(FIRST + i).width = c.width));
  const listed = items.map((i) => i.id).join(',');
  // A5 ends with the seal over the form's office, period, department and rows, made with the office's secret.
  const formSeal = opts.formSecret ? `${SEAL_SEPARATOR}${SEAL_PREFIX}${seal(opts.formSecret, FORM_FORMAT, plan.office.code, period, departmentId, listed)}` : '';
  const meta = [FORM_FORMAT, plan.office.code, period, departmentId, `${listed}${formSeal}`];
  meta.forEach((v, i) => setText(ws.getCell(i + 1, 1), v));

  const merged = (row: number, from: number, to: number, text: string, opts2: { size?: number; bold?: boolean; align?: 'center' | 'left'; input?: boolean } = {}) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    setText(cell, text);
    cell.font = { name: FONT, size: opts2.size ?? 10, bold: opts2.bold ?? false };
    cell.alignment = { horizontal: opts2.align ?? 'left', vertical: 'middle', wrapText: true };
    if (opts2.input) {
      cell.fill = INPUT_FILL;
      cell.border = BORDER;
      cell.protection = { locked: false };
    }
  };
  const lastCol = FIRST + COLUMNS.length - 1;
  merged(1, FIRST, lastCol, `${plan.office.name}“无废城市”建设 ${formatPeriodZh(period)}进展填报表`, { size: 16, bold: true, align: 'center' });
  ws.getRow(1).height = 30;
  merged(2, FIRST, lastCol, `填报单位：${dept.name}\u3000\u3000报送月份：${formatPeriodZh(period)}\u3000\u3000请于 ${reportDueZh(period)}前报回${formIssuer(plan).short}\u3000\u3000共 ${items.length} 项`, { size: 11, bold: true });
  ws.getRow(2).height = 22;
  const notes = [
    '填报说明（详见“说明”工作表）：1. 只填写黄色单元格，其余单元格已锁定；请勿增加、删除行，勿修改表格结构，填好后原样保存为 .xlsx 发回。',
    '2. “完成百分比”填 0—100 的数字；“状态”“建设状态”从下拉列表中选择；“本月进展”必填。',
    '3. 本单位牵头的任务已全部完成的：完成百分比填 100，状态选“已完成”，并填写“完成日期”和“完成依据”，由无废办核实后确认完成；缺日期或依据的不能导入。',
    helping ? '4. “本单位职责”写有“配合情况”的行，填本单位自己的配合工作，不代替牵头单位报送，也不计入任务进度。' : '',
    `${helping ? 5 : 4}. 项目另填“累计完成投资”“本年完成投资”（万元，可带小数）。没有进展的行可以空着，空行不会导入。`,
  ].filter(Boolean);
  merged(3, FIRST, lastCol, notes.join('\n'), { size: 10 });
  ws.getRow(3).height = 16 * notes.length + 14;
  ws.getRow(4).height = 6;
  // 填报人 and 联系电话 are typed in; the person becomes the reports' 填报单位/人.
  merged(5, colOf('kind'), colOf('number'), `${REPORTER_LABEL}：`, { align: 'center' });
  merged(5, colOf('name'), colOf('name'), '', { input: true });
  merged(5, colOf('role'), colOf('role'), `${PHONE_LABEL}：`, { align: 'center' });
  merged(5, colOf('deadline'), colOf('previous'), '', { input: true });
  merged(5, colOf('percent'), lastCol, '单位负责人（签字）：＿＿＿＿＿＿', { size: 10 });
  ws.getRow(5).height = 22;
  setText(ws.getCell(HEADER, 1), '编号');
  COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(HEADER, FIRST + i);
    setText(cell, c.header);
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = 'input' in c && c.input ? INPUT_FILL : HEADER_FILL;
  });
  ws.getRow(HEADER).height = 40;

  // The form's words, its cell checks and the import agree: 0—100 for every row, 已完成 offered,
  // and a task's 100 / 已完成 from its lead unit needs 完成日期 and 完成依据 (form-values.ts).
  const statusList = `"${Object.values(REPORTED_STATUS_LABELS).join(',')}"`;
  const constructionList = `"${Object.values(CONSTRUCTION_STATUS_LABELS).join(',')}"`;
  const centred = new Set<ColumnKey>(['kind', 'number', 'role', 'previous', 'percent', 'status', 'doneDate', 'construction', 'invTotal', 'invYear']);
  items.forEach((item, k) => {
    const r = HEADER + 1 + k;
    const rowKey = `${item.kind}:${item.id}`;
    // Each row's id sealed with the form's office, period and department: an edited or copied row no longer matches.
    setText(ws.getCell(r, 1), opts.formSecret ? `${rowKey}#${seal(opts.formSecret, 'row', plan.office.code, period, departmentId, rowKey)}` : rowKey);
    const values: Partial<Record<ColumnKey, string>> = {
      kind: item.kind === 'task' ? '任务' : '项目',
      number: item.number,
      name: item.name,
      role: roleText(item),
      deadline: item.deadline,
      previous: item.previous ? `${item.previous.percent}%（${formatPeriodZh(item.previous.period)}）` : '—',
      construction: item.kind === 'project' && item.constructionStatus ? CONSTRUCTION_STATUS_LABELS[item.constructionStatus] : '',
    };
    COLUMNS.forEach((c, i) => {
      const cell = ws.getCell(r, FIRST + i);
      setText(cell, values[c.key] ?? '');
      cell.font = { name: FONT, size: 10, ...(c.key === 'role' && item.share === 'participant' ? { color: { argb: 'FF7F6000' } } : {}) };
      cell.alignment = { vertical: 'middle', horizontal: centred.has(c.key) ? 'center' : 'left', wrapText: true };
      cell.border = BORDER;
      if (fillable(c, item.kind, item.share)) {
        cell.fill = INPUT_FILL;
        cell.protection = { locked: false };
      } else if ('input' in c && c.input) cell.fill = SECTION_FILL;
    });
    const done = item.kind === 'task' && item.share === 'lead' ? '（任务已完成的填 100，并填写完成日期和完成依据）' : '';
    ws.getCell(r, colOf('percent')).dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, errorTitle: '完成百分比', error: `请填写 0 到 100 之间的数字${done}` };
    ws.getCell(r, colOf('status')).dataValidation = { type: 'list', allowBlank: true, formulae: [statusList], showErrorMessage: true, errorTitle: '状态', error: '请从下拉列表中选择' };
    if (fillable(COLUMNS[colOf('doneDate') - FIRST], item.kind, item.share)) {
      const day = ws.getCell(r, colOf('doneDate'));
      day.numFmt = 'yyyy-mm-dd';
      day.dataValidation = { type: 'date', operator: 'between', allowBlank: true, formulae: DAY_RANGE, showErrorMessage: true, errorTitle: '完成日期', error: '请填写完成日期，如 2026-11-20（只在任务已完成时填写）' };
    }
    if (item.kind === 'project') {
      ws.getCell(r, colOf('construction')).dataValidation = { type: 'list', allowBlank: true, formulae: [constructionList], showErrorMessage: true, errorTitle: '建设状态', error: '请从下拉列表中选择' };
      for (const key of ['invTotal', 'invYear'] as const) {
        ws.getCell(r, colOf(key)).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: '投资', error: '请填写万元数，不小于 0' };
      }
    }
    ws.getRow(r).height = Math.min(120, Math.max(36, Math.ceil([...item.name].length / 14) * 14 + 8));
  });
  ws.pageSetup.printArea = `B1:${last}${HEADER + Math.max(1, items.length)}`;
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  await addProblemSheet(wb, opts.problemRows?.(departmentId) ?? [], { officeCode: plan.office.code, period, departmentId, departmentName: dept.name, formSecret: opts.formSecret });
  addGuideSheet(wb, [...guideLines(plan, period, opts).slice(0, 2), ...departmentGuideLines(dept.name, items), ...guideLines(plan, period, opts).slice(2)]);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

/**
 * Every recipient's form for a period in one zip (lead units unless the scope is 'all'), with a
 * 说明.txt a department can act on: the guide, then the files, then the collective names that got
 * no form and who reports for their tasks.
 */
export async function buildAllForms(plan: PlanData, period: Period, today: string, opts: FormIssueOptions = {}): Promise<{ bytes: Uint8Array; files: string[] }> {
  const files: Record<string, Uint8Array> = {};
  const sent: { file: string; recipient: ReturnType<typeof departmentsWithForms>[number] }[] = [];
  for (const d of departmentsWithForms(plan, period, opts.scope ?? 'lead')) {
    const name = formFileName(plan, d.departmentId, period);
    files[name] = await writeWorkbook(await buildDepartmentForm(plan, d.departmentId, period, today, opts));
    sent.push({ file: name, recipient: d });
  }
  files['说明.txt'] = strToU8(zipGuide(plan, period, sent, collectiveFormNotes(plan, period, opts.scope ?? 'lead'), opts));
  return { bytes: zipSync(files, { level: 6 }), files: sent.map((s) => s.file) };
}

/* ------------------------------------------------------------------ import */

export interface FormRow {
  row: number;
  kind: 'task' | 'project';
  subjectId: string;
  label: string;
  /** new: will be recorded · unchanged: this report is already in the ledger · empty: not filled in · error: refused. */
  status: 'new' | 'unchanged' | 'empty' | 'error';
  /**
   * The form's unit for this subject now (decided from the task or project at import, not from
   * the form): `lead` — its report makes the figure; `participant` — its own 配合情况; `other` — it
   * has no part any more (kept, counts for nothing).
   */
  role?: Exclude<ReportRole, 'office'>;
  entry?: ProgressEntry;
  constructionStatus?: ConstructionStatus;
  problems: SheetProblem[];
}


export interface FormPreview {
  fileName: string;
  officeCode: string;
  period: Period;
  departmentId: string;
  departmentName: string;
  /** Who filled it in (the form's 填报人), or the department's name. */
  reportedBy: string;
  rows: FormRow[];
  /** Problems of the whole form (rows removed). */
  problems: SheetProblem[];
  counts: { new: number; unchanged: number; empty: number; error: number };
  /** The 问题整改 rows: each filled one a follow-up of its problem. */
  problemRows: ProblemRowReading[];
}

export interface FormImportContext {
  fileName: string;
  plan: PlanData;
  /** The period the clerk is collecting; a form for another period is refused. */
  period: Period;
  deviceId: string;
  now: Date;
  /** The office's form secret: forms it sealed are checked against it, row by row. */
  formSecret?: Uint8Array;
  /** The office's problems as stored: the form's 问题整改 rows are read against them. */
  problems?: readonly Problem[];
}

const SEAL_PREFIX = 'seal:';
const SEAL_SEPARATOR = '|';

/**
 * Whether the form's hidden marks are the office's: 'sealed' (checked, rows then checked one by
 * one), 'unsealed' (made before seals existed, or the secret is not on this laptop: imported with
 * a warning), or a refusal when the seal does not match.
 */
function checkFormSeal(ws: Worksheet, ctx: FormImportContext, sealText: string, marks: readonly string[]): 'sealed' | 'old' | 'unverifiable' | 'none' {
  const hasSeal = sealText.startsWith(SEAL_PREFIX);
  if (!ctx.formSecret) return hasSeal ? 'unverifiable' : 'none';
  if (!hasSeal) return 'old';
  if (!sameSeal(sealText.slice(SEAL_PREFIX.length), seal(ctx.formSecret, FORM_FORMAT, ...marks))) {
    throw new XlsxError(
      'wrong-form',
      `工作表「${ws.name}」的隐藏标识（A 列：单位、月份、所列任务）与本单位签发时不符：被改动过，或不是本单位签发的填报表，不能导入。请让对方在原表上填写后发回。`,
    );
  }
  return 'sealed';
}

function findFormSheet(wb: Workbook): Worksheet {
  const ws = wb.getWorksheet(FORM_SHEET) ?? wb.worksheets.find((w) => cellText(w.getCell('A1')) === FORM_FORMAT);
  if (!ws || cellText(ws.getCell('A1')) !== FORM_FORMAT) {
    throw new XlsxError(
      'missing-sheet',
      ws
        ? `工作表「${ws.name}」的隐藏标识（A 列）被删除或修改，无法确认是哪个单位、哪个月份的填报表。请让对方在原表上填写后发回。`
        : `这不是本程序生成的进展填报表：没有找到“${FORM_SHEET}”工作表（文件中的工作表：${wb.worksheets.map((w) => `「${w.name}」`).join('、') || '无'}）。`,
    );
  }
  return ws;
}

/** The form's 填报人 (row 5 of a form made since 完成日期 was added), or '' when it has none. */
function formReporter(ws: Worksheet, header: number): string {
  for (let r = 1; r < header; r++) {
    for (let c = 2; c <= 20; c++) {
      const label = cellText(ws.getCell(r, c));
      if (!new RegExp(`^${REPORTER_LABEL}[:：]?$`).test(label)) continue;
      // The next cell to the right that is not the label's own merged cell.
      for (let k = c + 1; k <= c + 4; k++) {
        const t = cellText(ws.getCell(r, k));
        if (t === label) continue;
        return t.startsWith(PHONE_LABEL) || /^[＿_\s]*$/.test(t) ? '' : t;
      }
    }
  }
  return '';
}

/** FNV-1a over the report's content: the same filled-in row always gives the same entry id. */
function contentHash(parts: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const ch of parts.join('\u0001')) {
    const c = ch.codePointAt(0) ?? 0;
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function sameReport(a: ProgressEntry, b: ProgressEntry): boolean {
  return (
    a.percent === b.percent &&
    a.status === b.status &&
    a.thisMonth === b.thisMonth &&
    a.problems === b.problems &&
    a.nextSteps === b.nextSteps &&
    (a.investmentToDate ?? '') === (b.investmentToDate ?? '') &&
    (a.investmentThisYear ?? '') === (b.investmentThisYear ?? '') &&
    (a.completionClaim?.date ?? '') === (b.completionClaim?.date ?? '') &&
    (a.completionClaim?.evidence ?? '') === (b.completionClaim?.evidence ?? '')
  );
}

/**
 * Reads a returned form. Refuses a form for another office or period, or whose hidden marks were
 * removed; flags row by row what cannot be recorded (ids edited, rows added, values the field
 * rules refuse, a task reported finished without its day and evidence) and warns where a value
 * needs a look (investment above plan, 配合情况); rows left blank are skipped, and a report
 * already recorded is not recorded again. Each report is the form's unit's (departmentId), its
 * role decided from the task or project as it is now.
 */
export function previewDepartmentForm(wb: Workbook, ctx: FormImportContext): FormPreview {
  const ws = findFormSheet(wb);
  const { plan } = ctx;
  const officeCode = cellText(ws.getCell('A2'));
  const period = cellText(ws.getCell('A3'));
  const departmentId = cellText(ws.getCell('A4'));
  const [listedText, sealText = ''] = cellText(ws.getCell('A5')).split(SEAL_SEPARATOR);
  const listed = listedText.split(',').filter(Boolean);
  if (officeCode !== plan.office.code) {
    throw new XlsxError('wrong-office', `这份填报表属于单位代码 ${officeCode || '（空）'}，不是本单位（${plan.office.name} ${plan.office.code}）的，不能导入。`);
  }
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new XlsxError('wrong-form', '填报表的报送月份标识被修改，无法导入。请让对方在原表上填写后发回。');
  if (period !== ctx.period) {
    throw new XlsxError('wrong-period', `这是 ${formatPeriodZh(period)}的填报表，当前调度月份是 ${formatPeriodZh(ctx.period)}。如确要导入，请先把调度月份切换到 ${formatPeriodZh(period)}。`);
  }
  const dept = plan.departments.find((d) => d.id === departmentId);
  if (!dept) throw new XlsxError('wrong-form', `填报表中的单位编号 ${departmentId || '（空）'} 不在本单位的单位名录中，无法导入。`);
  const sealState = checkFormSeal(ws, ctx, sealText, [officeCode, period, departmentId, listedText]);
  const sealed = sealState === 'sealed';

  // Columns by header text, so a form whose columns were moved still reads right.
  let header = 0;
  for (let r = 1; r <= 15 && !header; r++) for (let c = 1; c <= 40; c++) if (cellText(ws.getCell(r, c)).startsWith('完成百分比')) header = r;
  if (!header) throw new XlsxError('wrong-form', `工作表「${ws.name}」找不到表头行（“完成百分比”等列），表格结构可能被修改。`);
  const cols = new Map<ColumnKey, number>();
  for (let c = 2; c <= 40; c++) {
    const t = cellText(ws.getCell(header, c));
    const def = COLUMNS.find((x) => x.header === t);
    if (def) cols.set(def.key, c);
  }
  // 完成日期 / 完成依据 came later: a form made before them still imports (without a claim).
  const missing = COLUMNS.filter((c) => 'input' in c && c.input && !('optional' in c && c.optional) && !cols.has(c.key)).map((c) => c.header);
  if (missing.length) throw new XlsxError('wrong-form', `工作表「${ws.name}」缺少列：${missing.join('、')}。表格结构被修改，无法导入。`);
  const get = (r: number, key: ColumnKey) => (cols.has(key) ? cellText(ws.getCell(r, cols.get(key) as number)) : '');
  const where = (key: ColumnKey | null) => (key ? `${columnLetter(cols.get(key) ?? 1)}（${COLUMNS.find((c) => c.key === key)?.header ?? ''}）` : '');

  const problems: SheetProblem[] = [];
  const typedReporter = formReporter(ws, header);
  const reporterProblem = checkText(typedReporter, '填报人', TEXT_LIMITS.name);
  if (reporterProblem) problems.push({ level: 'warning', sheet: ws.name, row: 5, column: '', message: `${reporterProblem}；进展按单位名称“${dept.name}”记录` });
  const reportedBy = typedReporter && !reporterProblem ? typedReporter : dept.name;

  const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
  const projects = new Map(plan.projects.map((p) => [p.id, p]));
  const existingById = new Set(plan.progress.map((p) => p.id));
  const ownEarlier = reportDirectory(plan.departments).withUnits(plan.progress.filter((p) => p.period === period)).filter((p) => p.departmentId === departmentId);
  const today = chinaToday(ctx.now);
  const rows: FormRow[] = [];
  const seen = new Set<string>();
  for (let r = header + 1; r <= Math.min(ws.rowCount, header + 5000); r++) {
    const key = cellText(ws.getCell(r, 1));
    const filled = INPUT_KEYS.filter((k) => k !== 'construction').some((k) => get(r, k) !== '');
    const anything = filled || get(r, 'name') !== '';
    if (!key) {
      if (anything) rows.push({ row: r, kind: 'task', subjectId: '', label: get(r, 'name') || '（新增的行）', status: 'error', problems: [{ level: 'error', sheet: ws.name, row: r, column: '', message: '这一行是后来添加的（没有程序编号），无法对应到任务或项目，不导入。新任务请与无废办联系。' }] });
      continue;
    }
    const m = /^(task|project):([^#]+?)(?:#([0-9a-f]{20}))?$/.exec(key);
    const subjectId = m?.[2] ?? '';
    const rowSealOk = !sealed || (m?.[3] !== undefined && sameSeal(m[3], seal(ctx.formSecret as Uint8Array, 'row', officeCode, period, departmentId, `${m[1]}:${subjectId}`)));
    const kind = (m?.[1] ?? 'task') as 'task' | 'project';
    const task = kind === 'task' ? tasks.get(subjectId) : undefined;
    const project = kind === 'project' ? projects.get(subjectId) : undefined;
    const label = task ? `任务 ${task.number}「${task.title}」` : project ? `项目 ${project.number}「${project.name}」` : get(r, 'name') || key;
    const rowProblems: SheetProblem[] = [];
    const error = (column: string, message: string) => rowProblems.push({ level: 'error', sheet: ws.name, row: r, column, message });
    if (m && !rowSealOk) {
      error('A（隐藏编号）', `这一行的隐藏编号与签发时不符（被改动，或是从别的表复制来的），不能确认是发给${dept.name}的哪项任务，不导入。`);
    } else if (!m || !(task || project) || !idBelongsTo(subjectId, plan.office.code)) {
      error('A（隐藏编号）', '这一行的程序编号被改动，找不到对应的任务或项目，不导入。');
    } else if (!listed.includes(subjectId)) {
      error('A（隐藏编号）', `这一行不是发给${dept.name}的（编号被改动或行是从别的表复制来的），不导入。`);
    } else if (seen.has(subjectId)) {
      error('', '同一任务/项目在表中出现了两次，只导入第一次出现的行。');
    }
    // Only a row that passed its id checks claims the id: a tampered copy never pushes out the genuine row.
    if (subjectId && !rowProblems.length) seen.add(subjectId);
    if (rowProblems.length) {
      rows.push({ row: r, kind, subjectId, label, status: 'error', problems: rowProblems });
      continue;
    }
    // The unit's part in this subject now, not as the form was made.
    const role = reportRole({ departmentId }, task ? taskReportUnits(task as Task) : projectReportUnits(project as Project)) as Exclude<ReportRole, 'office'>;
    if (!filled) {
      rows.push({ row: r, kind, subjectId, label, role, status: 'empty', problems: [] });
      continue;
    }
    const reading = readRow((k: InputKey) => get(r, k), { kind, role, today, plannedInvestment: project?.plannedInvestment ?? null });
    for (const p of reading.problems) rowProblems.push({ level: p.level, sheet: ws.name, row: r, column: where(p.key), message: p.message });
    if (role === 'other') rowProblems.push({ level: 'warning', sheet: ws.name, row: r, column: '', message: `${dept.name}已不是这一${kind === 'task' ? '任务' : '项目'}的牵头或配合单位：这条进展只作记录，不计入进度` });
    if (!reading.values) {
      rows.push({ row: r, kind, subjectId, label, role, status: 'error', problems: rowProblems });
      continue;
    }
    const { constructionStatus, ...values } = reading.values;
    const content = { officeCode: plan.office.code, subjectKind: kind, subjectId, period, ...values, reportedBy, departmentId };
    const hash = contentHash([
      content.subjectId,
      content.period,
      String(content.percent),
      content.status,
      content.thisMonth,
      content.problems,
      content.nextSteps,
      values.investmentToDate ?? '',
      values.investmentThisYear ?? '',
      content.reportedBy,
      departmentId,
      values.completionClaim ? `${values.completionClaim.date}\u0002${values.completionClaim.evidence}` : '',
    ]);
    const entry = progressEntry({ subjectKind: kind, subjectId, period, ...values, reportedBy, departmentId }, { id: `${idNamespaceOf(plan.office.code)}pe-xlsx-${hash}`, officeCode: plan.office.code, reportedAt: ctx.now.toISOString(), deviceId: ctx.deviceId });
    const parsed = ProgressEntrySchema.safeParse(entry);
    if (!parsed.success) {
      rows.push({ row: r, kind, subjectId, label, role, status: 'error', problems: [...rowProblems, { level: 'error', sheet: ws.name, row: r, column: '', message: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；') }] });
      continue;
    }
    // Already recorded: this very row, or the unit's own latest report of the period says the same.
    const latestSame = ownEarlier.filter((p) => p.subjectId === subjectId).sort((a, b) => b.reportedAt.localeCompare(a.reportedAt) || b.id.localeCompare(a.id))[0];
    const statusChanges = constructionStatus !== undefined && project !== undefined && project.constructionStatus !== constructionStatus;
    const unchanged = existingById.has(entry.id) || (latestSame !== undefined && sameReport(latestSame, entry));
    rows.push({
      row: r,
      kind,
      subjectId,
      label,
      role,
      status: unchanged && !statusChanges ? 'unchanged' : 'new',
      ...(unchanged ? {} : { entry }),
      ...(statusChanges ? { constructionStatus } : {}),
      problems: unchanged && !statusChanges ? [{ level: 'warning', sheet: ws.name, row: r, column: '', message: '这条进展已经导入过，内容相同，不再重复记录。' }] : rowProblems,
    });
  }
  const present = new Set(rows.map((r) => r.subjectId));
  const removed = listed.filter((id) => !present.has(id));
  if (removed.length) {
    const names = removed.map((id) => (tasks.get(id) ? `任务 ${tasks.get(id)?.number}「${tasks.get(id)?.title}」` : projects.get(id) ? `项目「${projects.get(id)?.name}」` : id));
    problems.push({ level: 'warning', sheet: ws.name, row: 0, column: '', message: `表中少了 ${removed.length} 行（${names.slice(0, 5).join('、')}${names.length > 5 ? ' 等' : ''}），这些没有进展可导入，仍算未报送。` });
  }
  if (sealState === 'old' || sealState === 'unverifiable') {
    const why = sealState === 'old' ? '这份填报表是旧版本生成的，没有签发校验' : '本机没有本单位的填报表签发密钥';
    problems.push({ level: 'warning', sheet: ws.name, row: 0, column: '', message: `${why}，无法核验隐藏编号是否被改动；请核对各行对应的任务后再导入。` });
  }
  return {
    fileName: ctx.fileName,
    officeCode,
    period,
    departmentId,
    departmentName: dept.name,
    reportedBy,
    rows,
    problems,
    counts: {
      new: rows.filter((r) => r.status === 'new').length,
      unchanged: rows.filter((r) => r.status === 'unchanged').length,
      empty: rows.filter((r) => r.status === 'empty').length,
      error: rows.filter((r) => r.status === 'error').length,
    },
    problemRows: ctx.problems ? readProblemSheet(wb, { officeCode: ctx.plan.office.code, period: ctx.period, departmentId: dept.id, departmentName: dept.name, formSecret: ctx.formSecret, problems: ctx.problems, now: ctx.now }) : [],
  };
}

/** The one change that records every new report of the previews (and construction status changes), undoable as one. */
export function formImportChange(previews: readonly FormPreview[], problems: readonly Problem[] = []): Change {
  const appends: NonNullable<Change['appends']> = [];
  const edits: PlanEdit[] = [];
  const ids = new Set<string>();
  for (const p of previews) {
    for (const r of p.rows) {
      if (r.status !== 'new') continue;
      if (r.entry && !ids.has(r.entry.id)) {
        ids.add(r.entry.id);
        appends.push({ table: 'progress', record: r.entry });
      }
      if (r.constructionStatus) edits.push({ table: 'projects', id: r.subjectId, patch: { constructionStatus: r.constructionStatus } });
    }
  }
  const followUps = problemFollowUpEdits(previews.flatMap((p) => p.problemRows), problems);
  const answered = answeredProblemRows(previews);
  const who = [...new Set(previews.map((p) => p.departmentName))];
  return {
    label: `导入填报表（${who.slice(0, 3).join('、')}${who.length > 3 ? ` 等 ${who.length} 个单位` : ''}，${appends.length} 条进展${answered ? `，${answered} 条问题处理进展` : ''}）`,
    appends,
    edits: [...edits, ...followUps],
  };
}

/** Next period, for messages. */
export const nextPeriod = (p: Period) => shiftPeriod(p, 1);
