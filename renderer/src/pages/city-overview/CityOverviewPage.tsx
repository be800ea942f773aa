import { useMemo, useState } from 'react';
import { Alert, Space, Typography } from 'antd';
import { chinaToday, formatPeriodZh, reportDueZh } from '../../../../shared/domain/time';
import { bannerSummaries, notReported } from '../../../../shared/ledger/city-overview';
import type { PlanData } from '../../../../shared/ledger/plan-data';
import { useLedger } from '../../app/store';
import { useCityData } from './use-overview-data';
import { NotReportedAlert } from './NotReportedAlert';
import { BannerTable } from './BannerTable';
import { BannerDrawer } from './BannerDrawer';
import { CityWorkbookButton } from './CityWorkbookButton';

/** The city's view of its banners side by side: what arrived, and where each one stands. */
export function CityOverviewPage({ plan }: { plan: PlanData }) {
  const period = useLedger((s) => s.period);
  const cityCode = plan.office.code;
  const { data, error } = useCityData(cityCode);
  const [openCode, setOpenCode] = useState<string | null>(null);
  const today = chinaToday();

  const rows = useMemo(
    () => (data ? bannerSummaries({ cityCode, subordinates: data.subordinates, plans: data.plans, history: data.history, period, today }) : []),
    [data, cityCode, period, today],
  );
  const missing = useMemo(() => notReported(rows), [rows]);
  const openRow = rows.find((r) => r.code === openCode) ?? null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4} style={{ margin: 0 }}>
        各旗区总览 · {formatPeriodZh(period)}
      </Typography.Title>
      <Typography.Text type="secondary">
        {plan.office.name}所辖旗区按月报送交换文件（应于 {reportDueZh(period)} 前报送）。导入后在此对照查看；点击旗区名称查看其任务清单和报送记录。右上角可切换月份。
      </Typography.Text>
      {error && <Alert type="error" showIcon message={error} />}
      {data && <CityWorkbookButton city={plan.office} period={period} today={today} summaries={rows} plans={data.plans} />}
      {data && <NotReportedAlert missing={missing} period={period} onOpen={setOpenCode} />}
      <BannerTable rows={rows} loading={!data && !error} officeName={plan.office.name} onOpen={setOpenCode} />
      {openRow && data && (
        <BannerDrawer row={openRow} plan={data.plans.get(openRow.code) ?? null} history={data.history} period={period} today={today} onClose={() => setOpenCode(null)} />
      )}
    </Space>
  );
}
