import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { ConflictMarks } from '../../../shared/app/exchange/conflicts';
import { useAppState } from './store';

/**
 * Which records have an open conflict, for the 有冲突 marks on every page, and how many each office
 * has (the city overview). The office's own come with the store's read of its plan (the same rows,
 * read once: store.ts readView). At a city, its county offices' records are read here once per
 * change of the store's data, through the exchange service, and shared by every mark on the page.
 * That read starts when the workspace opens, beside the store's own read, not when the first mark
 * mounts, so it does not land on the clerk's first keystroke or scroll.
 */
const EMPTY: ConflictMarks = { recordIds: new Set<string>(), byOffice: new Map<string, number>() };
const useCountyMarks = create<ConflictMarks>(() => EMPTY);

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
    const marks = settings.role === 'city' ? await workspace.exchange.countyConflictMarks(settings.officeCode) : EMPTY;
    if (mine === generation) useCountyMarks.setState(marks, true);
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

const ownMarks = (s: ReturnType<typeof useAppState.getState>): ConflictMarks => (s.phase.kind === 'ready' ? s.phase.conflicts : EMPTY);

/** True while the record has an open conflict. */
export function useHasConflict(recordId: string): boolean {
  useEffect(subscribeOnce, []);
  const own = useAppState((s) => ownMarks(s).recordIds.has(recordId));
  const county = useCountyMarks((s) => s.recordIds.has(recordId));
  return own || county;
}

/** Open conflicts per office code (the workspace's own office, and at a city its county offices). */
export function useConflictCounts(): ReadonlyMap<string, number> {
  useEffect(subscribeOnce, []);
  const own = useAppState((s) => ownMarks(s).byOffice);
  const county = useCountyMarks((s) => s.byOffice);
  return useMemo(() => (county.size ? new Map([...own, ...county]) : own), [own, county]);
}

/** Opens 数据交换 → 待处理冲突. */
export function openConflictList(): void {
  window.location.hash = '/exchange?tab=conflicts';
}
