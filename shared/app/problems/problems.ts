import type { IsoDate, Period } from '../../domain/ids';
import { IsoDateSchema } from '../../domain/ids';
import {
  PROBLEM_KIND_LABELS,
  checkProblem,
  problemDueFor,
  problemStatus,
  type FollowUp,
  type Problem,
  type ProblemClosing,
  type ProblemKind,
  type ProblemUnit,
} from '../../domain/problem';
import type { ProgressEntry } from '../../domain/progress';
import { chinaToday, defaultReportingPeriod } from '../../domain/time';
import { newRecordId } from '../../exchange/ownership';
import {
  problemCandidates,
  problemFormRows,
  problemIdFromEntry,
  problemList,
  problemView,
  type ProblemCandidate,
  type ProblemContext,
  type ProblemFilter,
  type ProblemFormRow,
  type ProblemView,
} from '../../views/problems';
import { ValidationError, type Change, type PlanCreate, type PlanEdit } from '../change';
import type { RecordsService } from '../records-service';
import type { AuditEntry } from '../storage';
import { UndoService } from '../undo/undo-history';

export type { ProblemCandidate, ProblemFilter, ProblemFormRow, ProblemView };

const WHAT = '问题清单';

/** The clerk's decision on one candidate of the month's batch. */
export type RaiseItem =
  | {
      entryId: string;
      action: 'new';
      kind: ProblemKind;
      /** Required for 特殊; for 一般 / 复杂 the rule's date (a different one needs `dueReason`). */
      due?: IsoDate;
      dueReason?: string;
      /** Default: the candidate's (the reporting unit, else the subject's first lead unit). */
      responsibleId?: string | null;
      /** Default: the report's 存在问题. */
      text?: string;
    }
  | { entryId: string; action: 'link'; problemId: string };

export interface RaiseResult {
  /** The batch's inverse: undoes it at once (also the latest entry of the workspace's undo history). */
  undo: Change;
  raised: Problem[];
  linked: { problemId: string; entryId: string }[];
}

/** A problem the clerk enters directly (not from a report). */
export interface NewProblem {
  subjectKind: 'task' | 'project';
  subjectId: string;
  text: string;
  kind: ProblemKind;
  raisedBy: ProblemUnit;
  responsibleId: string | null;
  raisedOn?: IsoDate;
  /** Required for 特殊. */
  due?: IsoDate;
}

/**
 * 问题清单 and 销号 over the ledger: every write goes through RecordsService.apply (validation, stamps,
 * audit trail, undo, bin), one problem record edited field by field, so problems merge between
 * laptops like every other record. The rules are shared/domain/problem.ts; the list logic
 * shared/views/problems.ts.
 */
export class ProblemService {
  /** Every change goes into the workspace's one undo history (the app's 撤销 and `zwc undo`). */
  private readonly undo: UndoService;

  constructor(
    private readonly records: RecordsService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.undo = new UndoService(records.storage, records);
  }

  /** Today in Beijing time. */
  today(): IsoDate {
    return chinaToday(this.now());
  }

  private async context(officeCode: string): Promise<ProblemContext> {
    const [departments, tasks, projects] = await Promise.all([
      this.records.list('departments', officeCode),
      this.records.list('tasks', officeCode),
      this.records.list('projects', officeCode),
    ]);
    return { departments, tasks, projects };
  }

  /** Every live problem of the office. */
  async all(officeCode: string): Promise<Problem[]> {
    return this.records.list('problems', officeCode);
  }

  async get(id: string): Promise<Problem | undefined> {
    return this.records.get('problems', id);
  }

  private async mustGet(id: string): Promise<Problem> {
    const p = await this.get(id);
    if (!p) throw new ValidationError(WHAT, [`找不到问题 ${id}，可能已被删除`]);
    return p;
  }

