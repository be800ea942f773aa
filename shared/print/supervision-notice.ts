import { isCollectiveDepartment } from '../domain/collective-name';
import type { IsoDate } from '../domain/ids';
import { REPORTED_STATUS_LABELS } from '../domain/progress';
import { stageShares, TASK_STATUS_LABELS } from '../domain/task-status';
import { daysFromTo, formatDateZh, formatPeriodZh } from '../domain/time';
import { buildTaskRows, type TaskRow } from '../views/task-query';
import type { ProblemView } from '../views/problems';
import type { Block, PrintDocument, Sheet } from './document';
import { isIssuingOffice, numberedDocument } from './assignment-sheet';
import type { PrintSettings } from './sheet-number';
import { supervisionProblems, supervisionProblemTable, type PrintPlan } from './problem-sections';

/** How many past reports a notice quotes per task. */
const HISTORY_LINES = 6;

/** What a notice says about a task's lateness: days past the stage it missed, or days left to the one at risk. */
function lateness(row: TaskRow, day: IsoDate): string {
  const percent = row.latest?.percent ?? 0;
  const { points } = row.task.deadline;
  const shares = stageShares(row.task.deadline);
  if (row.status.status === 'overdue') {
    for (let i = points.length - 1; i >= 0; i--) {
      if (points[i].date < day && percent < shares[i]) {
        return `已逾期${daysFromTo(points[i].date, day)}天（时限${formatDateZh(points[i].date)}，应完成约${shares[i]}%，当前进度${percent}%）`;
      }
    }
  }
  return `${TASK_STATUS_LABELS[row.status.status]}：${row.status.reason}`;
}

/** A department's tasks that call for supervision on a day: overdue or at risk, among those it leads. */
function supervisionRows(rows: readonly TaskRow[], departmentId: string): TaskRow[] {
  return rows.filter((r) => (r.status.status === 'overdue' || r.status.status === 'at-risk') && r.task.leads.some((l) => l.departmentId === departmentId));
}

/** A department that calls for a 督办单 on a day: its overdue or at-risk tasks and the unclosed problems it answers for. */
export interface SupervisionCandidate {
  departmentId: string;
  name: string;
  rows: TaskRow[];
  problems: ProblemView[];
}

/**
 * The departments that would get a 督办单 on a day, in the directory's order; never a collective name.
 * A department gets one for an overdue or at-risk task it leads, or for an overdue problem it
 * answers for (its other unclosed problems are then listed too).
 */
export function supervisionRecipients(plan: PrintPlan, day: IsoDate): SupervisionCandidate[] {
  return supervisionCandidates(plan, day).filter((d) => !d.collective);
}

/** The collective names (各成员单位 …) leading overdue or at-risk work: named in the dialog, never sent a 督办单. */
export function supervisionCollectives(plan: PrintPlan, day: IsoDate): SupervisionCandidate[] {
  return supervisionCandidates(plan, day).filter((d) => d.collective);
}

function supervisionCandidates(plan: PrintPlan, day: IsoDate) {
  const rows = buildTaskRows(plan, day);
  return plan.departments
    .filter((d) => !isIssuingOffice(d))
    .map((d) => ({ departmentId: d.id, name: d.name, rows: supervisionRows(rows, d.id), problems: supervisionProblems(plan, d.id, day), collective: isCollectiveDepartment(d) }))
    .filter((d) => d.rows.length > 0 || d.problems.some((p) => p.status === 'overdue'));
}

export interface SupervisionRequest {
  departmentId: string;
  number: string;
  issuedOn: IsoDate;
  /** The day the department must answer by. */
  answerBy: IsoDate;
  /**
   * A re-print lists the tasks the issued notice listed; otherwise what is overdue or at risk on the
   * day. The problems are always those unclosed on the day it was issued.
   */
  taskIds?: readonly string[];
}

/** The opening paragraph: what is supervised, tasks and problems. */
function opening(day: IsoDate, rows: readonly TaskRow[], problems: readonly ProblemView[]): string {
  const overdue = rows.filter((r) => r.status.status === 'overdue').length;
  const what = [overdue ? `${overdue}项已逾期` : '', rows.length - overdue ? `${rows.length - overdue}项存在逾期风险` : ''].filter(Boolean).join('、');
  const late = problems.filter((p) => p.status === 'overdue').length;
  const tasks = rows.length ? `你单位牵头的以下${rows.length}项任务中，${what}` : '';
  const open = problems.length ? `你单位负责整改的${problems.length}个问题尚未销号${late ? `，其中${late}个已超过办结时限` : ''}` : '';
  if (!tasks && !open) return `经${formatDateZh(day)}调度，你单位牵头的任务暂无逾期或逾期风险。`;
  return `经${formatDateZh(day)}调度，${[tasks, open].filter(Boolean).join('；')}，现予督办。请高度重视，认真分析原因，明确整改措施和完成时限，加快推进${open ? '，问题办结后及时报送销号佐证材料' : ''}。`;
}

