import { memo, useMemo } from 'react';
import { Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Task } from '../../../../shared/domain/task';
import type { TaskStatus } from '../../../../shared/domain/task-status';
import type { TaskRow } from '../../../../shared/views/task-query';
import { withViewSort, type PageView } from '../../app/page-view-state';
import { openRecord } from '../../app/navigation';
import { keyboardOpen } from '../../components/use-fill-height';
import { DeadlineText } from '../../components/DeadlineText';
import { ReviewMark } from '../../components/ReviewMark';
import { ConflictTag } from '../../components/ConflictTag';
import { TaskStatusTag } from '../../components/TaskStatusTag';
import { TaskOriginTag } from '../../components/TaskOriginTag';

const STATUS_ORDER: Record<TaskStatus, number> = { overdue: 0, 'at-risk': 1, 'not-started': 2, 'in-progress': 3, done: 4 };
const firstDue = (t: Task) => t.deadline.points[0]?.date ?? '9999';
// A task opens in its drawer through the address: the back button closes it (see navigation.ts).
const open = (id: string) => openRecord('tasks', id);
const rowKey = (r: TaskRow) => r.task.id;
const onRow = (r: TaskRow) => ({ onDoubleClick: () => open(r.task.id) });

/**
 * The columns, made once: a search keystroke changes only the rows, so the table's own work keyed
 * on its columns and row keys (antd's row maps, sorter state) is not redone for every letter.
 */
const COLUMNS: ColumnsType<TaskRow> = [
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

interface Props {
  rows: TaskRow[];
  sort: PageView['sort'];
  height: number;
  onChange: TableProps<TaskRow>['onChange'];
}

/**
 * 任务清单's table, virtualised. Memoised: typing in the search box re-renders the page around it,
 * and the table only when the narrowed rows (or the sort, or the height) change.
 */
export const TaskTable = memo(function TaskTable({ rows, sort, height, onChange }: Props) {
  const columns = useMemo(() => withViewSort(COLUMNS, { sort }), [sort]);
  const scroll = useMemo(() => ({ x: 1320, y: height }), [height]);
  return (
    <Table<TaskRow>
      virtual
      rowKey={rowKey}
      columns={columns}
      onChange={onChange}
      dataSource={rows}
      pagination={false}
      size="small"
      scroll={scroll}
      onRow={onRow}
    />
  );
});
