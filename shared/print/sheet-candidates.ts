import type { IsoDate } from '../domain/ids';
import { assignmentCounts, collectiveAssignments, sheetRecipients, type RecipientScope } from './assignment-sheet';
import type { NumberedKind } from './sheet-number';
import { overdueProblemsText, type PrintPlan } from './problem-sections';
import { supervisionCollectives, supervisionRecipients, type SupervisionCandidate } from './supervision-notice';

/** A department that would get a sheet: who, what it would list, and a short description. */
export interface SheetCandidate {
  departmentId: string;
  name: string;
  taskIds: string[];
  projectIds: string[];
  /** 3项任务、1个项目 / 2项逾期、1项有风险、3个问题逾期 */
  detail: string;
}

export interface SheetCandidates {
  items: SheetCandidate[];
  /** Collective names with work in the scope: no sheet goes to them; the dialog names them. */
  collectives: SheetCandidate[];
}

function supervisionDetail({ rows, problems }: SupervisionCandidate): string {
  const overdue = rows.filter((r) => r.status.status === 'overdue').length;
  return [overdue ? `${overdue}项逾期` : '', rows.length - overdue ? `${rows.length - overdue}项有风险` : '', overdueProblemsText(problems)].filter(Boolean).join('、');
}

/** Who gets a 任务交办单 (in the scope) or a 督办单 (on the day), and the collective names left out. */
export function sheetCandidates(plan: PrintPlan, kind: NumberedKind, day: IsoDate, scope: RecipientScope = 'lead'): SheetCandidates {
  if (kind === 'assignment') {
    const of = (list: ReturnType<typeof sheetRecipients>): SheetCandidate[] =>
      list.map((a) => ({ departmentId: a.department.id, name: a.department.name, taskIds: a.tasks.map((t) => t.task.id), projectIds: a.projects.map((p) => p.project.id), detail: assignmentCounts(a) }));
    return { items: of(sheetRecipients(plan, scope)), collectives: of(collectiveAssignments(plan, scope)) };
  }
  const of = (list: ReturnType<typeof supervisionRecipients>): SheetCandidate[] =>
    list.map((d) => ({ departmentId: d.departmentId, name: d.name, taskIds: d.rows.map((r) => r.task.id), projectIds: [], detail: supervisionDetail(d) }));
  return { items: of(supervisionRecipients(plan, day)), collectives: of(supervisionCollectives(plan, day)) };
}

/** The note for the collective names: 各成员单位（3项任务）、各镇人民政府（25项任务）：未单独发送，由旗无废办另行通知。 */
export function collectivesNote(collectives: readonly SheetCandidate[], issuerShort: string): string | undefined {
  if (!collectives.length) return undefined;
  return `${collectives.map((c) => `${c.name}（${c.detail}）`).join('、')}：未单独发送，由${issuerShort}另行通知。`;
}
