import { z } from 'zod';
import { planById, type PlanPeriod } from '../../domain/plan-period';
import type { IsoDate } from '../../domain/ids';
import type { ConstructionStatus } from '../../domain/project';
import type { Change } from '../change';
import type { RecordsService } from '../records-service';
import { catchUpProjects, catchUpTasks } from '../plan-periods/plan-periods';
import { readSetting, writeSetting } from '../settings';
import type { StoragePort, StorageReader } from '../storage';
import type { UndoService } from '../undo/undo-history';

/**
 * Catching up on day one: an office that starts using the app after some of its plan's years have
 * passed first enters what already happened. Until the clerk says that is done, the app says the
 * history has not been entered, instead of reporting years-old work as overdue news.
 */
const KEY = (planId: string) => `catch-up.${planId}`;
const CaughtUpSchema = z.object({ at: z.string() }).strict();

export async function caughtUpAt(storage: StorageReader, planId: string): Promise<string | null> {
  return (await readSetting(storage, KEY(planId), CaughtUpSchema))?.at ?? null;
}

export function markCaughtUp(storage: StoragePort, planId: string, at: Date = new Date()): Promise<void> {
  return storage.transaction((tx) => writeSetting(tx, KEY(planId), { at: at.toISOString() }));
}

/** The plan has years behind it (before the current one) that a new workspace knows nothing of. */
export function hasPastYears(plan: Pick<PlanPeriod, 'fromYear' | 'status'>, currentYear: number): boolean {
  return plan.status !== 'closed' && plan.fromYear < currentYear;
}

/** Where a plan stands with its catch-up: whether it has past years, and when the clerk said it was done. */
export interface CatchUpState {
  planId: string;
  pastYears: boolean;
  caughtUpAt: string | null;
}

/**
 * Catching up as a service of the workspace, for 补录历史 (and its notice on the dashboard) and
 * `zwc catch-up …`: tasks done in bulk, projects' construction status, and the mark that says the
 * history is entered. The bulk edits go through the workspace's one undo history.
 */
export class CatchUpService {
  constructor(
    private readonly storage: StoragePort,
    private readonly records: Pick<RecordsService, 'readPlan'>,
    private readonly undo: Pick<UndoService, 'commit'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** When the clerk said the plan's history was entered, or null. */
  caughtUpAt(planId: string): Promise<string | null> {
    return caughtUpAt(this.storage, planId);
  }

  /** Marks the plan's history entered, now. */
  markCaughtUp(planId: string): Promise<void> {
    return markCaughtUp(this.storage, planId, this.now());
  }

  /** The plan's years before this one have not been entered yet (the notice on the dashboard). */
  async pending(plan: Pick<PlanPeriod, 'id' | 'fromYear' | 'status'>): Promise<boolean> {
    return hasPastYears(plan, this.now().getFullYear()) && (await this.caughtUpAt(plan.id)) === null;
  }

  /** The state of an office's plan (the one in force by default). */
  async state(officeCode: string, planId?: string): Promise<CatchUpState> {
    const { office } = await this.records.readPlan(officeCode);
    const id = planId ?? office.currentPlanId;
    const plan = id ? planById(office, id) : undefined;
    if (!plan) throw new CatchUpError(planId ? `找不到方案 ${planId}` : '本单位还没有方案期');
    return { planId: plan.id, pastYears: hasPastYears(plan, this.now().getFullYear()), caughtUpAt: await this.caughtUpAt(plan.id) };
  }

  /** The change marking tasks done, one date and one evidence note for the batch (for a host that commits it itself). */
  async tasksChange(officeCode: string, taskIds: readonly string[], date: IsoDate, evidence: string): Promise<Change> {
    return catchUpTasks(await this.records.readPlan(officeCode), taskIds, date, evidence);
  }

  /** The change setting several projects' current construction status. */
  async projectsChange(officeCode: string, projectIds: readonly string[], status: ConstructionStatus): Promise<Change> {
    return catchUpProjects(await this.records.readPlan(officeCode), projectIds, status);
  }

  /** Marks tasks done (undoable). */
  async tasksDone(officeCode: string, taskIds: readonly string[], date: IsoDate, evidence: string): Promise<Change> {
    const change = await this.tasksChange(officeCode, taskIds, date, evidence);
    await this.undo.commit(change);
    return change;
  }

  /** Sets projects' construction status (undoable). */
  async projectsStatus(officeCode: string, projectIds: readonly string[], status: ConstructionStatus): Promise<Change> {
    const change = await this.projectsChange(officeCode, projectIds, status);
    await this.undo.commit(change);
    return change;
  }
}

export class CatchUpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatchUpError';
  }
}
