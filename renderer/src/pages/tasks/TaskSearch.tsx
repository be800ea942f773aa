import { memo, startTransition, useState } from 'react';
import { Input } from 'antd';

/**
 * 任务清单's search box. The typed letter shows at once (only this box re-renders for it); the list
 * is narrowed in a transition, so a 10,000-task list never holds a letter back, and letters typed
 * while it narrows are taken together. `text` is where the box starts (the page view kept it).
 */
export const TaskSearch = memo(function TaskSearch({ text, onSearch }: { text: string; onSearch: (text: string) => void }) {
  const [value, setValue] = useState(text);
  return (
    <Input.Search
      allowClear
      placeholder="搜索名称、内容、单位、进展…"
      style={{ width: 260 }}
      value={value}
      onChange={(e) => {
        const next = e.target.value;
        setValue(next);
        startTransition(() => onSearch(next));
      }}
      aria-label="搜索任务"
    />
  );
});
