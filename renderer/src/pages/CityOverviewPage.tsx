import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Descriptions, Drawer, Empty, List, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../../shared/domain/task-status';
import { REPORTED_STATUS_LABELS } from '../../../shared/domain/progress';
import { chinaToday, formatMomentZh, formatPeriodZh, REPORT_DUE_DAY, shiftPeriod } from '../../../shared/domain/time';
import { buildTaskRows, type TaskRow } from '../../../shared/ledger/task-query';
import { TASK_STATUSES } from '../../../shared/ledger/aggregations';
import { bannerSummaries, bannerTotals, notReported, overseenOffices, type BannerSummary, type SubordinateOffice } from '../../../shared/ledger/city-overview';
import type { PlanData } from '../../../shared/ledger/plan-data';
import type { ImportRecord } from '../../../shared/exchange/history';
import { readPlan, useLedger, type PlanView } from '../app/store';
import { importHistory } from '../exchange/exchange-store';
import { TaskStatusTag } from '../components/TaskStatusTag';

const STATUS_TAG_COLORS: Record<TaskStatus, string> = { 'not-started': 'default', 'in-progress': 'processing', 'at-risk': 'warning', overdue: 'error', done: 'success' };
const OUTCOME_LABELS: Record<ImportRecord['outcome'], { text: string; color: string }> = {
  merged: { text: '已导入', color: 'success' },
  refused: { text: '已拒收', color: 'error' },
  'already-imported': { text: '重复文件，未再导入', color: 'default' },
};
/** The data columns a banner without records spans with one message. */
const DATA_COLUMNS = 6;

interface Loaded {
  subordinates: SubordinateOffice[];
  plans: Map<string, PlanData>;
  history: ImportRecord[];
}

const timeZh = (iso: string) => formatMomentZh(iso, false);

/** A banner's (or the total's) tasks by status, one tag per status that has any. */
function StatusTags({ counts }: { counts: Record<TaskStatus, number> }) {
  return (
    <Space size={[0, 4]} wrap>
      {TASK_STATUSES.filter((s) => counts[s] > 0).map((s) => (
        <Tag key={s} color={STATUS_TAG_COLORS[s]} style={{ fontSize: 12 }}>
          {TASK_STATUS_LABELS[s]} {counts[s]}
        </Tag>
      ))}
    </Space>
  );
}

/** Reads the banners under the city, each one's records and the import history from the local database. */
function useCityData(cityCode: string): { data: Loaded | null; error: string | null } {
  const repo = useLedger((s) => s.repo);
  // The store replaces the phase after every commit and import: read again then.
  const phase = useLedger((s) => s.phase);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!repo) return;
    let cancelled = false;
    (async () => {
      const offices = (await repo.db.offices.where('parentCode').equals(cityCode).toArray()).filter((o) => o._deleted === null);
      const plans = new Map<string, PlanData>(await Promise.all(offices.map(async (o) => [o.code, await readPlan(repo, o.code)] as const)));
      const history = await importHistory(repo.db);
      if (!cancelled) {
        setData({ subordinates: overseenOffices(cityCode, offices), plans, history });
        setError(null);
      }
    })().catch((e: unknown) => {
      if (!cancelled) setError(`无法读取各旗区数据：${e instanceof Error ? e.message : String(e)}`);
    });
    return () => {
      cancelled = true;
    };
  }, [repo, phase, cityCode]);
  return { data, error };
}

/** The city's view of its banners side by side: what arrived, and where each one stands. */
export function CityOverviewPage({ plan }: { plan: PlanView }) {
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
  const totals = useMemo(() => bannerTotals(rows), [rows]);
  const openRow = rows.find((r) => r.code === openCode) ?? null;
  const due = `${formatPeriodZh(shiftPeriod(period, 1))}${REPORT_DUE_DAY}日`;

  const noData = (r: BannerSummary) => ({ colSpan: r.hasData ? 1 : 0 });
  const columns: ColumnsType<BannerSummary> = [
    {
      title: '旗区',
      width: 130,
      fixed: 'left',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Link strong onClick={() => setOpenCode(r.code)}>
            {r.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code}
          </Typography.Text>
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
      title: '逾期',
      width: 64,
      align: 'right',
      onCell: noData,
      render: (_, r) => <Typography.Text type={r.overdue > 0 ? 'danger' : undefined}>{r.overdue}</Typography.Text>,
      sorter: (a, b) => a.overdue - b.overdue,
    },
    {
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

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4} style={{ margin: 0 }}>
        各旗区总览 · {formatPeriodZh(period)}
      </Typography.Title>
      <Typography.Text type="secondary">
        {plan.office.name}所辖旗区按月报送交换文件（应于 {due} 前报送）。导入后在此对照查看；点击旗区名称查看其任务清单和报送记录。右上角可切换月份。
      </Typography.Text>
      {error && <Alert type="error" showIcon message={error} />}
      {data &&
        (missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            data-testid="not-reported"
            message={`本期未报送的旗区（${formatPeriodZh(period)}）：${missing.length} 个`}
            description={
              <Space size={[0, 4]} wrap>
                {missing.map((r) => (
                  <Tag key={r.code} color="orange" style={{ cursor: 'pointer' }} onClick={() => setOpenCode(r.code)}>
                    {r.name}
                    {r.lastPeriodReceived ? `（最近报送 ${formatPeriodZh(r.lastPeriodReceived)}）` : '（尚未收到）'}
                  </Tag>
                ))}
              </Space>
            }
          />
        ) : (
          <Alert type="success" showIcon data-testid="not-reported" message={`各旗区均已报送${formatPeriodZh(period)}的交换文件`} />
        ))}
      <Table<BannerSummary>
        data-testid="city-overview-table"
        rowKey="code"
        columns={columns}
        dataSource={rows}
        loading={!data && !error}
        pagination={false}
        size="small"
        bordered
        scroll={{ x: 1220 }}
        locale={{ emptyText: `${plan.office.name}没有所辖旗区` }}
        onRow={(r) => ({ 'data-testid': `banner-row-${r.code}`, onClick: () => setOpenCode(r.code), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>}
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1}>
                本期已报 {totals.reported} / {totals.banners}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {totals.tasks}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3}>
                <StatusTags counts={totals.byStatus} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {totals.byStatus.overdue}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} />
              <Table.Summary.Cell index={6} align="right">
                {totals.indicatorsBehind}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7}>
                {totals.investmentCompleted} / {totals.investmentPlanned}
                {totals.investmentPercent !== null && ` （${totals.investmentPercent}%）`}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      {openRow && data && (
        <BannerDrawer row={openRow} plan={data.plans.get(openRow.code) ?? null} history={data.history} period={period} today={today} onClose={() => setOpenCode(null)} />
      )}
    </Space>
  );
}