  /**
   * The 存在问题 of the month's reports (default: the month being reported on) not yet raised, each
   * with its proposal. `entries` narrows to some reports (those a form or bundle just brought).
   */
  async candidates(officeCode: string, options: { period?: Period; entries?: readonly ProgressEntry[] } = {}): Promise<ProblemCandidate[]> {
    const [ctx, problems, stored] = await Promise.all([this.context(officeCode), this.all(officeCode), this.records.progressFor(officeCode)]);
    const only = options.entries ? new Set(options.entries.map((e) => e.id)) : null;
    const entries = only ? stored.filter((e) => only.has(e.id)) : stored;
    const period = options.period ?? (only ? undefined : defaultReportingPeriod(this.now()));
    return problemCandidates(ctx, entries, problems, this.today(), period);
  }

  /**
   * Raises the month's batch in one step (one undo): new problems and follow-ups of open ones, as
   * the clerk decided each candidate. Every item must be a candidate now (a report raised twice is
   * refused); the whole batch is refused on any bad item, each named.
   */
  async raise(officeCode: string, items: readonly RaiseItem[], options: { by?: string } = {}): Promise<RaiseResult> {
    if (!items.length) throw new ValidationError(WHAT, ['没有选择要登记的问题']);
    const ctx = await this.context(officeCode);
    const problems = await this.all(officeCode);
    const stored = await this.records.progressFor(officeCode);
    const wanted = new Set(items.map((i) => i.entryId));
    const candidates = new Map(problemCandidates(ctx, stored.filter((e) => wanted.has(e.id)), problems, this.today()).map((c) => [c.entry.id, c]));
    const today = this.today();
    const issues: string[] = [];
    const creates: PlanCreate[] = [];
    const followUps = new Map<string, FollowUp[]>();
    const raised: Problem[] = [];
    const linked: { problemId: string; entryId: string }[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      const c = candidates.get(item.entryId);
      const where = c ? `${c.subjectTitle}（${c.unitName}）` : `进展 ${item.entryId}`;
      if (seen.has(item.entryId)) issues.push(`${where}：同一条进展选了两次`);
      seen.add(item.entryId);
      if (!c) {
        issues.push(`${where}：不是待登记的存在问题（已登记、已更正或没有问题）`);
        continue;
      }
      if (item.action === 'link') {
        const target = problems.find((p) => p.id === item.problemId);
        if (!target || target.subjectId !== c.entry.subjectId) issues.push(`${where}：要并入的问题不存在或不属于同一任务/项目`);
        else if (problemStatus(target, today) === 'closed') issues.push(`${where}：要并入的问题已销号，请先重新打开或登记为新问题`);
        else {
          followUps.set(target.id, [...(followUps.get(target.id) ?? []), { date: c.raisedOn, unit: c.unit, text: c.text, resolved: false, sourceEntryId: c.entry.id }]);
          linked.push({ problemId: target.id, entryId: c.entry.id });
        }
        continue;
      }
      const deterministic = problemIdFromEntry(officeCode, c.entry.id);
      // A problem undone or deleted earlier keeps its id in the bin: raise the report again under a new one.
      const taken = (await this.records.storage.get('problems', deterministic)) !== undefined;
      const record = this.build(
        {
          id: taken ? newRecordId(officeCode, 'problem') : deterministic,
          officeCode,
          subjectKind: c.entry.subjectKind,
          subjectId: c.entry.subjectId,
          sourceEntryId: c.entry.id,
          period: c.entry.period,
          text: item.text ?? c.text,
          raisedOn: c.raisedOn,
          raisedBy: c.unit,
          kind: item.kind,
          responsibleId: item.responsibleId === undefined ? c.responsibleId : item.responsibleId,
        },
        item.due,
        item.dueReason,
        options.by,
      );
      const problemIssues = typeof record === 'string' ? [record] : checkProblem(record, today);
      if (problemIssues.length) issues.push(...problemIssues.map((p) => `${where}：${p}`));
      else if (typeof record !== 'string') {
        creates.push({ table: 'problems', record });
        raised.push(record);
      }
    }
    if (issues.length) throw new ValidationError(WHAT, issues);
    const edits: PlanEdit[] = [];
    for (const [id, added] of followUps) {
      const p = problems.find((x) => x.id === id) as Problem;
      edits.push({ table: 'problems', id, patch: { followUps: [...p.followUps, ...added] } });
    }
    const label = `登记存在问题 ${raised.length} 个${linked.length ? `，并入已有问题 ${linked.length} 条` : ''}`;
    const undo = await this.undo.commit({ label, creates, edits });
    return { undo, raised, linked };
  }

