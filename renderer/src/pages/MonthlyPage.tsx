import { useEffect, useMemo, useState } from 'react';
import type { PlanData } from '../../../shared/views/plan-data';
import { Alert, Card, Col, Progress, Row, Segmented, Space, Statistic, Typography } from 'antd';
import { chinaToday, formatPeriodZh, reportDueZh } from '../../../shared/domain/time';
import { buildTaskRows } from '../../../shared/views/task-query';
import { reportingChecklist } from '../../../shared/views/reporting';
import { buildProjectRows } from '../../../shared/views/project-query';
import { countByStatus } from '../../../shared/views/aggregations';
import type { TaskStatusResult } from '../../../shared/domain/task-status';
import { nameLookup } from '../../../shared/views/lookups';
import { useAppState } from '../app/store';
import { PrintSheetsBar } from '../components/print/PrintSheetsBar';
import { DepartmentFormsBar } from '../components/excel/DepartmentFormsBar';
import { MonthlyDocumentsBar } from '../components/documents/MonthlyDocumentsBar';

import { planById } from '../../../shared/domain/plan-period';
import { usePageViewState } from '../app/use-page-view-state';
import { stringFilter } from '../app/page-view-state';
import { DepartmentReports, type ReportShow } from './monthly/DepartmentReports';
import { NoProgressButton } from './monthly/NoProgressButton';
import { OpenedRecordDrawer } from '../components/OpenedRecordDrawer';
import { nextUnreported } from './monthly/next-item';
import { RaiseNotice } from '../components/problems/RaiseNotice';
import { useProblems } from '../components/problems/use-problems';
import { overdueByDepartment } from '../../../shared/views/problems-view';

const SHOWS: ReportShow[] = ['missing', 'reported', 'all'];

/** The monthly cycle: what is still missing for the period, department by department. */
export function MonthlyPage({ plan }: { plan: PlanData }) {
  const period = useAppState((s) => s.period);
  const rows = useMemo(() => buildTaskRows(plan, chinaToday()), [plan]);
  const checklist = useMemo(() => reportingChecklist(plan, rows, period), [plan, rows, period]);
  const dept = useMemo(() => nameLookup(plan.departments), [plan.departments]);
  const projectRows = useMemo(() => buildProjectRows(plan, period, chinaToday()), [plan, period]);
  const projectCounts = useMemo(() => countByStatus(projectRows), [projectRows]);
  /** Each item's status (tasks and projects judged alike), shown beside it in the checklist. */
  const statusOf = useMemo(() => new Map<string, TaskStatusResult>([...rows.map((r) => [r.task.id, r.status] as const), ...projectRows.map((r) => [r.project.id, r.status] as const)]), [rows, projectRows]);
  const due = reportDueZh(period);
  // Which reports are shown and which departments are open survive opening a task and coming back.
  const { view, setView, setFilter } = usePageViewState('monthly');
  const show = SHOWS.find((s) => s === stringFilter(view, 'show')) ?? 'missing';
  const [selected, setSelected] = useState<string[]>([]);
  // A choice made for one month never carries over to another month's 本月无新进展.
  useEffect(() => setSelected([]), [period, plan.office.code]);
  const readOnly = useAppState((s) => s.phase.kind === 'ready' && planById(s.phase.all.office, s.phase.viewPlanId)?.status === 'closed');
  const missingCount = checklist.expected - checklist.reported;
  const problems = useProblems();
  const overdueProblems = useMemo(() => overdueByDepartment(problems, chinaToday()), [problems]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={4} style={{ margin: 0 }}>
        月度调度 · {formatPeriodZh(period)}
      </Typography.Title>
      <Typography.Text type="secondary">各单位应于 {due} 前报送本月进展。右上角可切换月份。</Typography.Text>
      {projectRows.length > 0 && (
        <Typography.Text data-testid="monthly-project-status">
          项目 {projectRows.length} 个：已逾期 <Typography.Text type={projectCounts.overdue ? 'danger' : undefined}>{projectCounts.overdue}</Typography.Text> 个，有风险{' '}
          <Typography.Text type={projectCounts['at-risk'] ? 'warning' : undefined}>{projectCounts['at-risk']}</Typography.Text> 个，已完成 {projectCounts.done} 个（按完成时限或建设周期判定；已完成的项目不再报送）
        </Typography.Text>
      )}
      <PrintSheetsBar plan={plan} period={period} />
      <DepartmentFormsBar plan={plan} period={period} />
      <RaiseNotice />
      <MonthlyDocumentsBar period={period} />
      <Row gutter={16}>
        <Col span={6}>
          <Card>
            <Statistic title="应报送（任务+项目）" value={checklist.expected} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="已报送" value={checklist.reported} valueStyle={{ color: '#0b7a4b' }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="未报送" value={checklist.expected - checklist.reported} valueStyle={{ color: checklist.expected > checklist.reported ? '#cf1322' : undefined }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <div style={{ color: 'rgba(0,0,0,.65)', marginBottom: 8 }}>报送率</div>
            <Progress percent={checklist.coverage} data-testid="coverage" aria-label="本月报送率" />
          </Card>
        </Col>
      </Row>
      <Space wrap>
        <Segmented<ReportShow>
          aria-label="显示哪些"
          value={show}
          onChange={(v) => setFilter('show', v)}
          options={[
            { value: 'missing', label: `未报送（${missingCount}）` },
            { value: 'reported', label: `已报送（${checklist.reported}）` },
            { value: 'all', label: `全部（${checklist.expected}）` },
          ]}
        />
        {!readOnly && show !== 'reported' && <NoProgressButton plan={plan} period={period} selected={selected} onDone={() => setSelected([])} />}
        {!readOnly && show !== 'reported' && <Typography.Text type="secondary">勾选没有新进展的任务或项目，一次报送“本月无新进展”。</Typography.Text>}
      </Space>
      {readOnly && <Alert type="info" showIcon message="该方案已结束并完成终期评估，记录只读，不能再报送。" />}
      <DepartmentReports
        groups={checklist.byDepartment}
        show={show}
        departmentName={dept}
        statusOf={statusOf}
        overdueProblems={overdueProblems}
        selected={readOnly || show === 'reported' ? null : selected}
        onSelect={setSelected}
        expanded={view.expanded}
        onExpand={(expanded) => setView({ expanded })}
        emptyText={show === 'reported' ? `${formatPeriodZh(period)}还没有报送的进展` : `${formatPeriodZh(period)}的进展已全部报送`}
      />
      {/* A task or project opened from a department shows over 月度调度, which stays as it was underneath. */}
      <OpenedRecordDrawer plan={plan} nextAfter={readOnly ? undefined : (r) => nextUnreported(checklist.byDepartment, r, view.expanded)} />
    </Space>
  );
}
