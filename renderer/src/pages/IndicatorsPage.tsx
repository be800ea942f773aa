import { useMemo, useState } from 'react';
import type { PlanData } from '../../../shared/views/plan-data';
import { Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Indicator } from '../../../shared/domain/indicator';
import { MARKER_LABELS, MARKER_SYMBOLS } from '../../../shared/domain/indicator';
import { ATTAINMENT_LABELS, formatQuantity, formatTarget, valueForYear, type Attainment, type AttainmentResult } from '../../../shared/domain/attainment';
import { assessmentYear, countByAttainment, indicatorStandings } from '../../../shared/views/aggregations';
import { groupBy, nameLookup } from '../../../shared/views/lookups';
import { useAppState } from '../app/store';
import { usePageViewState } from '../app/use-page-view-state';
import { useFillHeight } from '../components/use-fill-height';
import { ReviewMark } from '../components/ReviewMark';
import { ConflictTag } from '../components/ConflictTag';
import { PrintListButton } from '../components/print/PrintListButton';
import { ExcelBar } from '../components/excel/ExcelBar';
import { IndicatorValueModal } from '../components/IndicatorValueModal';
import { ATTAINMENT_COLORS } from '../components/status-colors';

/** Row spans that merge equal level-1 / level-2 cells, as the official table prints them. */
export function spansFor(items: readonly Indicator[], key: (i: Indicator) => string): number[] {
  const spans = new Array<number>(items.length).fill(0);
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i === items.length || key(items[i]) !== key(items[start])) {
      spans[start] = i - start;
      start = i;
    }
  }
  return spans;
}

