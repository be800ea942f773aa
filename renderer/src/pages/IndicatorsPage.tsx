import { useMemo } from 'react';
import { Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Indicator } from '../../../shared/domain/indicator';
import { MARKER_LABELS, MARKER_SYMBOLS } from '../../../shared/domain/indicator';
import { formatQuantity, formatTarget } from '../../../shared/domain/attainment';
import type { PlanView } from '../app/store';
import { nameLookup } from '../../../shared/ledger/lookups';
import { ReviewMark } from '../components/ReviewMark';

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

export function IndicatorsPage({ plan }: { plan: PlanView }) {
  const items = plan.indicators;
  const dept = useMemo(() => nameLookup(plan.departments), [plan.departments]);
  const years = useMemo(() => [...new Set(items.flatMap((i) => i.targets.map((t) => t.year)))].sort(), [items]);
  const span1 = useMemo(() => spansFor(items, (i) => i.level1), [items]);
  const span2 = useMemo(() => spansFor(items, (i) => `${i.level1}/${i.level2}`), [items]);
  const baselineYear = items.find((i) => i.baseline)?.baseline?.year;

  const columns: ColumnsType<Indicator> = [
    { title: '一级指标', width: 110, render: (_, i) => i.level1, onCell: (_, idx = 0) => ({ rowSpan: span1[idx] }) },
    { title: '二级指标', width: 120, render: (_, i) => i.level2, onCell: (_, idx = 0) => ({ rowSpan: span2[idx] }) },
    { title: '序号', width: 55, dataIndex: 'number' },
    {
      title: '三级指标',
      width: 300,
      render: (_, i) => (
        <span>
          {i.name}
          {i.marker && (
            <Tooltip title={MARKER_LABELS[i.marker]}>
              <span style={{ color: '#c41d7f', marginLeft: 2 }}>{MARKER_SYMBOLS[i.marker]}</span>
            </Tooltip>
          )}{' '}
          <ReviewMark flags={i.review} />
        </span>
      ),
    },
    { title: '单位', width: 80, render: (_, i) => i.unit ?? '—' },
    { title: `现状值${baselineYear ? `（${baselineYear}年）` : ''}`, width: 110, render: (_, i) => (i.baseline ? formatQuantity(i.baseline.value) : '—') },
    ...years.map((year) => ({
      title: `${year}年目标`,
      width: 120,
      render: (_: unknown, i: Indicator) => {
        const t = i.targets.find((x) => x.year === year);
        return t ? formatTarget(t.target) : '—';
      },
    })),
    { title: '责任单位', width: 220, render: (_, i) => i.responsibleDepartmentIds.map(dept).join('、') || '—' },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          指标体系
        </Typography.Title>
        <Typography.Text type="secondary">
          共 <span data-testid="indicator-count">{items.length}</span> 项指标
          {(['national', 'city', 'banner'] as const).map((m) => {
            const n = items.filter((i) => i.marker === m).length;
            return n ? `，${MARKER_SYMBOLS[m]} ${MARKER_LABELS[m]} ${n} 项` : '';
          })}
        </Typography.Text>
      </Space>
      <Table<Indicator> rowKey="id" columns={columns} dataSource={items} pagination={false} size="small" bordered scroll={{ x: 1200 }} />
    </Space>
  );
}
