import { zipSync, strToU8 } from 'fflate';
import type { PlanData } from '../ledger/plan-data';
import type { Period } from '../domain/ids';
import type { ProgressEntry, ReportedStatus } from '../domain/progress';
import type { ConstructionStatus, Project } from '../domain/project';
import type { Task } from '../domain/task';
import type { Change, PlanEdit } from '../app/change';
import { REPORTED_STATUS_LABELS, reportedStatusFor, ProgressEntrySchema } from '../domain/progress';
import { CONSTRUCTION_STATUS_LABELS } from '../domain/project';
import { parseWan } from '../domain/money';
import { checkTaskReportNotCompletion } from '../domain/validation';
import { formatDateZh, formatPeriodZh, reportDueZh, shiftPeriod } from '../domain/time';
import { idBelongsTo, idNamespaceOf } from '../exchange/ownership';
import { XlsxError, type SheetProblem } from './errors';
import { departmentsWithForms, formFileName, formItems } from './form-items';
import { BORDER, FONT, HEADER_FILL, INPUT_FILL, SECTION_FILL } from './layout';
import { cellText, columnLetter, newWorkbook, setText, writeWorkbook, type Workbook, type Worksheet } from './workbook';

export { departmentsWithForms, formFileName, formItems, type FormItem } from './form-items';

export const FORM_SHEET = '填报表';
export const FORM_FORMAT = 'zwc-form/1';

const COLUMNS = [
  { key: 'kind', header: '类别', width: 6 },
  { key: 'number', header: '序号', width: 6 },
  { key: 'name', header: '任务/项目名称', width: 30 },
  { key: 'role', header: '本单位职责', width: 9 },
  { key: 'deadline', header: '完成时限', width: 16 },
  { key: 'previous', header: '上期完成百分比', width: 9 },
  { key: 'percent', header: '完成百分比（0—100）', width: 11, input: true },
  { key: 'status', header: '状态', width: 9, input: true },
  { key: 'construction', header: '建设状态（项目）', width: 10, input: true, projectOnly: true },
  { key: 'invTotal', header: '累计完成投资（万元，项目）', width: 12, input: true, projectOnly: true },
  { key: 'invYear', header: '本年完成投资（万元，项目）', width: 12, input: true, projectOnly: true },
  { key: 'thisMonth', header: '本月进展', width: 40, input: true },
  { key: 'problems', header: '存在问题', width: 24, input: true },
  { key: 'nextSteps', header: '下步计划', width: 24, input: true },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];
/** Column A holds the form's and each row's ids (hidden, locked); the table starts at B. */
const FIRST = 2;
const colOf = (key: ColumnKey) => FIRST + COLUMNS.findIndex((c) => c.key === key);
const HEADER = 6;

/**
 * A department's fill-in form for a period: its tasks and projects, the fields it fills
 * (yellow, unlocked, with drop-downs and a 0–100 check), instructions at the top, and the office,
 * period, department and row ids in a hidden, locked column A so the form imports back exactly.
 */