const SECTION = ['一', '二'];

function supervisionSheet(plan: PrintPlan, request: SupervisionRequest, settings: PrintSettings): Sheet {
  const department = plan.departments.find((d) => d.id === request.departmentId);
  if (!department) throw new Error(`没有编号为 ${request.departmentId} 的单位`);
  const all = buildTaskRows(plan, request.issuedOn);
  const rows = request.taskIds ? all.filter((r) => request.taskIds?.includes(r.task.id)) : supervisionRows(all, department.id);
  const problems = supervisionProblems(plan, department.id, request.issuedOn);
  const office = plan.office.name;
  const blocks: Block[] = [
    { kind: 'title', text: `${office}“无废城市”建设督办单`, red: true },
    { kind: 'number', text: request.number },
    { kind: 'addressee', text: `${department.name}：` },
    { kind: 'paragraph', text: opening(request.issuedOn, rows, problems) },
  ];
  let section = 0;
  // Headings only where the sheet has problems: a sheet of tasks alone reads as before.
  if (problems.length && rows.length) blocks.push({ kind: 'heading', level: 1, text: `${SECTION[section++]}、逾期和临期任务（${rows.length}项）` });
  rows.forEach((r, i) => {
    const problem = r.history.find((h) => h.problems.trim());
    blocks.push({
      kind: 'record',
      caption: `${i + 1}．${r.task.title}`,
      items: [
        { label: '方案序号', value: `${r.task.domainLabel}第${r.task.number}项` },
        { label: '完成时限', value: r.task.deadline.text || '未规定' },
        { label: '逾期情况', value: lateness(r, request.issuedOn) },
        {
          label: '进展情况',
          value: r.history.length ? '' : '尚未报送进展',
          lines: r.history
            .slice(0, HISTORY_LINES)
            .map((h) => `${formatPeriodZh(h.period)}：${h.percent}%，${REPORTED_STATUS_LABELS[h.status]}${h.thisMonth.trim() ? `。${h.thisMonth.trim()}` : ''}`),
        },
        { label: '最近反映的问题', value: problem ? `${formatPeriodZh(problem.period)}：${problem.problems.trim()}` : '未反映问题' },
      ],
    });
  });
  if (problems.length) {
    const late = problems.filter((p) => p.status === 'overdue').length;
    blocks.push({ kind: 'heading', level: 1, text: `${SECTION[section++]}、未销号问题（${problems.length}个${late ? `，其中已逾期${late}个` : ''}）` });
    blocks.push({ kind: 'table', ...supervisionProblemTable(problems), dense: true });
  }
  const subject = [rows.length ? '任务' : '', problems.length ? '问题' : ''].filter(Boolean).join('和') || '任务';
  blocks.push({
    kind: 'paragraph',
    text: `请于${formatDateZh(request.answerBy)}前将上述${subject}的整改落实情况（原因分析、整改措施、完成时限、责任人）书面报送${settings.issuerShort}。逾期未报送的，将提请领导小组通报。`,
  });
  blocks.push({ kind: 'paragraph', text: `联系人：${settings.contact || '\u3000\u3000\u3000\u3000\u3000\u3000'}\u3000\u3000联系电话：${settings.phone || '\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000'}` });
  blocks.push({ kind: 'signature', issuer: settings.issuer, date: formatDateZh(request.issuedOn), sealNote: '（盖章）' });
  blocks.push({
    kind: 'receipt',
    title: '督办单签收回执',
    number: request.number,
    recipient: department.name,
    note: `请签收后于3个工作日内将本回执交回${settings.issuerShort}；整改情况另行书面报送。`,
  });
  return { label: department.name, orientation: 'portrait', footer: 'dash', blocks, departmentId: department.id, number: request.number };
}

/** The 督办单 for one or more departments as one document, each department's sheet starting on a new page. */
export function supervisionDocument(plan: PrintPlan, requests: readonly SupervisionRequest[], settings: PrintSettings, all = false): PrintDocument {
  return numberedDocument('supervision', plan, requests.map((r) => supervisionSheet(plan, r, settings)), requests[0]?.issuedOn, all);
}

/** The day a department must answer a 督办单 by: `days` calendar days after it was issued. */
export function answerByDay(issuedOn: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${issuedOn}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
