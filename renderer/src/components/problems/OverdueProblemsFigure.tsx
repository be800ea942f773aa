import { Card, Space, Statistic, Typography } from 'antd';
import { problemCounts } from '../../../../shared/views/problems';
import { chinaToday } from '../../../../shared/domain/time';
import { goToApproved } from '../unsaved-guard';
import { useProblems } from './use-problems';

/** 工作总览's 逾期问题: how many problems are overdue today, with a link to the 问题清单 showing just those. */
export function OverdueProblemsFigure() {
  const counts = problemCounts(useProblems(), chinaToday());
  return (
    <Card size="small" data-testid="dashboard-problems">
      <Space size={24} align="center" wrap>
        <div data-testid="dashboard-overdue-problems-count">
          <Statistic title="逾期问题" value={counts.overdue} valueStyle={counts.overdue ? { color: '#cf1322' } : undefined} />
        </div>
        <Typography.Text type="secondary">
          问题清单：未销号 {counts.open} 个，已销号 {counts.closed} 个
        </Typography.Text>
        <Typography.Link onClick={() => goToApproved('/problems?status=overdue')} data-testid="dashboard-overdue-problems">
          查看逾期问题
        </Typography.Link>
      </Space>
    </Card>
  );
}
