import { Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatPeriodZh } from '../../../../shared/domain/time';
import type { CountySummary } from '../../../../shared/views/city-overview';
import { StatusTags } from './StatusTags';
import { timeZh } from './time-zh';
import { OfficeConflictTag } from './OfficeConflictTag';

/** The data columns a county without records spans with one message. */
const DATA_COLUMNS = 8;
const noData = (r: CountySummary) => ({ colSpan: r.hasData ? 1 : 0 });
const small = { fontSize: 12 } as const;

/** 本期报送: reported (when imported), arrived but refused (why), or not received. One line. */
function Received({ r }: { r: CountySummary }) {
  if (r.reportedForPeriod && r.lastPeriodReceived)
    return (
      <Tooltip title={r.lastImportAt ? `导入时间 ${timeZh(r.lastImportAt)}` : undefined}>
        <Tag color="success">已报</Tag>
        <span style={small}>{formatPeriodZh(r.lastPeriodReceived)}</span>
      </Tooltip>
    );
  if (r.notImported)
    return (
      <Tooltip title={`${timeZh(r.notImported.at)} 收到 ${r.notImported.fileName}：${r.notImported.reason}`}>
        <Tag color="warning" data-testid={`county-not-imported-${r.code}`}>
          已收到但未导入
        </Tag>
      </Tooltip>
    );
  return (
    <>
      <Tag color="error">未报</Tag>
      <Typography.Text type="secondary" style={small}>
        {r.lastPeriodReceived ? `最近 ${formatPeriodZh(r.lastPeriodReceived)}` : '未收到'}
      </Typography.Text>
    </>
  );
}

/** The overview's columns, one compact line per county (ten fit a 1366×768 screen); `onOpen` opens a county. */
export function countyColumns(onOpen: (code: string) => void): ColumnsType<CountySummary> {
  return [
    {
      title: '旗区',
      width: 150,
      render: (_, r) => (
        <Space size={4} title={r.currentPlan ?? undefined} style={{ whiteSpace: 'nowrap' }} data-testid={`county-plan-${r.code}`}>
          <Typography.Link strong onClick={() => onOpen(r.code)} data-testid={`county-name-${r.code}`}>
            {r.name}
          </Typography.Link>
          <OfficeConflictTag code={r.code} name={r.name} />
        </Space>
      ),
    },
    { title: '本期报送', width: 150, render: (_, r) => <Received r={r} /> },
    {
      title: '任务',
      width: 56,
      align: 'right',
      onCell: (r) => ({ colSpan: r.hasData ? 1 : DATA_COLUMNS }),
      render: (_, r) =>
        r.hasData ? (
          <span data-testid={`county-tasks-${r.code}`}>{r.tasks}</span>
        ) : (
          <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center' }}>
            {r.received ? '已收到交换文件，但本机没有该旗区的数据' : r.notImported ? `未导入：${r.notImported.reason}` : '尚未收到交换文件'}
          </Typography.Text>
        ),
    },
    { title: '任务状态', width: 196, onCell: noData, render: (_, r) => <StatusTags counts={r.byStatus} skipOverdue /> },
    {
      key: 'overdue',
      title: '逾期任务',
      width: 92,
      align: 'right',
      onCell: noData,
      render: (_, r) => (
        <Typography.Text type={r.overdue > 0 ? 'danger' : undefined} data-testid={`county-overdue-${r.code}`}>
          {r.overdue}
        </Typography.Text>
      ),
      sorter: (a, b) => a.overdue - b.overdue,
    },
    {
      key: 'projectsOverdue',
      title: '逾期项目',
      width: 96,
      align: 'right',
      onCell: noData,
      render: (_, r) => (
        <span data-testid={`county-projects-overdue-${r.code}`} title={`项目 ${r.projects} 个，有风险 ${r.projectsByStatus['at-risk']} 个（按完成时限或建设周期判定）`}>
          <Typography.Text type={r.projectsOverdue > 0 ? 'danger' : undefined}>{r.projectsOverdue}</Typography.Text>
          <Typography.Text type="secondary" style={small}>
            {' '}
            / {r.projects}
          </Typography.Text>
        </span>
      ),
      sorter: (a, b) => a.projectsOverdue - b.projectsOverdue,
    },
    {
      key: 'problemsOverdue',
      title: '逾期问题',
      width: 92,
      align: 'right',
      onCell: noData,
      render: (_, r) => (
        <span data-testid={`county-problems-overdue-${r.code}`} title={`问题清单：未销号 ${r.problemsOpen} 个，其中逾期 ${r.problemsOverdue} 个；已销号 ${r.problemsClosed} 个`}>
          <Typography.Text type={r.problemsOverdue > 0 ? 'danger' : undefined}>{r.problemsOverdue}</Typography.Text>
          <Typography.Text type="secondary" style={small}>
            {' '}
            / {r.problemsOpen}
          </Typography.Text>
        </span>
      ),
      sorter: (a, b) => a.problemsOverdue - b.problemsOverdue || a.problemsOpen - b.problemsOpen,
    },
    {
      key: 'coverage',
      title: '本月报送率',
      width: 128,
      onCell: noData,
      render: (_, r) => (
        <span title={`应报 ${r.reportsExpected} 项（任务和项目），已报 ${r.reportsReceived} 项`} data-testid={`county-coverage-${r.code}`}>
          {r.coverage ?? 0}%{' '}
          <Typography.Text type="secondary" style={small}>
            ({r.reportsReceived}/{r.reportsExpected})
          </Typography.Text>
        </span>
      ),
      sorter: (a, b) => (a.coverage ?? -1) - (b.coverage ?? -1),
    },
    {
      key: 'indicatorsBehind',
      title: '指标未达标',
      width: 108,
      align: 'right',
      onCell: noData,
      render: (_, r) => (
        <span title={`${r.assessmentYear ?? ''}年指标 ${r.indicators} 项，其中无数据 ${r.indicatorsNoData} 项`} data-testid={`county-behind-${r.code}`}>
          <Typography.Text type={r.indicatorsBehind > 0 ? 'danger' : undefined}>{r.indicatorsBehind}</Typography.Text>
          <Typography.Text type="secondary" style={small}>
            {' '}
            / {r.indicators}
          </Typography.Text>
        </span>
      ),
      sorter: (a, b) => a.indicatorsBehind - b.indicatorsBehind,
    },
    {
      title: '投资完成（万元）',
      onCell: noData,
      render: (_, r) => (
        <span title={r.investmentPercent === null ? '无计划投资' : `完成 ${r.investmentPercent}%`}>
          {r.investmentCompleted} / {r.investmentPlanned}
          {r.investmentPercent !== null && (
            <Typography.Text type="secondary" style={small}>
              {' '}
              {r.investmentPercent}%
            </Typography.Text>
          )}
        </span>
      ),
    },
  ];
}
