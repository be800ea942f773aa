import { Button, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { DEPARTMENT_KIND_LABELS, type Department } from '../../../../shared/domain/department';
import type { DepartmentStats } from '../../../../shared/views/department-stats';

/** The 成员单位 tab: every department with its counts, and the add and merge buttons. */
export function DepartmentTable(props: {
  stats: DepartmentStats[];
  onAdd: () => void;
  onMerge: () => void;
  onOpen: (departmentId: string) => void;
  onRename: (department: Department) => void;
}) {
  const { stats, onAdd, onMerge, onOpen, onRename } = props;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button icon={<PlusOutlined />} onClick={onAdd}>
          新增单位
        </Button>
        <Button onClick={onMerge} data-testid="merge-open">
          合并重复单位
        </Button>
      </Space>
      <Table<DepartmentStats>
        rowKey={(s) => s.department.id}
        dataSource={stats}
        size="small"
        pagination={false}
        scroll={{ y: 560 }}
        data-testid="department-table"
        columns={[
          {
            title: '单位名称',
            sorter: (a, b) => a.department.name.localeCompare(b.department.name, 'zh'),
            render: (_, s) => <Typography.Link onClick={() => onOpen(s.department.id)}>{s.department.name}</Typography.Link>,
          },
          { title: '别名', render: (_, s) => s.department.aliases.join('、') || '—' },
          { title: '类型', width: 100, render: (_, s) => DEPARTMENT_KIND_LABELS[s.department.kind] },
          { title: '牵头任务', width: 90, align: 'right', sorter: (a, b) => a.lead.length - b.lead.length, render: (_, s) => s.lead.length },
          { title: '参与任务', width: 90, align: 'right', sorter: (a, b) => a.participant.length - b.participant.length, render: (_, s) => s.participant.length },
          { title: '项目', width: 70, align: 'right', render: (_, s) => s.projects.length },
          { title: '逾期', width: 70, align: 'right', sorter: (a, b) => a.overdue.length - b.overdue.length, render: (_, s) => (s.overdue.length ? <Tag color="red">{s.overdue.length}</Tag> : 0) },
          { title: '', width: 70, render: (_, s) => <Button size="small" onClick={() => onRename(s.department)}>更名</Button> },
        ]}
      />
    </Space>
  );
}
