import { useEffect } from 'react';
import { create } from 'zustand';
import type { ConflictMarks } from '../../../shared/app/exchange/conflicts';
import { useAppState } from './store';

/**
 * Which records have an open conflict, for the 有冲突 marks on every page, and how many each office
 * has (the city overview). Read once per change of the store's data, through the exchange service,
 * and shared by every mark on the page (one read, not one per row).
 *
 * The first read starts when the workspace opens, beside the store's own read of the plan, not when
 * the first mark mounts: it reads every record of the office (tens of ms on the main thread for
 * 10,000 tasks), which then lands before the first list shows instead of on the clerk's first
 * keystroke or scroll in it.
 */
const useMarks = create<ConflictMarks>(() => ({ recordIds: new Set<string>(), byOffice: new Map<string, number>() }));

let subscribed = false;
let generation = 0;

async function refresh(): Promise<void> {
  const { workspace, phase } = useAppState.getState();
  const mine = ++generation;
  if (!workspace) return;
  try {
    // While the workspace opens, its office is the one in its settings (none before the first run's setup).
    const settings = phase.kind === 'ready' ? phase.settings : phase.kind === 'loading' ? await workspace.setup.settings() : undefined;
    if (!settings) return;
    const marks = await workspace.exchange.conflictMarks(settings.officeCode, settings.role);
    if (mine === generation) useMarks.setState(marks, true);
  } catch (e) {
    console.error('读取冲突失败', e);
  }
}

function subscribeOnce(): void {
  if (subscribed) return;
  subscribed = true;
  void refresh();
  useAppState.subscribe((s, prev) => {
    if (s.workspace !== prev.workspace) return void refresh();
    // The first view after opening shows the records the read at opening has read: no second read.
    if (prev.phase.kind === 'loading' && s.phase.kind === 'ready') return;
    // Every setup, import, resolution, edit, undo and reload replaces the phase: re-read then.
    if (s.phase !== prev.phase) void refresh();
  });
}
subscribeOnce();

/** True while the record has an open conflict. */
export function useHasConflict(recordId: string): boolean {
  useEffect(subscribeOnce, []);
  return useMarks((s) => s.recordIds.has(recordId));
}

/** Open conflicts per office code (the workspace's own office, and at a city its county offices). */
export function useConflictCounts(): ReadonlyMap<string, number> {
  useEffect(subscribeOnce, []);
  return useMarks((s) => s.byOffice);
}

/** Opens 数据交换 → 待处理冲突. */
export function openConflictList(): void {
  window.location.hash = '/exchange?tab=conflicts';
}
