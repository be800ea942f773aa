import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { DashboardFigures } from '../../../../shared/views/dashboard';
import { formatPeriodZh } from '../../../../shared/domain/time';
import type { Period } from '../../../../shared/domain/ids';
import { TASK_STATUS_COLORS } from '../../components/status-colors';

/** 工作总览's top row: tasks by status, this month's reporting and the investment completed. */
export function FigureCards({ figures: f, period }: { figures: DashboardFigures; period: Period }) {
  const cards = [
    { title: '任务总数', value: f.tasks },
    { title: '已完成', value: f.tasksDone, color: TASK_STATUS_COLORS.done.hex },
    { title: '已逾期', value: f.tasksOverdue, color: TASK_STATUS_COLORS.overdue.hex, note: `另有逾期项目 ${f.projectsOverdue} 个` },
    { title: '有风险', value: f.tasksAtRisk, color: TASK_STATUS_COLORS['at-risk'].hex, note: `另有风险项目 ${f.projectsAtRisk} 个` },
    { title: `${formatPeriodZh(period)}报送率`, value: f.reportingCoverage, percent: true },
    { title: '项目投资完成率', value: f.investmentPercent, percent: true, note: `${f.investmentCompleted} / ${f.investmentPlanned} 万元` },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col xs={12} lg={4} key={c.title}>
          <Card size="small">
            <Statistic title={c.title} value={c.value} {...(c.percent ? { suffix: '%', precision: 1 } : {})} {...(c.color ? { valueStyle: { color: c.color } } : {})} />
            {c.note && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.note}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