export function IndicatorsPage({ plan }: { plan: PlanData }) {
  const period = useAppState((s) => s.period);
  const dept = useMemo(() => nameLookup(plan.departments), [plan.departments]);
  // The search is kept when the clerk leaves the page and comes back.
  const { view, setView } = usePageViewState('indicators');
  const q = view.text.trim();
  // Search by number, level, name or responsible department; the merged level cells follow the rows shown.
  const items = useMemo(
    () => (q ? plan.indicators.filter((i) => [i.number, i.level1, i.level2, i.name, ...i.responsibleDepartmentIds.map(dept)].some((t) => t.includes(q))) : plan.indicators),
    [plan.indicators, q, dept],
  );
  const targetYears = useMemo(() => [...new Set(plan.indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort(), [plan.indicators]);
  const [year, setYear] = useState(() => assessmentYear(plan.indicators, period));
  const [editing, setEditing] = useState<Indicator | null>(null);
  const [tableRef, tableHeight] = useFillHeight();
  const valuesBy = useMemo(() => groupBy(plan.indicatorValues, (v) => v.indicatorId), [plan.indicatorValues]);
  const standings = useMemo(() => new Map(indicatorStandings(items, plan.indicatorValues, year).map((s) => [s.indicator.id, s.result])), [items, plan.indicatorValues, year]);
  const counts = useMemo(() => countByAttainment([...standings.values()]), [standings]);
  const span1 = useMemo(() => spansFor(items, (i) => i.level1), [items]);
  const span2 = useMemo(() => spansFor(items, (i) => `${i.level1}/${i.level2}`), [items]);
  const baselineYear = items.find((i) => i.baseline)?.baseline?.year;
  const yearOptions = [...new Set([...targetYears, year, Number(period.slice(0, 4)), 2021, 2022, 2023, 2024, 2025])].sort();

  // Widths add up to what fits beside the menu at 1440 px, so no 责任单位 is hidden under the pinned columns there.
  const columns: ColumnsType<Indicator> = [
    { title: '一级指标', width: 72, render: (_, i) => i.level1, onCell: (_, idx = 0) => ({ rowSpan: span1[idx] }) },
    { title: '二级指标', width: 84, render: (_, i) => i.level2, onCell: (_, idx = 0) => ({ rowSpan: span2[idx] }) },
    { title: '序号', width: 46, dataIndex: 'number' },
    {
      title: '三级指标',
      width: 200,
      render: (_, i) => (
        <span>
          {i.name}
          {i.marker && (
            <Tooltip title={MARKER_LABELS[i.marker]}>
              <span style={{ color: '#c41d7f', marginLeft: 2 }}>{MARKER_SYMBOLS[i.marker]}</span>
            </Tooltip>
          )}{' '}
          <ReviewMark flags={i.review} />
          <ConflictTag recordId={i.id} />
        </span>
      ),
    },
    { title: '单位', width: 64, render: (_, i) => i.unit ?? '—' },
    { title: `现状值${baselineYear ? `（${baselineYear}年）` : ''}`, width: 84, render: (_, i) => (i.baseline ? formatQuantity(i.baseline.value) : '—') },
    ...targetYears.map((y) => ({
      title: `${y}年目标`,
      width: 76,
      render: (_: unknown, i: Indicator) => {
        const t = i.targets.find((x) => x.year === y);
        return t ? formatTarget(t.target) : '—';
      },
    })),
    { title: '责任单位', width: 140, render: (_, i) => i.responsibleDepartmentIds.map(dept).join('、') || '—' },
    {
      title: `${year}年实际`,
      width: 96,
      fixed: 'right',
      render: (_, i) => {
        const v = valueForYear(valuesBy.get(i.id) ?? [], year);
        return (
          <Button size="small" type={v ? 'link' : 'dashed'} onClick={() => setEditing(i)} data-testid={`value-${i.number}`}>
            {v ? `${formatQuantity(v.value)}${v.month ? `（${v.month}月）` : ''}` : '填报'}
          </Button>
        );
      },
    },
    {
      title: '达标情况',
      width: 200,
      fixed: 'right',
      render: (_, i) => {
        const r = standings.get(i.id) as AttainmentResult;
        return (
          <div data-testid={`attainment-${i.number}`}>
            <Tag color={ATTAINMENT_COLORS[r.attainment].tag}>{ATTAINMENT_LABELS[r.attainment]}</Tag>
            {r.attainment !== 'no-data' && (
              // The reason is the point of the column: it wraps and is shown whole, never cut off.
              <div className="cell-secondary" style={{ fontSize: 12, whiteSpace: 'normal', overflowWrap: 'anywhere' }} data-testid="attainment-reason">
                {r.reason}
              </div>
            )}
          </div>
        );
      },
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          指标体系
        </Typography.Title>
        <Typography.Text type="secondary">
          共 <span data-testid="indicator-count">{items.length}</span> 项指标
          {(['national', 'city', 'county'] as const).map((m) => {
            const n = items.filter((i) => i.marker === m).length;
            return n ? `，${MARKER_SYMBOLS[m]} ${MARKER_LABELS[m]} ${n} 项` : '';
          })}
        </Typography.Text>
      </Space>
      <Space wrap>
        <Input.Search allowClear placeholder="搜索指标名称、序号或责任单位" value={view.text} onChange={(e) => setView({ text: e.target.value })} style={{ width: 260 }} aria-label="搜索指标" />
        {q && <Typography.Text type="secondary" data-testid="indicator-visible-count">{items.length}</Typography.Text>}
        <span>评估年度</span>
        <Select value={year} onChange={setYear} style={{ width: 110 }} aria-label="评估年度" options={yearOptions.map((y) => ({ value: y, label: `${y}年` }))} />
        <PrintListButton plan={plan} request={() => ({ kind: 'indicators', period, year })} />
        <ExcelBar plan={plan} table="indicators" />
        {(Object.keys(ATTAINMENT_LABELS) as Attainment[]).map((a) => (
          <Tag key={a} color={ATTAINMENT_COLORS[a].tag}>
            {ATTAINMENT_LABELS[a]} {counts[a]}
          </Tag>
        ))}
      </Space>
      <div ref={tableRef}>
        <Table<Indicator> rowKey="id" columns={columns} dataSource={items} pagination={false} size="small" bordered scroll={{ x: columns.reduce((w, c) => w + Number(c.width ?? 0), 0), y: tableHeight }} />
      </div>
      <IndicatorValueModal indicator={editing} year={year} values={editing ? (valuesBy.get(editing.id) ?? []) : []} onClose={() => setEditing(null)} />
    </Space>
  );
}
