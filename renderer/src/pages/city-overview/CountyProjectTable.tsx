import { useMemo } from 'react';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CONSTRUCTION_STATUS_LABELS } from '../../../../shared/domain/project';
import { buildProjectRows, type ProjectRow } from '../../../../shared/views/project-query';
import type { PlanData } from '../../../../shared/views/plan-data';
import { formatPeriodZh } from '../../../../shared/domain/time';
import { TaskStatusTag } from '../../components/TaskStatusTag';
import { ConflictTag } from '../../components/ConflictTag';

const columns: ColumnsType<ProjectRow> = [
  { title: '序号', width: 56, render: (_, r) => r.project.number },
  {
    title: '项目名称',
    width: 300,
    render: (_, r) => (
      <span className="cell-ellipsis" style={{ fontWeight: 600 }} title={r.project.name}>
        <ConflictTag recordId={r.project.id} />
        {r.project.name}
      </span>
    ),
  },
  { title: '建设（责任）单位', width: 170, render: (_, r) => <span className="cell-ellipsis" title={r.unitNames}>{r.unitNames || '—'}</span> },
  { title: '建设状态', width: 84, render: (_, r) => CONSTRUCTION_STATUS_LABELS[r.project.constructionStatus] },
  { title: '进度状态', width: 84, render: (_, r) => <TaskStatusTag result={r.status} /> },
  { title: '计划投资', width: 90, align: 'right', render: (_, r) => r.project.plannedInvestment ?? '—' },
  {
    title: '完成投资',
    width: 150,
    align: 'right',
    render: (_, r) =>
      r.completed === null ? (
        '—'
      ) : (
        <span>
          {r.completed}
          {r.completedPercent !== null && `（${r.completedPercent}%）`}
          {r.latest && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              {formatPeriodZh(r.latest.period)}
            </Typography.Text>
          )}
        </span>
      ),
  },
];

/** A county office's projects as last received: construction and progress status, investment to the period (万元). */
export function CountyProjectTable({ plan, period, today }: { plan: PlanData; period: string; today: string }) {
  const rows = useMemo(() => buildProjectRows(plan, period, today), [plan, period, today]);
  return (
    <Table<ProjectRow>
      rowKey={(r) => r.project.id}
      columns={columns}
      dataSource={rows}
      pagination={false}
      size="small"
      scroll={{ x: 940, y: 440 }}
      data-testid="county-projects"
      locale={{ emptyText: '该旗区没有项目' }}
    />
  );
}
