import { Collapse, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TaskStatusResult } from '../../../../shared/domain/task-status';
import type { ReportingChecklist } from '../../../../shared/views/reporting';
import { openRecord } from '../../app/navigation';
import { TaskStatusTag } from '../../components/TaskStatusTag';
import { ConflictTag } from '../../components/ConflictTag';
import { groupKey } from './next-item';
import { DepartmentSheetButtons } from '../../components/print/DepartmentSheetButtons';

export type ReportShow = 'missing' | 'reported' | 'all';
type Item = ReportingChecklist['byDepartment'][number]['items'][number];

interface Props {
  groups: ReportingChecklist['byDepartment'];
  show: ReportShow;
  departmentName: (id: string) => string;
  statusOf: ReadonlyMap<string, TaskStatusResult>;
  /** Overdue problems (问题清单) per responsible department. */
  overdueProblems?: ReadonlyMap<string, number>;
  /** Tasks and projects chosen for 本月无新进展; null: nothing can be chosen (a closed plan, the 已报送 view). */
  selected: string[] | null;
  onSelect: (ids: string[]) => void;
  expanded: string[];
  onExpand: (keys: string[]) => void;
  emptyText: string;
}

/** 月度调度 by department: what each one owes this month, reported or still missing. */
export function DepartmentReports({ groups, show, departmentName, statusOf, overdueProblems, selected, onSelect, expanded, onExpand, emptyText }: Props) {
  const shown = groups
    .map((g) => ({ ...g, visible: g.items.filter((i) => show === 'all' || (show === 'reported') === i.reported) }))
    .filter((g) => g.visible.length > 0);
  if (shown.length === 0) return <Empty description={emptyText} />;

  const columns: ColumnsType<Item> = [
    { title: '状态', width: 90, render: (_, i) => (statusOf.get(i.id) ? <TaskStatusTag result={statusOf.get(i.id)!} /> : null) },
    {
      title: '任务 / 项目',
      render: (_, i) => (
        <Space size={4}>
          <Typography.Link onClick={() => openRecord(i.kind === 'task' ? 'tasks' : 'projects', i.id)} data-testid="monthly-item">
            {i.label}
          </Typography.Link>
          <ConflictTag recordId={i.id} />
        </Space>
      ),
    },
    {
      title: '本月报送',
      width: 320,
      // This department's own report (or the office's 代报 for it), by the reporting rule: never another unit's.
      render: (_, i) => {
        const entry = i.entry;
        if (!entry) return <Tag color="error">未报送</Tag>;
        return (
          <span data-testid="monthly-reported">
            <Tag color="success">{entry.departmentId ? '已报送' : '无废办代报'}</Tag>
            {entry.percent}% {entry.thisMonth}
          </span>
        );
      },
    },
  ];

  return (
    <Collapse
      data-testid="reports-by-department"
      activeKey={expanded}
      onChange={(keys) => onExpand(Array.isArray(keys) ? keys : [keys])}
      items={shown.map((group) => {
        const key = groupKey(group.departmentId);
        const missing = group.items.filter((i) => !i.reported).length;
        const choosable = group.visible.filter((i) => !i.reported).map((i) => i.id);
        return {
          key,
          label: (
            <Space data-testid="department-panel">
              <Typography.Text strong>{group.departmentId ? departmentName(group.departmentId) : '无废办（集合名称牵头或未指定牵头单位的事项）'}</Typography.Text>
              <Typography.Text type="secondary">
                已报 {group.items.length - missing} / 应报 {group.items.length}
              </Typography.Text>
              {missing > 0 ? <Tag color="red">缺 {missing} 项</Tag> : <Tag color="green">已报齐</Tag>}
              {!!group.departmentId && !!overdueProblems?.get(group.departmentId) && (
                <Tag color="volcano" data-testid="department-overdue-problems">
                  逾期问题 {overdueProblems.get(group.departmentId)}
                </Tag>
              )}
            </Space>
          ),
          // 督办 / 交办单 for this department in one click; the header text alone opens the panel, so the buttons are not inside its button.
          ...(group.departmentId ? { extra: <DepartmentSheetButtons departmentId={group.departmentId} />, collapsible: 'header' as const } : {}),
          children: (
            <Table<Item>
              size="small"
              rowKey="id"
              pagination={false}
              columns={columns}
              dataSource={group.visible}
              rowSelection={
                selected && choosable.length > 0
                  ? {
                      selectedRowKeys: selected.filter((id) => choosable.includes(id)),
                      onChange: (keys) => onSelect([...selected.filter((id) => !choosable.includes(id)), ...keys.map(String)]),
                      getCheckboxProps: (i) => ({ disabled: !choosable.includes(i.id) }),
                    }
                  : undefined
              }
            />
          ),
        };
      })}
    />
  );
}
