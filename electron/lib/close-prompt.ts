import { z } from 'zod';

/**
 * Closing the window or quitting with unsaved typing: the renderer reports whether any form holds
 * unsaved work (renderer/src/components/unsaved-guard.tsx), and the main process asks in Chinese
 * before the window goes — 留下 keeps everything as it is, 离开 closes. The page's own
 * beforeunload would only cancel the close silently (Electron shows no dialog for it), so once the
 * clerk chose 离开 the page is not asked again.
 *
 * The same guard makes the backup at quit: after the clerk agreed to leave and before the window
 * goes (the renderer holds the data, so the backup must be made while it is still there), once,
 * with a bounded wait (see backup-schedule.ts).
 */
export const UnsavedReportSchema = z.object({ unsaved: z.boolean() }).strict();

/** The last unsaved state the renderer reported; validated, since it crosses from the page. */
export function createUnsavedState() {
  let unsaved = false;
  return {
    report(request: unknown): void {
      const r = UnsavedReportSchema.safeParse(request);
      if (!r.success) throw new Error('未保存状态的报告格式不正确');
      unsaved = r.data.unsaved;
    },
    get unsaved(): boolean {
      return unsaved;
    },
    /** A new page (reload, crash): nothing is unsaved until it says so. */
    clear(): void {
      unsaved = false;
    },
  };
}

/** Options for dialog.showMessageBox: 留下 is the default and what Esc or closing the box means. */
export const CLOSE_PROMPT_OPTIONS = {
  type: 'warning' as const,
  title: '有尚未保存的内容',
  message: '有尚未保存的内容',
  detail: '刚才填写或修改的内容还没有保存。离开将丢失这些内容；留下可以继续填写并保存。',
  buttons: ['留下', '离开'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};
export const LEAVE_BUTTON = 1;

export interface ExitGuardDeps {
  /** Whether the page reported unsaved typing. */
  unsaved(): boolean;
  /** Shows CLOSE_PROMPT_OPTIONS; resolves to the button index. */
  ask(): Promise<number>;
  /** Runs once the clerk may leave, before the window goes (the backup at quit); never throws, bounded. */
  beforeLeave(): Promise<void>;
}

export interface PreventableEvent {
  preventDefault(): void;
}

/**
 * One guard for the window's 'close' and the app's 'before-quit': each is held back, the clerk is
 * asked when there is unsaved typing, the backup is made, and then `go` (close the window again,
 * quit again) runs with the guard open. Only one question at a time; after 离开 everything passes.
 */
export function createExitGuard(deps: ExitGuardDeps) {
  let state: 'open' | 'busy' | 'leaving' = 'open';
  const hold = (event: PreventableEvent, go: () => void): void => {
    if (state === 'leaving') return;
    event.preventDefault();
    if (state === 'busy') return;
    state = 'busy';
    void (async () => {
      let leave = true;
      if (deps.unsaved()) {
        try {
          leave = (await deps.ask()) === LEAVE_BUTTON;
        } catch {
          // A dialog that cannot be shown must never trap the clerk in the app.
          leave = true;
        }
      }
      if (!leave) {
        state = 'open';
        return;
      }
      try {
        await deps.beforeLeave();
      } catch {
        // Nor may a failing backup.
      }
      state = 'leaving';
      go();
    })();
  };
  return {
    /** win.on('close', (e) => guard.onClose(e, () => win.close())) */
    onClose: hold,
    /** app.on('before-quit', (e) => guard.onBeforeQuit(e, () => app.quit())) */
    onBeforeQuit: hold,
    /** True once the clerk chose to leave: the page's beforeunload is then overridden (will-prevent-unload). */
    get leaving(): boolean {
      return state === 'leaving';
    },
  };
}
