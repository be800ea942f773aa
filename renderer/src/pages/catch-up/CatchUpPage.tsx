import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CONSTRUCTION_STATUS_LABELS, type ConstructionStatus } from '../../../../shared/domain/project';
import { chinaToday } from '../../../../shared/domain/time';
import type { PlanData } from '../../../../shared/views/plan-data';
import { buildTaskRows } from '../../../../shared/views/task-query';
import { useAppState, useWorkspace } from '../../app/store';
import { useCommit } from '../../app/use-commit';
import { TaskStatusTag } from '../../components/TaskStatusTag';
import { DAY_PICKER_FORMAT } from '../../components/picker-formats';
import { messageOf } from '../../app/error-text';

/**
 * 补录历史: an office that starts late enters what already happened, in bulk: tasks done (one date
 * and one evidence note for the batch), the construction status of its projects, then the latest
 * indicator values on the indicator page.
 */
export function CatchUpPage({ plan }: { plan: PlanData }) {
  const { message } = AntApp.useApp();
  const ws = useWorkspace();
  const phase = useAppState((s) => s.phase);
  const reload = useAppState((s) => s.reload);
  const commit = useCommit();
  const rows = useMemo(() => buildTaskRows(plan, chinaToday()).filter((r) => !r.task.completion), [plan]);
  const [tasks, setTasks] = useState<string[]>([]);
  const [projects, setProjects] = useState<string[]>([]);
  const [date, setDate] = useState<Dayjs>(dayjs(chinaToday()));
  const [evidence, setEvidence] = useState('');
  const [status, setStatus] = useState<ConstructionStatus>('completed');
  const planId = phase.kind === 'ready' ? phase.viewPlanId : undefined;

  const markTasks = async () => {
    try {
      if (await commit(await ws.catchUp.tasksChange(plan.office.code, tasks, date.format('YYYY-MM-DD'), evidence), `已补录 ${tasks.length} 项任务为已完成`)) setTasks([]);
    } catch (e) {
      message.error(messageOf(e));
    }
  };
  const markProjects = async () => {
    try {
      if (await commit(await ws.catchUp.projectsChange(plan.office.code, projects, status), `已补录 ${projects.length} 个项目的建设状态`)) setProjects([]);
    } catch (e) {
      message.error(messageOf(e));
    }
  };
  const finish = async () => {
    if (!planId) return;
    await ws.catchUp.markCaughtUp(planId);
    await reload();
    message.success('历史情况补录完成：工作总览按正常口径显示逾期与风险');
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        补录历史
      </Typography.Title>
      <Alert type="info" showIcon message="先把方案已经过去的年份里做完的事补录进来：勾选已完成的任务，写一条完成依据；设置项目现在的建设状态；再到“指标体系”填报最近的实际值。补录的每一项都记入修改记录，可撤销。" />
      <Card title={`1. 已完成的任务（未完成 ${rows.length} 项，已勾选 ${tasks.length} 项）`} size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <span>完成日期</span>
          <DatePicker format={DAY_PICKER_FORMAT} value={date} onChange={(d) => d && setDate(d)} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(chinaToday()), 'day')} aria-label="完成日期" />
          <Input value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder="完成依据，如：2025年度“无废城市”建设工作总结" style={{ width: 360 }} maxLength={500} aria-label="完成依据" />
          <Button type="primary" disabled={!tasks.length || !evidence.trim()} onClick={markTasks} data-testid="catch-up-tasks">
            标记为已完成
          </Button>
        </Space>
        <Table
          size="small"
          rowKey={(r) => r.task.id}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={rows}
          rowSelection={{ selectedRowKeys: tasks, onChange: (keys) => setTasks(keys as string[]) }}
          data-testid="catch-up-task-table"
          columns={[
            { title: '领域', width: 120, render: (_, r) => r.task.domainLabel },
            { title: '序号', width: 60, render: (_, r) => r.task.number },
            { title: '任务', render: (_, r) => r.task.title },
            { title: '完成时限', width: 160, render: (_, r) => r.task.deadline.text },
            { title: '现状', width: 110, render: (_, r) => <TaskStatusTag result={r.status} /> },
          ]}
        />
      </Card>
      {plan.projects.length > 0 && (
        <Card title={`2. 项目建设状态（已勾选 ${projects.length} 个）`} size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Select value={status} onChange={setStatus} style={{ width: 120 }} aria-label="建设状态" options={Object.entries(CONSTRUCTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
            <Button type="primary" disabled={!projects.length} onClick={markProjects} data-testid="catch-up-projects">
              设置建设状态
            </Button>
          </Space>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={plan.projects}
            rowSelection={{ selectedRowKeys: projects, onChange: (keys) => setProjects(keys as string[]) }}
            columns={[
              { title: '序号', width: 60, dataIndex: 'number' },
              { title: '项目', dataIndex: 'name' },
              { title: '完成时限', width: 160, render: (_, p) => p.deadline?.text ?? p.period?.text ?? '—' },
              { title: '建设状态', width: 100, render: (_, p) => CONSTRUCTION_STATUS_LABELS[p.constructionStatus] },
            ]}
          />
        </Card>
      )}
      <Card title="3. 指标实际值" size="small">
        <Space>
          <Typography.Text>在“指标体系”页逐项填报最近一年的实际值。</Typography.Text>
          <Button onClick={() => (window.location.hash = '/indicators')}>去填报</Button>
        </Space>
      </Card>
      <Button type="primary" size="large" onClick={finish} data-testid="catch-up-done">
        补录完成
      </Button>
    </Space>
  );
}
