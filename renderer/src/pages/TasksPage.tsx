import { useMemo, useState } from 'react';
import { Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Task, TaskDomain } from '../../../shared/domain/task';
import { TASK_DOMAIN_LABELS } from '../../../shared/domain/task';
import { taskStatus, type TaskStatusResult } from '../../../shared/domain/task-status';
import { chinaToday } from '../../../shared/domain/time';
import type { PlanView } from '../app/store';
import { groupBy, nameLookup } from '../../../shared/ledger/lookups';
import { DeadlineText } from '../components/DeadlineText';
import { ReviewMark } from '../components/ReviewMark';
import { TaskStatusTag } from '../components/TaskStatusTag';

interface Row {
  task: Task;
  status: TaskStatusResult;
  leads: string;
  participants: string;
}

export function TasksPage({ plan }: { plan: PlanView }) {
  const [domain, setDomain] = useState<TaskDomain | 'all'>('all');
  const [query, setQuery] = useState('');
  const rows = useMemo<Row[]>(() => {
    const dept = nameLookup(plan.departments);
    const progress = groupBy(plan.progress, (p) => p.subjectId);
    const today = chinaToday();
    return plan.tasks.map((task) => ({
      task,
      status: taskStatus(task, progress.get(task.id) ?? [], today),
      leads: task.leads.map((l) => dept(l.departmentId)).join('、'),
      participants: task.participants.map((p) => dept(p.departmentId)).join('、'),
    }));
  }, [plan]);
  const domains = useMemo(() => [...new Set(plan.tasks.map((t) => t.domain))], [plan.tasks]);
  const visible = rows.filter(
    (r) =>
      (domain === 'all' || r.task.domain === domain) &&
      (!query || r.task.title.includes(query) || r.task.summary.includes(query) || r.leads.includes(query)),
  );

  const columns: ColumnsType<Row> = [
    { title: '领域', width: 130, render: (_, r) => r.task.domainLabel },
    { title: '序号', width: 60, render: (_, r) => r.task.number },
    {
      title: '任务',
      width: 360,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>
            {r.task.title} <ReviewMark flags={r.task.review} />
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 340 }}>
            {r.task.summary}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '牵头单位', width: 180, render: (_, r) => r.leads },
    { title: '参与/配合单位', width: 240, render: (_, r) => <Typography.Text ellipsis style={{ maxWidth: 220 }}>{r.participants || '—'}</Typography.Text> },
    { title: '完成时限', width: 280, render: (_, r) => <DeadlineText deadline={r.task.deadline} /> },
    { title: '状态', width: 90, render: (_, r) => <TaskStatusTag result={r.status} /> },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          任务清单
        </Typography.Title>
        <Typography.Text type="secondary">
          共 <span data-testid="task-count">{plan.tasks.length}</span> 项
          {visible.length !== rows.length && <>，筛选出 <span data-testid="task-visible-count">{visible.length}</span> 项</>}
        </Typography.Text>
        <Select
          style={{ width: 180 }}
          value={domain}
          onChange={setDomain}
          aria-label="领域"
          options={[{ value: 'all', label: '全部领域' }, ...domains.map((d) => ({ value: d, label: TASK_DOMAIN_LABELS[d] }))]}
        />
        <Input.Search allowClear placeholder="搜索任务名称、内容或牵头单位" style={{ width: 300 }} onChange={(e) => setQuery(e.target.value.trim())} />
      </Space>
      <Table<Row>
        virtual
        rowKey={(r) => r.task.id}
        columns={columns}
        dataSource={visible}
        pagination={false}
        size="small"
        scroll={{ x: 1340, y: 620 }}
      />
    </Space>
  );
}
