import { App as AntApp, Button } from 'antd';
import { useCallback, useMemo } from 'react';
import { ValidationError, type Change } from '../../../shared/app/change';
import { newRecordId } from '../../../shared/exchange/ownership';
import { useAppState } from './store';
import { messageOf } from './error-text';

/**
 * How a saved action is told: a success note with an undo button, or an error that says what was
 * wrong (nothing is written then). Every write of the UI ends in one of the two.
 */
export function useSavedNote(): { saved(done: string): void; failed(e: unknown): void } {
  const { message } = AntApp.useApp();
  const undo = useAppState((s) => s.undo);
  const saved = useCallback(
    (done: string) => {
      const key = `saved-${Date.now()}`;
      message.success({
        key,
        content: (
          <span>
            {done}
            <Button
              type="link"
              size="small"
              onClick={async () => {
                message.destroy(key);
                const label = await undo();
                if (label) message.info(`已撤销：${label}`);
              }}
            >
              撤销
            </Button>
          </span>
        ),
      });
    },
    [message, undo],
  );
  const failed = useCallback(
    (e: unknown) => {
      const detail = e instanceof ValidationError ? e.issues.join('；') : messageOf(e);
      console.error('未保存', e);
      message.error(`未保存：${detail}`, 6);
    },
    [message],
  );
  return useMemo(() => ({ saved, failed }), [saved, failed]);
}

/** Commits a change and tells the clerk (useSavedNote). Resolves true on success. */
export function useCommit(): (change: Change, done?: string) => Promise<boolean> {
  const commit = useAppState((s) => s.commit);
  const note = useSavedNote();
  return useCallback(
    async (change: Change, done?: string) => {
      try {
        await commit(change);
      } catch (e) {
        note.failed(e);
        return false;
      }
      note.saved(done ?? `已保存：${change.label}`);
      return true;
    },
    [commit, note],
  );
}

/**
 * A new record id in the workspace office's namespace, `150627-task-<uuid>` (shared/exchange/ownership.ts):
 * ids carry their office, so no other office's exchange file can name this record.
 */
export function newId(kind: string): string {
  const phase = useAppState.getState().phase;
  if (phase.kind !== 'ready') throw new Error('尚未选择本单位，不能新建记录');
  return newRecordId(phase.settings.officeCode, kind);
}
