import { useMemo, type HTMLAttributes } from 'react';
import { Table, Typography } from 'antd';
import { countyTotals, type CountySummary } from '../../../../shared/views/city-overview';
import { countyColumns } from './county-columns';
import { StatusTags } from './StatusTags';
import { usePageViewState } from '../../app/use-page-view-state';
import { withViewSort } from '../../app/page-view-state';

/** The counties side by side, with a 合计 line; a click on a line opens that county. */
export function CountyTable(props: { rows: CountySummary[]; loading: boolean; officeName: string; onOpen: (code: string) => void }) {
  const { rows, loading, officeName, onOpen } = props;
  const totals = useMemo(() => countyTotals(rows), [rows]);
  // The column sort is kept when the clerk leaves the page and comes back.
  const { view, onTableChange } = usePageViewState('overview');
  return (
    <Table<CountySummary>
      data-testid="city-overview-table"
      rowKey="code"
      columns={withViewSort(countyColumns(onOpen), view)}
      onChange={onTableChange}
      dataSource={rows}
      loading={loading}
      pagination={false}
      size="small"
      bordered
      sticky
      tableLayout="fixed"
      locale={{ emptyText: `${officeName}没有所辖旗区` }}
      onRow={(r) => ({ 'data-testid': `county-row-${r.code}`, onClick: () => onOpen(r.code), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>}
      summary={() =>
        rows.length > 0 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1}>
              已报 {totals.reported} / {totals.counties}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {totals.tasks}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              <StatusTags counts={totals.byStatus} skipOverdue />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <span data-testid="total-overdue">{totals.byStatus.overdue}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <span data-testid="total-projects-overdue">{totals.projectsByStatus.overdue}</span> / {totals.projects}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} />
            <Table.Summary.Cell index={7} align="right">
              <span data-testid="total-behind">{totals.indicatorsBehind}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8}>
              {totals.investmentCompleted} / {totals.investmentPlanned}
              {totals.investmentPercent !== null && ` ${totals.investmentPercent}%`}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
