/** One task's record from its draft (分项 joined), indicator quantities, and what an import adds to the ledger. */
import type { Task, ParticipantRole } from '../domain/task';
import type { IndicatorDirection, IndicatorQuantity } from '../domain/indicator';
import type { Office } from '../domain/office';
import type { PlanRecords } from '../seed/load-seed';
import type { Change, PlanCreate } from '../app/change';
import { parseDeadline } from '../domain/parse-deadline';
import type { UnitRef } from './units';
import { readDirection } from './indicator-sense';
import type { TaskDraft } from './plan-import-types';
import type { BuiltImport } from './plan-import-types';
import { milestonesOf } from './plan-import-rows';

export function quantityOf(text: string): IndicatorQuantity {
  const t = text.trim();
  const m = /^(-?\d+(?:\.\d+)?)$/.exec(t.replace(/[,，]/g, ''));
  if (!m) return { kind: 'text', text: t };
  const value = Number(m[1]);
  return String(value) === t ? { kind: 'number', value } : { kind: 'number', value, text: t };
}

/** Whether bigger is better, from an indicator's name and its targets (see indicator-sense.ts). */
export function inferDirection(targets: readonly string[], name = ''): IndicatorDirection {
  return readDirection(name, targets).direction;
}

export type IdMaker = (kind: string, wanted: string | null | undefined) => string;

export function buildTask(d: TaskDraft, code: string, order: number, makeId: IdMaker, deptId: (n: string) => string, leaderId: (n: string) => string): Task {
  const leadsOf = (units: UnitRef[]) => units.map((u) => ({ departmentId: deptId(u.name), ...(u.duty ? { duty: u.duty } : {}) }));
  const partsOf = (units: UnitRef[], role: ParticipantRole = d.role) => units.map((u) => ({ departmentId: deptId(u.name), role, ...(u.duty ? { duty: u.duty } : {}) }));
  const m = d.meta;
  const base = {
    id: makeId('task', d.id),
    officeCode: code,
    domain: d.domain,
    domainLabel: d.domainLabel,
    number: d.number,
    order,
    title: d.title,
    completion: m?.completion ?? null,
    source: m?.source ?? d.source,
    ...(m?.review ? { review: m.review } : {}),
  };
  if (d.pieces.length === 1) {
    const p = d.pieces[0];
    return {
      ...base,
      summary: p.text,
      leads: leadsOf(p.leads),
      participants: partsOf(p.participants, p.role),
      leaderIds: unique(p.leaders).map(leaderId),
      deadline: parseDeadline(p.deadline),
      milestones: d.milestonesFromTime ? milestonesOf(p.deadline) : [],
    };
  }
  // 分项: the task's own lists are the union of its parts'.
  const parts = d.pieces.map((p) => ({ text: p.text || '（无内容）', leads: leadsOf(p.leads), participants: partsOf(p.participants, p.role), leaderIds: unique(p.leaders).map(leaderId), deadline: parseDeadline(p.deadline) }));
  const leadIds = unique(parts.flatMap((p) => p.leads.map((l) => l.departmentId)));
  const deadlineText = unique(d.pieces.map((p) => p.deadline).filter(Boolean)).join('\n');
  return {
    ...base,
    summary: d.pieces.map((p) => p.text).join('\n'),
    leads: leadIds.map((departmentId) => ({ departmentId })),
    participants: unique(parts.flatMap((p) => p.participants.map((x) => x.departmentId)))
      .filter((id) => !leadIds.includes(id))
      .map((departmentId) => ({ departmentId, role: d.pieces.find((p) => p.role)?.role ?? d.role })),
    leaderIds: unique(parts.flatMap((p) => p.leaderIds)),
    deadline: parseDeadline(deadlineText),
    milestones: d.milestonesFromTime ? milestonesOf(deadlineText) : [],
    parts,
  };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Records for setting up a new office from the workbook. */
export function planRecordsOf(built: BuiltImport, office: Office): PlanRecords {
  return { office, departments: built.departments, leaders: built.leaders, tasks: built.tasks, projects: built.projects, indicators: built.indicators };
}

/** The change that adds an import to an existing office, in one transaction (undoable). */
export function planImportChange(built: BuiltImport, fileName: string): Change {
  const creates: PlanCreate[] = [
    ...built.departments.map((record) => ({ table: 'departments' as const, record })),
    ...built.leaders.map((record) => ({ table: 'leaders' as const, record })),
    ...built.tasks.map((record) => ({ table: 'tasks' as const, record })),
    ...built.projects.map((record) => ({ table: 'projects' as const, record })),
    ...built.indicators.map((record) => ({ table: 'indicators' as const, record })),
  ];
  const n = (k: string, list: unknown[]) => (list.length ? `${list.length} ${k}` : '');
  const what = [n('项任务', built.tasks), n('个项目', built.projects), n('项指标', built.indicators), n('个单位', built.departments)].filter(Boolean).join('、');
  return { label: `从 Excel 导入 ${fileName}（${what || '无新增'}）`, creates };
}
