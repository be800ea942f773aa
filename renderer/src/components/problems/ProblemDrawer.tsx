import { Button, Descriptions, Drawer, Popconfirm, Space, Tabs, Timeline, Typography } from 'antd';
import type { ProblemContext, ProblemView } from '../../../../shared/views/problems';
import { problemTimeline, type ProblemEvent } from '../../../../shared/views/problems-view';
import { PROBLEM_KIND_LABELS } from '../../../../shared/domain/problem';
import { formatPeriodZh } from '../../../../shared/domain/time';
import { AuditTrail } from '../AuditTrail';
import { ConflictTag } from '../ConflictTag';
import { UndoButton } from '../UndoButton';
import { useGuardedClose } from '../unsaved-guard';
import { ProblemStatusTag } from './ProblemStatusTag';
import { CloseForm, DueForm, FollowUpForm, ReopenForm } from './ProblemForms';
import { useProblemAction } from './use-problem-action';

const EVENT_COLORS: Record<ProblemEvent['kind'], string> = { raised: 'blue', 'follow-up': 'gray', due: 'orange', closed: 'green', reopened: 'red' };

/** 办理经过: raised, follow-ups, due changes with reasons, 销号 and reopenings, oldest first. */
function ProblemHistory({ ctx, view }: { ctx: ProblemContext; view: ProblemView }) {
  return (
    <Timeline
      data-testid="problem-history"
      items={problemTimeline(ctx, view.problem).map((e) => ({
        color: EVENT_COLORS[e.kind],
        children: (
          <>
            <Typography.Text strong>
              {e.date} {e.label}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>
          </>
        ),
      }))}
    />
  );
}

/** One problem: what it is, its actions (跟进, 调整期限, 销号 or 重新打开), its history and its audit trail. */
export function ProblemDrawer({ view, ctx, onClose }: { view: ProblemView | null; ctx: ProblemContext; onClose: () => void }) {
  const close = useGuardedClose(onClose);
  const run = useProblemAction();
  if (!view) return <Drawer open={false} />;
  const { problem } = view;
  const closed = problem.closing !== null;
  const short = problem.text.length > 20 ? `${problem.text.slice(0, 20)}…` : problem.text;
  const remove = async () => {
    if (await run((ws) => ws.problems.remove(problem.id), `已删除问题“${short}”，可在回收站恢复`)) onClose();
  };
  const actions = closed
    ? [{ key: 'reopen', label: '重新打开', children: <ReopenForm problem={problem} /> }]
    : [
        { key: 'follow', label: '跟进', children: <FollowUpForm problem={problem} departments={ctx.departments} /> },
        { key: 'due', label: '调整期限', children: <DueForm problem={problem} /> },
        { key: 'close', label: '销号', children: <CloseForm problem={problem} /> },
      ];
  return (
    <Drawer
      open
      width={820}
      onClose={close}
      title={
        <Space>
          <span data-testid="problem-drawer-title">{short}</span>
          <ProblemStatusTag view={view} />
          <ConflictTag recordId={problem.id} />
        </Space>
      }
      extra={
        <Space>
          <UndoButton inDrawer />
          <Popconfirm title="删除这个问题？" description="删除后可在“回收站”中恢复。" okText="删除" cancelText="取消" onConfirm={() => void remove()}>
            <Button danger>删除</Button>
          </Popconfirm>
        </Space>
      }
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }} data-testid="problem-facts">
        <Descriptions.Item label="问题描述" span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{problem.text}</span>
        </Descriptions.Item>
        <Descriptions.Item label="任务 / 项目" span={2}>
          {view.subjectTitle}
        </Descriptions.Item>
        <Descriptions.Item label="反映单位">{view.raisedByName}</Descriptions.Item>
        <Descriptions.Item label="责任单位">{view.responsibleName}</Descriptions.Item>
        <Descriptions.Item label="类别">{PROBLEM_KIND_LABELS[problem.kind]}问题</Descriptions.Item>
        <Descriptions.Item label="来源">{problem.sourceEntryId ? `${problem.period ? formatPeriodZh(problem.period) : ''}月度报送` : '无废办登记'}</Descriptions.Item>
        <Descriptions.Item label="提出日期">{problem.raisedOn}</Descriptions.Item>
        <Descriptions.Item label="办结时限">
          <span data-testid="problem-drawer-due">{problem.due}</span>
          {view.status === 'overdue' && <Typography.Text type="danger">（已逾期 {view.daysOverdue} 天）</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="已历时">{view.ageDays} 天</Descriptions.Item>
        <Descriptions.Item label="销号">{problem.closing ? `${problem.closing.date}，${problem.closing.confirmedBy}确认` : '未销号'}</Descriptions.Item>
      </Descriptions>
      <Tabs
        key={closed ? 'closed' : 'open'}
        items={[
          ...actions,
          { key: 'history', label: '办理经过', children: <ProblemHistory ctx={ctx} view={view} /> },
          { key: 'audit', label: '修改记录', children: <AuditTrail recordId={problem.id} /> },
        ]}
      />
    </Drawer>
  );
}
