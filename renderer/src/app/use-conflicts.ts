import { useEffect } from 'react';
import { create } from 'zustand';
import type { ConflictMarks } from '../../../shared/app/exchange/conflicts';
import { useAppState } from './store';

/**
 * Which records have an open conflict, for the 有冲突 marks on every page, and how many each office
 * has (the city overview). Read once per change of the store's data, through the exchange service,
 * and shared by every mark on the page (one read, not one per row).
 */
const useMarks = create<ConflictMarks>(() => ({ recordIds: new Set<string>(), byOffice: new Map<string, number>() }));

let subscribed = false;
let generation = 0;

async function refresh(): Promise<void> {
  const { workspace, phase } = useAppState.getState();
  const mine = ++generation;
  if (!workspace || phase.kind !== 'ready') return;
  try {
    const marks = await workspace.exchange.conflictMarks(phase.settings.officeCode, phase.settings.role);
    if (mine === generation) useMarks.setState(marks, true);
  } catch (e) {
    console.error('读取冲突失败', e);
  }
}

function subscribeOnce(): void {
  if (subscribed) return;
  subscribed = true;
  void refresh();
  // Every import, resolution, edit, undo and reload replaces the phase: re-read then.
  useAppState.subscribe((s, prev) => {
    if (s.phase !== prev.phase || s.workspace !== prev.workspace) void refresh();
  });
}

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