  /** A new problem's record with its due date by the rules; a Chinese sentence when the due date is wrong. */
  private build(base: Omit<Problem, 'due' | 'dueChanges' | 'followUps' | 'closing' | 'reopenings'>, due: IsoDate | undefined, dueReason: string | undefined, by: string | undefined): Problem | string {
    const ruled = problemDueFor(base.kind, base.raisedOn);
    const empty = { dueChanges: [], followUps: [], closing: null, reopenings: [] };
    if (ruled === null) {
      if (!due) return `${PROBLEM_KIND_LABELS[base.kind]}问题须由无废办确定办结时限`;
      return { ...base, due, ...empty };
    }
    if (due === undefined || due === ruled) return { ...base, due: ruled, ...empty };
    if (!dueReason?.trim()) return `办结时限 ${due} 与${PROBLEM_KIND_LABELS[base.kind]}问题的规定时限 ${ruled} 不同，须写明理由`;
    return { ...base, due, ...empty, dueChanges: [{ on: base.raisedOn, from: ruled, to: due, reason: dueReason.trim(), ...(by ? { by } : {}) }] };
  }

  /** Enters a problem directly (not from a report). */
  async create(officeCode: string, input: NewProblem, options: { by?: string } = {}): Promise<{ problem: Problem; undo: Change }> {
    const record = this.build(
      {
        id: newRecordId(officeCode, 'problem'),
        officeCode,
        subjectKind: input.subjectKind,
        subjectId: input.subjectId,
        text: input.text,
        raisedOn: input.raisedOn ?? this.today(),
        raisedBy: input.raisedBy,
        kind: input.kind,
        responsibleId: input.responsibleId,
      },
      input.due,
      undefined,
      options.by,
    );
    if (typeof record === 'string') throw new ValidationError(WHAT, [record]);
    this.check(record);
    const undo = await this.undo.commit({ label: '登记问题', creates: [{ table: 'problems', record }] });
    return { problem: record, undo };
  }

  private check(problem: Problem): void {
    const issues = checkProblem(problem, this.today());
    if (issues.length) throw new ValidationError(`${WHAT} ${problem.text.slice(0, 20)}`, issues);
  }

  private async edit(problem: Problem, patch: Partial<Problem>, label: string): Promise<Change> {
    this.check({ ...problem, ...patch });
    return this.undo.commit({ label, edits: [{ table: 'problems', id: problem.id, patch }] });
  }

  private day(value: IsoDate | undefined, field: string): IsoDate {
    const day = value ?? this.today();
    if (!IsoDateSchema.safeParse(day).success) throw new ValidationError(WHAT, [`${field}“${day}”不是有效日期，应写成 年-月-日，如 2025-12-31`]);
    return day;
  }

  /** Records a unit's 处理进展 (and whether it says the problem is solved). */
  async followUp(id: string, followUp: Omit<FollowUp, 'date'> & { date?: IsoDate }): Promise<Change> {
    const p = await this.mustGet(id);
    if (p.closing) throw new ValidationError(WHAT, ['问题已销号，不能再填写处理进展；如需继续处理请先重新打开']);
    const entry: FollowUp = { ...followUp, date: this.day(followUp.date, '进展日期') };
    return this.edit(p, { followUps: [...p.followUps, entry] }, '填写问题处理进展');
  }

