import type { IsoDate, Period } from '../domain/ids';
import { formatPeriodZh, reportDueZh } from '../domain/time';
import { taskReportUnits } from '../domain/reporting-rule';
import { nameLookup } from '../views/lookups';
import { recordLabel } from '../views/record-label';
import { reportDirectory } from '../views/report-units';
import { reportingChecklist, type ReportingChecklist } from '../views/reporting';
import type { TaskRow } from '../views/task-query';
import type { PlanData } from '../views/plan-data';
import { buildTaskRows } from '../views/task-query';
import { dateZh, Outline, placeholder, safeFileName, type OfficialDocument } from './model';
import { percentZh } from './figures';

/** A unit that lags: the month's reports it owes and did not send, and the tasks it leads that are overdue. */
export interface LaggingUnit {
  departmentId: string;
  name: string;
  /** Items it owes a report on for the month and sent none (reportingChecklist.missingByDepartment). */
  missing: { kind: 'task' | 'project'; id: string; label: string }[];
  /** Tasks it leads that are 已逾期 on the day, with the status's reason (taskStatus). */
  overdue: { id: string; label: string; reason: string }[];
}

/**
 * Units whose reports for the month are missing or whose tasks are overdue, most facts first.
 * A collective name (各成员单位 …) is never one: it cannot report, and cannot be 通报ed.
 */
export function laggingUnits(plan: Pick<PlanData, 'departments' | 'projects' | 'progress'>, rows: readonly TaskRow[], checklist: ReportingChecklist): LaggingUnit[] {
  const dept = nameLookup(plan.departments);
  const directory = reportDirectory(plan.departments);
  const units = new Map<string, LaggingUnit>();
  const unit = (id: string) => {
    let u = units.get(id);
    if (!u) units.set(id, (u = { departmentId: id, name: dept(id), missing: [], overdue: [] }));
    return u;
  };
  for (const m of checklist.missingByDepartment) if (m.departmentId && directory.knownUnit(m.departmentId)) unit(m.departmentId).missing.push(...m.items);
  for (const r of rows) {
    if (r.status.status !== 'overdue') continue;
    for (const id of directory.owingOf(taskReportUnits(r.task)).owing) {
      if (directory.knownUnit(id)) unit(id).overdue.push({ id: r.task.id, label: recordLabel(r.task, 'tasks'), reason: r.status.reason });
    }
  }
  const weight = (u: LaggingUnit) => u.missing.length + u.overdue.length;
  return [...units.values()].sort((a, b) => weight(b) - weight(a));
}

export interface NoticeInput {
  plan: PlanData;
  period: Period;
  day: IsoDate;
  /** The units the clerk chose to name, by department id (from laggingUnits). */
  unitIds: readonly string[];
  issuer: string;
  date: IsoDate;
}

export interface NoticeFacts {
  period: Period;
  expected: number;
  reported: number;
  coverage: number;
  units: LaggingUnit[];
}

export function noticeTitle(period: Period): string {
  return `关于${formatPeriodZh(period)}“无废城市”建设工作推进滞后单位的通报`;
}

/** 通报 of the units the clerk chose, each with its facts, in a neutral official tone. */
export function notice(input: NoticeInput): OfficialDocument<NoticeFacts> {
  const { plan, period, day } = input;
  const rows = buildTaskRows(plan, day);
  const checklist = reportingChecklist(plan, rows, period);
  const all = laggingUnits(plan, rows, checklist);
  const unknown = input.unitIds.filter((id) => !all.some((u) => u.departmentId === id));
  if (!input.unitIds.length) throw new Error('请至少选择一个要通报的单位');
  if (unknown.length) throw new Error(`以下单位${formatPeriodZh(period)}没有未报送的进展或逾期任务，不能通报：${unknown.map(nameLookup(plan.departments)).join('、')}`);
  const units = all.filter((u) => input.unitIds.includes(u.departmentId));
  const month = formatPeriodZh(period);
  const out = new Outline();
  out.addressee('各成员单位：');
  out.p(
    `按照“无废城市”建设工作调度安排，各成员单位应于${reportDueZh(period)}前报送${month}工作进展。截至${dateZh(day)}，${month}应报送进展的任务和项目 ${checklist.expected} 项，已报送 ${checklist.reported} 项，报送率 ${percentZh(checklist.coverage)}。现将进展报送不及时或任务推进滞后的单位通报如下：`,
  );
  out.section('通报单位及有关情况');
  for (const u of units) {
    out.sub(u.name);
    if (u.missing.length) out.p(`未报送${month}工作进展 ${u.missing.length} 项：${u.missing.map((m) => m.label).join('；')}。`);
    if (u.overdue.length) out.p(`牵头任务已逾期 ${u.overdue.length} 项：${u.overdue.map((o) => `${o.label}（${o.reason}）`).join('；')}。`);
  }
  out.section('有关要求');
  out.p(placeholder('整改要求，如补报进展的时限、逾期任务的推进措施和督办安排'));
  const title = noticeTitle(period);
  return {
    kind: 'notice',
    title,
    blocks: out.blocks,
    issuer: input.issuer,
    date: input.date,
    fileName: safeFileName(`${plan.office.name}${title}`),
    facts: { period, expected: checklist.expected, reported: checklist.reported, coverage: checklist.coverage, units },
  };
}
