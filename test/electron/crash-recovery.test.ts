import { CRASH_REPORTER_OPTIONS, createRenderGoneHandler, RELOAD_BUTTON, renderGoneDialog } from '../../electron/lib/crash-recovery';

function harness(answer: number | Error) {
  const did: string[] = [];
  const asked: ReturnType<typeof renderGoneDialog>[] = [];
  const handler = createRenderGoneHandler({
    ask: async (o) => {
      asked.push(o);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    reload: () => did.push('reload'),
    quit: () => did.push('quit'),
    log: (l) => did.push(`log:${l}`),
  });
  return { did, asked, handler };
}

describe('after the page process dies', () => {
  it('crash dumps are never uploaded', () => {
    expect(CRASH_REPORTER_OPTIONS.uploadToServer).toBe(false);
  });

  it('logs why and offers to reload, in Chinese', async () => {
    const h = harness(RELOAD_BUTTON);
    await h.handler({ reason: 'oom', exitCode: 9 });
    expect(h.did).toEqual(['log:页面进程停止：oom（退出码 9）', 'reload']);
    expect(h.asked[0].message).toBe('台账页面意外停止：内存不足');
    expect(h.asked[0].buttons).toEqual(['重新载入', '退出程序']);
  });

  it('quits when asked to, and ignores a clean exit', async () => {
    const h = harness(1);
    await h.handler({ reason: 'clean-exit' });
    expect(h.did).toEqual([]);
    await h.handler({ reason: 'crashed' });
    expect(h.did).toEqual(['log:页面进程停止：crashed（退出码 无）', 'quit']);
  });

  it('reloads when the dialog itself fails', async () => {
    const h = harness(new Error('no display'));
    await h.handler({ reason: 'killed' });
    expect(h.did.at(-1)).toBe('reload');
  });
});
