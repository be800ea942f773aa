import { useMemo } from 'react';
import type { PlanData } from '../../../shared/ledger/plan-data';
import { Card, Col, Collapse, Empty, List, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { chinaToday, formatPeriodZh, reportDueZh } from '../../../shared/domain/time';
import { buildTaskRows } from '../../../shared/ledger/task-query';
import { reportingChecklist } from '../../../shared/ledger/reporting';
import { buildProjectRows } from '../../../shared/ledger/project-query';
import { countByStatus } from '../../../shared/ledger/aggregations';
import type { TaskStatusResult } from '../../../shared/domain/task-status';
import { TaskStatusTag } from '../components/TaskStatusTag';
import { ConflictTag } from '../components/ConflictTag';
import { nameLookup } from '../../../shared/ledger/lookups';
import { useLedger } from '../app/store';
import { openRecord } from '../app/navigation';
import { PrintSheetsBar } from '../components/print/PrintSheetsBar';
import { DepartmentFormsBar } from '../components/excel/DepartmentFormsBar';

const ItemStatus = ({ result }: { result: TaskStatusResult | undefined }) => (result ? <TaskStatusTag result={result} /> : null);

/** The monthly cycle: what is still missing for the period, department by department. */
export function MonthlyPage({ plan }: { plan: PlanData }) {
  const period = useLedger((s) => s.period);
  const rows = useMemo(() => buildTaskRows(plan, chinaToday()), [plan]);
  const checklist = useMemo(() => reportingChecklist(plan, rows, period), [plan, rows, period]);
  const dept = useMemo(() => nameLookup(plan.departments), [plan.departments]);
  const projectRows = useMemo(() => buildProjectRows(plan, period, chinaToday()), [plan, period]);
  const projectCounts = useMemo(() => countByStatus(projectRows), [projectRows]);
  /** Each item's status (tasks and projects judged alike), shown beside it in the checklist. */
  const statusOf = useMemo(() => new Map<string, TaskStatusResult>([...rows.map((r) => [r.task.id, r.status] as const), ...projectRows.map((r) => [r.project.id, r.status] as const)]), [rows, projectRows]);
  const due = reportDueZh(period);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4} style={{ margin: 0 }}>
        月度调度 · {formatPeriodZh(period)}
      </Typography.Title>
      <Typography.Text type="secondary">各单位应于 {due} 前报送本月进展。右上角可切换月份。</Typography.Text>
      {projectRows.length > 0 && (
        <Typography.Text data-testid="monthly-project-status">
          项目 {projectRows.length} 个：已逾期 <Typography.Text type={projectCounts.overdue ? 'danger' : undefined}>{projectCounts.overdue}</Typography.Text> 个，有风险{' '}
          <Typography.Text type={projectCounts['at-risk'] ? 'warning' : undefined}>{projectCounts['at-risk']}</Typography.Text> 个，已完成 {projectCounts.done} 个（按完成时限或建设周期判定；已完成的项目不再报送）
        </Typography.Text>
      )}
      <PrintSheetsBar plan={plan} period={period} />
      <DepartmentFormsBar plan={plan} period={period} />
      <Row gutter={16}>
        <Col span={6}>
          <Card>
            <Statistic title="应报送（任务+项目）" value={checklist.expected} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="已报送" value={checklist.reported} valueStyle={{ color: '#0b7a4b' }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="未报送" value={checklist.expected - checklist.reported} valueStyle={{ color: checklist.expected > checklist.reported ? '#cf1322' : undefined }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <div style={{ color: 'rgba(0,0,0,.65)', marginBottom: 8 }}>报送率</div>
            <Progress percent={checklist.coverage} data-testid="coverage" aria-label="本月报送率" />
          </Card>
        </Col>
      </Row>
      {checklist.missingByDepartment.length === 0 ? (
        <Empty description={`${formatPeriodZh(period)}的进展已全部报送`} />
      ) : (
        <Collapse
          data-testid="missing-by-department"
          items={checklist.missingByDepartment.map((group) => ({
            key: group.departmentId || 'none',
            label: (
              <Space>
                <Typography.Text strong>{group.departmentId ? dept(group.departmentId) : '未指定牵头单位'}</Typography.Text>
                <Tag color="red">缺 {group.items.length} 项</Tag>
              </Space>
            ),
            children: (
              <List
                size="small"
                dataSource={group.items}
                renderItem={(item) => (
                  <List.Item>
                    <Space size={4}>
                      <ItemStatus result={statusOf.get(item.id)} />
                      <Typography.Link onClick={() => openRecord(item.kind === 'task' ? 'tasks' : 'projects', item.id)}>{item.label}</Typography.Link>
                      <ConflictTag recordId={item.id} />
                    </Space>
                  </List.Item>
                )}
              />
            ),
          }))}
        />
      )}
    </Space>
  );
}
