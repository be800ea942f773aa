import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ProblemView } from '../../../../shared/views/problems';
import { PROBLEM_KIND_LABELS } from '../../../../shared/domain/problem';
import { Excerpt } from '../../components/Excerpt';
import { ProblemStatusTag } from '../../components/problems/ProblemStatusTag';
import { keyboardOpen } from '../../components/use-fill-height';

/** The 问题清单 as a table: overdue first (the core's order), each row opening the problem's drawer. */
export function ProblemTable({ views, onOpen, height }: { views: ProblemView[]; onOpen: (id: string) => void; height?: number }) {
  const columns: ColumnsType<ProblemView> = [
    { title: '状态', width: 100, render: (_, v) => <ProblemStatusTag view={v} /> },
    {
      title: '问题描述',
      render: (_, v) => (
        <Typography.Link {...keyboardOpen(() => onOpen(v.problem.id))} onClick={() => onOpen(v.problem.id)} data-testid="problem-link">
          {v.problem.text.length > 60 ? `${v.problem.text.slice(0, 60)}…` : v.problem.text}
        </Typography.Link>
      ),
    },
    { title: '任务 / 项目', width: 170, render: (_, v) => <Excerpt text={v.subjectTitle} limit={40} /> },
    { title: '责任单位', width: 110, render: (_, v) => v.responsibleName },
    { title: '类别', width: 58, render: (_, v) => <Tag>{PROBLEM_KIND_LABELS[v.problem.kind]}</Tag> },
    { title: '提出日期', width: 100, render: (_, v) => v.problem.raisedOn },
    { title: '办结时限', width: 100, render: (_, v) => <span data-testid="problem-due">{v.problem.due}</span> },
    { title: '已历时', width: 70, render: (_, v) => `${v.ageDays} 天` },
    { title: '最新进展', width: 170, render: (_, v) => (v.latest ? <Excerpt text={`${v.latest.date} ${v.latest.text}`} limit={30} /> : <Typography.Text type="secondary">—</Typography.Text>) },
  ];
  return (
    <Table<ProblemView>
      size="small"
      rowKey={(v) => v.problem.id}
      dataSource={views}
      columns={columns}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={height ? { y: height } : undefined}
      data-testid="problem-table"
      locale={{ emptyText: '没有符合条件的问题' }}
    />
  );
}
