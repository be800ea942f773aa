import { useCallback } from 'react';
import { App as AntApp, Button } from 'antd';
import { ValidationError } from '../../../../shared/app/change';
import type { Workspace } from '../../../../shared/app/workspace';
import { useAppState, useWorkspace } from '../../app/store';
import { announceChange } from '../../app/window-sync';
import { messageOf } from '../../app/error-text';

/**
 * Runs one of the 问题清单's services (they write through the workspace's undo history themselves),
 * then refreshes the window and the others, and tells the clerk: a note with 撤销, or what was
 * wrong (nothing is written then). Resolves true on success.
 */
export function useProblemAction(): (work: (ws: Workspace) => Promise<unknown>, done: string) => Promise<boolean> {
  const { message } = AntApp.useApp();
  const ws = useWorkspace();
  const reload = useAppState((s) => s.reload);
  const undo = useAppState((s) => s.undo);
  return useCallback(
    async (work, done) => {
      try {
        await work(ws);
      } catch (e) {
        const detail = e instanceof ValidationError ? e.issues.join('；') : messageOf(e);
        message.error(`未保存：${detail}`, 6);
        return false;
      }
      announceChange();
      await reload();
      const key = `problem-${Date.now()}`;
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
      return true;
    },
    [ws, reload, undo, message],
  );
}
