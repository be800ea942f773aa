import { useMemo, useState, type HTMLAttributes } from 'react';
import { Radio, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Problem } from '../../../../shared/domain/problem';
import type { PlanData } from '../../../../shared/views/plan-data';
import type { ProblemFilter } from '../../../../shared/views/problems';
import { countyProblemList, type CountyProblemView } from '../../../../shared/views/problems-city';
import type { SubordinateOffice } from '../../../../shared/views/city-overview';
import { Excerpt } from '../../components/Excerpt';
import { ProblemStatusTag } from '../../components/problems/ProblemStatusTag';

type Show = 'unclosed' | 'overdue' | 'closed' | 'all';
const SHOW: Record<Show, { label: string; filter: ProblemFilter }> = {
  unclosed: { label: '未销号', filter: { status: 'unclosed' } },
  overdue: { label: '已逾期', filter: { overdue: true } },
  closed: { label: '已销号', filter: { status: 'closed' } },
  all: { label: '全部', filter: {} },
};

export interface CountyProblemsPanelProps {
  offices: readonly SubordinateOffice[];
  plans: ReadonlyMap<string, PlanData>;
  problems: ReadonlyMap<string, readonly Problem[]>;
  today: string;
}

/** 问题清单 of every county office side by side, as merged here: overdue first across offices; by status and by county. */
export function CountyProblemsPanel({ offices, plans, problems, today }: CountyProblemsPanelProps) {
  const [show, setShow] = useState<Show>('unclosed');
  const [county, setCounty] = useState<string | undefined>(undefined);
  const views = useMemo(
    () => countyProblemList(offices.filter((o) => county === undefined || o.code === county), plans, problems, today, SHOW[show].filter),
    [offices, plans, problems, today, show, county],
  );
  const withProblems = offices.filter((o) => (problems.get(o.code)?.length ?? 0) > 0);
  const columns: ColumnsType<CountyProblemView> = [
    { title: '旗区', width: 96, render: (_, v) => v.officeName },
    { title: '状态', width: 100, render: (_, v) => <ProblemStatusTag view={v} /> },
    { title: '问题', render: (_, v) => <Excerpt text={v.problem.text} limit={60} /> },
    { title: '任务 / 项目', width: 170, render: (_, v) => <Excerpt text={v.subjectTitle} limit={36} /> },
    { title: '责任单位', width: 110, render: (_, v) => v.responsibleName },
    { title: '提出日期', width: 100, render: (_, v) => v.problem.raisedOn },
    { title: '办结时限', width: 100, render: (_, v) => v.problem.due },
    { title: '最新进展', width: 160, render: (_, v) => (v.latest ? <Excerpt text={`${v.latest.date} ${v.latest.text}`} limit={28} /> : <Typography.Text type="secondary">—</Typography.Text>) },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Space wrap>
        <Radio.Group value={show} onChange={(e) => setShow(e.target.value as Show)} optionType="button" size="small" aria-label="问题状态">
          {(Object.keys(SHOW) as Show[]).map((k) => (
            <Radio.Button key={k} value={k}>
              {SHOW[k].label}
            </Radio.Button>
          ))}
        </Radio.Group>
        <Select
          allowClear
          size="small"
          style={{ width: 160 }}
          placeholder="全部旗区"
          aria-label="旗区"
          value={county}
          onChange={(v: string | undefined) => setCounty(v)}
          options={withProblems.map((o) => ({ value: o.code, label: o.name }))}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          各旗区交换文件中的问题，状态按今天（{today}）计，与旗区问题清单的规则相同。
        </Typography.Text>
      </Space>
      <Table<CountyProblemView>
        size="small"
        rowKey={(v) => `${v.officeCode}:${v.problem.id}`}
        dataSource={views}
        columns={columns}
        tableLayout="fixed"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="city-problem-table"
        onRow={(v) => ({ 'data-testid': `city-problem-${v.officeCode}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: '没有符合条件的问题' }}
      />
    </Space>
  );
}
