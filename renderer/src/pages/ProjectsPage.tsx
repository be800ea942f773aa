import { useMemo } from 'react';
import { Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Project } from '../../../shared/domain/project';
import { CONSTRUCTION_STATUS_LABELS } from '../../../shared/domain/project';
import { sumWan } from '../../../shared/domain/money';
import type { PlanView } from '../app/store';
import { nameLookup } from '../../../shared/ledger/lookups';
import { DeadlineText } from '../components/DeadlineText';
import { ReviewMark } from '../components/ReviewMark';

export function ProjectsPage({ plan }: { plan: PlanView }) {
  const dept = useMemo(() => nameLookup(plan.departments), [plan.departments]);
  const total = useMemo(() => sumWan(plan.projects.map((p) => p.plannedInvestment)), [plan.projects]);
  const columns: ColumnsType<Project> = [
    { title: '序号', width: 60, dataIndex: 'number' },
    {
      title: '项目名称',
      width: 260,
      render: (_, p) => (
        <Typography.Text strong>
          {p.name} <ReviewMark flags={p.review} />
        </Typography.Text>
      ),
    },
    { title: '建设内容', width: 360, render: (_, p) => <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>{p.content}</Typography.Paragraph> },
    { title: '建设单位', width: 180, render: (_, p) => [...p.constructionUnitIds, ...p.responsibleUnitIds].map(dept).join('、') || '—' },
    { title: '总投资（万元）', width: 120, align: 'right', render: (_, p) => p.plannedInvestment ?? '—' },
    { title: '建设周期', width: 150, render: (_, p) => p.period?.text ?? '—' },
    { title: '完成时限', width: 220, render: (_, p) => <DeadlineText deadline={p.deadline} /> },
    { title: '建设状态', width: 90, render: (_, p) => CONSTRUCTION_STATUS_LABELS[p.constructionStatus] },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          项目清单
        </Typography.Title>
        <Typography.Text type="secondary">
          共 <span data-testid="project-count">{plan.projects.length}</span> 个项目，计划总投资{' '}
          <span data-testid="project-investment">{total}</span> 万元
        </Typography.Text>
      </Space>
      <Table<Project> rowKey="id" columns={columns} dataSource={plan.projects} pagination={false} size="small" scroll={{ x: 1440 }} />
    </Space>
  );
}
