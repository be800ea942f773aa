import { useDeferredValue, useMemo } from 'react';
import type { PlanData } from '../../../shared/views/plan-data';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { CONSTRUCTION_STATUS_LABELS, type ConstructionStatus } from '../../../shared/domain/project';
import { wanToYuan } from '../../../shared/domain/money';
import { buildProjectRows, type ProjectRow } from '../../../shared/views/project-query';
import { newProjectChange } from '../../../shared/views/record-edits';
import { countByStatus, investmentSummary, TASK_STATUSES } from '../../../shared/views/aggregations';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../../shared/domain/task-status';
import { chinaToday } from '../../../shared/domain/time';
import { TaskStatusTag } from '../components/TaskStatusTag';
import { nameLookup } from '../../../shared/views/lookups';
import { useAppState } from '../app/store';
import { newId, useCommit } from '../app/use-commit';
import { openRecord } from '../app/navigation';
import { usePageViewState } from '../app/use-page-view-state';
import { listFilter, withViewSort } from '../app/page-view-state';
import { DeadlineText } from '../components/DeadlineText';
import { ReviewMark } from '../components/ReviewMark';
import { ConflictTag } from '../components/ConflictTag';
import { OpenedRecordDrawer } from '../components/OpenedRecordDrawer';
import { PrintListButton } from '../components/print/PrintListButton';
import { ExcelBar } from '../components/excel/ExcelBar';

const byWan = (a: string | null, b: string | null) => Number(wanToYuan(a ?? '0') - wanToYuan(b ?? '0'));
const CONSTRUCTION_STATUSES = Object.keys(CONSTRUCTION_STATUS_LABELS) as ConstructionStatus[];
const DEFAULT_VIEW = { sort: { key: 'number', order: 'ascend' } } as const;

