import { useEffect, useMemo, useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { PlanData } from '../../../../shared/views/plan-data';
import { problemList, problemCounts, subjectTitleOf, type ProblemFilter } from '../../../../shared/views/problems';
import { searchProblemViews } from '../../../../shared/views/problems-view';
import { PROBLEM_KIND_LABELS, PROBLEM_STATUS_LABELS, ProblemKindSchema, type ProblemStatus } from '../../../../shared/domain/problem';
import { problemListDocument } from '../../../../shared/print/problem-list';
import type { PrintDocument } from '../../../../shared/print/document';
import { chinaToday } from '../../../../shared/domain/time';
import { usePageViewState } from '../../app/use-page-view-state';
import { stringFilter } from '../../app/page-view-state';
import { useFillHeight } from '../../components/use-fill-height';
import { PrintPreview } from '../../components/print/PrintPreview';
import { RaiseNotice } from '../../components/problems/RaiseNotice';
import { ProblemDrawer } from '../../components/problems/ProblemDrawer';
import { NewProblemModal } from '../../components/problems/NewProblemModal';
import { useAppState } from '../../app/store';
import { useProblemContext, useProblems } from '../../components/problems/use-problems';
import { ProblemFilters, type ProblemFilterValues, type StatusChoice } from './ProblemFilters';
import { ProblemTable } from './ProblemTable';

const STATUS_CHOICES: StatusChoice[] = ['unclosed', 'open', 'in-progress', 'overdue', 'closed', 'all'];

/** "#/problems?status=overdue": the status a link asked for (the dashboard's 逾期问题), or null. */
function statusInHash(): StatusChoice | null {
  const query = window.location.hash.split('?')[1] ?? '';
  const asked = new URLSearchParams(query).get('status');
  return STATUS_CHOICES.find((s) => s === asked) ?? null;
}

/** 问题清单: the office's problems by unit, due date and age, overdue first; each opens its drawer; the list prints. */
export function ProblemsPage({ plan }: { plan: PlanData }) {
  const ctx = useProblemContext() ?? plan;
  const problems = useProblems();
  const today = chinaToday();
  const { view, setView, setFilter } = usePageViewState('problems');
  useEffect(() => {
    const asked = statusInHash();
    if (asked) setFilter('status', asked);
  }, [setFilter]);
  const values: ProblemFilterValues = {
    unit: stringFilter(view, 'unit'),
    status: STATUS_CHOICES.find((s) => s === stringFilter(view, 'status')) ?? 'unclosed',
    kind: ProblemKindSchema.safeParse(stringFilter(view, 'kind')).data,
    subject: stringFilter(view, 'subject'),
    text: view.text,
  };
  const filter: ProblemFilter = {
    ...(values.unit ? { unit: values.unit } : {}),
    ...(values.subject ? { subjectId: values.subject } : {}),
    ...(values.status !== 'all' ? { status: values.status } : {}),
  };
  const views = useMemo(() => searchProblemViews(problemList(ctx, problems, today, filter), { kind: values.kind, text: values.text }), [ctx, problems, today, JSON.stringify(filter), values.kind, values.text]); // eslint-disable-line react-hooks/exhaustive-deps
  const counts = useMemo(() => problemCounts(problems, today), [problems, today]);
  const subjects = useMemo(() => {
    const seen = new Map(problems.map((p) => [p.subjectId, subjectTitleOf(ctx, p.subjectKind, p.subjectId)]));
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  }, [problems, ctx]);
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = useMemo(() => (openId ? (problemList(ctx, problems.filter((p) => p.id === openId), today)[0] ?? null) : null), [openId, ctx, problems, today]);
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const [tableRef, tableHeight] = useFillHeight();
  const [adding, setAdding] = useState(false);
  const officeCode = plan.office.code;
  const readOnly = useAppState(({ phase }) => (phase.kind === 'ready' ? phase.all.office.plans?.find((p) => p.id === phase.viewPlanId)?.status === 'closed' : true));

  const note = [
    values.unit ? ctx.departments.find((d) => d.id === values.unit)?.name : '',
    values.status === 'unclosed' ? '未销号' : values.status === 'all' ? '' : PROBLEM_STATUS_LABELS[values.status as ProblemStatus],
    values.kind ? `${PROBLEM_KIND_LABELS[values.kind]}问题` : '',
    values.text ? `含“${values.text}”` : '',
  ].filter(Boolean);
  const change = (name: keyof ProblemFilterValues, value: string | undefined) => (name === 'text' ? setView({ text: value ?? '', page: 1 }) : setFilter(name, value ?? null));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          问题清单
        </Typography.Title>
        <Space>
          {!readOnly && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-problem">
              登记问题
            </Button>
          )}
          <Button icon={<PrinterOutlined />} onClick={() => setDoc(problemListDocument({ officeName: plan.office.name, day: today, views, ...(note.length ? { note: `筛选：${note.join('、')}` } : {}) }))} data-testid="print-problems">
            打印
          </Button>
        </Space>
      </Space>
      <Typography.Text type="secondary" data-testid="problem-counts">
        未销号 {counts.open} 个，其中已逾期 <Typography.Text type={counts.overdue ? 'danger' : undefined}>{counts.overdue}</Typography.Text> 个；已销号 {counts.closed} 个。一般问题 1 个月内、复杂问题 3 个月内办结，特殊问题按无废办确定的时限。
      </Typography.Text>
      <RaiseNotice />
      <ProblemFilters values={values} departments={ctx.departments} subjects={subjects} onChange={change} />
      <div ref={tableRef}>
        <ProblemTable views={views} onOpen={setOpenId} height={tableHeight} />
      </div>
      <ProblemDrawer view={opened} ctx={ctx} onClose={() => setOpenId(null)} />
      <NewProblemModal open={adding} onClose={() => setAdding(false)} ctx={ctx} officeCode={officeCode} />
      <PrintPreview doc={doc} onClose={() => setDoc(null)} />
    </Space>
  );
}
