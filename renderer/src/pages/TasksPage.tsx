import { useDeferredValue, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PlanData } from '../../../shared/views/plan-data';
import { Button, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { TASK_DOMAIN_LABELS, type Task, type TaskDomain } from '../../../shared/domain/task';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../../shared/domain/task-status';
import { usePageViewState } from '../app/use-page-view-state';
import { flagFilter, withViewSort } from '../app/page-view-state';
import { TASKS_DEFAULT_VIEW, taskFilterOf } from './task-list-view';
import { chinaToday, formatPeriodZh } from '../../../shared/domain/time';
import { buildTaskRows, filterTasks, type TaskRow } from '../../../shared/views/task-query';
import { TASK_STATUSES } from '../../../shared/views/aggregations';
import { useAppState } from '../app/store';
import { keyboardOpen, useFillHeight } from '../components/use-fill-height';
import { openRecord } from '../app/navigation';
import { DeadlineText } from '../components/DeadlineText';
import { ReviewMark } from '../components/ReviewMark';
import { ConflictTag } from '../components/ConflictTag';
import { TaskStatusTag } from '../components/TaskStatusTag';
import { TaskOriginTag } from '../components/TaskOriginTag';
import { OpenedRecordDrawer } from '../components/OpenedRecordDrawer';
import { NewTaskModal } from '../components/NewTaskModal';
import { PrintListButton } from '../components/print/PrintListButton';
import { ExcelBar } from '../components/excel/ExcelBar';

const STATUS_ORDER: Record<TaskStatus, number> = { overdue: 0, 'at-risk': 1, 'not-started': 2, 'in-progress': 3, done: 4 };
const firstDue = (t: Task) => t.deadline.points[0]?.date ?? '9999';
export function TasksPage({ plan }: { plan: PlanData }) {
  const period = useAppState((s) => s.period);
  const { view, setView, setFilter, onTableChange } = usePageViewState('tasks', TASKS_DEFAULT_VIEW);
  const filter = taskFilterOf(view, plan);
  const missingOnly = flagFilter(view, 'missingOnly');
  const text = view.text;
  const deferredText = useDeferredValue(text);

  const rows = useMemo(() => buildTaskRows(plan, chinaToday()), [plan]);
  const visible = useMemo(
    () => filterTasks(rows, { ...filter, text: deferredText, ...(missingOnly ? { missingPeriod: period } : {}) }),
    [rows, filter, deferredText, missingOnly, period],
  );
  const years = useMemo(() => [...new Set(plan.tasks.flatMap((t) => t.deadline.points.map((p) => Number(p.date.slice(0, 4)))))].sort(), [plan.tasks]);
  const domains = useMemo(() => [...new Set(plan.tasks.map((t) => t.domain))], [plan.tasks]);
  // A task opens in its drawer through the address: the back button closes it (see navigation.ts).
  const open = (id: string) => openRecord('tasks', id);

  // 新增任务 opens a dialog: nothing is stored until a title is saved.
  const [adding, setAdding] = useState(false);
  const [tableRef, tableHeight] = useFillHeight();

  const columns: ColumnsType<TaskRow> = [
    { key: 'domain', title: '领域', width: 120, render: (_, r) => r.task.domainLabel, sorter: (a, b) => a.task.domainLabel.localeCompare(b.task.domainLabel, 'zh') },
    { key: 'number', title: '序号', width: 64, render: (_, r) => r.task.number, sorter: (a, b) => a.task.order - b.task.order },
    {
      key: 'title',
      title: '任务',
      width: 340,
      sorter: (a, b) => a.task.title.localeCompare(b.task.title, 'zh'),
      render: (_, r) => (
        <div style={{ minWidth: 0 }}>
          <a className="cell-ellipsis" style={{ fontWeight: 600 }} onClick={() => open(r.task.id)} {...keyboardOpen(() => open(r.task.id))} data-testid="task-title" title={r.task.title}>
            {r.task.review?.length ? <ReviewMark flags={r.task.review} /> : null}
            {r.task.title}
          </a>
          <span className="cell-ellipsis cell-secondary" title={r.task.summary}>
            <TaskOriginTag task={r.task} />
            <ConflictTag recordId={r.task.id} />
            {r.task.summary}
          </span>
        </div>
      ),
    },
    { key: 'leads', title: '牵头单位', width: 170, render: (_, r) => <span className="cell-ellipsis" title={r.leadNames}>{r.leadNames || '—'}</span>, sorter: (a, b) => a.leadNames.localeCompare(b.leadNames, 'zh') },
    {
      title: '参与/配合单位',
      width: 200,
      render: (_, r) => (
        <span className="cell-ellipsis" title={r.participantNames}>
          {r.participantNames || '—'}
        </span>
      ),
    },
    { key: 'deadline', title: '完成时限', width: 250, render: (_, r) => <DeadlineText deadline={r.task.deadline} />, sorter: (a, b) => firstDue(a.task).localeCompare(firstDue(b.task)) },
    { key: 'percent', title: '进度', width: 70, align: 'right', fixed: 'right', render: (_, r) => (r.latest ? `${r.latest.percent}%` : '—'), sorter: (a, b) => (a.latest?.percent ?? -1) - (b.latest?.percent ?? -1) },
    { key: 'status', title: '状态', width: 90, fixed: 'right', render: (_, r) => <TaskStatusTag result={r.status} />, sorter: (a, b) => STATUS_ORDER[a.status.status] - STATUS_ORDER[b.status.status] },
  ];

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
        <ExcelBar plan={plan} table="tasks" />
      </Space>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder="搜索名称、内容、单位、进展…"
          style={{ width: 260 }}
          value={text}
          onChange={(e) => setView({ text: e.target.value })}
          aria-label="搜索任务"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder="领域"
          style={{ minWidth: 140 }}
          aria-label="按领域筛选"
          value={filter.domains ?? []}
          onChange={(v: TaskDomain[]) => setFilter('domains', v)}
          options={domains.map((d) => ({ value: d, label: TASK_DOMAIN_LABELS[d] }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="单位"
          style={{ width: 200 }}
          aria-label="按单位筛选"
          value={filter.departmentId}
          onChange={(v?: string) => setFilter('departmentId', v)}
          options={plan.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <Select
          style={{ width: 124 }}
          aria-label="单位角色"
          value={filter.departmentRole ?? 'any'}
          onChange={(v: 'lead' | 'participant' | 'any') => setFilter('departmentRole', v)}
          options={[
            { value: 'any', label: '牵头或参与' },
            { value: 'lead', label: '作为牵头' },
            { value: 'participant', label: '作为参与' },
          ]}
        />
        {plan.leaders.length > 0 && (
          <Select
            allowClear
            placeholder="责任领导"
            style={{ width: 120 }}
            aria-label="按责任领导筛选"
            value={filter.leaderId}
            onChange={(v?: string) => setFilter('leaderId', v)}
            options={plan.leaders.map((l) => ({ value: l.id, label: l.name }))}
          />
        )}
        <Select
          mode="multiple"
          allowClear
          placeholder="状态"
          style={{ minWidth: 120 }}
          aria-label="按状态筛选"
          value={filter.statuses ?? []}
          onChange={(v: TaskStatus[]) => setFilter('statuses', v)}
          options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
        />
        <Select
          allowClear
          placeholder="时限年份"
          style={{ width: 120 }}
          aria-label="按时限年份筛选"
          value={filter.deadlineYear}
          onChange={(v?: number | 'open') => setFilter('deadlineYear', v)}
          options={[...years.map((y) => ({ value: y, label: `${y}年` })), { value: 'open', label: '持续性' }]}
        />
        <Checkbox checked={missingOnly} onChange={(e) => setFilter('missingOnly', e.target.checked)} data-testid="missing-only">
          {formatPeriodZh(period)}未报送
        </Checkbox>
      </Space>
      <div ref={tableRef}>
      <Table<TaskRow>
        virtual
        rowKey={(r) => r.task.id}
        columns={withViewSort(columns, view)}
        onChange={onTableChange}
        dataSource={visible}
        pagination={false}
        size="small"
        scroll={{ x: 1320, y: tableHeight }}
        onRow={(r) => ({ onDoubleClick: () => open(r.task.id) })}
      />
      </div>
      <OpenedRecordDrawer plan={plan} />
      {adding && (
        <NewTaskModal
          plan={plan}
          domain={filter.domains?.[0]}
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            // The dialog and its typed form go before the address changes: nothing is left to ask about.
            flushSync(() => setAdding(false));
            open(id);
          }}
        />
      )}
    </Space>
  );
}
