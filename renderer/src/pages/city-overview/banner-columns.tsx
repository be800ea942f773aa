import { Progress, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatPeriodZh } from '../../../../shared/domain/time';
import type { BannerSummary } from '../../../../shared/ledger/city-overview';
import { StatusTags } from './StatusTags';
import { timeZh } from './time-zh';
import { OfficeConflictTag } from './OfficeConflictTag';

/** The data columns a banner without records spans with one message. */
const DATA_COLUMNS = 7;

const noData = (r: BannerSummary) => ({ colSpan: r.hasData ? 1 : 0 });

/** The overview's columns, one line per banner; `onOpen` opens a banner's drawer. */
export function bannerColumns(onOpen: (code: string) => void): ColumnsType<BannerSummary> {
  return [
    {
      title: '旗区',
      width: 130,
      fixed: 'left',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Link strong onClick={() => onOpen(r.code)}>
            {r.name}
          </Typography.Link>
          <OfficeConflictTag code={r.code} name={r.name} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code}
          </Typography.Text>
          {r.currentPlan && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`banner-plan-${r.code}`}>
              {r.currentPlan}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '最近报送期',
      width: 150,
      render: (_, r) =>
        r.lastPeriodReceived ? (
          <Space direction="vertical" size={0}>
            <span>
              {formatPeriodZh(r.lastPeriodReceived)} {r.reportedForPeriod ? <Tag color="success">本期已报</Tag> : <Tag color="error">本期未报</Tag>}
            </span>
            {r.lastImportAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} title="导入时间">
                {timeZh(r.lastImportAt)}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Tag color="error">本期未报</Tag>
        ),
    },
    {
      title: '任务数',
      width: 80,
      align: 'right',
      onCell: (r) => ({ colSpan: r.hasData ? 1 : DATA_COLUMNS }),
      render: (_, r) =>
        r.hasData ? (
          <span data-testid={`banner-tasks-${r.code}`}>{r.tasks}</span>
        ) : (
          <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center' }}>
            {r.received ? '已收到交换文件，但本机没有该旗区的数据' : '尚未收到交换文件'}
          </Typography.Text>
        ),
    },
    {
      title: '各状态',
      width: 330,
      onCell: noData,
      render: (_, r) => <StatusTags counts={r.byStatus} />,
    },
    {
      key: 'overdue',
      title: '逾期任务',
      width: 80,
      align: 'right',
      onCell: noData,
      render: (_, r) => <Typography.Text type={r.overdue > 0 ? 'danger' : undefined}>{r.overdue}</Typography.Text>,
      sorter: (a, b) => a.overdue - b.overdue,
    },
    {
      key: 'projectsOverdue',
      title: '逾期项目',
      width: 110,
      onCell: noData,
      render: (_, r) => (
        <Space direction="vertical" size={0} title="按完成时限或建设周期判定">
          <span data-testid={`banner-projects-overdue-${r.code}`}>
            <Typography.Text type={r.projectsOverdue > 0 ? 'danger' : undefined}>{r.projectsOverdue}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              / {r.projects} 个
            </Typography.Text>
          </span>
          {r.projectsByStatus['at-risk'] > 0 && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              有风险 {r.projectsByStatus['at-risk']} 个
            </Typography.Text>
          )}
        </Space>
      ),
      sorter: (a, b) => a.projectsOverdue - b.projectsOverdue,
    },
    {
      key: 'coverage',
      title: '本月报送率',
      width: 170,
      onCell: noData,
      render: (_, r) => (
        <div title={`应报 ${r.reportsExpected} 项（任务和项目），已报 ${r.reportsReceived} 项`}>
          <Progress percent={r.coverage ?? 0} size="small" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            已报 {r.reportsReceived} / {r.reportsExpected} 项
          </Typography.Text>
        </div>
      ),
      sorter: (a, b) => (a.coverage ?? -1) - (b.coverage ?? -1),
    },
    {
      key: 'indicatorsBehind',
      title: '指标未达标',
      width: 100,
      align: 'right',
      onCell: noData,
      render: (_, r) => (
        <span title={`${r.assessmentYear ?? ''}年指标 ${r.indicators} 项，其中无数据 ${r.indicatorsNoData} 项`}>
          <Typography.Text type={r.indicatorsBehind > 0 ? 'danger' : undefined}>{r.indicatorsBehind}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            / {r.indicators}
          </Typography.Text>
        </span>
      ),
      sorter: (a, b) => a.indicatorsBehind - b.indicatorsBehind,
    },
    {
      title: '投资完成（万元）',
      width: 190,
      onCell: noData,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>
            {r.investmentCompleted} / {r.investmentPlanned}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.investmentPercent === null ? '无计划投资' : `完成 ${r.investmentPercent}%`}
          </Typography.Text>
        </Space>
      ),
    },
  ];
}
