import { useMemo } from 'react';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ATTAINMENT_LABELS, formatQuantity, formatTarget } from '../../../../shared/domain/attainment';
import type { IndicatorStanding } from '../../../../shared/views/aggregations';
import { countyIndicators } from '../../../../shared/views/county-detail';
import type { PlanData } from '../../../../shared/views/plan-data';
import { ATTAINMENT_COLORS } from '../../components/status-colors';
import { ConflictTag } from '../../components/ConflictTag';

function columns(year: number): ColumnsType<IndicatorStanding> {
  return [
    { title: '序号', width: 56, render: (_, s) => s.indicator.number },
    {
      title: '指标',
      width: 260,
      render: (_, s) => (
        <span className="cell-ellipsis" title={s.indicator.name}>
          <ConflictTag recordId={s.indicator.id} />
          {s.indicator.name}
        </span>
      ),
    },
    { title: '单位', width: 70, render: (_, s) => s.indicator.unit ?? '—' },
    { title: `${year}年目标`, width: 90, render: (_, s) => (s.result.target ? formatTarget(s.result.target.target) : '—') },
    { title: '实际值', width: 90, render: (_, s) => (s.result.actual ? formatQuantity(s.result.actual) : '—') },
    {
      title: '达标情况',
      width: 300,
      render: (_, s) => (
        <span>
          <Tag color={ATTAINMENT_COLORS[s.result.attainment].tag}>{ATTAINMENT_LABELS[s.result.attainment]}</Tag>
          {s.result.attainment !== 'no-data' && <span className="cell-secondary">{s.result.reason}</span>}
        </span>
      ),
    },
  ];
}

/** A county office's indicators, each judged against the assessment year's target. */
export function CountyIndicatorTable({ plan, period }: { plan: PlanData; period: string }) {
  const { year, standings } = useMemo(() => countyIndicators(plan, period), [plan, period]);
  return (
    <Table<IndicatorStanding>
      rowKey={(s) => s.indicator.id}
      columns={columns(year)}
      dataSource={standings}
      pagination={false}
      size="small"
      scroll={{ x: 866, y: 440 }}
      data-testid="county-indicators"
      locale={{ emptyText: '该旗区没有指标' }}
    />
  );
}
