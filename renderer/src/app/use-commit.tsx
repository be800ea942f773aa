import { App as AntApp, Button } from 'antd';
import { useCallback } from 'react';
import { ValidationError, type Change } from '../../../shared/app/change';
import { newRecordId } from '../../../shared/exchange/ownership';
import { useAppState } from './store';
import { messageOf } from './error-text';

/**
 * Commits a change and tells the clerk: a success note with an undo button, or an error that
 * says what was wrong (nothing is written then). Resolves true on success.
 */
export function useCommit(): (change: Change, done?: string) => Promise<boolean> {
  const { message } = AntApp.useApp();
  const commit = useAppState((s) => s.commit);
  const undo = useAppState((s) => s.undo);
  return useCallback(
    async (change: Change, done?: string) => {
      try {
        await commit(change);
        const key = `commit-${Date.now()}`;
        message.success({
          key,
          content: (
            <span>
              {done ?? `已保存：${change.label}`}
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
        return true;
      } catch (e) {
        const detail = e instanceof ValidationError ? e.issues.join('；') : messageOf(e);
        console.error('未保存', e);
        message.error(`未保存：${detail}`, 6);
        return false;
      }
    },
    [commit, message, undo],
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
