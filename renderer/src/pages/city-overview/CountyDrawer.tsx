import { useMemo } from 'react';
import { Descriptions, Drawer, Empty, Space, Tabs, Typography } from 'antd';
import { formatPeriodZh } from '../../../../shared/domain/time';
import { importsFrom, type CountySummary } from '../../../../shared/views/city-overview';
import type { PlanData } from '../../../../shared/views/plan-data';
import { buildTaskRows } from '../../../../shared/views/task-query';
import type { ImportRecord } from '../../../../shared/exchange/history';
import { CountyTaskTable } from './CountyTaskTable';
import { CountyProjectTable } from './CountyProjectTable';
import { CountyIndicatorTable } from './CountyIndicatorTable';
import { CountyMonthTable } from './CountyMonthTable';
import { CountyImportList } from './CountyImportList';
import { OfficeConflictTag } from './OfficeConflictTag';

/** The figures the overview row gives, repeated at the top of the drill-in. */
function CountyFigures({ row, period }: { row: CountySummary; period: string }) {
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
export function CountyDrawer(props: { row: CountySummary; plan: PlanData | null; history: readonly ImportRecord[]; period: string; today: string; onClose: () => void }) {
  const { row, plan, history, period, today, onClose } = props;
  const taskRows = useMemo(() => (plan ? buildTaskRows(plan, today) : []), [plan, today]);
  const imports = useMemo(() => importsFrom(history, row.code), [history, row.code]);
  const importsTab = { key: 'imports', label: `导入记录（${imports.length}）`, children: <CountyImportList history={history} code={row.code} name={row.name} /> };
  const tabs = plan
    ? [
        { key: 'tasks', label: `任务（${taskRows.length}）`, children: <CountyTaskTable rows={taskRows} period={period} /> },
        { key: 'projects', label: `项目（${plan.projects.length}）`, children: <CountyProjectTable plan={plan} period={period} today={today} /> },
        { key: 'indicators', label: `指标（${plan.indicators.length}）`, children: <CountyIndicatorTable plan={plan} period={period} /> },
        { key: 'month', label: `${formatPeriodZh(period)}进展`, children: <CountyMonthTable plan={plan} period={period} today={today} /> },
        importsTab,
      ]
    : [importsTab];

  return (
    <Drawer open width="min(1180px, 96vw)" onClose={onClose} data-testid="county-drawer" title={`${row.name} · 任务、项目、指标与报送记录（只读）`}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <OfficeConflictTag code={row.code} name={row.name} />
        <Typography.Text type="secondary">以下为最近导入的交换文件中的数据，只能查看；如需更正，请通知{row.name}无废办修改后重新报送。</Typography.Text>
        {plan ? <CountyFigures row={row} period={period} /> : <Empty description={row.received ? '已收到交换文件，但本机没有该旗区的数据' : row.notImported ? `已收到但未导入：${row.notImported.reason}` : '尚未收到交换文件'} />}
        <Tabs items={tabs} destroyInactiveTabPane data-testid="county-tabs" />
      </Space>
    </Drawer>
  );
}
