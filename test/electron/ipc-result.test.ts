import { z } from 'zod';
import { clerkMessage, GENERIC_FAILURE, IpcFailure, toIpcResult, unwrapIpcResult, wrapHandler } from '../../electron/lib/ipc-result';
import { FileRefusedError } from '../../electron/lib/safe-file';

describe('IPC results', () => {
  it('carries a value', async () => {
    expect(await toIpcResult(async () => 42)).toEqual({ ok: true, value: 42 });
    expect(unwrapIpcResult<number>({ ok: true, value: 42 })).toBe(42);
  });

  it('carries a refusal as the Chinese message only, without the class name', async () => {
    const r = await toIpcResult(async () => {
      throw new FileRefusedError('“a.zwb”是管道（FIFO），不是普通文件，无法使用');
    });
    expect(r).toEqual({ ok: false, message: '“a.zwb”是管道（FIFO），不是普通文件，无法使用' });
    expect(JSON.stringify(r)).not.toMatch(/FileRefusedError|Error invoking/);
  });

  it('gives a bug or an OS error the generic Chinese message and logs the detail', async () => {
    const log: string[] = [];
    const r = await wrapHandler(async (name: string) => {
      throw new TypeError(`cannot read ${name}`);
    }, (l) => log.push(l))('x');
    expect(r).toEqual({ ok: false, message: GENERIC_FAILURE });
    expect(log[0]).toMatch(/TypeError: cannot read x/);
  });

  it('words invalid arguments in Chinese', () => {
    const e = z.object({ name: z.string() }).safeParse({ name: 1 });
    expect(e.success).toBe(false);
    if (!e.success) expect(clerkMessage(e.error)).toMatch(/^参数不正确：name /);
  });

  it('strips what a re-thrown remote error carries in front', () => {
    expect(clerkMessage(new Error("Error invoking remote method 'zwc:open-file': FileRefusedError: “a”过大"))).toBe('“a”过大');
  });

  it('makes the renderer throw an IpcFailure whose message is the Chinese text alone', () => {
    let caught: unknown;
    try {
      unwrapIpcResult({ ok: false, message: '备份文件已损坏' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IpcFailure);
    expect((caught as Error).message).toBe('备份文件已损坏');
  });

  it('refuses a malformed result in Chinese', () => {
    expect(() => unwrapIpcResult('Error: boom')).toThrow(/无法识别的结果/);
    expect(() => unwrapIpcResult({ ok: false, message: '' })).toThrow(IpcFailure);
    expect(() => unwrapIpcResult({ ok: true, value: 1, extra: 2 })).toThrow(/无法识别/);
  });
});
