import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { TASK_STATUS_LABELS } from '../../../../shared/domain/task-status';
import { REPORTED_STATUS_LABELS } from '../../../../shared/domain/progress';
import { formatPeriodZh } from '../../../../shared/domain/time';
import { TASK_STATUSES } from '../../../../shared/views/aggregations';
import { taskReportFor } from '../../../../shared/views/city-overview';
import type { TaskRow } from '../../../../shared/views/task-query';
import { TaskStatusTag } from '../../components/TaskStatusTag';
import { usePageViewState } from '../../app/use-page-view-state';
import { listFilter } from '../../app/page-view-state';
import { ConflictTag } from '../../components/ConflictTag';

function taskColumns(period: string, statusFilter: string[]): ColumnsType<TaskRow> {
  return [
    { title: '领域', width: 110, render: (_, r) => r.task.domainLabel },
    { title: '序号', width: 56, render: (_, r) => r.task.number },
    {
      title: '任务',
      width: 280,
      render: (_, r) => (
        <div style={{ minWidth: 0 }}>
          <span className="cell-ellipsis" style={{ fontWeight: 600 }} title={r.task.title}>
            {r.task.title}
          </span>
          <span className="cell-ellipsis cell-secondary" title={r.task.summary}>
            <ConflictTag recordId={r.task.id} />
            {r.task.summary}
          </span>
        </div>
      ),
    },
    { title: '牵头单位', width: 140, render: (_, r) => <span className="cell-ellipsis" title={r.leadNames}>{r.leadNames || '—'}</span> },
    {
      key: 'status',
      title: '状态',
      width: 84,
      filteredValue: statusFilter,
      render: (_, r) => <TaskStatusTag result={r.status} />,
      filters: TASK_STATUSES.map((s) => ({ text: TASK_STATUS_LABELS[s], value: s })),
      onFilter: (value, r) => r.status.status === value,
    },
    {
      title: '最新进度',
      width: 120,
      render: (_, r) =>
        r.latest ? (
          <span title={REPORTED_STATUS_LABELS[r.latest.status]}>
            {r.latest.percent}%
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              （{formatPeriodZh(r.latest.period)}）
            </Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: '本月进展',
      width: 240,
      render: (_, r) => {
        const report = taskReportFor(r, period);
        if (report.kind === 'not-owed') return '—';
        if (report.kind === 'missing') return <Tag color="error">未报送</Tag>;
        const { entry } = report;
        return (
          <span className="cell-ellipsis" title={entry.thisMonth}>
            {entry.thisMonth || `已报送（${entry.percent}%）`}
          </span>
        );
      },
    },
  ];
}

/** A county's tasks as last received, read-only, with this period's report of each. */
export function CountyTaskTable({ rows, period }: { rows: TaskRow[]; period: string }) {
  // The status filter is kept from one county to the next and when the clerk comes back.
  const { view, onTableChange } = usePageViewState('overview-county-tasks');
  return (
    <Table<TaskRow>
      virtual
      rowKey={(r) => r.task.id}
      columns={taskColumns(period, listFilter(view, 'status', TASK_STATUSES))}
      onChange={onTableChange}
      dataSource={rows}
      pagination={false}
      size="small"
      scroll={{ x: 1030, y: 480 }}
      locale={{ emptyText: '该旗区没有任务' }}
    />
  );
}
