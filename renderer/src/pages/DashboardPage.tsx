import { useMemo } from 'react';
import type { PlanData } from '../../../shared/ledger/plan-data';
import { Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { TASK_STATUS_LABELS } from '../../../shared/domain/task-status';
import { ATTAINMENT_LABELS } from '../../../shared/domain/attainment';
import { chinaToday, formatPeriodZh } from '../../../shared/domain/time';
import { buildTaskRows } from '../../../shared/ledger/task-query';
import { buildProjectRows, type ProjectRow } from '../../../shared/ledger/project-query';
import { assessmentYear, countByAttainment, countByDomainAndStatus, countByStatus, indicatorStandings, investmentSummary, TASK_STATUSES } from '../../../shared/ledger/aggregations';
import { reportingChecklist } from '../../../shared/ledger/reporting';
import { CONSTRUCTION_STATUS_LABELS } from '../../../shared/domain/project';
import { useLedger } from '../app/store';
import { openRecord } from '../app/navigation';
import { EChart } from '../components/EChart';
import { TASK_STATUS_COLORS } from '../components/status-colors';
import { CatchUpNotice } from '../components/CatchUpNotice';
import { OpenedRecordDrawer } from '../components/OpenedRecordDrawer';

/** What a leader reads at a glance: task status, this month's reporting, indicators behind, investment. */
export function DashboardPage({ plan }: { plan: PlanData }) {
  const period = useLedger((s) => s.period);
  const today = chinaToday();
  const year = assessmentYear(plan.indicators, period);
  const rows = useMemo(() => buildTaskRows(plan, today), [plan, today]);
  const status = useMemo(() => countByStatus(rows), [rows]);
  const byDomain = useMemo(() => countByDomainAndStatus(rows), [rows]);
  const checklist = useMemo(() => reportingChecklist(plan, rows, period), [plan, rows, period]);
  const standings = useMemo(() => indicatorStandings(plan.indicators, plan.indicatorValues, year), [plan, year]);
  const attainment = useMemo(() => countByAttainment(standings.map((s) => s.result)), [standings]);
  const money = useMemo(() => investmentSummary(plan.projects, plan.progress, period), [plan, period]);
  const overdue = rows.filter((r) => r.status.status === 'overdue');
  const atRisk = rows.filter((r) => r.status.status === 'at-risk');
  const behind = standings.filter((s) => s.result.attainment === 'behind');
  const projectRows = useMemo(() => buildProjectRows(plan, period, today), [plan, period, today]);
  const projectsOverdue = projectRows.filter((r) => r.status.status === 'overdue');
  const projectsAtRisk = projectRows.filter((r) => r.status.status === 'at-risk');
  const projectItem = (r: ProjectRow) => (
    <List.Item>
      <Space direction="vertical" size={0}>
        <Typography.Link onClick={() => openRecord('projects', r.project.id)}>{r.project.name}</Typography.Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.unitNames ? `${r.unitNames} · ` : ''}
          {r.status.reason}
        </Typography.Text>
      </Space>
    </List.Item>
  );

  const domainOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 110, right: 20, top: 30, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: byDomain.map((d) => d.label), inverse: true },
      series: TASK_STATUSES.map((s) => ({ name: TASK_STATUS_LABELS[s], type: 'bar', stack: 'all', itemStyle: { color: TASK_STATUS_COLORS[s].hex }, data: byDomain.map((d) => d.counts[s]) })),
    }),
    [byDomain],
  );
  const investOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: money.byStatus.map((b) => CONSTRUCTION_STATUS_LABELS[b.status]) },
      yAxis: { type: 'value', name: '万元' },
      series: [
        { name: '计划投资', type: 'bar', itemStyle: { color: '#91caff' }, data: money.byStatus.map((b) => Number(b.planned)) },
        { name: '累计完成', type: 'bar', itemStyle: { color: '#0b7a4b' }, data: money.byStatus.map((b) => Number(b.completed)) },
      ],
    }),
    [money],
  );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4} style={{ margin: 0 }}>
        工作总览
      </Typography.Title>
      <CatchUpNotice />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={4}>
          <Card size="small">
            <Statistic title="任务总数" value={rows.length} />
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <Statistic title="已完成" value={status.done} valueStyle={{ color: TASK_STATUS_COLORS.done.hex }} />
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <Statistic title="已逾期" value={status.overdue} valueStyle={{ color: TASK_STATUS_COLORS.overdue.hex }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              另有逾期项目 {projectsOverdue.length} 个
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <Statistic title="有风险" value={status['at-risk']} valueStyle={{ color: TASK_STATUS_COLORS['at-risk'].hex }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              另有风险项目 {projectsAtRisk.length} 个
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <Statistic title={`${formatPeriodZh(period)}报送率`} value={checklist.coverage} suffix="%" precision={1} />
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <Statistic title="项目投资完成率" value={money.percent ?? 0} suffix="%" precision={1} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {money.completed} / {money.planned} 万元
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title="各领域任务状态">
            <EChart option={domainOption} height={Math.max(200, byDomain.length * 48 + 60)} testId="chart-domains" />
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
          <Card size="small" title={<span>已逾期任务 <Tag color="red">{overdue.length}</Tag></span>}>
            <List
              size="small"
              dataSource={overdue.slice(0, 12)}
              locale={{ emptyText: '没有逾期任务' }}
              renderItem={(r) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Typography.Link onClick={() => openRecord('tasks', r.task.id)}>{r.task.title}</Typography.Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.leadNames} · {r.status.reason}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={<span>有风险任务 <Tag color="orange">{atRisk.length}</Tag></span>}>
            <List
              size="small"
              dataSource={atRisk.slice(0, 12)}
              locale={{ emptyText: '没有风险任务' }}
              renderItem={(r) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Typography.Link onClick={() => openRecord('tasks', r.task.id)}>{r.task.title}</Typography.Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.leadNames} · {r.status.reason}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            title={
              <span>
                {year}年指标 <Tag color="red">未达标 {attainment.behind}</Tag>
                <Tag>无数据 {attainment['no-data']}</Tag>
              </span>
            }
          >
            <List
              size="small"
              dataSource={behind.slice(0, 12)}
              locale={{ emptyText: attainment['no-data'] === standings.length ? `尚未填报${year}年指标值` : '没有未达标的指标' }}
              renderItem={(s) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Typography.Text>{s.indicator.name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {ATTAINMENT_LABELS[s.result.attainment]}：{s.result.reason}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            data-testid="dashboard-projects-overdue"
            title={
              <span>
                已逾期项目 <Tag color="red" data-testid="dashboard-projects-overdue-count">{projectsOverdue.length}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                  共 {projectRows.length} 个项目，按完成时限或建设周期判定
                </Typography.Text>
              </span>
            }
          >
            <List size="small" dataSource={projectsOverdue.slice(0, 12)} locale={{ emptyText: '没有逾期项目' }} renderItem={projectItem} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            data-testid="dashboard-projects-at-risk"
            title={
              <span>
                有风险项目 <Tag color="orange" data-testid="dashboard-projects-at-risk-count">{projectsAtRisk.length}</Tag>
              </span>
            }
          >
            <List size="small" dataSource={projectsAtRisk.slice(0, 12)} locale={{ emptyText: '没有风险项目' }} renderItem={projectItem} />
          </Card>
        </Col>
      </Row>
      {/* A task or project opened here shows over 工作总览; closing it comes back here. */}
      <OpenedRecordDrawer plan={plan} />
    </Space>
  );
}
