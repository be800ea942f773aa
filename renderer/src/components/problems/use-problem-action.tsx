import { useCallback } from 'react';
import type { Workspace } from '../../../../shared/app/workspace';
import { useAppState, useWorkspace } from '../../app/store';
import { announceChange } from '../../app/window-sync';
import { useSavedNote } from '../../app/use-commit';

/**
 * Runs one of the 问题清单's services (they write through the workspace's undo history themselves),
 * then refreshes the window and the others, and tells the clerk: a note with 撤销, or what was
 * wrong (nothing is written then). Resolves true on success.
 */
export function useProblemAction(): (work: (ws: Workspace) => Promise<unknown>, done: string) => Promise<boolean> {
  const ws = useWorkspace();
  const reload = useAppState((s) => s.reload);
  const note = useSavedNote();
  return useCallback(
    async (work, done) => {
      try {
        await work(ws);
      } catch (e) {
        note.failed(e);
        return false;
      }
      announceChange();
      await reload();
      note.saved(done);
      return true;
    },
    [ws, reload, note],
  );
}