/** One banner, read-only: its tasks as last received, and every bundle that came from it. */
function BannerDrawer({ row, plan, history, period, today, onClose }: { row: BannerSummary; plan: PlanData | null; history: readonly ImportRecord[]; period: string; today: string; onClose: () => void }) {
  const taskRows = useMemo(() => (plan ? buildTaskRows(plan, today) : []), [plan, today]);
  const imports = useMemo(() => history.filter((h) => h.officeCode === row.code).sort((a, b) => b.at.localeCompare(a.at)), [history, row.code]);

  const columns: ColumnsType<TaskRow> = [
    { title: '领域', width: 110, render: (_, r) => r.task.domainLabel },
    { title: '序号', width: 56, render: (_, r) => r.task.number },
    {
      title: '任务',
      width: 280,
      render: (_, r) => (
        <div style={{ minWidth: 0 }}>
          <span className="cell-ellipsis" style={{ fontWeight: 600 }} title={r.task.title}>
            {r.task.title}
          </span>
          <span className="cell-ellipsis cell-secondary" title={r.task.summary}>
            {r.task.summary}
          </span>
        </div>
      ),
    },
    { title: '牵头单位', width: 140, render: (_, r) => <span className="cell-ellipsis" title={r.leadNames}>{r.leadNames || '—'}</span> },
    {
      title: '状态',
      width: 84,
      render: (_, r) => <TaskStatusTag result={r.status} />,
      filters: TASK_STATUSES.map((s) => ({ text: TASK_STATUS_LABELS[s], value: s })),
      onFilter: (value, r) => r.status.status === value,
    },
    {
      title: '最新进度',
      width: 120,
      render: (_, r) =>
        r.latest ? (
          <span title={REPORTED_STATUS_LABELS[r.latest.status]}>
            {r.latest.percent}%
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              （{formatPeriodZh(r.latest.period)}）
            </Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: '本月进展',
      width: 240,
      render: (_, r) => {
        const entry = r.history.find((h) => h.period === period);
        if (!entry) return r.status.status === 'done' ? '—' : <Tag color="error">未报送</Tag>;
        return (
          <span className="cell-ellipsis" title={entry.thisMonth}>
            {entry.thisMonth || `已报送（${entry.percent}%）`}
          </span>
        );
      },
    },
  ];

  return (
    <Drawer open width="min(1100px, 94vw)" onClose={onClose} data-testid="banner-drawer" title={`${row.name} · 任务与报送记录（只读）`}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
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
            <Table<TaskRow>
              virtual
              rowKey={(r) => r.task.id}
              columns={columns}
              dataSource={taskRows}
              pagination={false}
              size="small"
              scroll={{ x: 1030, y: 480 }}
              locale={{ emptyText: '该旗区没有任务' }}
            />
          </>
        ) : (
          <Empty description={row.received ? '已收到交换文件，但本机没有该旗区的数据' : '尚未收到交换文件'} />
        )}
        <Typography.Title level={5} style={{ margin: 0 }}>
          交换文件导入记录
        </Typography.Title>
        <List
          size="small"
          bordered
          dataSource={imports}
          locale={{ emptyText: `尚未导入过${row.name}的交换文件` }}
          renderItem={(h) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <Typography.Text strong>{h.period ? `${formatPeriodZh(h.period)}报送` : '报送期不明'}</Typography.Text>
                  <Tag color={OUTCOME_LABELS[h.outcome].color}>{OUTCOME_LABELS[h.outcome].text}</Tag>
                  {h.counts && (
                    <Typography.Text type="secondary">
                      新增 {h.counts.added} 条，修改 {h.counts.changed} 条{h.counts.conflicts > 0 ? `，冲突 ${h.counts.conflicts} 条` : ''}
                    </Typography.Text>
                  )}
                </Space>
                {h.reason && <Typography.Text type="danger">{h.reason}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {timeZh(h.at)} 导入 · {h.fileName}
                  {h.fingerprint ? ` · 签名指纹 ${h.fingerprint}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Space>
    </Drawer>
  );
}
