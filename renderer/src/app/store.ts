import { create } from 'zustand';
import type { Change, LedgerRepository } from '../db/repository';
import type { PlanData } from '../../../shared/ledger/plan-data';
import type { Period } from '../../../shared/domain/ids';
import { defaultReportingPeriod } from '../../../shared/domain/time';
import { loadSeedPlan } from '../../../shared/seed/load-seed';
import { seededPlan } from '../../../seeds';
import { workspaceSettings, writeSetting, WORKSPACE_KEY, type WorkspaceSettings } from '../../../shared/app/settings';
import { openLedger, requestPersistentStorage, type StorageState } from './ledger';
import { announceChange, onChangeElsewhere } from './window-sync';

export type PlanView = PlanData;

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'setup' }
  | { kind: 'ready'; settings: WorkspaceSettings; plan: PlanView };

/** How many actions can be undone. */
const UNDO_DEPTH = 50;

interface LedgerState {
  phase: Phase;
  storage: StorageState | null;
  repo: LedgerRepository | null;
  /** The reporting month the clerk is working on (YYYY-MM). */
  period: Period;
  /** Inverses of the latest actions, newest last. */
  undoStack: Change[];
  /** When the plan was last re-read because another window changed it (ISO time), or null. */
  refreshedFromElsewhere: string | null;
  start(): Promise<void>;
  setUp(officeCode: string, source: 'seed' | 'empty'): Promise<void>;
  reload(): Promise<void>;
  setPeriod(period: Period): void;
  /** Applies a change, makes it undoable and refreshes the view. Throws ValidationError on bad input. */
  commit(change: Change): Promise<void>;
  /** Undoes the latest action; returns its label, or null when there is nothing to undo. */
  undo(): Promise<string | null>;
}

/** An office's records as plain data (kept for callers that hold the service). */
export function readPlan(repo: LedgerRepository, officeCode: string): Promise<PlanView> {
  return repo.readPlan(officeCode);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const useLedger = create<LedgerState>((set, get) => ({
  phase: { kind: 'loading' },
  storage: null,
  repo: null,
  period: defaultReportingPeriod(),
  undoStack: [],
  refreshedFromElsewhere: null,

  async start() {
    try {
      const repo = await openLedger();
      set({ repo });
      onChangeElsewhere(() => {
        const { phase } = get();
        if (phase.kind === 'setup') return void get().start();
        void get()
          .reload()
          .then(() => set({ refreshedFromElsewhere: new Date().toISOString() }));
      });
      void requestPersistentStorage().then((storage) => set({ storage }));
      const settings = await workspaceSettings(repo.storage);
      if (!settings) return set({ phase: { kind: 'setup' } });
      set({ phase: { kind: 'ready', settings, plan: await readPlan(repo, settings.officeCode) } });
    } catch (e) {
      set({ phase: { kind: 'failed', message: `无法打开本地数据库：${messageOf(e)}` } });
    }
  },

  async setUp(officeCode, source) {
    const repo = get().repo;
    const entry = seededPlan(officeCode);
    if (!repo || !entry) throw new Error(`没有单位 ${officeCode} 的预置方案`);
    const records = loadSeedPlan(await entry.load());
    if (source === 'empty') {
      await repo.loadPlan({ ...records, departments: [], leaders: [], tasks: [], projects: [], indicators: [] });
    } else {
      await repo.loadPlan(records);
    }
    const settings: WorkspaceSettings = { officeCode, role: records.office.level, setupAt: new Date().toISOString() };
    await repo.storage.transaction((tx) => writeSetting(tx, WORKSPACE_KEY, settings));
    set({ phase: { kind: 'ready', settings, plan: await readPlan(repo, officeCode) } });
    announceChange();
  },

  async reload() {
    const { repo, phase } = get();
    if (!repo || phase.kind !== 'ready') return;
    set({ phase: { ...phase, plan: await readPlan(repo, phase.settings.officeCode) } });
  },

  setPeriod(period) {
    set({ period });
  },

  async commit(change) {
    const repo = get().repo;
    if (!repo) throw new Error('数据库尚未打开');
    const inverse = await repo.apply(change);
    set({ undoStack: [...get().undoStack, inverse].slice(-UNDO_DEPTH) });
    announceChange();
    await get().reload();
  },

  async undo() {
    const { repo, undoStack } = get();
    const last = undoStack[undoStack.length - 1];
    if (!repo || !last) return null;
    await repo.apply(last);
    set({ undoStack: undoStack.slice(0, -1) });
    announceChange();
    await get().reload();
    return last.label.replace(/^撤销：/, '');
  },
}));

/** The plan of a ready workspace; pages are only rendered then. */
export function usePlan(): PlanView {
  const phase = useLedger((s) => s.phase);
  if (phase.kind !== 'ready') throw new Error('工作区尚未就绪');
  return phase.plan;
}
