import { useMemo } from 'react';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { monthLines, type MonthLine } from '../../../../shared/views/county-detail';
import type { PlanData } from '../../../../shared/views/plan-data';
import { TaskStatusTag } from '../../components/TaskStatusTag';

const columns: ColumnsType<MonthLine> = [
  { title: '类别', width: 100, render: (_, l) => l.group },
  { title: '任务 / 项目', width: 260, render: (_, l) => <span className="cell-ellipsis" title={l.title}>{l.title}</span> },
  { title: '牵头（建设）单位', width: 150, render: (_, l) => <span className="cell-ellipsis" title={l.units}>{l.units || '—'}</span> },
  { title: '状态', width: 84, render: (_, l) => <TaskStatusTag result={l.status} /> },
  { title: '完成进度', width: 80, align: 'right', render: (_, l) => (l.report ? `${l.report.percent}%` : '—') },
  {
    title: '本月进展',
    width: 300,
    render: (_, l) =>
      l.report ? (
        <span className="cell-ellipsis" title={l.report.thisMonth}>
          {l.report.thisMonth || '已报送'}
        </span>
      ) : (
        <Tag color="error">本月未报送</Tag>
      ),
  },
  { title: '存在问题', width: 180, render: (_, l) => <span className="cell-ellipsis" title={l.report?.problems}>{l.report?.problems || '—'}</span> },
];

/** The month's reports of a county office by the reporting rule, and its overdue work that has none. */
export function CountyMonthTable({ plan, period, today }: { plan: PlanData; period: string; today: string }) {
  const lines = useMemo(() => monthLines(plan, period, today), [plan, period, today]);
  return (
    <Table<MonthLine>
      rowKey={(l) => l.id}
      columns={columns}
      dataSource={lines}
      pagination={false}
      size="small"
      scroll={{ x: 1154, y: 440 }}
      data-testid="county-month"
      locale={{ emptyText: '本月没有报送的进展，也没有逾期的任务或项目' }}
    />
  );
}