export async function buildDepartmentForm(plan: PlanData, departmentId: string, period: Period, today: string): Promise<Workbook> {
  const dept = plan.departments.find((d) => d.id === departmentId);
  if (!dept) throw new XlsxError('wrong-form', `单位名录中没有编号为 ${departmentId} 的单位。`);
  const items = formItems(plan, departmentId, period);
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
  const meta = [FORM_FORMAT, plan.office.code, period, departmentId, items.map((i) => i.id).join(',')];
  meta.forEach((v, i) => setText(ws.getCell(i + 1, 1), v));

  const title = (row: number, text: string, size: number, bold: boolean, height: number, align: 'center' | 'left') => {
    ws.mergeCells(`B${row}:${last}${row}`);
    const cell = ws.getCell(`B${row}`);
    setText(cell, text);
    cell.font = { name: FONT, size, bold };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    ws.getRow(row).height = height;
  };
  title(1, `${plan.office.name}“无废城市”建设 ${formatPeriodZh(period)}进展填报表`, 16, true, 30, 'center');
  title(2, `填报单位：${dept.name}\u3000\u3000报送月份：${formatPeriodZh(period)}\u3000\u3000请于 ${reportDueZh(period)}前报回${plan.office.name}无废办\u3000\u3000共 ${items.length} 项`, 11, true, 22, 'left');
  title(
    3,
    [
      '填报说明：1. 只填写黄色单元格，其余单元格已锁定；请勿增加、删除行，勿修改表格结构，勿改文件格式（保存为 .xlsx）。',
      '2. “完成百分比”填 0—100 的数字（已完成填 100）；“状态”“建设状态”从下拉列表中选择。',
      `3. “本月进展”必填，写明${formatPeriodZh(period)}做了什么；有困难写在“存在问题”，下月打算写在“下步计划”。`,
      '4. 项目另填“累计完成投资”“本年完成投资”（万元，可带小数）。没有进展的行可以空着，空行不会导入。',
      '5. 可以用 Excel、WPS 或 LibreOffice 填写，填好后原样发回即可。',
    ].join('\n'),
    10,
    false,
    80,
    'left',
  );
  ws.getRow(4).height = 6;
  title(5, '填报人：＿＿＿＿＿＿\u3000\u3000联系电话：＿＿＿＿＿＿\u3000\u3000单位负责人（签字）：＿＿＿＿＿＿', 10, false, 20, 'left');
  setText(ws.getCell(HEADER, 1), '编号');
  COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(HEADER, FIRST + i);
    setText(cell, c.header);
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = 'input' in c && c.input ? INPUT_FILL : HEADER_FILL;
  });
  ws.getRow(HEADER).height = 36;

  const statusList = `"${Object.values(REPORTED_STATUS_LABELS).join(',')}"`;
  // A task is not completed by a form: its rows offer 0—99 and no 已完成 (see previewDepartmentForm).
  const taskStatusList = `"${Object.entries(REPORTED_STATUS_LABELS).filter(([k]) => k !== 'done').map(([, label]) => label).join(',')}"`;
  const constructionList = `"${Object.values(CONSTRUCTION_STATUS_LABELS).join(',')}"`;
  items.forEach((item, k) => {
    const r = HEADER + 1 + k;
    setText(ws.getCell(r, 1), `${item.kind}:${item.id}`);
    const values: Record<ColumnKey, string> = {
      kind: item.kind === 'task' ? '任务' : '项目',
      number: item.number,
      name: item.name,
      role: item.role,
      deadline: item.deadline,
      previous: item.previous ? `${item.previous.percent}%（${formatPeriodZh(item.previous.period)}）` : '—',
      percent: '',
      status: '',
      construction: item.kind === 'project' && item.constructionStatus ? CONSTRUCTION_STATUS_LABELS[item.constructionStatus] : '',
      invTotal: '',
      invYear: '',
      thisMonth: '',
      problems: '',
      nextSteps: item.previous?.nextSteps ? '' : '',
    };
    COLUMNS.forEach((c, i) => {
      const cell = ws.getCell(r, FIRST + i);
      setText(cell, values[c.key]);
      cell.font = { name: FONT, size: 10 };
      cell.alignment = { vertical: 'middle', horizontal: ['kind', 'number', 'role', 'previous', 'percent', 'status', 'construction', 'invTotal', 'invYear'].includes(c.key) ? 'center' : 'left', wrapText: true };
      cell.border = BORDER;
      const fillable = 'input' in c && c.input && !('projectOnly' in c && c.projectOnly && item.kind !== 'project');
      if (fillable) {
        cell.fill = INPUT_FILL;
        cell.protection = { locked: false };
      } else if ('projectOnly' in c && c.projectOnly) cell.fill = SECTION_FILL;
    });
    const isTask = item.kind === 'task';
    const percentError = isTask ? '请填写 0 到 99 之间的数字（任务已完成的，请告知无废办登记完成日期和完成依据）' : '请填写 0 到 100 之间的数字';
    ws.getCell(r, colOf('percent')).dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, isTask ? 99 : 100], showErrorMessage: true, errorTitle: '完成百分比', error: percentError };
    ws.getCell(r, colOf('status')).dataValidation = { type: 'list', allowBlank: true, formulae: [isTask ? taskStatusList : statusList], showErrorMessage: true, errorTitle: '状态', error: '请从下拉列表中选择' };
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
  return wb;
}

