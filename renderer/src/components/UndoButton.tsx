import { useEffect } from 'react';
import { App as AntApp, Button, Tooltip } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useAppState } from '../app/store';
import { useBusy } from '../app/use-busy';

/**
 * Undo of the latest action, also on Ctrl+Z when no text field has focus. The header has one; an
 * open drawer shows another in its own bar (`inDrawer`: no second shortcut, ordinary colours), so
 * undo is never hidden behind the drawer.
 */
export function UndoButton({ inDrawer = false }: { inDrawer?: boolean }) {
  const { message } = AntApp.useApp();
  const last = useAppState((s) => s.undoNext);
  const undo = useAppState((s) => s.undo);

  // One undo at a time: a second Ctrl+Z while the first is still applying would undo twice.
  const { busy, run: runBusy } = useBusy();
  const run = () =>
    busy
      ? Promise.resolve()
      : runBusy(async () => {
          const label = await undo();
          if (label) message.success(`已撤销：${label}`);
        }, '撤销');

  useEffect(() => {
    if (inDrawer) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Tooltip title={last ? last.label : '没有可撤销的操作'}>
      <Button
        ghost={!inDrawer}
        icon={<UndoOutlined />}
        disabled={!last}
        loading={busy}
        onClick={run}
        data-testid={inDrawer ? 'drawer-undo' : 'undo'}
        aria-label={last ? `撤销：${last.label}` : '撤销（没有可撤销的操作）'}
        style={last || inDrawer ? undefined : { color: 'rgba(255,255,255,.75)', borderColor: 'rgba(255,255,255,.6)' }}
      >
        撤销
      </Button>
    </Tooltip>
  );
}
