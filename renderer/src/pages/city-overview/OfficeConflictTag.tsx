import { Tag, Tooltip } from 'antd';
import { openConflictList, useConflictCounts } from '../../app/use-conflicts';

/** "冲突 2" beside a county office whose laptops' bundles disagree on some fields; opens the conflict list. */
export function OfficeConflictTag({ code, name }: { code: string; name: string }) {
  const count = useConflictCounts().get(code) ?? 0;
  if (!count) return null;
  return (
    <Tooltip title={`${name}两台电脑报来的数据中有 ${count} 处同时修改了同一项，请到 数据交换 → 待处理冲突 查看并选择保留哪一个（点击前往）`}>
      <Tag
        color="red"
        data-testid={`office-conflicts-${code}`}
        role="link"
        tabIndex={0}
        style={{ cursor: 'pointer', marginInlineEnd: 0 }}
        onClick={openConflictList}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') openConflictList();
        }}
      >
        冲突 {count}
      </Tag>
    </Tooltip>
  );
}
