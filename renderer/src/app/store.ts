import { create } from 'zustand';
import type { Change } from '../../../shared/app/change';
import type { Workspace } from '../../../shared/app/workspace';
import type { PlanData } from '../../../shared/views/plan-data';
import type { Period } from '../../../shared/domain/ids';
import { defaultReportingPeriod } from '../../../shared/domain/time';
import type { WorkspaceSettings } from '../../../shared/app/settings';
import { scopeToPlan } from '../../../shared/views/plan-scope';
import { marksOf, type ConflictMarks } from '../../../shared/app/exchange/conflicts';
import type { SetupSource } from '../../../shared/app/setup/setup';
import { requestPersistentStorage, type StorageState } from './persistent-storage';
import { eraseLocalWorkspace, openRendererWorkspace } from './open-workspace';
import { announceChange, onChangeElsewhere } from './window-sync';
import { messageOf } from './error-text';

type Phase =
  /** `tip`: what the wait is for, when it is not opening the data. */
  | { kind: 'loading'; tip?: string }
  | { kind: 'failed'; message: string }
  | { kind: 'setup' }
  /**
   * `plan`: the plan period shown (scoped); `all`: every period's records, for plan-period work;
   * `conflicts`: the office's own records with an open conflict (the 有冲突 marks), from the same read.
   */
  | { kind: 'ready'; settings: WorkspaceSettings; plan: PlanData; all: PlanData; viewPlanId: string | undefined; conflicts: ConflictMarks };

/** The window's state: the open workspace, what it shows, and the actions that change it (useAppState). */
interface AppState {
  phase: Phase;
  storage: StorageState | null;
  /** The core's services on this machine's database; pages call these, never the database. */
  workspace: Workspace | null;
  /** The reporting month the clerk is working on (YYYY-MM). */
  period: Period;
  /** What undo would undo next (the core's undo history, kept in the workspace), or null. */
  undoNext: Change | null;
  /** When the plan was last re-read because another window changed it (ISO time), or null. */
  refreshedFromElsewhere: string | null;
  start(): Promise<void>;
  /** Sets the workspace up for an office: its seeded plan, the tasks its city assigned, or an empty plan. */
  setUp(officeCode: string, source: SetupSource): Promise<void>;
  reload(): Promise<void>;
  /** Deletes this machine's workspace and returns to the first-run screen (the caller made the backup). */
  resetWorkspace(): Promise<void>;
  /** Shows another plan period (a closed one is read-only); undefined: the plan in force. */
  viewPlan(planId: string | undefined): Promise<void>;
  setPeriod(period: Period): void;
  /** Applies a change, makes it undoable and refreshes the view. Throws ValidationError on bad input. */
  commit(change: Change): Promise<void>;
  /** Undoes the latest action; returns its label, or null when there is nothing to undo. */
  undo(): Promise<string | null>;
}

/** An office's records, and the part of them in the plan period shown. */
async function readView(ws: Workspace, officeCode: string, viewPlanId?: string): Promise<{ all: PlanData; plan: PlanData; viewPlanId: string | undefined; conflicts: ConflictMarks }> {
  const { plan: all, rows } = await ws.records.readPlanRows(officeCode);
  const shown = all.office.plans?.some((p) => p.id === viewPlanId) ? viewPlanId : all.office.currentPlanId;
  return { all, plan: scopeToPlan(all, shown), viewPlanId: shown, conflicts: marksOf(officeCode, rows) };
}

export const useAppState = create<AppState>((set, get) => ({
  phase: { kind: 'loading' },
  storage: null,
  workspace: null,
  period: defaultReportingPeriod(),
  undoNext: null,
  refreshedFromElsewhere: null,

  async start() {
    try {
      const workspace = await openRendererWorkspace();
      set({ workspace });
      onChangeElsewhere(() => {
        const { phase } = get();
        if (phase.kind === 'setup') return void get().start();
        void get()
          .reload()
          .then(() => set({ refreshedFromElsewhere: new Date().toISOString() }));
      });
      void requestPersistentStorage().then((storage) => set({ storage }));
      const settings = await workspace.setup.settings();
      if (!settings) return set({ phase: { kind: 'setup' } });
      // Undo survives a reload: the history is kept in the workspace's settings.
      set({ undoNext: (await workspace.undo.next()) ?? null });
      set({ phase: { kind: 'ready', settings, ...(await readView(workspace, settings.officeCode)) } });
    } catch (e) {
      set({ phase: { kind: 'failed', message: `无法打开本地数据库：${messageOf(e)}` } });
    }
  },

  async setUp(officeCode, source) {
    const ws = get().workspace;
    if (!ws) throw new Error('数据库尚未打开');
    const settings = await ws.setup.setUp(officeCode, source);
    set({ phase: { kind: 'ready', settings, ...(await readView(ws, officeCode)) } });
    announceChange();
  },

  async reload() {
    const { workspace, phase } = get();
    if (!workspace || phase.kind !== 'ready') return;
    // Another window may have changed or undone something: its history is this window's too.
    const [view, undoNext] = await Promise.all([readView(workspace, phase.settings.officeCode, phase.viewPlanId), workspace.undo.next()]);
    set({ phase: { ...phase, ...view }, undoNext: undoNext ?? null });
  },

  async resetWorkspace() {
    const { workspace } = get();
    if (!workspace) return;
    // Pages leave first: nothing may read the database while it is closed and deleted.
    set({ phase: { kind: 'loading', tip: '正在清除本机数据…' } });
    await eraseLocalWorkspace(workspace);
    announceChange();
    // A full load of the app without its page: setting the hash first would show a page (and its
    // reads) on the deleted database until the reload came.
    window.location.replace(window.location.href.split('#')[0]);
  },

  async viewPlan(planId) {
    const { workspace, phase } = get();
    if (!workspace || phase.kind !== 'ready') return;
    set({ phase: { ...phase, ...(await readView(workspace, phase.settings.officeCode, planId)) } });
  },

  setPeriod(period) {
    set({ period });
  },

  async commit(change) {
    const workspace = get().workspace;
    if (!workspace) throw new Error('数据库尚未打开');
    set({ undoNext: await workspace.undo.commit(change) });
    announceChange();
    await get().reload();
  },

  async undo() {
    const { workspace } = get();
    if (!workspace) return null;
    const undone = await workspace.undo.undo();
    if (undone === null) return null;
    announceChange();
    await get().reload();
    return undone;
  },
}));

/** The core's services; pages are only rendered once the workspace is open. */
export function useWorkspace(): Workspace {
  const workspace = useAppState((s) => s.workspace);
  if (!workspace) throw new Error('工作区尚未打开');
  return workspace;
}

/** The plan of a ready workspace; pages are only rendered then. */
export function usePlan(): PlanData {
  const phase = useAppState((s) => s.phase);
  if (phase.kind !== 'ready') throw new Error('工作区尚未就绪');
  return phase.plan;
}
