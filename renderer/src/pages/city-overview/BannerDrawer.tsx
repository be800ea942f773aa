import { useMemo } from 'react';
import { Descriptions, Drawer, Empty, Space, Typography } from 'antd';
import { formatPeriodZh } from '../../../../shared/domain/time';
import type { BannerSummary } from '../../../../shared/ledger/city-overview';
import type { PlanData } from '../../../../shared/ledger/plan-data';
import { buildTaskRows } from '../../../../shared/ledger/task-query';
import type { ImportRecord } from '../../../../shared/exchange/history';
import { BannerTaskTable } from './BannerTaskTable';
import { BannerImportList } from './BannerImportList';
import { OfficeConflictTag } from './OfficeConflictTag';

/** One banner, read-only: its tasks as last received, and every bundle that came from it. */
export function BannerDrawer(props: { row: BannerSummary; plan: PlanData | null; history: readonly ImportRecord[]; period: string; today: string; onClose: () => void }) {
  const { row, plan, history, period, today, onClose } = props;
  const taskRows = useMemo(() => (plan ? buildTaskRows(plan, today) : []), [plan, today]);

  return (
    <Drawer open width="min(1100px, 94vw)" onClose={onClose} data-testid="banner-drawer" title={`${row.name} · 任务与报送记录（只读）`}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <OfficeConflictTag code={row.code} name={row.name} />
        <Typography.Text type="secondary">以下为最近导入的交换文件中的数据，只能查看；如需更正，请通知{row.name}无废办修改后重新报送。</Typography.Text>
        {plan ? (
          <>
            <Descriptions size="small" column={3} bordered>
              <Descriptions.Item label="最近报送期">{row.lastPeriodReceived ? formatPeriodZh(row.lastPeriodReceived) : '—'}</Descriptions.Item>
              <Descriptions.Item label="任务数">{row.tasks}</Descriptions.Item>
              <Descriptions.Item label="已逾期">{row.overdue}</Descriptions.Item>
              <Descriptions.Item label={`${formatPeriodZh(period)}报送率`}>
                {row.coverage ?? 0}%（{row.reportsReceived}/{row.reportsExpected}）
              </Descriptions.Item>
              <Descriptions.Item label={`${row.assessmentYear ?? ''}年指标未达标`}>{row.indicatorsBehind}</Descriptions.Item>
              <Descriptions.Item label="投资完成（万元）">
                {row.investmentCompleted} / {row.investmentPlanned}
                {row.investmentPercent !== null && `（${row.investmentPercent}%）`}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ margin: 0 }}>
              任务清单（{taskRows.length} 项）
            </Typography.Title>
            <BannerTaskTable rows={taskRows} period={period} />
          </>
        ) : (
          <Empty description={row.received ? '已收到交换文件，但本机没有该旗区的数据' : '尚未收到交换文件'} />
        )}
        <Typography.Title level={5} style={{ margin: 0 }}>
          交换文件导入记录
        </Typography.Title>
        <BannerImportList history={history} code={row.code} name={row.name} />
      </Space>
    </Drawer>
  );
}
