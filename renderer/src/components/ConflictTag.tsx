import type { KeyboardEvent, MouseEvent } from 'react';
import { Tag, Tooltip } from 'antd';
import { openConflictList, useHasConflict } from '../app/use-conflicts';

const CONFLICT_HINT = '两台电脑同时修改了此项，请到 数据交换 → 待处理冲突 选择保留哪一个';

/** A red 有冲突 mark on a record with an open conflict; clicking it opens the conflict list. Nothing otherwise. */
export function ConflictTag({ recordId }: { recordId: string }) {
  const open = useHasConflict(recordId);
  if (!open) return null;
  const go = (e: MouseEvent | KeyboardEvent) => {
    e.stopPropagation();
    openConflictList();
  };
  return (
    <Tooltip title={`${CONFLICT_HINT}（点击前往）`}>
      <Tag
        color="red"
        data-testid="conflict-mark"
        role="link"
        tabIndex={0}
        style={{ cursor: 'pointer' }}
        onClick={go}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') go(e);
        }}
      >
        有冲突
      </Tag>
    </Tooltip>
  );
}
