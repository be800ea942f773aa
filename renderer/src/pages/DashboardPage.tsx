import { useMemo } from 'react';
import type { PlanData } from '../../../shared/views/plan-data';
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { TASK_STATUS_LABELS } from '../../../shared/domain/task-status';
import { ATTAINMENT_LABELS } from '../../../shared/domain/attainment';
import { chinaToday } from '../../../shared/domain/time';
import type { ProjectRow } from '../../../shared/views/project-query';
import type { TaskRow } from '../../../shared/views/task-query';
import { TASK_STATUSES } from '../../../shared/views/aggregations';
import { dashboard } from '../../../shared/views/dashboard';
import { CONSTRUCTION_STATUS_LABELS } from '../../../shared/domain/project';
import { useAppState } from '../app/store';
import { openRecord } from '../app/navigation';
import { EChart } from '../components/EChart';
import { TASK_STATUS_COLORS } from '../components/status-colors';
import { CatchUpNotice } from '../components/CatchUpNotice';
import { OpenedRecordDrawer } from '../components/OpenedRecordDrawer';
import { FigureCards } from './dashboard/FigureCards';
import { OverdueProblemsFigure } from '../components/problems/OverdueProblemsFigure';
import { RecordListCard, type RecordListItem } from './dashboard/RecordListCard';

const taskItem = (r: TaskRow): RecordListItem => ({ key: r.task.id, name: r.task.title, open: () => openRecord('tasks', r.task.id), detail: `${r.leadNames} · ${r.status.reason}` });
const projectItem = (r: ProjectRow): RecordListItem => ({ key: r.project.id, name: r.project.name, open: () => openRecord('projects', r.project.id), detail: `${r.unitNames ? `${r.unitNames} · ` : ''}${r.status.reason}` });

/** What a leader reads at a glance: task status, this month's reporting, indicators behind, investment (shared/views/dashboard.ts). */
export function DashboardPage({ plan }: { plan: PlanData }) {
  const period = useAppState((s) => s.period);
  const today = chinaToday();
  const d = useMemo(() => dashboard(plan, period, today), [plan, period, today]);
  const f = d.figures;
  const year = d.indicatorYear;

  const domainOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 110, right: 20, top: 30, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: d.byDomain.map((x) => x.label), inverse: true },
      series: TASK_STATUSES.map((s) => ({ name: TASK_STATUS_LABELS[s], type: 'bar', stack: 'all', itemStyle: { color: TASK_STATUS_COLORS[s].hex }, data: d.byDomain.map((x) => x.counts[s]) })),
    }),
    [d.byDomain],
  );
  const investOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: d.investmentByStatus.map((b) => CONSTRUCTION_STATUS_LABELS[b.status]) },
      yAxis: { type: 'value', name: '万元' },
      series: [
        { name: '计划投资', type: 'bar', itemStyle: { color: '#91caff' }, data: d.investmentByStatus.map((b) => Number(b.planned)) },
        { name: '累计完成', type: 'bar', itemStyle: { color: '#0b7a4b' }, data: d.investmentByStatus.map((b) => Number(b.completed)) },
      ],
    }),
    [d.investmentByStatus],
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4} style={{ margin: 0 }}>
        工作总览
      </Typography.Title>
      <CatchUpNotice />
      <FigureCards figures={f} period={period} />
      <OverdueProblemsFigure />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title="各领域任务状态">
            <EChart option={domainOption} height={Math.max(200, d.byDomain.length * 48 + 60)} testId="chart-domains" />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="项目投资（按建设状态）">
            <EChart option={investOption} testId="chart-investment" />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <RecordListCard title="已逾期任务" count={f.tasksOverdue} color="red" items={d.overdueTasks.map(taskItem)} empty="没有逾期任务" />
        </Col>
        <Col xs={24} lg={8}>
          <RecordListCard title="有风险任务" count={f.tasksAtRisk} color="orange" items={d.atRiskTasks.map(taskItem)} empty="没有风险任务" />
        </Col>
        <Col xs={24} lg={8}>
          <RecordListCard
            title={`${year}年指标`}
            count={f.indicatorsBehind}
            color="red"
            items={d.behindIndicators.map((s) => ({ key: s.indicator.id, name: s.indicator.name, detail: `${ATTAINMENT_LABELS[s.result.attainment]}：${s.result.reason}` }))}
            empty={f.indicatorsNoData === d.indicators ? `尚未填报${year}年指标值` : '没有未达标的指标'}
            countPrefix="未达标 "
            extra={<Tag>无数据 {f.indicatorsNoData}</Tag>}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <RecordListCard
            title="已逾期项目"
            count={f.projectsOverdue}
            color="red"
            items={d.overdueProjects.map(projectItem)}
            empty="没有逾期项目"
            testId="dashboard-projects-overdue"
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                共 {f.projects} 个项目，按完成时限或建设周期判定
              </Typography.Text>
            }
          />
        </Col>
        <Col xs={24} lg={12}>
          <RecordListCard title="有风险项目" count={f.projectsAtRisk} color="orange" items={d.atRiskProjects.map(projectItem)} empty="没有风险项目" testId="dashboard-projects-at-risk" />
        </Col>
      </Row>
      {/* A task or project opened here shows over 工作总览; closing it comes back here. */}
      <OpenedRecordDrawer plan={plan} />
    </Space>
  );
}