  /** Moves the due date, with the reason kept in the problem's history. */
  async setDue(id: string, due: IsoDate, reason: string, options: { on?: IsoDate; by?: string } = {}): Promise<Change> {
    const p = await this.mustGet(id);
    this.day(due, '办结时限');
    if (!reason.trim()) throw new ValidationError(WHAT, ['调整办结时限须写明理由']);
    if (due === p.due) throw new ValidationError(WHAT, [`办结时限已是 ${due}`]);
    const change = { on: this.day(options.on, '调整日期'), from: p.due, to: due, reason: reason.trim(), ...(options.by ? { by: options.by } : {}) };
    return this.edit(p, { due, dueChanges: [...p.dueChanges, change] }, '调整问题办结时限');
  }

  /** 销号: closes the problem on a day (default today) with the evidence and who confirmed it. */
  async close(id: string, closing: Omit<ProblemClosing, 'date'> & { date?: IsoDate }): Promise<Change> {
    const p = await this.mustGet(id);
    if (p.closing) throw new ValidationError(WHAT, [`问题已于 ${p.closing.date} 销号`]);
    const record: ProblemClosing = { date: this.day(closing.date, '销号日期'), evidence: closing.evidence.trim(), confirmedBy: closing.confirmedBy.trim() };
    if (!record.evidence) throw new ValidationError(WHAT, ['销号须写明依据（办结材料、现场核查情况等）']);
    if (!record.confirmedBy) throw new ValidationError(WHAT, ['销号须写明确认人']);
    return this.edit(p, { closing: record }, '问题销号');
  }

  /** Undoes a 销号 with a reason; the closing is kept in the problem's history. */
  async reopen(id: string, reason: string, on?: IsoDate): Promise<Change> {
    const p = await this.mustGet(id);
    if (!p.closing) throw new ValidationError(WHAT, ['问题尚未销号，无需重新打开']);
    if (!reason.trim()) throw new ValidationError(WHAT, ['重新打开问题须写明理由']);
    const reopening = { on: this.day(on, '重新打开日期'), reason: reason.trim(), closing: p.closing };
    return this.edit(p, { closing: null, reopenings: [...p.reopenings, reopening] }, '问题重新打开');
  }

  /** Moves the problem to the bin (restorable, undoable). */
  async remove(id: string): Promise<Change> {
    return this.undo.commit({ label: '删除问题', deletes: [{ table: 'problems', id }] });
  }

  async restore(id: string): Promise<Change> {
    return this.undo.commit({ label: '恢复问题', restores: [{ table: 'problems', id }] });
  }

  /** Every change of the problem, oldest first (the audit trail). */
  async history(id: string): Promise<AuditEntry[]> {
    return this.records.auditOf(id);
  }

  /** The 问题清单 on a day (default today): overdue first, then by due date, with age and names. */
  async list(officeCode: string, filter: ProblemFilter = {}, day: IsoDate = this.today()): Promise<ProblemView[]> {
    const [ctx, problems] = await Promise.all([this.context(officeCode), this.all(officeCode)]);
    return problemList(ctx, problems, day, filter);
  }

  async view(id: string, day: IsoDate = this.today()): Promise<ProblemView | undefined> {
    const p = await this.get(id);
    return p ? problemView(await this.context(p.officeCode), p, day) : undefined;
  }

  /** A unit's overdue problems (its 督办单, 月度调度). */
  async overdueFor(officeCode: string, departmentId: string, day: IsoDate = this.today()): Promise<ProblemView[]> {
    return this.list(officeCode, { unit: departmentId, overdue: true }, day);
  }

  /** The rows of a department's next fill-in form: one per open problem it answers for. */
  /** Every department's 问题整改 rows at once, for issuing the month's forms. */
  async formRowsByDepartment(officeCode: string, day: IsoDate = this.today()): Promise<(departmentId: string) => ProblemFormRow[]> {
    const [ctx, problems] = await Promise.all([this.context(officeCode), this.all(officeCode)]);
    return (departmentId) => problemFormRows(ctx, problems, departmentId, day);
  }

  async openForDepartment(officeCode: string, departmentId: string, day: IsoDate = this.today()): Promise<ProblemFormRow[]> {
    const [ctx, problems] = await Promise.all([this.context(officeCode), this.all(officeCode)]);
    return problemFormRows(ctx, problems, departmentId, day);
  }
}
