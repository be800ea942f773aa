import { useCallback, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PlanData } from '../../../shared/views/plan-data';
import { Button, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { usePageViewState } from '../app/use-page-view-state';
import { EMPTY_VIEW, flagFilter } from '../app/page-view-state';
import { TASKS_DEFAULT_VIEW, taskFilterOf } from './task-list-view';
import { chinaToday } from '../../../shared/domain/time';
import { buildTaskRows, filterTasks } from '../../../shared/views/task-query';
import { useAppState } from '../app/store';
import { useFillHeight } from '../components/use-fill-height';
import { openRecord } from '../app/navigation';
import { OpenedRecordDrawer } from '../components/OpenedRecordDrawer';
import { NewTaskModal } from '../components/NewTaskModal';
import { PrintListButton } from '../components/print/PrintListButton';
import { ExcelBar } from '../components/excel/ExcelBar';
import { TaskTable } from './tasks/TaskTable';
import { TaskFilters } from './tasks/TaskFilters';

export function TasksPage({ plan }: { plan: PlanData }) {
  const period = useAppState((s) => s.period);
  const { view, setView, setFilter, onTableChange } = usePageViewState('tasks', TASKS_DEFAULT_VIEW);
  // Kept while only the search text changes, so the narrowed rows are recomputed for the text alone.
  const { filters } = view;
  const filter = useMemo(() => taskFilterOf({ ...EMPTY_VIEW, filters }, plan), [filters, plan]);
  const missingOnly = flagFilter(view, 'missingOnly');
  const { text } = view;
  const [initialText] = useState(text);
  const search = useCallback((t: string) => setView({ text: t }), [setView]);

  const rows = useMemo(() => buildTaskRows(plan, chinaToday()), [plan]);
  const visible = useMemo(
    () => filterTasks(rows, { ...filter, text, ...(missingOnly ? { missingPeriod: period } : {}) }),
    [rows, filter, text, missingOnly, period],
  );

  // 新增任务 opens a dialog: nothing is stored until a title is saved.
  const [adding, setAdding] = useState(false);
  const [tableRef, tableHeight] = useFillHeight();
  // What does not depend on the search is made once per plan: a keystroke re-renders only the count and the rows.
  const excel = useMemo(() => <ExcelBar plan={plan} table="tasks" />, [plan]);
  const drawer = useMemo(() => <OpenedRecordDrawer plan={plan} />, [plan]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          任务清单
        </Typography.Title>
        <Typography.Text type="secondary">
          共 <span data-testid="task-count">{plan.tasks.length}</span> 项，当前显示 <span data-testid="task-visible-count">{visible.length}</span> 项
        </Typography.Text>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          新增任务
        </Button>
        <PrintListButton
          plan={plan}
          label={visible.length < rows.length ? `打印（${visible.length}项）` : '打印'}
          request={() => ({ kind: 'task-list', day: chinaToday(), ...(visible.length < rows.length ? { taskIds: visible.map((r) => r.task.id), note: '按当前筛选' } : {}) })}
        />
        {excel}
      </Space>
      <TaskFilters plan={plan} filter={filter} missingOnly={missingOnly} period={period} setFilter={setFilter} initialText={initialText} onSearch={search} />
      <div ref={tableRef}>
        <TaskTable rows={visible} sort={view.sort} height={tableHeight} onChange={onTableChange} />
      </div>
      {drawer}
      {adding && (
        <NewTaskModal
          plan={plan}
          domain={filter.domains?.[0]}
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            // The dialog and its typed form go before the address changes: nothing is left to ask about.
            flushSync(() => setAdding(false));
            openRecord('tasks', id);
          }}
        />
      )}
    </Space>
  );
}
