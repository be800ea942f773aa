import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Space, Tabs, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { chinaToday, formatPeriodZh, reportDueZh } from '../../../../shared/domain/time';
import { countySummaries, notReported } from '../../../../shared/views/city-overview';
import type { PlanData } from '../../../../shared/views/plan-data';
import type { PrintDocument } from '../../../../shared/print/document';
import { cityOverviewDocument } from '../../../../shared/print/city-overview';
import { useAppState } from '../../app/store';
import { PrintPreview } from '../../components/print/PrintPreview';
import { useCityData } from './use-overview-data';
import { NotReportedAlert } from './NotReportedAlert';
import { CountyTable } from './CountyTable';
import { CountyDrawer } from './CountyDrawer';
import { CityWorkbookButton } from './CityWorkbookButton';
import { CityDocumentsBar } from '../../components/documents/CityDocumentsBar';
import { CountyProblemsPanel } from './CountyProblemsPanel';

/** The city's home page: its county offices side by side, what arrived (or was refused), and where each stands. */
export function CityOverviewPage({ plan }: { plan: PlanData }) {
  const period = useAppState((s) => s.period);
  const cityCode = plan.office.code;
  const { data, error } = useCityData(cityCode);
  const [openCode, setOpenCode] = useState<string | null>(null);
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const today = chinaToday();

  const rows = useMemo(
    () => (data ? countySummaries({ cityCode, subordinates: data.subordinates, plans: data.plans, history: data.history, period, today, problems: data.problems }) : []),
    [data, cityCode, period, today],
  );
  const missing = useMemo(() => notReported(rows), [rows]);
  const openRow = rows.find((r) => r.code === openCode) ?? null;
  const overdueProblems = rows.reduce((n, r) => n + r.problemsOverdue, 0);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          各旗区总览 · {formatPeriodZh(period)}
        </Typography.Title>
        <Space wrap>
          <CityDocumentsBar period={period} />
          {data && <CityWorkbookButton city={plan.office} period={period} today={today} summaries={rows} plans={data.plans} cityChoices={data.cityChoices} problems={data.problems} />}
          <Button icon={<PrinterOutlined />} disabled={!data} onClick={() => setDoc(cityOverviewDocument(plan.office.name, rows, { period, day: today }))} data-testid="print-overview">
            打印
          </Button>
        </Space>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        所辖旗区按月报送交换文件（应于 {reportDueZh(period)} 前报送），在“数据交换”一次导入。点击旗区查看其任务、项目、指标和报送记录；右上角可切换月份。
      </Typography.Text>
      {error && <Alert type="error" showIcon message={error} />}
      {data && <NotReportedAlert missing={missing} period={period} onOpen={setOpenCode} />}
      <Tabs
        size="small"
        items={[
          { key: 'counties', label: '各旗区', children: <CountyTable rows={rows} loading={!data && !error} officeName={plan.office.name} onOpen={setOpenCode} /> },
          {
            key: 'problems',
            label: (
              <span data-testid="city-problems-tab">
                问题清单 <Badge count={overdueProblems} size="small" title={`已逾期 ${overdueProblems} 个`} />
              </span>
            ),
            children: data ? <CountyProblemsPanel offices={data.subordinates.filter((s) => s.code !== cityCode)} plans={data.plans} problems={data.problems} today={today} /> : null,
          },
        ]}
      />
      {openRow && data && (
        <CountyDrawer row={openRow} plan={data.plans.get(openRow.code) ?? null} history={data.history} period={period} today={today} onClose={() => setOpenCode(null)} />
      )}
      <PrintPreview doc={doc} onClose={() => setDoc(null)} />
    </Space>
  );
}
