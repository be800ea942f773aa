import { useMemo } from 'react';
import { Button, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Leader } from '../../../../shared/domain/leader';
import { leaderTaskCount } from '../../../../shared/views/department-stats';
import { nameLookup } from '../../../../shared/views/lookups';
import type { PlanData } from '../../../../shared/views/plan-data';

/** The 责任领导 tab: every leader, the departments they oversee and how many tasks name them. */
export function LeaderTable({ plan, onAdd, onEdit }: { plan: PlanData; onAdd: () => void; onEdit: (leader: Leader) => void }) {
  const dept = useMemo(() => nameLookup(plan.departments), [plan.departments]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button icon={<PlusOutlined />} onClick={onAdd}>
        新增领导
      </Button>
      <Table<Leader>
        rowKey="id"
        dataSource={plan.leaders}
        size="small"
        pagination={false}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '职务', render: (_, l) => l.title || '—' },
          { title: '分管单位', render: (_, l) => l.departmentIds.map(dept).join('、') || '—' },
          { title: '负责任务', render: (_, l) => leaderTaskCount(plan.tasks, l) },
          { title: '', width: 70, render: (_, l) => <Button size="small" onClick={() => onEdit(l)}>编辑</Button> },
        ]}
      />
    </Space>
  );
}
