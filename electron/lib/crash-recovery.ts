/**
 * After the page's process dies (a crash, out of memory, killed): the window would stay blank.
 * The main process logs why and asks in Chinese whether to reload the page; the data is in the
 * database, so only typing not yet saved is lost. Crash dumps are kept on this laptop only
 * (crashReporter with uploadToServer: false, see CRASH_REPORTER_OPTIONS).
 */
export const CRASH_REPORTER_OPTIONS = Object.freeze({ uploadToServer: false, compress: true, ignoreSystemCrashHandler: false });

export interface RenderGoneDetails {
  reason: string;
  exitCode?: number;
}

const REASONS: Record<string, string> = {
  crashed: '页面进程崩溃',
  oom: '内存不足',
  killed: '页面进程被结束',
  'launch-failed': '页面进程无法启动',
  'integrity-failure': '程序文件校验失败',
  'abnormal-exit': '页面进程异常退出',
  'memory-eviction': '系统内存紧张，页面被关闭',
};

export function renderGoneReason(details: RenderGoneDetails): string {
  return REASONS[details.reason] ?? `页面进程停止（${details.reason}）`;
}

export const RELOAD_BUTTON = 0;

/** Options for dialog.showMessageBox after the page died. */
export function renderGoneDialog(details: RenderGoneDetails) {
  return {
    type: 'error' as const,
    title: '台账页面出错',
    message: `台账页面意外停止：${renderGoneReason(details)}`,
    detail: '已经保存的数据不受影响，刚才尚未保存的输入可能丢失。点“重新载入”恢复页面；问题反复出现时，请把“设置 → 关于”中日志文件夹里的文件发给技术人员。',
    buttons: ['重新载入', '退出程序'],
    defaultId: RELOAD_BUTTON,
    cancelId: 1,
    noLink: true,
  };
}

export interface RenderGoneDeps {
  ask(options: ReturnType<typeof renderGoneDialog>): Promise<number>;
  reload(): void;
  quit(): void;
  log(line: string): void;
}

/** webContents.on('render-process-gone', (_e, details) => handler(details)). A clean exit (the window closing) asks nothing. */
export function createRenderGoneHandler(deps: RenderGoneDeps) {
  let asking = false;
  return async (details: RenderGoneDetails): Promise<void> => {
    if (details.reason === 'clean-exit') return;
    deps.log(`页面进程停止：${details.reason}（退出码 ${details.exitCode ?? '无'}）`);
    if (asking) return;
    asking = true;
    try {
      const answer = await deps.ask(renderGoneDialog(details)).catch(() => RELOAD_BUTTON);
      if (answer === RELOAD_BUTTON) deps.reload();
      else deps.quit();
    } finally {
      asking = false;
    }
  };
}
