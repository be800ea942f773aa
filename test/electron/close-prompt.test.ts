import { CLOSE_PROMPT_OPTIONS, createExitGuard, createUnsavedState, LEAVE_BUTTON } from '../../electron/lib/close-prompt';

const tick = () => new Promise((r) => setTimeout(r, 0));

function harness(options: { unsaved: boolean; answer?: number; askFails?: boolean }) {
  const log: string[] = [];
  const guard = createExitGuard({
    unsaved: () => options.unsaved,
    ask: async () => {
      log.push('ask');
      if (options.askFails) throw new Error('no display');
      return options.answer ?? 0;
    },
    beforeLeave: async () => void log.push('backup'),
  });
  const event = () => {
    const e = { prevented: false, preventDefault: () => (e.prevented = true) };
    return e;
  };
  return { guard, log, event };
}

describe('closing the window with unsaved typing', () => {
  it('asks in Chinese with 留下 as default and as what Esc means', () => {
    expect(CLOSE_PROMPT_OPTIONS.buttons).toEqual(['留下', '离开']);
    expect(CLOSE_PROMPT_OPTIONS.defaultId).toBe(0);
    expect(CLOSE_PROMPT_OPTIONS.cancelId).toBe(0);
    expect(CLOSE_PROMPT_OPTIONS.buttons[LEAVE_BUTTON]).toBe('离开');
    expect(CLOSE_PROMPT_OPTIONS.message).toMatch(/尚未保存/);
  });

  it('留下 keeps the window open and makes no backup', async () => {
    const { guard, log, event } = harness({ unsaved: true, answer: 0 });
    const e = event();
    const closed: string[] = [];
    guard.onClose(e, () => closed.push('close'));
    expect(e.prevented).toBe(true);
    await tick();
    expect(log).toEqual(['ask']);
    expect(closed).toEqual([]);
    expect(guard.leaving).toBe(false);
  });

  it('离开 makes the backup, then closes; the second close passes', async () => {
    const { guard, log, event } = harness({ unsaved: true, answer: LEAVE_BUTTON });
    const closed: string[] = [];
    guard.onClose(event(), () => closed.push('close'));
    await tick();
    expect(log).toEqual(['ask', 'backup']);
    expect(closed).toEqual(['close']);
    const again = event();
    guard.onClose(again, () => closed.push('close'));
    expect(again.prevented).toBe(false);
    expect(guard.leaving).toBe(true);
  });

  it('without unsaved typing it does not ask, but still backs up once', async () => {
    const { guard, log, event } = harness({ unsaved: false });
    const quits: string[] = [];
    guard.onBeforeQuit(event(), () => quits.push('quit'));
    // A close while the backup runs waits for it: no second question, no second backup.
    const during = event();
    guard.onClose(during, () => quits.push('close'));
    expect(during.prevented).toBe(true);
    await tick();
    expect(log).toEqual(['backup']);
    expect(quits).toEqual(['quit']);
  });

  it('a dialog that fails never traps the clerk', async () => {
    const { guard, log, event } = harness({ unsaved: true, askFails: true });
    const closed: string[] = [];
    guard.onClose(event(), () => closed.push('close'));
    await tick();
    expect(log).toEqual(['ask', 'backup']);
    expect(closed).toEqual(['close']);
  });

  it('the page reports its unsaved state through a validated message', () => {
    const s = createUnsavedState();
    expect(s.unsaved).toBe(false);
    s.report({ unsaved: true });
    expect(s.unsaved).toBe(true);
    expect(() => s.report({ unsaved: 'yes' })).toThrow(/格式不正确/);
    expect(() => s.report({ unsaved: false, path: '/x' })).toThrow(/格式不正确/);
    expect(s.unsaved).toBe(true);
    s.clear();
    expect(s.unsaved).toBe(false);
  });
});