/** Every department's form for a period in one zip, plus a list of what is in it. */
export async function buildAllForms(plan: PlanData, period: Period, today: string): Promise<{ bytes: Uint8Array; files: string[] }> {
  const files: Record<string, Uint8Array> = {};
  const list: string[] = [];
  for (const d of departmentsWithForms(plan, period)) {
    const name = formFileName(plan, d.departmentId, period);
    files[name] = await writeWorkbook(await buildDepartmentForm(plan, d.departmentId, period, today));
    list.push(`${name}\t${d.items} 项`);
  }
  files['说明.txt'] = strToU8(`${plan.office.name} ${formatPeriodZh(period)}进展填报表，共 ${list.length} 个单位：\r\n${list.join('\r\n')}\r\n`);
  return { bytes: zipSync(files, { level: 6 }), files: list.map((l) => l.split('\t')[0]) };
}

/* ------------------------------------------------------------------ import */

export interface FormRow {
  row: number;
  kind: 'task' | 'project';
  subjectId: string;
  label: string;
  /** new: will be recorded · unchanged: this report is already in the ledger · empty: not filled in · error: refused. */
  status: 'new' | 'unchanged' | 'empty' | 'error';
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
  rows: FormRow[];
  /** Problems of the whole form (rows removed). */
  problems: SheetProblem[];
  counts: { new: number; unchanged: number; empty: number; error: number };
}

export interface FormImportContext {
  fileName: string;
  plan: PlanData;
  /** The period the clerk is collecting; a form for another period is refused. */
  period: Period;
  deviceId: string;
  now: Date;
}

const STATUS_BY_LABEL = new Map<string, ReportedStatus>(Object.entries(REPORTED_STATUS_LABELS).map(([k, v]) => [v, k as ReportedStatus]));
const CONSTRUCTION_BY_LABEL = new Map<string, ConstructionStatus>(Object.entries(CONSTRUCTION_STATUS_LABELS).map(([k, v]) => [v, k as ConstructionStatus]));

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
    (a.investmentThisYear ?? '') === (b.investmentThisYear ?? '')
  );
}

/**
 * Reads a returned form. Refuses a form for another office or period, or whose hidden marks were
 * removed; flags row by row what cannot be recorded (ids edited, rows added, values out of
 * range); rows left blank are skipped, and a report already recorded is not recorded again.
 */