export function ProjectsPage({ plan }: { plan: PlanData }) {
  const period = useAppState((s) => s.period);
  const commit = useCommit();
  // Sort, filters and search are kept when the clerk leaves the page and comes back.
  const { view, setView, setFilter, onTableChange } = usePageViewState('projects', DEFAULT_VIEW);
  const status = listFilter(view, 'construction', CONSTRUCTION_STATUSES);
  const judged = listFilter(view, 'statuses', TASK_STATUSES);
  const today = chinaToday();
  const text = view.text;
  const query = useDeferredValue(text.trim().toLowerCase());
  const rows = useMemo(() => buildProjectRows(plan, period, today), [plan, period, today]);
  const counts = useMemo(() => countByStatus(rows), [rows]);
  const visible = rows.filter((r) => (!status.length || status.includes(r.project.constructionStatus)) && (!judged.length || judged.includes(r.status.status)) && (!query || query.split(/\s+/).every((w) => r.searchText.includes(w))));
  const money = useMemo(() => investmentSummary(plan.projects, plan.progress, period), [plan, period]);
  const shown = useMemo(() => investmentSummary(visible.map((r) => r.project), plan.progress, period), [visible, plan.progress, period]);
  const dept = useMemo(() => nameLookup(plan.departments), [plan.departments]);
  // A project opens in its drawer through the address: the back button closes it (see navigation.ts).
  const open = (id: string) => openRecord('projects', id);

  const addProject = async () => {
    const id = newId('prj');
    if (await commit(newProjectChange(plan, id))) open(id);
  };

  const columns: ColumnsType<ProjectRow> = [
    { key: 'number', title: '序号', width: 60, render: (_, r) => r.project.number, sorter: (a, b) => a.project.order - b.project.order },
    {
      key: 'name',
      title: '项目名称',
      width: 260,
      sorter: (a, b) => a.project.name.localeCompare(b.project.name, 'zh'),
      render: (_, r) => (
        <span>
          <Typography.Link strong onClick={() => open(r.project.id)} data-testid="project-title">
            {r.project.name}
          </Typography.Link>{' '}
          <ReviewMark flags={r.project.review} />
          <ConflictTag recordId={r.project.id} />
        </span>
      ),
    },
    {
      key: 'status',
      title: '状态',
      width: 220,
      sorter: (a, b) => TASK_STATUSES.indexOf(a.status.status) - TASK_STATUSES.indexOf(b.status.status),
      render: (_, r) => (
        <Space direction="vertical" size={0} data-testid="project-status">
          <TaskStatusTag result={r.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="project-status-reason">
            {r.status.reason}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '建设内容', width: 320, render: (_, r) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.project.content }} style={{ margin: 0 }}>{r.project.content}</Typography.Paragraph> },
    { key: 'units', title: '建设/责任单位', width: 170, render: (_, r) => r.unitNames || '—', sorter: (a, b) => a.unitNames.localeCompare(b.unitNames, 'zh') },
    { key: 'planned', title: '计划总投资（万元）', width: 130, align: 'right', render: (_, r) => r.project.plannedInvestment ?? '—', sorter: (a, b) => byWan(a.project.plannedInvestment, b.project.plannedInvestment) },
    { key: 'completed', title: '累计完成（万元）', width: 120, align: 'right', render: (_, r) => r.completed ?? '—', sorter: (a, b) => byWan(a.completed, b.completed) },
    { key: 'completedPercent', title: '完成率', width: 80, align: 'right', render: (_, r) => (r.completedPercent !== null ? `${r.completedPercent}%` : '—'), sorter: (a, b) => (a.completedPercent ?? -1) - (b.completedPercent ?? -1) },
    { title: '建设周期', width: 140, render: (_, r) => r.project.period?.text ?? '—' },
    { title: '完成时限', width: 200, render: (_, r) => <DeadlineText deadline={r.project.deadline} /> },
    { key: 'construction', title: '建设状态', width: 90, render: (_, r) => CONSTRUCTION_STATUS_LABELS[r.project.constructionStatus], sorter: (a, b) => a.project.constructionStatus.localeCompare(b.project.constructionStatus) },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          项目清单
        </Typography.Title>
        <Typography.Text type="secondary">
          共 <span data-testid="project-count">{plan.projects.length}</span> 个项目，计划总投资 <span data-testid="project-investment">{money.planned}</span> 万元，累计完成{' '}
          <span data-testid="project-completed">{money.completed}</span> 万元；已逾期 <span data-testid="project-overdue-count">{counts.overdue}</span> 个，有风险{' '}
          <span data-testid="project-at-risk-count">{counts['at-risk']}</span> 个
        </Typography.Text>
        <Button icon={<PlusOutlined />} onClick={addProject}>
          新增项目
        </Button>
        <PrintListButton plan={plan} request={() => ({ kind: 'project-list', period })} />
        <ExcelBar plan={plan} table="projects" />
      </Space>
      <Row gutter={12}>
        {money.byStatus.map((b) => (
          <Col key={b.status} span={6}>
            <Card size="small">
              <Statistic title={`${CONSTRUCTION_STATUS_LABELS[b.status]}（${b.count} 个）`} value={b.completed} suffix={`/ ${b.planned} 万元`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap>
        <Input.Search allowClear placeholder="搜索名称、内容、单位、进展…" style={{ width: 260 }} value={text} onChange={(e) => setView({ text: e.target.value })} aria-label="搜索项目" />
        <Select
          mode="multiple"
          allowClear
          aria-label="按状态筛选"
          placeholder="状态（逾期、风险…）"
          style={{ minWidth: 180 }}
          value={judged}
          onChange={(v: TaskStatus[]) => setFilter('statuses', v)}
          options={TASK_STATUSES.map((value) => ({ value, label: `${TASK_STATUS_LABELS[value]}（${counts[value]}）` }))}
        />
        <Select
          mode="multiple"
          allowClear
          placeholder="建设状态"
          aria-label="按建设状态筛选"
          style={{ minWidth: 160 }}
          value={status}
          onChange={(v: ConstructionStatus[]) => setFilter('construction', v)}
          options={Object.entries(CONSTRUCTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      <Table<ProjectRow>
        rowKey={(r) => r.project.id}
        columns={withViewSort(columns, view)}
        onChange={onTableChange}
        dataSource={visible}
        pagination={false}
        size="small"
        scroll={{ x: 1720, y: 520 }}
        virtual
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}>
                合计（<span data-testid="project-visible-count">{visible.length}</span> 个）
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {shown.planned}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {shown.completed}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} colSpan={4} />
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
      <Typography.Title level={5}>按建设单位汇总</Typography.Title>
      <Table
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={money.byUnit}
        data-testid="investment-by-unit"
        columns={[
          { title: '单位', render: (_, b) => dept(b.unitId) },
          { title: '项目数', dataIndex: 'count', width: 90, align: 'right' },
          { title: '计划投资（万元）', dataIndex: 'planned', width: 150, align: 'right' },
          { title: '累计完成（万元）', dataIndex: 'completed', width: 150, align: 'right' },
        ]}
      />
      <OpenedRecordDrawer plan={plan} />
    </Space>
  );
}
