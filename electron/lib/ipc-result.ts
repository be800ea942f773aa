import { z } from 'zod';

/**
 * How a failure in the main process reaches the page: not as a thrown error, which Electron turns
 * into "Error invoking remote method 'zwc:open-file': FileRefusedError: …", but as a typed result
 * whose failure carries the Chinese message only. Main wraps each handler with `toIpcResult`; the
 * preload (or the page's desktop adapter) calls `unwrapIpcResult`, which throws an IpcFailure whose
 * message is exactly that Chinese text.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Shown when the failure has no message meant for a clerk (a bug, an OS error); the detail goes to the log. */
export const GENERIC_FAILURE = '操作未能完成。请重试；如仍失败，请在“帮助 → 关于”中打开日志文件夹，把日志发给技术支持。';

const CHINESE = /[\u3400-\u9fff]/;

/** The Chinese message of a failure, without the error's class name or stack; the generic one when it has none. */
export function clerkMessage(error: unknown): string {
  if (error instanceof z.ZodError) return `参数不正确：${error.issues.map((i) => `${i.path.join('.') || '参数'} ${i.message}`).join('；')}`;
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  // Strip what a re-thrown remote error carries in front: "Error invoking remote method '…': Name: ".
  const plain = text.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^(?:[A-Z][A-Za-z]*(?:Error|Exception)|Error):\s*/, '');
  return CHINESE.test(plain) ? plain.trim() : GENERIC_FAILURE;
}

/** Runs a handler's work; its value, or its failure as { ok: false, message } (the full error goes to `log`). */
export async function toIpcResult<T>(work: () => Promise<T> | T, log?: (line: string) => void): Promise<IpcResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    const message = clerkMessage(e);
    if (message === GENERIC_FAILURE || !(e instanceof Error)) log?.(`IPC 失败：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return { ok: false, message };
  }
}

/** ipcMain.handle(channel, wrapHandler(fn, log)). */
export function wrapHandler<A extends unknown[], T>(handler: (...args: A) => Promise<T> | T, log?: (line: string) => void) {
  return (...args: A): Promise<IpcResult<T>> => toIpcResult(() => handler(...args), log);
}

/** The error the page sees: its message is the Chinese text alone. */
export class IpcFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcFailure';
  }
}

const ResultShape = z.union([z.object({ ok: z.literal(true), value: z.unknown() }).strict(), z.object({ ok: z.literal(false), message: z.string().min(1).max(4000) }).strict()]);

/** Renderer side: the value of a result, or an IpcFailure with the Chinese message. */
export function unwrapIpcResult<T>(result: unknown): T {
  const r = ResultShape.safeParse(result);
  if (!r.success) throw new IpcFailure('桌面程序返回了无法识别的结果，请重启程序后重试。');
  if (!r.data.ok) throw new IpcFailure(r.data.message);
  return r.data.value as T;
}