export function previewDepartmentForm(wb: Workbook, ctx: FormImportContext): FormPreview {
  const ws = findFormSheet(wb);
  const { plan } = ctx;
  const officeCode = cellText(ws.getCell('A2'));
  const period = cellText(ws.getCell('A3'));
  const departmentId = cellText(ws.getCell('A4'));
  const listed = cellText(ws.getCell('A5')).split(',').filter(Boolean);
  if (officeCode !== plan.office.code) {
    throw new XlsxError('wrong-office', `这份填报表属于单位代码 ${officeCode || '（空）'}，不是本单位（${plan.office.name} ${plan.office.code}）的，不能导入。`);
  }
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new XlsxError('wrong-form', '填报表的报送月份标识被修改，无法导入。请让对方在原表上填写后发回。');
  if (period !== ctx.period) {
    throw new XlsxError('wrong-period', `这是 ${formatPeriodZh(period)}的填报表，当前调度月份是 ${formatPeriodZh(ctx.period)}。如确要导入，请先把调度月份切换到 ${formatPeriodZh(period)}。`);
  }
  const dept = plan.departments.find((d) => d.id === departmentId);
  if (!dept) throw new XlsxError('wrong-form', `填报表中的单位编号 ${departmentId || '（空）'} 不在本单位的单位名录中，无法导入。`);

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
  const missing = COLUMNS.filter((c) => 'input' in c && c.input && !cols.has(c.key)).map((c) => c.header);
  if (missing.length) throw new XlsxError('wrong-form', `工作表「${ws.name}」缺少列：${missing.join('、')}。表格结构被修改，无法导入。`);
  const get = (r: number, key: ColumnKey) => (cols.has(key) ? cellText(ws.getCell(r, cols.get(key) as number)) : '');
  const where = (r: number, key: ColumnKey) => `${columnLetter(cols.get(key) ?? 1)}（${COLUMNS.find((c) => c.key === key)?.header ?? ''}）`;

  const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
  const projects = new Map(plan.projects.map((p) => [p.id, p]));
  const existingById = new Set(plan.progress.map((p) => p.id));
  const rows: FormRow[] = [];
  const problems: SheetProblem[] = [];
  const seen = new Set<string>();
  for (let r = header + 1; r <= Math.min(ws.rowCount, header + 5000); r++) {
    const key = cellText(ws.getCell(r, 1));
    const filled = (['percent', 'status', 'invTotal', 'invYear', 'thisMonth', 'problems', 'nextSteps'] as const).some((k) => get(r, k) !== '');
    const anything = filled || get(r, 'name') !== '';
    if (!key) {
      if (anything) rows.push({ row: r, kind: 'task', subjectId: '', label: get(r, 'name') || '（新增的行）', status: 'error', problems: [{ level: 'error', sheet: ws.name, row: r, column: '', message: '这一行是后来添加的（没有程序编号），无法对应到任务或项目，不导入。新任务请与无废办联系。' }] });
      continue;
    }
    const m = /^(task|project):(.+)$/.exec(key);
    const subjectId = m?.[2] ?? '';
    const kind = (m?.[1] ?? 'task') as 'task' | 'project';
    const record = kind === 'task' ? tasks.get(subjectId) : projects.get(subjectId);
    const label = record ? (kind === 'task' ? `任务 ${(record as Task).number}「${(record as Task).title}」` : `项目 ${(record as Project).number}「${(record as Project).name}」`) : get(r, 'name') || key;
    const rowProblems: SheetProblem[] = [];
    const error = (column: string, message: string) => rowProblems.push({ level: 'error', sheet: ws.name, row: r, column, message });
    if (!m || !record || !idBelongsTo(subjectId, plan.office.code)) {
      error('A（隐藏编号）', '这一行的程序编号被改动，找不到对应的任务或项目，不导入。');
    } else if (!listed.includes(subjectId)) {
      error('A（隐藏编号）', `这一行不是发给${dept.name}的（编号被改动或行是从别的表复制来的），不导入。`);
    } else if (seen.has(subjectId)) {
      error('', '同一任务/项目在表中出现了两次，只导入第一次出现的行。');
    }
    if (subjectId) seen.add(subjectId);
    if (rowProblems.length) {
      rows.push({ row: r, kind, subjectId, label, status: 'error', problems: rowProblems });
      continue;
    }
    if (!filled) {
      rows.push({ row: r, kind, subjectId, label, status: 'empty', problems: [] });
      continue;
    }
    const percentText = get(r, 'percent').replace(/[%％\s]/g, '');
    const percent = percentText === '' ? NaN : Number(percentText);
    if (percentText === '') error(where(r, 'percent'), '没有填写完成百分比。');
    else if (!Number.isFinite(percent) || percent < 0 || percent > 100) error(where(r, 'percent'), `完成百分比“${get(r, 'percent')}”不是 0—100 之间的数字。`);
    const statusText = get(r, 'status');
    const chosen = statusText ? STATUS_BY_LABEL.get(statusText) : 'in-progress';
    if (!chosen) error(where(r, 'status'), `状态“${statusText}”不是下拉列表中的选项（${Object.values(REPORTED_STATUS_LABELS).join('、')}）。`);
    // A form cannot complete a task (as the progress form cannot): that takes a day and evidence.
    const notCompletion = kind === 'task' && chosen && Number.isFinite(percent) ? checkTaskReportNotCompletion('task', percent, chosen) : null;
    if (notCompletion) {
      const said = chosen === 'done' ? `状态填了“${REPORTED_STATUS_LABELS.done}”` : `完成百分比填了 ${percent}`;
      error(where(r, chosen === 'done' ? 'status' : 'percent'), `${said}，这一行不导入：${notCompletion}。已完成的任务请告知无废办，在任务的“完成情况”中登记。`);
    }
    const thisMonth = get(r, 'thisMonth');
    if (!thisMonth) error(where(r, 'thisMonth'), '没有填写本月进展。');
    let constructionStatus: ConstructionStatus | undefined;
    const investment: { investmentToDate?: string; investmentThisYear?: string } = {};
    if (kind === 'project') {
      const c = get(r, 'construction');
      if (c) {
        constructionStatus = CONSTRUCTION_BY_LABEL.get(c);
        if (!constructionStatus) error(where(r, 'construction'), `建设状态“${c}”不是下拉列表中的选项（${Object.values(CONSTRUCTION_STATUS_LABELS).join('、')}）。`);
      }
      for (const [k, field] of [['invTotal', 'investmentToDate'], ['invYear', 'investmentThisYear']] as const) {
        const t = get(r, k);
        if (!t) continue;
        const wan = parseWan(t);
        if (wan === null) error(where(r, k), `“${t}”不是金额（万元），如 1200 或 350.5。`);
        else investment[field] = wan;
      }
    }
    if (rowProblems.length) {
      rows.push({ row: r, kind, subjectId, label, status: 'error', problems: rowProblems });
      continue;
    }
    const content = {
      officeCode: plan.office.code,
      subjectKind: kind,
      subjectId,
      period,
      percent,
      status: reportedStatusFor(percent, chosen as ReportedStatus),
      thisMonth,
      problems: get(r, 'problems'),
      nextSteps: get(r, 'nextSteps'),
      ...investment,
      reportedBy: dept.name,
    };
    const hash = contentHash([content.subjectId, content.period, String(content.percent), content.status, content.thisMonth, content.problems, content.nextSteps, investment.investmentToDate ?? '', investment.investmentThisYear ?? '', content.reportedBy]);
    const entry: ProgressEntry = { id: `${idNamespaceOf(plan.office.code)}pe-xlsx-${hash}`, ...content, reportedAt: ctx.now.toISOString(), deviceId: ctx.deviceId };
    const parsed = ProgressEntrySchema.safeParse(entry);
    if (!parsed.success) {
      rows.push({ row: r, kind, subjectId, label, status: 'error', problems: [{ level: 'error', sheet: ws.name, row: r, column: '', message: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；') }] });
      continue;
    }
    const latestSame = plan.progress
      .filter((p) => p.subjectId === subjectId && p.period === period)
      .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt))[0];
    const project = kind === 'project' ? projects.get(subjectId) : undefined;
    const statusChanges = constructionStatus !== undefined && project !== undefined && project.constructionStatus !== constructionStatus;
    const unchanged = existingById.has(entry.id) || (latestSame !== undefined && sameReport(latestSame, entry));
    rows.push({
      row: r,
      kind,
      subjectId,
      label,
      status: unchanged && !statusChanges ? 'unchanged' : 'new',
      ...(unchanged ? {} : { entry }),
      ...(statusChanges ? { constructionStatus } : {}),
      problems: unchanged && !statusChanges ? [{ level: 'warning', sheet: ws.name, row: r, column: '', message: '这条进展已经导入过，内容相同，不再重复记录。' }] : [],
    });
  }
  const present = new Set(rows.map((r) => r.subjectId));
  const removed = listed.filter((id) => !present.has(id));
  if (removed.length) {
    const names = removed.map((id) => (tasks.get(id) ? `任务 ${tasks.get(id)?.number}「${tasks.get(id)?.title}」` : projects.get(id) ? `项目「${projects.get(id)?.name}」` : id));
    problems.push({ level: 'warning', sheet: ws.name, row: 0, column: '', message: `表中少了 ${removed.length} 行（${names.slice(0, 5).join('、')}${names.length > 5 ? ' 等' : ''}），这些没有进展可导入，仍算未报送。` });
  }
  return {
    fileName: ctx.fileName,
    officeCode,
    period,
    departmentId,
    departmentName: dept.name,
    rows,
    problems,
    counts: {
      new: rows.filter((r) => r.status === 'new').length,
      unchanged: rows.filter((r) => r.status === 'unchanged').length,
      empty: rows.filter((r) => r.status === 'empty').length,
      error: rows.filter((r) => r.status === 'error').length,
    },
  };
}

/** The one change that records every new report of the previews (and construction status changes), undoable as one. */
export function formImportChange(previews: readonly FormPreview[]): Change {
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
  const who = [...new Set(previews.map((p) => p.departmentName))];
  return { label: `导入填报表（${who.slice(0, 3).join('、')}${who.length > 3 ? ` 等 ${who.length} 个单位` : ''}，${appends.length} 条进展）`, appends, edits };
}

/** Next period, for messages. */
export const nextPeriod = (p: Period) => shiftPeriod(p, 1);
