import { useMemo } from 'react';
import { Descriptions, Drawer, Empty, Space, Tabs, Typography } from 'antd';
import { formatPeriodZh } from '../../../../shared/domain/time';
import { importsFrom, type BannerSummary } from '../../../../shared/ledger/city-overview';
import type { PlanData } from '../../../../shared/ledger/plan-data';
import { buildTaskRows } from '../../../../shared/ledger/task-query';
import type { ImportRecord } from '../../../../shared/exchange/history';
import { BannerTaskTable } from './BannerTaskTable';
import { BannerProjectTable } from './BannerProjectTable';
import { BannerIndicatorTable } from './BannerIndicatorTable';
import { BannerMonthTable } from './BannerMonthTable';
import { BannerImportList } from './BannerImportList';
import { OfficeConflictTag } from './OfficeConflictTag';

/** The figures the overview row gives, repeated at the top of the drill-in. */
function BannerFigures({ row, period }: { row: BannerSummary; period: string }) {
  return (
    <Descriptions size="small" column={3} bordered>
      <Descriptions.Item label="最近报送期">{row.lastPeriodReceived ? formatPeriodZh(row.lastPeriodReceived) : '—'}</Descriptions.Item>
      <Descriptions.Item label="任务（逾期）">
        {row.tasks}（{row.overdue}）
      </Descriptions.Item>
      <Descriptions.Item label="项目（逾期）">
        {row.projects}（{row.projectsOverdue}）
      </Descriptions.Item>
      <Descriptions.Item label={`${formatPeriodZh(period)}报送率`}>
        {row.coverage ?? 0}%（{row.reportsReceived}/{row.reportsExpected}）
      </Descriptions.Item>
      <Descriptions.Item label={`${row.assessmentYear ?? ''}年指标未达标`}>{row.indicatorsBehind}</Descriptions.Item>
      <Descriptions.Item label="投资完成（万元）">
        {row.investmentCompleted} / {row.investmentPlanned}
        {row.investmentPercent !== null && `（${row.investmentPercent}%）`}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** One county office, read-only: its tasks, projects and indicators as last received, the month's reports, and every file that came from it. */
export function BannerDrawer(props: { row: BannerSummary; plan: PlanData | null; history: readonly ImportRecord[]; period: string; today: string; onClose: () => void }) {
  const { row, plan, history, period, today, onClose } = props;
  const taskRows = useMemo(() => (plan ? buildTaskRows(plan, today) : []), [plan, today]);
  const imports = useMemo(() => importsFrom(history, row.code), [history, row.code]);
  const importsTab = { key: 'imports', label: `导入记录（${imports.length}）`, children: <BannerImportList history={history} code={row.code} name={row.name} /> };
  const tabs = plan
    ? [
        { key: 'tasks', label: `任务（${taskRows.length}）`, children: <BannerTaskTable rows={taskRows} period={period} /> },
        { key: 'projects', label: `项目（${plan.projects.length}）`, children: <BannerProjectTable plan={plan} period={period} today={today} /> },
        { key: 'indicators', label: `指标（${plan.indicators.length}）`, children: <BannerIndicatorTable plan={plan} period={period} /> },
        { key: 'month', label: `${formatPeriodZh(period)}进展`, children: <BannerMonthTable plan={plan} period={period} today={today} /> },
        importsTab,
      ]
    : [importsTab];

  return (
    <Drawer open width="min(1180px, 96vw)" onClose={onClose} data-testid="banner-drawer" title={`${row.name} · 任务、项目、指标与报送记录（只读）`}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <OfficeConflictTag code={row.code} name={row.name} />
        <Typography.Text type="secondary">以下为最近导入的交换文件中的数据，只能查看；如需更正，请通知{row.name}无废办修改后重新报送。</Typography.Text>
        {plan ? <BannerFigures row={row} period={period} /> : <Empty description={row.received ? '已收到交换文件，但本机没有该旗区的数据' : row.notImported ? `已收到但未导入：${row.notImported.reason}` : '尚未收到交换文件'} />}
        <Tabs items={tabs} destroyInactiveTabPane data-testid="banner-tabs" />
      </Space>
    </Drawer>
  );
}
